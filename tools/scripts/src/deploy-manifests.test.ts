import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { workspaceRoot } from './workspace-root.mjs';

const deployDir = path.join(workspaceRoot, 'deploy');
const jobs = ['feature', 'training', 'inference', 'monitoring'] as const;

type Manifest = Record<string, unknown> & {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: unknown };
};
type Container = { name: string; image: string; command?: string[]; args?: string[]; env?: EnvVar[] };
type EnvVar = { name: string; value?: string; valueFrom?: { fieldRef?: { fieldPath: string } } };

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    );
}

function readText(relative: string): string {
  return fs.readFileSync(path.join(workspaceRoot, relative), 'utf8');
}

/** Every YAML document of a file, failing with the file's name and the parser's message. */
function parseYamlFile(file: string): unknown[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8')).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJS();
  });
}

function k8sManifests(): { file: string; manifest: Manifest }[] {
  return listFiles(path.join(deployDir, 'k8s'))
    .filter((file) => /\.ya?ml$/.test(file))
    .flatMap((file) => parseYamlFile(file).map((manifest) => ({ file, manifest: manifest as Manifest })));
}

/** The value at a path of keys inside parsed YAML, or undefined. */
function dig(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The pod spec of a Job, CronJob or Deployment. */
function podSpecOf(manifest: Manifest): Record<string, unknown> | undefined {
  const podSpec =
    manifest.kind === 'CronJob'
      ? dig(manifest, 'spec', 'jobTemplate', 'spec', 'template', 'spec')
      : dig(manifest, 'spec', 'template', 'spec');
  return podSpec as Record<string, unknown> | undefined;
}

/** Containers of a Job, CronJob or Deployment (pod template containers). */
function containersOf(manifest: Manifest): Container[] {
  return (podSpecOf(manifest)?.containers ?? []) as Container[];
}

/** `${name}` as written in a Dockerfile. */
const shellVar = (name: string) => `\${${name}}`;

/** The container's whole command line, one string (command then args). */
function commandLine(container: Container): string {
  return [...(container.command ?? []), ...(container.args ?? [])].join(' ');
}

function entryPoints(text: string): string[] {
  return [...text.matchAll(/apps\/([\w-]+)\/src\/main\.ts/g)].map((m) => m[0]);
}

function configPaths(text: string): string[] {
  return [...text.matchAll(/--config[= ]+['"]?([^\s'"]+)/g)].map((m) => m[1] as string);
}

const exists = (relative: string) => fs.existsSync(path.join(workspaceRoot, relative));

describe('deploy/ YAML', () => {
  const yamlFiles = listFiles(deployDir).filter((file) => /\.ya?ml$/.test(file));

  it('finds the k8s manifests and the workflow template', () => {
    expect(yamlFiles.map((file) => path.relative(deployDir, file)).sort()).toEqual([
      'github/workflow.yml',
      'k8s/feature-cronjob.yaml',
      'k8s/inference-indexed-job.yaml',
      'k8s/monitoring-cronjob.yaml',
      'k8s/serving-deployment.yaml',
      'k8s/serving-service.yaml',
      'k8s/storage.yaml',
      'k8s/training-cronjob.yaml',
    ]);
  });

  it.each(yamlFiles.map((file) => [path.relative(workspaceRoot, file), file]))(
    '%s parses into non-empty objects',
    (_name, file) => {
      const docs = parseYamlFile(file);
      expect(docs.length).toBeGreaterThan(0);
      for (const doc of docs) expect(Object.keys(doc as object).length).toBeGreaterThan(0);
    },
  );
});

describe('deploy/k8s', () => {
  const manifests = k8sManifests();

  it('every manifest has apiVersion, kind and metadata.name', () => {
    for (const { file, manifest } of manifests) {
      expect(typeof manifest.apiVersion, file).toBe('string');
      expect(typeof manifest.kind, file).toBe('string');
      expect(manifest.metadata?.name, file).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    }
  });

  it('has CronJobs for feature (daily), training (weekly), monitoring (daily) and one Indexed Job', () => {
    const schedules = Object.fromEntries(
      manifests
        .filter(({ manifest }) => manifest.kind === 'CronJob')
        .map(({ manifest }) => [manifest.metadata?.name, (manifest.spec as { schedule: string }).schedule]),
    );
    expect(schedules).toEqual({
      'fti-feature': '0 2 * * *',
      'fti-training': '0 4 * * 1',
      'fti-monitoring': '0 6 * * *',
    });
    const jobsOnly = manifests.filter(({ manifest }) => manifest.kind === 'Job');
    expect(jobsOnly.map(({ manifest }) => manifest.metadata?.name)).toEqual(['fti-inference']);
    expect(jobsOnly[0]?.manifest.spec).toMatchObject({
      completionMode: 'Indexed',
      completions: 4,
      parallelism: 4,
    });
  });

  it('every container runs an existing apps/<app>/src/main.ts with existing --config files', () => {
    const seen: string[] = [];
    for (const { file, manifest } of manifests) {
      for (const container of containersOf(manifest)) {
        const line = commandLine(container);
        const mains = entryPoints(line);
        expect(mains, `${file}: ${container.name}`).toEqual([`apps/${container.name}/src/main.ts`]);
        for (const main of mains) expect(exists(main), main).toBe(true);
        for (const config of configPaths(line)) expect(exists(config), `${file}: ${config}`).toBe(true);
        expect(container.image).toBe(`ghcr.io/your-org/fti-${container.name}:0.1.0`);
        seen.push(container.name);
      }
    }
    expect(seen.sort()).toEqual([...jobs, 'serving'].sort());
  });

  it('feature, training and monitoring pass their example config; inference passes none', () => {
    const configs = Object.fromEntries(
      manifests.flatMap(({ manifest }) =>
        containersOf(manifest).map((c) => [c.name, configPaths(commandLine(c))]),
      ),
    );
    expect(configs).toEqual({
      feature: ['examples/online-retail/feature-job.yaml'],
      training: ['examples/online-retail/training-job.yaml'],
      monitoring: ['examples/online-retail/monitoring-job.yaml'],
      inference: [],
      serving: [],
    });
  });

  it('the scoring shard comes from the completion index, out of 4', () => {
    const job = manifests.find(({ manifest }) => manifest.kind === 'Job');
    const [container] = containersOf(job?.manifest ?? {});
    const args = container?.args ?? [];
    expect(args[args.indexOf('--shard') + 1]).toBe('$(JOB_COMPLETION_INDEX)/4');
    expect(args.slice(0, 4)).toEqual(['--model', 'customer-buys-90d', '--alias', 'staging']);
    const index = container?.env?.find((e) => e.name === 'JOB_COMPLETION_INDEX');
    expect(index?.valueFrom?.fieldRef?.fieldPath).toBe(
      "metadata.annotations['batch.kubernetes.io/job-completion-index']",
    );
  });

  it('monitoring fails its Job without retry on exit code 3 (retrain)', () => {
    const cron = manifests.find(({ manifest }) => manifest.metadata?.name === 'fti-monitoring');
    expect(dig(cron?.manifest, 'spec', 'jobTemplate', 'spec', 'podFailurePolicy', 'rules')).toEqual([
      { action: 'FailJob', onExitCodes: { containerName: 'monitoring', operator: 'In', values: [3] } },
    ]);
  });

  it('every pod runs as a non-root user and mounts the shared .fti volume', () => {
    for (const { file, manifest } of manifests) {
      if (manifest.kind === 'PersistentVolumeClaim' || manifest.kind === 'Service') continue;
      const podSpec = podSpecOf(manifest);
      expect(podSpec?.securityContext, file).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
      expect(podSpec?.volumes, file).toEqual([
        { name: 'fti-data', persistentVolumeClaim: { claimName: 'fti-data' } },
      ]);
    }
  });
});

describe('deploy/k8s serving', () => {
  const manifests = k8sManifests();
  const deployment = manifests.find(({ manifest }) => manifest.kind === 'Deployment')?.manifest ?? {};
  const service = manifests.find(({ manifest }) => manifest.kind === 'Service')?.manifest ?? {};
  const [container] = containersOf(deployment);

  it('probes readiness on /ready and liveness on /health, on the port the Service targets', () => {
    expect(deployment.metadata?.name).toBe('fti-serving');
    const probe = (name: string) => dig(container, name, 'httpGet');
    expect(probe('readinessProbe')).toEqual({ path: '/ready', port: 'http' });
    expect(probe('livenessProbe')).toEqual({ path: '/health', port: 'http' });
    const ports = dig(container, 'ports') as { name: string; containerPort: number }[];
    const args = container?.args ?? [];
    expect(ports).toEqual([{ name: 'http', containerPort: Number(args[args.indexOf('--port') + 1]) }]);
    expect(dig(service, 'spec', 'ports')).toEqual([{ name: 'http', port: 80, targetPort: 'http' }]);
    expect(dig(service, 'spec', 'selector')).toEqual(
      dig(deployment, 'spec', 'template', 'metadata', 'labels'),
    );
    expect(dig(deployment, 'spec', 'selector', 'matchLabels')).toEqual(
      dig(deployment, 'spec', 'template', 'metadata', 'labels'),
    );
  });

  it('passes only options the serving config defines, and the reload token from an optional Secret', () => {
    const config = readText('apps/serving/src/config.ts');
    const flags = (container?.args ?? []).filter((arg) => arg.startsWith('--'));
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) {
      const key = flag.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
      expect(config, flag).toMatch(new RegExp(`^    ${key}: `, 'm'));
    }
    const token = container?.env?.find((e) => e.name === 'FTI_SERVING_RELOAD_TOKEN');
    expect(dig(token, 'valueFrom', 'secretKeyRef')).toEqual({
      name: 'fti-serving',
      key: 'reload-token',
      optional: true,
    });
    expect(config).toContain("reloadToken: 'FTI_SERVING_RELOAD_TOKEN'");
  });
});

describe('deploy/docker/Dockerfile', () => {
  const dockerfile = readText('deploy/docker/Dockerfile');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const finalStage = stages.at(-1) ?? '';

  it('has two stages on node:20-bookworm-slim, installing with npm ci', () => {
    expect(stages).toHaveLength(2);
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
    expect(stages.map((stage) => stage.split('\n')[0])).toEqual([
      `${shellVar('NODE_IMAGE')} AS build`,
      `${shellVar('NODE_IMAGE')} AS runtime`,
    ]);
    expect(stages[0]).toMatch(/^RUN npm ci\b/m);
  });

  it('the final stage runs as the non-root node user in /app', () => {
    const users = [...finalStage.matchAll(/^USER (\S+)$/gm)].map((m) => m[1]);
    expect(users).toEqual(['node']);
    expect(finalStage).toMatch(/^WORKDIR \/app$/m);
    expect(finalStage).toMatch(/^COPY --from=build --chown=node:node \/app \/app$/m);
  });

  it('the entrypoint runs apps/$APP/src/main.ts with tsx and the source condition', () => {
    const entrypoint = finalStage.match(/^ENTRYPOINT (.+)$/m)?.[1] ?? '';
    const argv = JSON.parse(entrypoint) as string[];
    expect(argv.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(argv[2]).toBe(`exec npx tsx --conditions=@fti/source apps/${shellVar('APP')}/src/main.ts "$@"`);
  });

  it('every app it names exists, and every existing job is buildable', () => {
    const header = dockerfile
      .split('\n')
      .filter((line) => line.startsWith('#'))
      .join('\n');
    const named =
      header
        .match(/APP is one of ([\w |]+) \(/)?.[1]
        ?.split('|')
        .map((s) => s.trim()) ?? [];
    expect(named).toEqual([...jobs, 'loop', 'serving']);
    for (const app of named) expect(exists(`apps/${app}/src/main.ts`), app).toBe(true);
    const defaults = [...dockerfile.matchAll(/^ARG APP=(\S+)$/gm)].map((m) => m[1]);
    expect(defaults).toEqual(['loop', 'loop']);
    for (const main of entryPoints(dockerfile)) expect(exists(main), main).toBe(true);
  });
});

describe('deploy/airflow/fti_dag.py', () => {
  const file = path.join(deployDir, 'airflow/fti_dag.py');
  const source = fs.readFileSync(file, 'utf8');

  it('is valid Python', () => {
    const result = spawnSync(
      '/usr/bin/python3',
      ['-c', 'import ast,sys; ast.parse(open(sys.argv[1]).read()); print("parsed")', file],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('parsed');
  });

  it('runs each job from an existing entry point with existing configs', () => {
    for (const job of jobs) expect(source).toContain(`apps/${job}/src/main.ts`);
    for (const main of entryPoints(source)) expect(exists(main), main).toBe(true);
    const configs = configPaths(source);
    expect(configs.sort()).toEqual([
      'examples/online-retail/feature-job.yaml',
      'examples/online-retail/monitoring-job.yaml',
      'examples/online-retail/training-job.yaml',
    ]);
    for (const config of configs) expect(exists(config), config).toBe(true);
  });

  it('chains feature >> training >> scoring >> monitoring and maps exit code 3 to retrain', () => {
    expect(source).toContain('feature >> training >> scoring >> monitoring >> branch');
    expect(source).toMatch(/^RETRAIN_EXIT_CODE = 3$/m);
    expect(source).toContain('trigger_dag_id="fti_retrain"');
  });
});

// deploy/github/workflow.yml: see github-workflow.test.ts (its nx commands run against this workspace).
