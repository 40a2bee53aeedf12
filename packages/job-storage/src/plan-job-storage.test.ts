import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planJobStorage } from './plan-job-storage.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fti-plan-job-storage-'));
  await writeFile(join(dir, 'storage.yaml'), 'registry: s3://models/reg\naws: { region: eu-west-1 }\n');
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('planJobStorage', () => {
  it('layers the job config, then the --storage file, then the flags', async () => {
    const plan = await planJobStorage({
      job: { raw: { warehouse: 'wh', registry: 'reg' }, baseDir: '/jobs', source: 'job.yaml' },
      storageFile: join(dir, 'storage.yaml'),
      flags: { warehouse: 's3://lake/wh', registry: undefined },
      defaultsDir: '/jobs',
    });
    expect(plan.warehouse).toEqual({ kind: 's3', bucket: 'lake', prefix: 'wh' });
    expect(plan.registry).toEqual({ kind: 's3', bucket: 'models', prefix: 'reg' });
    expect(plan.aws).toEqual({ region: 'eu-west-1' });
  });

  it('without any layer gives the local defaults under defaultsDir', async () => {
    const plan = await planJobStorage({ defaultsDir: '/repo' });
    expect(plan.warehouse).toEqual({ kind: 'local', path: resolve('/repo/.fti/warehouse') });
    expect(plan.engine).toBe('duckdb');
  });
});
