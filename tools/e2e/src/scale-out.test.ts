import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetTableCommand } from '@aws-sdk/client-glue';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { compileFeatureSql, compileLabelSql, expandFeatureDates } from '@fti/feature-pipeline';
import { onlineRetailFeatures, onlineRetailLabels } from '@fti/feature-pipeline/examples/online-retail';
import {
  appendData,
  createTable,
  DuckDb,
  describeTable,
  loadTable,
  parseTableMetadata,
  queryTable,
} from '@fti/feature-store';
import { startMotoServer } from '@fti/feature-store/testing';
import { openStorage, planStorage, type Storage } from '@fti/job-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { type AthenaProxy, startAthenaProxy } from './athena-proxy.js';
import { plantUnload } from './plant-unload.js';
import { runJob } from './run-job.js';
import { startServer } from './start-server.js';

// The scale-out path, end to end: the Online Retail jobs with examples/online-retail/aws/*.yaml, run as
// users run them (their CLIs, separate processes, credentials from the SDK's default chain) against
// moto_server: S3 and Glue for real; Athena's SQL answered by DuckDB over the same events (moto runs none).

const ROOT = join(import.meta.dirname, '../../..');
const AWS_EXAMPLES = join(ROOT, 'examples/online-retail/aws');
const PARQUET = join(ROOT, 'examples/online-retail/data/online_retail.parquet');
/** A quarter of the customers (1,103 customers, 98,750 invoice lines) keeps the run to seconds. */
const SLICE = `SELECT * FROM read_parquet('${PARQUET}') WHERE CustomerID % 4 = 0`;
const DATES = { from: '2011-01-02', to: '2011-11-27', every: 14 };
const EVENTS = '"retail"."online_retail"';
const BUCKET = 'fti-lake';

const moto = await startMotoServer();
if (!moto) console.warn('scale-out e2e skipped: moto_server is not on PATH (pip install "moto[server]")');

