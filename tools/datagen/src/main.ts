// Command line: npx tsx tools/datagen/src/main.ts --rows 10000000 --customers 200000 --seed 42 --out .tmp/tx.parquet
// (--kind spine for a point-in-time join spine; --kind retail for Online Retail invoice lines, the schema the
// example feature job reads: --kind retail --rows 100000000 --out .tmp/retail-100m.parquet).
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { retailSql } from './retail-sql.js';
import { spineSql } from './spine-sql.js';
import { transactionsSql } from './transactions-sql.js';
import { writeParquet } from './write-parquet.js';

const { values } = parseArgs({
  options: {
    kind: { type: 'string', default: 'transactions' },
    rows: { type: 'string', default: '1000000' },
    customers: { type: 'string', default: '200000' },
    seed: { type: 'string' },
    start: { type: 'string' },
    days: { type: 'string' },
    out: { type: 'string' },
  },
});
const kind = values.kind;
if (kind !== 'transactions' && kind !== 'spine' && kind !== 'retail')
  throw new Error(`--kind must be transactions, spine or retail, got ${kind}`);
const options = {
  rows: Number(values.rows),
  customers: Number(values.customers),
  seed: Number(values.seed ?? (kind === 'spine' ? 7 : 42)),
  // Each kind's own window unless given.
  ...(values.start !== undefined ? { start: values.start } : {}),
  ...(values.days !== undefined ? { days: Number(values.days) } : {}),
};
const out = path.resolve(values.out ?? `.tmp/${kind}-${options.rows}-seed${options.seed}.parquet`);
mkdirSync(path.dirname(out), { recursive: true });

const started = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const sql =
  kind === 'spine' ? spineSql(options) : kind === 'retail' ? retailSql(options) : transactionsSql(options);
const rows = await writeParquet({ connection, sql, out });
connection.closeSync();
const seconds = (performance.now() - started) / 1000;
const megabytes = statSync(out).size / 1e6;
console.log(`${kind}: ${rows} rows → ${out} (${megabytes.toFixed(1)} MB, ${seconds.toFixed(2)} s)`);
