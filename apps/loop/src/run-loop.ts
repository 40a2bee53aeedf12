import { resolve } from 'node:path';
import {
  createTable,
  describeTable,
  getHistoricalFeatures,
  loadTable,
  openWarehouse,
  overwritePartitions,
  registerFeatureView,
  snapshotRelation,
  type Table,
  type TableEnv,
  TableNotFoundError,
} from '@fti/feature-store';
import type { LoopConfig } from './config.js';
import { customerDailySql, customerDailyView } from './customer-daily-view.js';
import { transactionsSourceSql, transactionsTable } from './transactions-table.js';

/** What one run of the loop did, for printing and for tests. */
export interface LoopSummary {
  tables: {
    table: string;
    snapshots: number;
    currentSnapshotId: string;
    operation: string;
    partitions: number;
    dataFiles: number;
    records: number;
  }[];
  join: {
    spineRows: number;
    rows: number;
    withFeatures: number;
    sources: string[];
    sample: Record<string, unknown>[];
  };
  seconds: number;
}

async function openOrCreate(env: TableEnv): Promise<Table> {
  try {
    return await loadTable(env, transactionsTable);
  } catch (error) {
    if (!(error instanceof TableNotFoundError)) throw error;
    return createTable(env, transactionsTable);
  }
}

/**
 * The FTI loop as far as it is built: load the Online Retail transactions into a month-partitioned Iceberg
 * table, compute a feature view from its snapshot, and join features point-in-time onto a sample spine.
 * Re-running is idempotent (partition overwrites).
 */
export async function runLoop(
  config: LoopConfig,
  log: (message: string) => void = () => {},
): Promise<LoopSummary> {
  const started = performance.now();
  const env = await openWarehouse({ location: { kind: 'local', path: config.warehouse } });
  try {
    log(`warehouse ${resolve(config.warehouse)}`);
    log(
      `1/3 loading ${config.transactions} into retail.transactions (months(invoice_date), overwrite by partition)`,
    );
    let transactions = await openOrCreate(env);
    transactions = await overwritePartitions(
      transactions,
      { kind: 'sql', sql: transactionsSourceSql(resolve(config.transactions)) },
      { properties: { 'fti.source': config.transactions } },
    );

    log('2/3 computing the customer_daily feature view from the transactions snapshot');
    const source = await snapshotRelation(transactions);
    let daily = await registerFeatureView(env, customerDailyView);
    daily = await overwritePartitions(
      daily,
      { kind: 'sql', sql: customerDailySql(source.relation) },
      { properties: { 'fti.source-snapshot': `retail.transactions@${source.snapshotId}` } },
    );

    log(`3/3 point-in-time join for a sample spine of ${config.spineSize} (customer, date) rows`);
    const spine = `(SELECT customer_id, DATE '2011-03-01' + CAST(hash(customer_id) % 270 AS INTEGER) AS as_of
      FROM (SELECT DISTINCT customer_id FROM ${source.relation} AS t WHERE customer_id IS NOT NULL)
      ORDER BY customer_id LIMIT ${config.spineSize})`;
    const frame = await getHistoricalFeatures(env, {
      spine: { kind: 'relation', relation: spine },
      keys: ['customer_id'],
      timestampColumn: 'as_of',
      views: [{ table: daily }],
    });

    const tables: LoopSummary['tables'] = [];
    for (const table of [transactions, daily]) {
      const d = await describeTable(table);
      const current = d.snapshots.find((s) => s.current);
      tables.push({
        table: d.table,
        snapshots: d.snapshots.length,
        currentSnapshotId: String(d.currentSnapshotId),
        operation: current?.operation ?? 'none',
        partitions: d.partitions.length,
        dataFiles: d.dataFiles,
        records: d.records,
      });
    }
    const revenue = frame.table.getChild('customer_daily__revenue');
    const sample = frame.table
      .slice(0, 5)
      .toArray()
      .map((row) => {
        const json = row.toJSON() as Record<string, unknown>;
        return { ...json, as_of: new Date(Number(json.as_of)).toISOString().slice(0, 10) };
      });
    return {
      tables,
      join: {
        spineRows: config.spineSize,
        rows: frame.table.numRows,
        withFeatures: revenue ? revenue.length - revenue.nullCount : 0,
        sources: frame.sources.map((s) => `${s.table}@${s.snapshotId}`),
        sample,
      },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await env.close();
  }
}
