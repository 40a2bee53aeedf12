// Command line: npx tsx tools/datagen/src/main.ts --rows 10000000 --customers 200000 --seed 42 --out .tmp/tx.parquet
// (--kind spine for a point-in-time join spine).
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { spineSql } from './spine-sql.js';
import { transactionsSql } from './transactions-sql.js';
import { writeParquet } from './write-parquet.js';

const { values } = parseArgs({
  options: {
    kind: { type: 'string', default: 'transactions' },
    rows: { type: 'string', default: '1000000' },
    customers: { type: 'string', default: '200000' },
    seed: { type: 'string' },
    start: { type: 'string', default: '2023-01-01' },
    days: { type: 'string', default: '730' },
    out: { type: 'string' },
  },
});
const kind = values.kind;
if (kind !== 'transactions' && kind !== 'spine')
  throw new Error(`--kind must be transactions or spine, got ${kind}`);
const options = {
  rows: Number(values.rows),
  customers: Number(values.customers),
  seed: Number(values.seed ?? (kind === 'spine' ? 7 : 42)),
  start: values.start,
  days: Number(values.days),
};
const out = path.resolve(values.out ?? `.tmp/${kind}-${options.rows}-seed${options.seed}.parquet`);
mkdirSync(path.dirname(out), { recursive: true });

const started = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const sql = kind === 'spine' ? spineSql(options) : transactionsSql(options);
const rows = await writeParquet({ connection, sql, out });
connection.closeSync();
const seconds = (performance.now() - started) / 1000;
const megabytes = statSync(out).size / 1e6;
console.log(`${kind}: ${rows} rows → ${out} (${megabytes.toFixed(1)} MB, ${seconds.toFixed(2)} s)`);
