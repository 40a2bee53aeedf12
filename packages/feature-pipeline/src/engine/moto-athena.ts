import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AthenaClient, StartQueryExecutionCommand } from '@aws-sdk/client-athena';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { DuckDb, quoteLiteral } from '@fti/feature-store';
import { type MotoServer, startMotoServer } from '@fti/feature-store/testing';
import type { QueryValue } from './query-engine.js';

/** A column of a canned Athena result: its name, Athena type and values (rendered as Athena renders text). */
export interface CannedColumn {
  name: string;
  athenaType: string;
  values: QueryValue[];
}

/**
 * Test harness: `moto_server` speaking the Athena and S3 protocols, plus what moto cannot do. moto runs no SQL,
 * so `queueResult` queues the ResultSet the next StartQueryExecution returns, and an `UNLOAD (q) TO 's3://…/'`
 * is emulated when it starts: `q` (written to be valid DuckDB SQL too) runs on a local DuckDB, its rows are
 * uploaded as two Parquet files under the target prefix, and the manifest Athena would write is planted at
 * `<results location>/<QueryExecutionId>-manifest.csv`.
 */
export interface MotoAthena {
  moto: MotoServer;
  /** Athena client whose StartQueryExecution also emulates UNLOAD. */
  athena: AthenaClient;
  /** The raw moto Athena client (no emulation), for inspecting executions. */
  rawAthena: AthenaClient;
  s3: S3Client;
  /** `s3://athena-results/queries/` */
  outputLocation: string;
  /** `s3://lake/unload/` */
  unloadLocation: string;
  /** Queues the ResultSet (header row + rows as text) the next StartQueryExecution takes. */
  queueResult(columns: CannedColumn[]): Promise<void>;
  /** Each query stays in QUEUED and then RUNNING for `gets` GetQueryExecution calls (Infinity: forever). */
  setPollsPerState(gets: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts moto with the buckets the Athena tests use; undefined (suite skipped) when moto is not installed. */
export async function startMotoAthena(): Promise<MotoAthena | undefined> {
  const moto = await startMotoServer();
  if (!moto) return undefined;
  const s3 = moto.s3Client();
  await s3.send(new CreateBucketCommand({ Bucket: 'athena-results' }));
  await s3.send(new CreateBucketCommand({ Bucket: 'lake' }));
  const config = {
    endpoint: moto.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  };
  const rawAthena = new AthenaClient(config);
  const athena = new AthenaClient(config);
  const outputLocation = 's3://athena-results/queries/';
  const db = await DuckDb.open({ threads: 1 });
  const scratch = await mkdtemp(join(tmpdir(), 'fti-moto-athena-'));
  athena.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName === StartQueryExecutionCommand.name) {
        const input = args.input as { QueryString?: string };
        const id = (result.output as { QueryExecutionId?: string }).QueryExecutionId ?? '';
        await emulateUnload({ sql: input.QueryString ?? '', id, s3, db, scratch, outputLocation });
      }
      return result;
    },
    { step: 'initialize', name: 'emulateAthenaUnload' },
  );
  return {
    moto,
    athena,
    rawAthena,
    s3,
    outputLocation,
    unloadLocation: 's3://lake/unload/',
    queueResult: async (columns) => {
      const header = { Data: columns.map((c) => ({ VarCharValue: c.name })) };
      const count = columns[0]?.values.length ?? 0;
      const rows = Array.from({ length: count }, (_, r) => ({
        Data: columns.map((c) => {
          const text = athenaText(c.values[r] ?? null);
          return text === undefined ? {} : { VarCharValue: text };
        }),
      }));
      const column_info = columns.map((c) => ({
        Name: c.name,
        Label: c.name,
        Type: c.athenaType,
        Nullable: 'UNKNOWN',
      }));
      await post(moto, '/moto-api/static/athena/query-results', {
        results: [{ rows: [header, ...rows], column_info }],
      });
    },
    setPollsPerState: async (gets) => {
      const transition = Number.isFinite(gets)
        ? { progression: 'manual', times: gets }
        : { progression: 'manual', times: 1e9 };
      await post(moto, '/moto-api/state-manager/set-transition', {
        model_name: 'athena::execution',
        transition,
      });
    },
    close: async () => {
      db.close();
      await rm(scratch, { recursive: true, force: true });
      await moto.stop();
    },
  };
}

async function post(moto: MotoServer, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${moto.endpoint}${path}`, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`moto ${path}: HTTP ${response.status} ${await response.text()}`);
}

/** How Athena renders a value as text in GetQueryResults; undefined for NULL. */
function athenaText(value: QueryValue): string | undefined {
  if (value === null) return undefined;
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
  return String(value);
}

const UNLOAD = /^UNLOAD \(([\s\S]*)\) TO '(s3:\/\/([^/]+)\/([^']*))' WITH \(/;

async function emulateUnload(options: {
  sql: string;
  id: string;
  s3: S3Client;
  db: DuckDb;
  scratch: string;
  outputLocation: string;
}): Promise<void> {
  const match = UNLOAD.exec(options.sql);
  if (!match) return;
  const [, inner, , bucket, prefix] = match as unknown as [string, string, string, string, string];
  const uris: string[] = [];
  const count = Number((await options.db.query(`SELECT count(*) AS n FROM (${inner}) AS q`))[0]?.n ?? 0);
  const half = Math.ceil(count / 2);
  for (const [index, slice] of [`LIMIT ${half}`, `OFFSET ${half}`].entries()) {
    const local = join(options.scratch, `${options.id}-${index}.parquet`);
    await options.db.run(
      `COPY (SELECT * FROM (${inner}) AS q ${slice}) TO ${quoteLiteral(local)} (FORMAT parquet)`,
    );
    const key = `${prefix}${options.id}_part_${index}.parquet`;
    await options.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: await readFile(local) }));
    uris.push(`s3://${bucket}/${key}`);
  }
  const results = /^s3:\/\/([^/]+)\/(.*)$/.exec(options.outputLocation) as unknown as [
    string,
    string,
    string,
  ];
  await options.s3.send(
    new PutObjectCommand({
      Bucket: results[1],
      Key: `${results[2]}${options.id}-manifest.csv`,
      Body: `${uris.join('\n')}\n`,
    }),
  );
}
