import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.js';
import { readJobConfig } from './read-job-config.js';

const EXAMPLES = resolve(import.meta.dirname, '../../../examples/online-retail');

describe('readJobConfig storage', () => {
  it('keeps the local example local: its { kind: local, path } warehouse resolved against the file', async () => {
    const { storage, config } = await readJobConfig(
      parseCliArgs(['--config', join(EXAMPLES, 'feature-job.yaml')]),
    );
    expect(storage.warehouse).toEqual({ kind: 'local', path: resolve(EXAMPLES, '../../.fti/warehouse') });
    expect(storage).toMatchObject({ catalog: 'folder', engine: 'duckdb', athena: undefined });
    expect(config.engine).toEqual({ kind: 'duckdb' });
  });

  it('reads the AWS example: S3 warehouse in Glue, Athena over the lake’s events', async () => {
    const { storage, config } = await readJobConfig(
      parseCliArgs(['--config', join(EXAMPLES, 'aws/feature-job.yaml')]),
    );
    expect(storage).toMatchObject({
      warehouse: { kind: 's3', bucket: 'fti-lake', prefix: 'warehouse' },
      catalog: 'glue',
      engine: 'athena',
      athena: { workGroup: 'primary', outputLocation: 's3://fti-lake/athena/results/' },
      aws: { region: 'us-east-1' },
    });
    expect(config.engine).toEqual({ kind: 'athena', relation: '"retail"."online_retail"' });
  });

  it('refuses a switch that cannot work, saying what to write', async () => {
    const local = join(EXAMPLES, 'feature-job.yaml');
    await expect(
      readJobConfig(parseCliArgs(['--config', local, '--storage', join(EXAMPLES, 'aws/storage.yaml')])),
    ).rejects.toThrow(
      /computes with engine `duckdb` but its storage says `athena`.*engine: \{ kind: athena, relation/,
    );
    await expect(
      readJobConfig(parseCliArgs(['--config', join(EXAMPLES, 'aws/feature-job.yaml'), '--warehouse', 'w'])),
    ).rejects.toThrow(/engine: `athena` reads and unloads on S3/);
  });
});