describe.skipIf(!moto)('the scale-out path on moto (S3, Glue, Athena)', () => {
  const server = moto as NonNullable<typeof moto>;
  const s3 = server.s3Client();
  const glue = server.glueClient();
  const featureDates = expandFeatureDates({ from: DATES.from, to: DATES.to, everyDays: DATES.every });
  const expectedSql = {
    features: compileFeatureSql(onlineRetailFeatures, { dialect: 'athena', source: EVENTS, featureDates }),
    labels: compileLabelSql(onlineRetailLabels, { dialect: 'athena', source: EVENTS, featureDates }),
  };
  const env = {
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  let dir: string;
  let db: DuckDb;
  let proxy: AthenaProxy;
  let storage: Storage;
  let storageFile: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fti-scale-out-'));
    db = await DuckDb.open({ threads: 1 });
    await db.run(`CREATE TABLE events AS ${SLICE}`);
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    proxy = await startAthenaProxy({
      target: server.endpoint,
      onStart: (query) =>
        plantUnload({
          query,
          canned: [
            {
              athenaSql: expectedSql.features,
              duckDbSql: compileFeatureSql(onlineRetailFeatures, {
                dialect: 'duckdb',
                source: 'events',
                featureDates,
              }),
            },
            {
              athenaSql: expectedSql.labels,
              duckDbSql: compileLabelSql(onlineRetailLabels, {
                dialect: 'duckdb',
                source: 'events',
                featureDates,
              }),
            },
          ],
          db,
          s3,
          scratchDir: dir,
        }),
    });
    // The one switch, pointed at moto: examples/online-retail/aws/storage.yaml plus an endpoint.
    const written = parseYaml(await readFile(join(AWS_EXAMPLES, 'storage.yaml'), 'utf8'));
    storageFile = join(dir, 'storage.yaml');
    await writeFile(
      storageFile,
      stringifyYaml({ ...written, aws: { ...written.aws, endpoint: proxy.endpoint } }),
    );
    storage = await openStorage(
      planStorage({
        layers: [{ raw: { ...written, aws: { endpoint: server.endpoint } }, baseDir: dir, source: 'test' }],
      }),
      { clients: { s3, glue } },
    );
    // The lake's raw events, an Iceberg table registered in Glue: what Athena queries.
    const events = await createTable(storage.warehouse, {
      namespace: 'retail',
      name: 'online_retail',
      columns: [
        { name: 'InvoiceNo', type: 'string', required: true },
        { name: 'StockCode', type: 'string', required: true },
        { name: 'Description', type: 'string' },
        { name: 'Quantity', type: 'int', required: true },
        { name: 'InvoiceDate', type: 'timestamp', required: true },
        { name: 'UnitPrice', type: 'double', required: true },
        { name: 'CustomerID', type: 'int' },
        { name: 'Country', type: 'string', required: true },
      ],
      partition: [{ column: 'InvoiceDate', transform: 'month' }],
    });
    await appendData(events, { kind: 'sql', sql: SLICE });
  });

  afterAll(async () => {
    await storage?.close();
    await proxy?.close();
    db?.close();
    await server.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const expectedRows = async (sql: string) => Number((await db.query(sql))[0]?.n);

  it('computes the features on Athena and registers the tables in Glue', async () => {
    const run = await runJob({
      app: 'feature',
      args: [
        '--config',
        join(AWS_EXAMPLES, 'feature-job.yaml'),
        '--storage',
        storageFile,
        '--from',
        DATES.from,
        '--to',
        DATES.to,
        '--every',
        String(DATES.every),
        '--run-date',
        '2012-01-01',
      ],
      cwd: dir,
      env,
    });
    expect(run.output).toContain('engine athena (workgroup primary, results s3://fti-lake/athena/results/)');
    expect(run.exitCode, run.output).toBe(0);
    // The SQL Athena received: the athena-dialect compilation of the definitions, UNLOADed to Parquet.
    expect(proxy.started.map((q) => q.sql)).toEqual([
      `UNLOAD (${expectedSql.features}) TO 's3://fti-lake/warehouse/_athena/unload/${proxy.started[0]?.sql.match(/_athena\/unload\/([0-9a-f-]+)\//)?.[1]}/' WITH (format = 'PARQUET', compression = 'SNAPPY')`,
      expect.stringContaining(`UNLOAD (${expectedSql.labels}) TO 's3://fti-lake/warehouse/_athena/unload/`),
    ]);
    expect(proxy.started.every((q) => q.workGroup === 'primary')).toBe(true);
    expect(expectedSql.features).not.toEqual(
      compileFeatureSql(onlineRetailFeatures, { dialect: 'duckdb', source: EVENTS, featureDates }),
    );

    const computed = await expectedRows(
      `SELECT count(*) AS n FROM (${compileFeatureSql(onlineRetailFeatures, { dialect: 'duckdb', source: 'events', featureDates })})`,
    );
    for (const [namespace, name] of [
      ['features', 'customer_features_v1'],
      ['labels', 'customer_labels_v1'],
    ] as const) {
      const { Table } = await glue.send(new GetTableCommand({ DatabaseName: namespace, Name: name }));
      expect(Table?.Parameters?.table_type).toBe('ICEBERG');
      const location = Table?.Parameters?.metadata_location ?? '';
      expect(location).toMatch(
        new RegExp(`^s3://fti-lake/warehouse/${namespace}/${name}/metadata/.+\\.metadata\\.json$`),
      );
      // The metadata Glue points at is what our reader loads: current snapshot with every computed row.
      const object = await s3.send(
        new GetObjectCommand({ Bucket: BUCKET, Key: location.slice(`s3://${BUCKET}/`.length) }),
      );
      const metadata = parseTableMetadata(await object.Body!.transformToString(), location);
      const table = await loadTable(storage.warehouse, { namespace, name });
      expect(metadata.currentSnapshotId).toBe(table.loaded.metadata.currentSnapshotId);
      expect(table.loaded.metadataLocation).toBe(location);
      expect((await describeTable(table)).records).toBe(computed);
    }
  });

  it('trains from the S3 tables and registers a checksummed model in the S3 registry', async () => {
    const written = parseYaml(await readFile(join(AWS_EXAMPLES, 'training-job.yaml'), 'utf8'));
    const config = join(dir, 'training-job.yaml');
    await writeFile(
      config,
      stringifyYaml({
        ...written,
        tuning: { ...written.tuning, halving: { minEpochs: 1, maxEpochs: 2, eta: 2 } },
      }),
    );
    const run = await runJob({
      app: 'training',
      args: ['--config', config, '--storage', storageFile, '--trials', '1'],
      cwd: dir,
      env,
    });
    expect(run.exitCode, run.output).toBe(0);
    expect(run.output).toContain('warehouse s3://fti-lake/warehouse (glue catalog)');
    expect(run.output).toMatch(/customer-buys-90d version 1, validation ROC AUC 0\.\d+/);
    const prefix = 'registry/models/customer-buys-90d/versions/1/';
    const record = JSON.parse(
      await (
        await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `${prefix}version.json` }))
      ).Body!.transformToString(),
    ) as { artifacts: { path: string; sha256: string; size: number }[] };
    expect(record.artifacts.map((a) => a.path)).toEqual(expect.arrayContaining(['model.json']));
    for (const artifact of record.artifacts) {
      const bytes = await (
        await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `${prefix}files/${artifact.path}` }))
      ).Body!.transformToByteArray();
      expect(bytes.length).toBe(artifact.size);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(artifact.sha256);
    }
    const runs = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'runs/' }));
    expect(runs.KeyCount).toBeGreaterThan(0);
  });

  it('scores the last feature date into an Iceberg predictions table on S3, registered in Glue', async () => {
    const date = featureDates.at(-1) as string;
    const run = await runJob({
      app: 'inference',
      args: ['--storage', storageFile, '--model', 'customer-buys-90d', '--version', '1', '--date', date],
      cwd: dir,
      env,
    });
    expect(run.exitCode, run.output).toBe(0);
    const { Table } = await glue.send(
      new GetTableCommand({ DatabaseName: 'predictions', Name: 'customer_buys_90d' }),
    );
    expect(Table?.Parameters?.table_type).toBe('ICEBERG');
    const predictions = await loadTable(storage.warehouse, {
      namespace: 'predictions',
      name: 'customer_buys_90d',
    });
    const customers = await expectedRows(
      `SELECT count(*) AS n FROM (${compileFeatureSql(onlineRetailFeatures, { dialect: 'duckdb', source: 'events', featureDates: [date] })})`,
    );
    expect((await describeTable(predictions)).records).toBe(customers);
  });

  it('serves the S3 model online with the S3 features, scoring as the batch job did, and logs to S3', async () => {
    const server = await startServer({ args: ['--storage', storageFile, '--version', '1'], cwd: dir, env });
    try {
      let ready = 0;
      for (let attempt = 0; attempt < 300 && ready !== 200; attempt++) {
        ready = await fetch(`${server.url}/ready`).then(
          (r) => r.status,
          () => 0,
        );
        if (ready !== 200) await new Promise((wait) => setTimeout(wait, 100));
      }
      expect(ready, server.output()).toBe(200);
      const predictions = await loadTable(storage.warehouse, {
        namespace: 'predictions',
        name: 'customer_buys_90d',
      });
      const [batch] = await queryTable(
        predictions,
        (t) => `SELECT customer_id, score FROM ${t} ORDER BY customer_id LIMIT 1`,
      );
      const answer = await fetch(`${server.url}/predict`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ entityId: Number(batch?.customer_id) }),
      });
      const online = (await answer.json()) as { score: number; model: { version: number } };
      expect(answer.status).toBe(200);
      expect(online.model.version).toBe(1);
      expect(online.score).toBeCloseTo(Number(batch?.score), 5);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    // Flushed on shutdown: the online prediction log is an Iceberg table in the S3 warehouse, in Glue.
    const log = await loadTable(storage.warehouse, {
      namespace: 'predictions',
      name: 'customer_buys_90d_online_log',
    });
    expect((await describeTable(log)).records).toBe(1);
  });

  it('monitors the lake’s events and writes its JSON report to the S3 warehouse', async () => {
    const run = await runJob({
      app: 'monitoring',
      args: [
        '--config',
        join(AWS_EXAMPLES, 'monitoring-job.yaml'),
        '--storage',
        storageFile,
        '--now',
        '2011-12-01T00:00:00Z',
      ],
      cwd: dir,
      env,
    });
    expect([0, 3], run.output).toContain(run.exitCode);
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'warehouse/monitoring/reports/retail-daily/' }),
    );
    expect(listed.Contents?.map((o) => o.Key)).toEqual([
      'warehouse/monitoring/reports/retail-daily/retail-daily-20111201T000000Z.json',
    ]);
    const report = JSON.parse(
      await (
        await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: listed.Contents![0]!.Key! }))
      ).Body!.transformToString(),
    ) as { current: { rows: number }; reference: { rows: number } };
    // Rows of each window: the invoice lines of the slice that the monitoring job read back from S3.
    const lines = (from: string, to: string) =>
      expectedRows(
        `SELECT count(*) AS n FROM events WHERE InvoiceDate >= '${from}' AND InvoiceDate < '${to}'`,
      );
    expect(report.current.rows).toBe(await lines('2011-11-01', '2011-12-01'));
    expect(report.reference.rows).toBe(await lines('2011-09-01', '2011-10-01'));
  });
});
