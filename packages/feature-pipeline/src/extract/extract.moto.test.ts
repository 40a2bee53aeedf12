import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetQueryExecutionCommand } from '@aws-sdk/client-athena';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { openWarehouse, type Warehouse } from '@fti/feature-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaEngine } from '../engine/athena-engine.js';
import { type MotoAthena, startMotoAthena } from '../engine/moto-athena.js';
import { QueryCancelledError } from '../engine/query-errors.js';
import { extract } from './extract.js';
import type { ExtractContext } from './extract-context.js';
import { parseExtractSource } from './parse-extract-source.js';

const env = await startMotoAthena();

describe.skipIf(env === undefined)('extract from S3 and Athena (moto_server)', () => {
  const moto = env as MotoAthena;
  let dir: string;
  let warehouse: Warehouse;
  let ctx: ExtractContext;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fti-extract-s3-'));
    warehouse = await openWarehouse({
      location: { kind: 'local', path: join(dir, 'warehouse') },
      scratchDir: join(dir, 'scratch'),
      duckDb: { threads: 2 },
    });
    let next = 0;
    const athena = new AthenaEngine({
      client: moto.athena,
      s3: moto.s3,
      outputLocation: moto.outputLocation,
      unloadLocation: moto.unloadLocation,
      randomId: () => `run${++next}`,
      sleep: async () => {},
    });
    ctx = { warehouse, cacheDir: join(dir, 'cache'), s3: moto.s3, athena };
    await moto.setPollsPerState(1);
    await moto.s3.send(new CreateBucketCommand({ Bucket: 'raw' }));
    const upload = async (key: string, body: Uint8Array | string) =>
      moto.s3.send(new PutObjectCommand({ Bucket: 'raw', Key: key, Body: body }));
    for (const [month, rows] of [
      ['09', "(1, TIMESTAMP '2011-09-01 10:00:00', 2.5), (2, TIMESTAMP '2011-09-02 11:00:00', 4.0)"],
      ['10', "(1, TIMESTAMP '2011-10-05 09:30:00', 10.25)"],
    ] as const) {
      const local = join(dir, `${month}.parquet`);
      await warehouse.db.run(
        `COPY (SELECT customer_id, ts, CAST(amount AS DOUBLE) AS amount FROM (VALUES ${rows}) AS t(customer_id, ts, amount)) TO '${local}' (FORMAT parquet)`,
      );
      await upload(`events/2011/${month}/part-0.parquet`, await readFile(local));
    }
    await upload('events/2011/README.txt', 'not data');
    await upload('sales/a.csv', 'id,sold_at,amount\n1,2011-09-01 10:00:00,2.5\n2,yesterday,1.0\n');
    await upload('sales/b.csv', 'id,sold_at,amount\n3,2011-09-03 12:00:00,4.5\n');
  });

  afterAll(async () => {
    await warehouse?.close();
    await rm(dir, { recursive: true, force: true });
    await moto.close();
  });

  it('lists an S3 glob by prefix, downloads the matches, and reads the same rows as the files hold', async () => {
    const out = await extract(
      parseExtractSource({ kind: 'parquet', name: 'events', path: 's3://raw/events/**/*.parquet' }),
      ctx,
    );
    expect(out.lineage).toEqual({
      kind: 'parquet',
      uris: ['s3://raw/events/2011/09/part-0.parquet', 's3://raw/events/2011/10/part-0.parquet'],
    });
    expect(
      await warehouse.db.query(`SELECT customer_id, ts, amount FROM ${out.relation} ORDER BY ts`),
    ).toEqual([
      { customer_id: 1, ts: new Date('2011-09-01T10:00:00Z'), amount: 2.5 },
      { customer_id: 2, ts: new Date('2011-09-02T11:00:00Z'), amount: 4 },
      { customer_id: 1, ts: new Date('2011-10-05T09:30:00Z'), amount: 10.25 },
    ]);
  });

  it('reads CSV from S3 with rejects reported against the s3:// URI and line', async () => {
    const out = await extract(
      parseExtractSource({
        kind: 'csv',
        name: 'sales',
        path: 's3://raw/sales/*.csv',
        columns: { id: 'long', sold_at: 'timestamp', amount: 'double' },
      }),
      ctx,
    );
    expect(out.rowCount).toBe(2);
    expect(await warehouse.db.query(`SELECT id, amount FROM ${out.relation} ORDER BY id`)).toEqual([
      { id: 1n, amount: 2.5 },
      { id: 3n, amount: 4.5 },
    ]);
    expect(out.rejects).toMatchObject({
      lines: 1,
      errors: 1,
      sample: [
        {
          file: 's3://raw/sales/a.csv',
          line: 3,
          column: 'sold_at',
          errorType: 'CAST',
          csvLine: '2,yesterday,1.0',
        },
      ],
    });
  });

  it('extracts an Athena query through UNLOAD: the manifest’s files are read and the query id recorded', async () => {
    const sql =
      "SELECT customer_id, country FROM (VALUES (17850, 'United Kingdom'), (12583, 'France'), (13047, NULL)) AS t(customer_id, country)";
    const out = await extract(parseExtractSource({ kind: 'athena', name: 'customers', sql }), ctx);
    expect(out.rowCount).toBe(3);
    expect(out.lineage).toMatchObject({ kind: 'athena' });
    const lineage = out.lineage as { queryId: string; uris: string[] };
    expect(lineage.uris).toEqual([
      `s3://lake/unload/run1/${lineage.queryId}_part_0.parquet`,
      `s3://lake/unload/run1/${lineage.queryId}_part_1.parquet`,
    ]);
    expect(await warehouse.db.query(`SELECT * FROM ${out.relation} ORDER BY customer_id`)).toEqual([
      { customer_id: 12583, country: 'France' },
      { customer_id: 13047, country: null },
      { customer_id: 17850, country: 'United Kingdom' },
    ]);
    const state = await moto.rawAthena.send(
      new GetQueryExecutionCommand({ QueryExecutionId: lineage.queryId }),
    );
    expect(state.QueryExecution?.Status?.State).toBe('SUCCEEDED');
  });

  it('passes the abort signal to the Athena query', async () => {
    const error = await extract(parseExtractSource({ kind: 'athena', name: 'never', sql: 'SELECT 1 AS x' }), {
      ...ctx,
      signal: AbortSignal.abort(),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryCancelledError);
    expect((error as QueryCancelledError).message).toBe('athena query was cancelled: aborted by the caller');
  });
});
