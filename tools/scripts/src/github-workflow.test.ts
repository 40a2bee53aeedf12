import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { workspaceRoot } from './workspace-root.mjs';

const run = promisify(execFile);
const workflow = parse(fs.readFileSync(path.join(workspaceRoot, 'deploy/github/workflow.yml'), 'utf8'));
const nx = path.join(workspaceRoot, 'node_modules', '.bin', 'nx');
// A plain Nx: no daemon, no cloud, and none of the variables of the Nx task this test may be running in.
const env = Object.fromEntries(
  Object.entries({ ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' }).filter(
    ([key]) => !key.startsWith('NX_TASK') && !key.startsWith('NX_CLI_SET'),
  ),
);

type Step = { run?: string; uses?: string; with?: Record<string, unknown>; if?: string };
const job = (name: string) => workflow.jobs[name] as { steps: Step[]; [key: string]: unknown };
const runs = (name: string) => job(name).steps.flatMap((step) => (step.run ? [step.run] : []));

/** The workspace's library projects, by name (what `release.projects: packages/*` selects). */
const packageNames = fs
  .readdirSync(path.join(workspaceRoot, 'packages'))
  .map((dir) => path.join(workspaceRoot, 'packages', dir, 'package.json'))
  .filter((file) => fs.existsSync(file))
  .map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as { name: string; version: string });

/** Whether this checkout is shallow (CI may clone with little history). */
async function isShallowClone(): Promise<boolean> {
  const { stdout } = await run('git', ['rev-parse', '--is-shallow-repository'], { cwd: workspaceRoot });
  return stdout.trim() === 'true';
}

/** `npx nx a b c` → the arguments after `nx`, split on blanks (the workflow quotes nothing). */
function nxArgs(command: string): string[] {
  const words = command.trim().split(/\s+/);
  expect(words.slice(0, 2), command).toEqual(['npx', 'nx']);
  return words.slice(2);
}

describe('deploy/github/workflow.yml', () => {
  it('tests the affected projects on Node 20, 22 and 24 from a full checkout', () => {
    expect(job('test').strategy).toEqual({ 'fail-fast': false, matrix: { node: [20, 22, 24] } });
    expect(job('test').steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(job('test').steps[1]?.with?.['node-version']).toBe(`\${{ matrix.node }}`);
    expect(runs('test')).toEqual([
      'npm ci',
      'npx nx affected -t lint test build --base=origin/main',
      'npx nx affected -t lint test build --base=HEAD~1',
    ]);
  });

  it('releases only on pushes to main, after the tests, with write access, without publishing', () => {
    expect(job('release').needs).toBe('test');
    expect(job('release').if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect(job('release').permissions).toEqual({ contents: 'write' });
    expect(runs('release').filter((command) => command.includes('nx '))).toEqual([
      'npx nx release --skip-publish',
    ]);
    expect(runs('release').at(-1)).toBe('git push --follow-tags');
  });

  it("the affected commands plan lint, test and build of a change's project and its dependents only", async () => {
    // The workflow's own arguments, with a fixed change instead of a git range, printed as a task graph.
    const commands = new Set(
      runs('test')
        .filter((command) => command.includes(' affected '))
        .map((command) =>
          nxArgs(command)
            .map((arg) => (arg.startsWith('--base=') ? '--files=packages/model-runtime/src/index.ts' : arg))
            .join(' '),
        ),
    );
    expect(commands.size).toBe(1);
    for (const command of commands) {
      const { stdout } = await run(nx, [...command.split(' '), '--graph=stdout'], {
        cwd: workspaceRoot,
        env,
        maxBuffer: 64 * 1024 * 1024,
      });
      const graph = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
        tasks: { tasks: Record<string, unknown> };
      };
      const tasks = Object.keys(graph.tasks.tasks);
      for (const target of ['lint', 'test', 'build']) expect(tasks).toContain(`@fti/model-runtime:${target}`);
      // Dependents are affected (training and inference score through model-runtime) ...
      expect(tasks).toContain('@fti/training-pipeline:test');
      expect(tasks).toContain('@fti/inference-pipeline:test');
      // ... projects that do not depend on it are not (their build may still run as a dependency).
      expect(tasks).not.toContain('@fti/feature-store:test');
      expect(tasks).not.toContain('@fti/monitoring:test');
    }
  }, 120_000);

  it('nx release versions every packages/* project together from conventional commits (dry run)', async () => {
    const [command] = runs('release').filter((line) => line.includes('nx release'));
    const { stdout: out, stderr } = await run(nx, [...nxArgs(command ?? ''), '--dry-run'], {
      cwd: workspaceRoot,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    // Nx prints the file updates on stderr, the rest on stdout.
    const output = stripVTControlCharacters(`${out}\n${stderr}`);
    const versioned = [...output.matchAll(/Running release version for project: (\S+)/g)].map((m) => m[1]);
    expect(versioned.sort()).toEqual(packageNames.map((p) => p.name).sort());
    expect(output).toContain('Skipped publishing packages');
    const newVersions = new Set([...output.matchAll(/New version (\S+) written/g)].map((m) => m[1]));
    // Dry run: every manifest change is only shown.
    const shown = [...output.matchAll(/UPDATE (packages\/[\w-]+\/package\.json) \[dry-run\]/g)].map(
      (m) => m[1],
    );
    if (await isShallowClone()) {
      // A shallow clone holds no conventional commits to bump from: nothing changes.
      expect(output).toContain(
        'No changes were detected using git history and the conventional commits standard',
      );
      expect([newVersions.size, shown.length]).toEqual([0, 0]);
    } else {
      // Fixed versioning: one new version, written to every package (only shown).
      expect(newVersions.size).toBe(1);
      expect(shown.length).toBe(packageNames.length);
    }
  }, 120_000);
});
