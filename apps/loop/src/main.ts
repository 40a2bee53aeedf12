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
import { parseArgs } from './config.js';
import { customerDailySql, customerDailyView } from './customer-daily-view.js';
import { transactionsSourceSql, transactionsTable } from './transactions-table.js';

const log = (message: string) => console.log(`[loop] ${message}`);

async function openOrCreate(env: TableEnv): Promise<Table> {
  try {
    return await loadTable(env, transactionsTable);
  } catch (error) {
    if (!(error instanceof TableNotFoundError)) throw error;
    return createTable(env, transactionsTable);
  }
}

async function main(): Promise<void> {
  const config = parseArgs(process.argv.slice(2));
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

    for (const table of [transactions, daily]) {
      const d = await describeTable(table);
      const current = d.snapshots.find((s) => s.current);
      log(
        `${d.table}: ${d.snapshots.length} snapshots (current ${d.currentSnapshotId}, ${current?.operation}), ` +
          `${d.partitions.length} partitions, ${d.dataFiles} data files, ${d.records} rows`,
      );
    }
    const revenue = frame.table.getChild('customer_daily__revenue');
    const withFeatures = revenue ? revenue.length - revenue.nullCount : 0;
    log(
      `point-in-time join: ${frame.table.numRows} rows for ${config.spineSize} spine rows, ${withFeatures} with a value within the 90-day TTL, ` +
        `read at ${frame.sources.map((s) => `${s.table}@${s.snapshotId}`).join(', ')}`,
    );
    console.table(
      frame.table
        .slice(0, 5)
        .toArray()
        .map((row) => row.toJSON()),
    );
    log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await env.close();
  }
}

main().catch((error: unknown) => {
  console.error(`[loop] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
