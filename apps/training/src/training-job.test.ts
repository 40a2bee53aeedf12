import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.js';
import { readTrainingJob } from './training-job.js';

const example = join(import.meta.dirname, '../../../examples/online-retail/training-job.yaml');
const dir = await mkdtemp(join(tmpdir(), 'fti-training-job-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('readTrainingJob', () => {
  it('reads the Online Retail example: folders resolved against the file, defaults filled in', async () => {
    const job = await readTrainingJob(example);
    const repo = resolve(import.meta.dirname, '../../..');
    expect(job.storage.warehouse).toEqual({ kind: 'local', path: join(repo, '.fti/warehouse') });
    expect(job.storage.registry).toEqual({ kind: 'local', path: join(repo, '.fti/registry') });
    expect(job.storage).toMatchObject({ catalog: 'folder', engine: 'duckdb' });
    expect(job.runs).toEqual({ kind: 'local', path: join(repo, '.fti/runs') });
    expect(job.name).toBe('customer-buys-90d');
    expect(job.dataset.spine).toMatchObject({
      label: 'purchases_next_90d',
      from: '2010-12-05',
      to: '2011-09-04',
    });
    expect(job.dataset.features[0]?.features).toHaveLength(23);
    expect(job.preprocessing.features.map((f) => f.column).sort()).toEqual(
      [...(job.dataset.features[0]?.features ?? [])].sort(),
    );
    expect(job.tuning).toEqual({
      trials: 6,
      seed: 7,
      halving: { minEpochs: 2, maxEpochs: 12, eta: 3 },
      concurrency: 1,
    });
    expect(job.gate.alias).toBe('staging');
  });

  it('applies command-line overrides', async () => {
    const job = await readTrainingJob(example, { warehouse: 'w', trials: 2 });
    expect(job.storage.warehouse).toEqual({ kind: 'local', path: resolve('w') });
    expect(job.tuning.trials).toBe(2);
    const onS3 = await readTrainingJob(example, {
      warehouse: 's3://lake/fti',
      registry: 's3://lake/registry',
      runs: 's3://lake/runs',
    });
    expect(onS3.storage.warehouse).toEqual({ kind: 's3', bucket: 'lake', prefix: 'fti' });
    expect(onS3.storage.registry).toEqual({ kind: 's3', bucket: 'lake', prefix: 'registry' });
    expect(onS3.runs).toEqual({ kind: 's3', bucket: 'lake', prefix: 'runs' });
  });

  it('names the file and the field of a bad config, including an invalid search space', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(
      file,
      JSON.stringify({
        name: 'x',
        dataset: { spine: { kind: 'relation' }, features: [] },
        split: { kind: 'time', trainEnd: '2011' },
        preprocessing: { features: [] },
        model: { kind: 'mlp' },
        searchSpace: { 'train.batchSize': { kind: 'int', low: 5, high: 1 } },
      }),
    );
    const attempt = readTrainingJob(file);
    await expect(attempt).rejects.toThrow(`training config ${file} is invalid`);
    await expect(readTrainingJob(file)).rejects.toThrow(/split\.trainEnd/);
    await expect(readTrainingJob(file)).rejects.toThrow(
      /low must not exceed high\n {2}→ at searchSpace\["train\.batchSize"\]/,
    );
    await expect(readTrainingJob(join(dir, 'missing.yaml'))).rejects.toThrow(/cannot read training config/);
  });
});

describe('parseCliArgs', () => {
  it('defaults to the Online Retail example and reads overrides', () => {
    expect(parseCliArgs([])).toEqual({ config: 'examples/online-retail/training-job.yaml' });
    expect(parseCliArgs(['--config', 'j.yaml', '--trials', '3', '--registry', 'r'])).toEqual({
      config: 'j.yaml',
      trials: 3,
      registry: 'r',
    });
    expect(() => parseCliArgs(['--trials', 'many'])).toThrow(/trials/);
    expect(() => parseCliArgs(['--colour', 'red'])).toThrow(/colour/);
  });
});
