import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { parseTrainingConfig, type TrainingConfig } from '@fti/training-pipeline';
import { parse as parseYaml } from 'yaml';

/**
 * The Online Retail training job (`examples/online-retail/training-job.yaml`), without its folders: the loop
 * supplies its own warehouse, registry and runs folders.
 */
export async function readOnlineRetailTraining(path: string): Promise<TrainingConfig> {
  const raw = parseYaml(await readFile(path, 'utf8')) as Record<string, unknown>;
  const { warehouse: _w, registry: _r, runs: _runs, ...config } = raw;
  return parseTrainingConfig(config);
}

/** The checked-out git commit, recorded with the training run; undefined outside a git work tree. */
export function readGitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}
