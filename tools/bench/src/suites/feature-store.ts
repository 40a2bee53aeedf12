// The feature-store suite (issue 2, "Speed"): `npm run bench -- feature-store [--rows 1000000]`.
// Each workload has a DuckDB peer, measured in the same run, and an fti side calling @fti/feature-store.
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { spineSql, transactionsSql, writeParquet } from '@fti/datagen';
import { NotImplementedYet } from '../not-implemented-yet.js';
import { openDuckDb } from '../open-duckdb.js';
import { readColumns } from '../read-columns.js';
import type { SideContext, SideRun, Suite } from '../types.js';

/** Seed of the transactions; the feature table and the spine use their own seeds. */
const SEED = 42;

// ─── fti side: the lead fills these in ─────────────────────────────────────────────────────────────────
// Each runs in its own process; do untimed preparation in a `setup` beside it (see WorkloadSide) and return
// the row count so the harness can check fti and DuckDB did the same work. Until a function is written it
// throws NotImplementedYet and the harness prints that the workload's fti side is skipped.

/**
 * fti: append 10M rows. Append `context.data.transactions` (Parquet, the transactions schema) into a new
 * month-partitioned (months(ts)) Iceberg table in a warehouse under `context.workDir`; return rows appended.
 */
async function ftiAppend(_context: SideContext): Promise<SideRun> {
  throw new NotImplementedYet('fti: append 10M rows');
}

/**
 * fti: read 10M rows into JS columns. Read the table written in setup (untimed: the same append as
 * ftiAppend) back into JS columns (typed arrays, strings as arrays); return rows read.
 */
async function ftiRead(_context: SideContext): Promise<SideRun> {
  throw new NotImplementedYet('fti: read 10M rows into JS columns');
}

/**
 * fti: point-in-time join. Join `context.data.spine` (customer_id, ts; 1M rows) against a feature view over
 * `context.data.features` (customer_id, feature_ts, amount_mean_30d, txn_count_30d, top_category; 10M
 * rows, appended in setup) and materialise the training frame as JS columns; return spine rows out.
 */
async function ftiPointInTimeJoin(_context: SideContext): Promise<SideRun> {
  throw new NotImplementedYet('fti: point-in-time join');
}

// ─── DuckDB peers ──────────────────────────────────────────────────────────────────────────────────────

function quote(file: string): string {
  return `'${file.replaceAll("'", "''")}'`;
}

async function duckDbCopy(context: SideContext, connection: DuckDBConnection): Promise<SideRun> {
  const out = path.join(context.workDir, 'copy.parquet');
  const result = await connection.run(
    `COPY (SELECT * FROM read_parquet(${quote(context.data.transactions!)})) TO ${quote(out)} (FORMAT parquet, COMPRESSION zstd)`,
  );
  return { rows: Number(result.rowsChanged) };
}

async function duckDbRead(context: SideContext, connection: DuckDBConnection): Promise<SideRun> {
  const { rows } = await readColumns(
    connection,
    `SELECT * FROM read_parquet(${quote(context.data.transactions!)})`,
  );
  return { rows };
}

async function duckDbAsofJoin(context: SideContext, connection: DuckDBConnection): Promise<SideRun> {
  const { rows } = await readColumns(
    connection,
    `SELECT s.customer_id, s.ts, f.feature_ts, f.amount_mean_30d, f.txn_count_30d, f.top_category
     FROM read_parquet(${quote(context.data.spine!)}) AS s
     ASOF LEFT JOIN read_parquet(${quote(context.data.features!)}) AS f
       ON s.customer_id = f.customer_id AND s.ts >= f.feature_ts`,
  );
  return { rows };
}

// ─── data ──────────────────────────────────────────────────────────────────────────────────────────────

/** Writes `file` from `sql` unless a previous run left it; a partial file never takes its name. */
async function ensureParquet(connection: DuckDBConnection, file: string, sql: string): Promise<void> {
  if (existsSync(file)) return;
  const partial = `${file}.partial`;
  await writeParquet({ connection, sql, out: partial });
  renameSync(partial, file);
}

/** The feature-store suite: append, read back, point-in-time join; DuckDB as the peer of each. */
export const featureStoreSuite: Suite = {
  name: 'feature-store',
  module: import.meta.url,
  async prepare({ rows, dataDir, log }) {
    mkdirSync(dataDir, { recursive: true });
    const customers = Math.max(1, Math.round(rows / 50));
    const spineRows = Math.max(1, Math.round(rows / 10));
    const files = {
      transactions: path.join(dataDir, `transactions-${rows}-seed${SEED}.parquet`),
      features: path.join(dataDir, `features-${rows}-seed${SEED + 1}.parquet`),
      spine: path.join(dataDir, `spine-${spineRows}-seed${SEED + 2}.parquet`),
    };
    const connection = await openDuckDb();
    try {
      log(`transactions: ${rows} rows, ${customers} customers`);
      await ensureParquet(connection, files.transactions, transactionsSql({ rows, customers, seed: SEED }));
      log(`features: ${rows} rows`);
      await ensureParquet(
        connection,
        files.features,
        `SELECT customer_id, ts AS feature_ts, amount AS amount_mean_30d,
           (1 + floor(amount * 100) % 60)::BIGINT AS txn_count_30d, category AS top_category
         FROM (${transactionsSql({ rows, customers, seed: SEED + 1 })})`,
      );
      log(`spine: ${spineRows} rows`);
      await ensureParquet(connection, files.spine, spineSql({ rows: spineRows, customers, seed: SEED + 2 }));
    } finally {
      connection.closeSync();
    }
    return files;
  },
  workloads: [
    {
      name: 'append',
      title: 'Append the transactions (Parquet source) into a month-partitioned table',
      metric: 'wall time',
      unit: 's',
      target: 1.5,
      fti: { label: 'fti: append 10M rows', run: ftiAppend },
      peer: { label: 'DuckDB COPY TO parquet (zstd)', setup: openDuckDb, run: duckDbCopy },
    },
    {
      name: 'read',
      title: 'Read the transactions back into JS columns',
      metric: 'wall time',
      unit: 's',
      target: 1.5,
      fti: { label: 'fti: read 10M rows into JS columns', run: ftiRead },
      peer: { label: 'DuckDB stream() into typed arrays', setup: openDuckDb, run: duckDbRead },
    },
    {
      name: 'point-in-time-join',
      title: 'Point-in-time join of a spine (rows/10) against a feature table (rows), materialised to JS',
      metric: 'wall time',
      unit: 's',
      target: 1.5,
      fti: { label: 'fti: point-in-time join', run: ftiPointInTimeJoin },
      peer: { label: 'DuckDB ASOF LEFT JOIN into JS', setup: openDuckDb, run: duckDbAsofJoin },
    },
  ],
};
