import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { type DuckDb, quoteLiteral } from '@fti/feature-store';
import type { StartedQuery } from './athena-proxy.js';

const UNLOAD = /^UNLOAD \(([\s\S]*)\) TO 's3:\/\/([^/]+)\/([^']*)' WITH \(format = 'PARQUET'/;

/** What Athena would answer for one query: the same result, computed by DuckDB over the same events. */
export interface CannedUnload {
  /** The Athena SQL the job must send (inside the UNLOAD). */
  athenaSql: string;
  /** DuckDB SQL giving the rows Athena would have produced. */
  duckDbSql: string;
}

/**
 * Plants what Athena writes for `UNLOAD (<sql>) TO '<prefix>'`: the result as Parquet under the prefix and the
 * manifest listing it at `<results location><QueryExecutionId>-manifest.csv`. The query's SQL must be one of
 * `canned` exactly; anything else throws (the proxy then answers 500 and the job fails loudly).
 */
export async function plantUnload(options: {
  query: StartedQuery;
  canned: CannedUnload[];
  db: DuckDb;
  s3: S3Client;
  scratchDir: string;
}): Promise<void> {
  const { query, db, s3 } = options;
  const match = UNLOAD.exec(query.sql);
  if (!match) throw new Error(`not an UNLOAD: ${query.sql.slice(0, 200)}`);
  const [, inner, bucket, prefix] = match as unknown as [string, string, string, string];
  const answer = options.canned.find((c) => c.athenaSql === inner);
  if (!answer) throw new Error(`no canned result for Athena SQL: ${inner.slice(0, 300)}`);
  const local = join(options.scratchDir, `${query.queryId}.parquet`);
  await db.run(`COPY (${answer.duckDbSql}) TO ${quoteLiteral(local)} (FORMAT parquet)`);
  const key = `${prefix}${query.queryId}_part_0.parquet`;
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: await readFile(local) }));
  const results = /^s3:\/\/([^/]+)\/(.*)$/.exec(query.outputLocation ?? '');
  if (!results) throw new Error(`the job gave no s3:// results location (got ${query.outputLocation})`);
  await s3.send(
    new PutObjectCommand({
      Bucket: results[1],
      Key: `${results[2]}${query.queryId}-manifest.csv`,
      Body: `s3://${bucket}/${key}\n`,
    }),
  );
}
