// The feature-store suite (issue 2, "Speed"): `npm run bench -- feature-store [--rows 1000000]`.
// Each workload has a DuckDB peer, measured in the same run, and an fti side calling @fti/feature-store.
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { spineSql, transactionsSql, writeParquet } from '@fti/datagen';
import {
  appendData,
  type CreateTableOptions,
  createTable,
  defineFeatureView,
  getHistoricalFeatures,
  openWarehouse,
  readTableColumns,
  registerFeatureView,
  type Table,
  type Warehouse,
} from '@fti/feature-store';
import { openDuckDb } from '../open-duckdb.js';
import { readColumns } from '../read-columns.js';
import type { SideContext, SideRun, Suite } from '../types.js';

/** Seed of the transactions; the feature table and the spine use their own seeds. */
const SEED = 42;

// ─── fti side ──────────────────────────────────────────────────────────────────────────────────────────
// Each runs in its own process after an untimed `setup` (warehouse, table, input data appended) and returns
// the row count so the harness can check fti and DuckDB did the same work.

/** The transactions table of the append and read workloads: months(ts), keys required. */
const TRANSACTIONS = {
  namespace: 'bench',
  name: 'transactions',
  columns: [
    { name: 'customer_id', type: 'long', required: true },
    { name: 'ts', type: 'timestamp', required: true },
    { name: 'amount', type: 'double' },
    { name: 'category', type: 'string' },
    { name: 'payment_method', type: 'string' },
  ],
  partition: [{ column: 'ts', transform: 'month' }],
} satisfies CreateTableOptions;

/** The feature view the point-in-time join reads; a TTL longer than the data so it matches a plain ASOF. */
const CUSTOMER_FEATURES = defineFeatureView({
  name: 'customer_txn',
  version: 1,
  entities: [
    { name: 'customer', joinKeys: [{ name: 'customer_id', type: 'long' }], description: 'a customer' },
  ],
  eventTimeColumn: 'feature_ts',
  eventTimeType: 'timestamp',
  features: [
    { name: 'amount_mean_30d', type: 'double', description: 'mean amount over 30 days' },
    { name: 'txn_count_30d', type: 'long', description: 'transactions over 30 days' },
    { name: 'top_category', type: 'string', description: 'most frequent category over 30 days' },
  ],
  ttl: 'P3650D',
  owner: 'fti-bench',
  description: 'benchmark features (generated)',
});

/** A local warehouse under the side's work folder; DuckDB with its defaults (all cores), like the peer. */
function openBenchWarehouse(context: SideContext): Promise<Warehouse> {
  return openWarehouse({
    location: { kind: 'local', path: path.join(context.workDir, 'warehouse') },
    scratchDir: path.join(context.workDir, 'scratch'),
  });
}

interface TableState {
  env: Warehouse;
  table: Table;
}

/** Untimed: a warehouse and the empty transactions table. */
async function createTransactions(context: SideContext): Promise<TableState> {
  const env = await openBenchWarehouse(context);
  return { env, table: await createTable(env, TRANSACTIONS) };
}

/** Untimed: the transactions table with the data appended (the read workload's input). */
async function appendTransactions(context: SideContext): Promise<TableState> {
  const state = await createTransactions(context);
  const table = await appendData(state.table, { kind: 'parquet', paths: [context.data.transactions!] });
  return { env: state.env, table };
}

function totalRecords(table: Table): number {
  const { metadata } = table.loaded;
  const current = metadata.snapshots.find((s) => s.snapshotId === metadata.currentSnapshotId);
  return Number(current?.summary['total-records'] ?? 0);
}

/**
 * fti: append 10M rows. Append `context.data.transactions` (Parquet, the transactions schema) into a new
 * month-partitioned (months(ts)) Iceberg table in a warehouse under `context.workDir`; return rows appended.
 */
async function ftiAppend(context: SideContext, state: TableState): Promise<SideRun> {
  const table = await appendData(state.table, { kind: 'parquet', paths: [context.data.transactions!] });
  return { rows: totalRecords(table) };
}

/**
 * fti: read 10M rows into JS columns. Read the table written in setup (untimed: the same append as
 * ftiAppend) back into JS columns (typed arrays, strings as arrays); return rows read.
 */
async function ftiRead(_context: SideContext, state: TableState): Promise<SideRun> {
  const columns = await readTableColumns(state.table);
  return { rows: columns.rowCount };
}

/** Untimed: the feature view's table with `context.data.features` appended. */
async function appendFeatures(context: SideContext): Promise<TableState> {
  const env = await openBenchWarehouse(context);
  const view = await registerFeatureView(env, CUSTOMER_FEATURES);
  const table = await appendData(view, { kind: 'parquet', paths: [context.data.features!] });
  return { env, table };
}

/**
 * fti: point-in-time join. Join `context.data.spine` (customer_id, ts; 1M rows) against a feature view over
 * `context.data.features` (customer_id, feature_ts, amount_mean_30d, txn_count_30d, top_category; 10M
 * rows, appended in setup) and materialise the training frame as JS columns; return spine rows out.
 */
async function ftiPointInTimeJoin(context: SideContext, state: TableState): Promise<SideRun> {
  const frame = await getHistoricalFeatures(state.env, {
    spine: { kind: 'relation', relation: `read_parquet(${quote(context.data.spine!)})` },
    keys: ['customer_id'],
    timestampColumn: 'ts',
    views: [{ table: state.table }],
    naming: 'plain',
  });
  return { rows: frame.table.numRows };
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
      fti: { label: 'fti: append 10M rows', setup: createTransactions, run: ftiAppend },
      peer: { label: 'DuckDB COPY TO parquet (zstd)', setup: openDuckDb, run: duckDbCopy },
    },
    {
      name: 'read',
      title: 'Read the transactions back into JS columns',
      metric: 'wall time',
      unit: 's',
      target: 1.5,
      fti: { label: 'fti: read 10M rows into JS columns', setup: appendTransactions, run: ftiRead },
      peer: { label: 'DuckDB stream() into typed arrays', setup: openDuckDb, run: duckDbRead },
    },
    {
      name: 'point-in-time-join',
      title: 'Point-in-time join of a spine (rows/10) against a feature table (rows), materialised to JS',
      metric: 'wall time',
      unit: 's',
      target: 1.5,
      fti: { label: 'fti: point-in-time join', setup: appendFeatures, run: ftiPointInTimeJoin },
      peer: { label: 'DuckDB ASOF LEFT JOIN into JS', setup: openDuckDb, run: duckDbAsofJoin },
    },
  ],
};
