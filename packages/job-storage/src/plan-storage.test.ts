import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeStoragePlan } from './describe-storage-plan.js';
import { InvalidStorageConfigError } from './errors.js';
import { planStorage } from './plan-storage.js';

const base = resolve('/jobs/retail');

describe('planStorage', () => {
  it('defaults to local folders, DuckDB and the folder catalog', () => {
    const plan = planStorage({ layers: [], defaultsDir: '/repo' });
    expect(plan).toEqual({
      warehouse: { kind: 'local', path: resolve('/repo/.fti/warehouse') },
      catalog: 'folder',
      engine: 'duckdb',
      athena: undefined,
      registry: { kind: 'local', path: resolve('/repo/.fti/registry') },
      aws: {},
    });
  });

  it('reads the old local forms relative to their file: a path string and { kind: local, path }', () => {
    const training = planStorage({
      layers: [
        { raw: { warehouse: '../w', registry: 'r', name: 'm' }, baseDir: base, source: 'training.yaml' },
      ],
    });
    expect(training.warehouse).toEqual({ kind: 'local', path: resolve('/jobs/w') });
    expect(training.registry).toEqual({ kind: 'local', path: join(base, 'r') });
    const feature = planStorage({
      layers: [
        {
          raw: { warehouse: { kind: 'local', path: 'wh' }, engine: 'duckdb' },
          baseDir: base,
          source: 'f.yaml',
        },
      ],
    });
    expect(feature.warehouse).toEqual({ kind: 'local', path: join(base, 'wh') });
  });

  it('switches everything to AWS with s3:// locations, Glue and Athena, filling Athena defaults', () => {
    const plan = planStorage({
      layers: [
        {
          raw: {
            warehouse: 's3://fti-lake/warehouse/',
            catalog: 'glue',
            engine: { kind: 'athena', relation: '"retail"."transactions"' },
            athena: { database: 'retail' },
            registry: 's3://fti-lake/registry',
            aws: { region: 'eu-west-1', endpoint: 'http://127.0.0.1:5000' },
          },
          baseDir: base,
          source: 'aws.yaml',
        },
      ],
    });
    expect(plan.warehouse).toEqual({ kind: 's3', bucket: 'fti-lake', prefix: 'warehouse' });
    expect(plan.registry).toEqual({ kind: 's3', bucket: 'fti-lake', prefix: 'registry' });
    expect(plan.athena).toEqual({
      workGroup: 'primary',
      outputLocation: 's3://fti-lake/warehouse/_athena/results/',
      unloadLocation: 's3://fti-lake/warehouse/_athena/unload/',
      database: 'retail',
    });
    expect(describeStoragePlan(plan)).toBe(
      'warehouse s3://fti-lake/warehouse (glue catalog), engine athena (workgroup primary, results ' +
        's3://fti-lake/warehouse/_athena/results/), registry s3://fti-lake/registry, region eu-west-1, ' +
        'endpoint http://127.0.0.1:5000',
    );
  });

  it('lifts the feature job’s older { kind: s3, bucket, prefix, catalog, region, endpoint } form', () => {
    const plan = planStorage({
      layers: [
        {
          raw: {
            warehouse: { kind: 's3', bucket: 'lake', prefix: '/a/b/', catalog: 'glue', region: 'us-east-1' },
          },
          baseDir: base,
          source: 'f.yaml',
        },
      ],
    });
    expect(plan.warehouse).toEqual({ kind: 's3', bucket: 'lake', prefix: 'a/b' });
    expect(plan.catalog).toBe('glue');
    expect(plan.aws).toEqual({ region: 'us-east-1' });
  });

  it('lets later layers (a --storage file, then flags) override earlier ones field by field', () => {
    const plan = planStorage({
      layers: [
        { raw: { warehouse: 'w', aws: { region: 'eu-west-1' } }, baseDir: base, source: 'job.yaml' },
        {
          raw: { warehouse: 's3://lake/fti', catalog: 'glue', aws: { endpoint: 'http://localhost:4566' } },
          baseDir: '/elsewhere',
          source: 'storage.yaml',
        },
        { raw: { registry: '/tmp/r' }, baseDir: '/cwd', source: '--registry' },
      ],
    });
    expect(plan.warehouse).toEqual({ kind: 's3', bucket: 'lake', prefix: 'fti' });
    expect(plan.aws).toEqual({ region: 'eu-west-1', endpoint: 'http://localhost:4566' });
    expect(plan.registry).toEqual({ kind: 'local', path: resolve('/tmp/r') });
  });

  it('names the source and field of bad input and of setups that cannot work', () => {
    const attempt = (raw: Record<string, unknown>) => () =>
      planStorage({ layers: [{ raw, baseDir: base, source: 'job.yaml' }] });
    expect(attempt({ warehouse: 's3://A_bucket' })).toThrow(/job\.yaml[\s\S]*does not name an S3 bucket/);
    expect(attempt({ catalog: 'hive' })).toThrow(/catalog/);
    expect(attempt({ aws: { endpoint: 'localhost' } })).toThrow(/aws\.endpoint/);
    expect(attempt({ athena: { outputLocation: '/tmp' } })).toThrow(/athena\.outputLocation/);
    expect(attempt({ catalog: 'glue' })).toThrow(
      'catalog: `glue` needs an S3 warehouse (Glue tables point at metadata on S3)',
    );
    expect(attempt({ engine: 'athena' })).toThrow(InvalidStorageConfigError);
    expect(attempt({ engine: 'athena' })).toThrow(/engine: `athena` reads and unloads on S3/);
    expect(attempt({ warehouse: 's3://lake', athena: { workgroup: 'w' } })).toThrow(
      /athena: settings given but `engine` is not `athena`/,
    );
  });
});
