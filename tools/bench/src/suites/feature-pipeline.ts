// The feature-pipeline suite (issue 3, "Speed"): `npm run bench -- feature-pipeline [--rows 1000000]`.
// fti runs the whole job (extract, input checks, transform, validate, load into Iceberg) through
// runFeaturePipeline; the peers compute the same features: DuckDB running the compiled SQL with COPY TO
// parquet, and pandas (Debian python3-pandas) with the data already in memory. Every side's result is
// checked against DuckDB's to 1e-9 relative after its timed part.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { transactionsSql, writeParquet } from '@fti/datagen';
import {
  compileFeatureSql,
  compileLabelSql,
  expandFeatureDates,
  type FeaturePipelineConfigInput,
  type FeatureSetDefinition,
  resolveFeatureSet,
  runFeaturePipeline,
} from '@fti/feature-pipeline';
import { onlineRetailFeatures, onlineRetailLabels } from '@fti/feature-pipeline/examples/online-retail';
import { loadTable, openWarehouse, snapshotRelation, type Warehouse } from '@fti/feature-store';
import { assertSameAsReference, compareToReferenceSql } from '../compare-to-reference.js';
import { openDuckDb } from '../open-duckdb.js';
import { pythonModuleUnavailable } from '../python-module-unavailable.js';
import type { SideContext, SideRun, Suite } from '../types.js';
import { BENCH_FEATURE_DATE, syntheticFeatures } from './synthetic-features.js';

const SEED = 42;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const ONLINE_RETAIL = path.join(root, 'examples/online-retail/data/online_retail.parquet');
const PANDAS_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pandas-features.py');
/** The 52 weekly dates of the Online Retail example. */
const RETAIL_DATES = { from: '2010-12-05', to: '2011-11-27', everyDays: 7 };

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
const featureColumns = (definition: FeatureSetDefinition) =>
  resolveFeatureSet(definition).columns.map((c) => ({ name: c.name, double: c.type === 'double' }));
const syntheticSql = (source: string) =>
  compileFeatureSql(syntheticFeatures, { dialect: 'duckdb', source, featureDates: [BENCH_FEATURE_DATE] });

// ─── fti side ──────────────────────────────────────────────────────────────────────────────────────────

interface FtiState {
  env: Warehouse;
  config: FeaturePipelineConfigInput;
}

/** The job fti runs on the synthetic transactions: strict validation with the usual expectations. */
function syntheticJob(context: SideContext): FeaturePipelineConfigInput {
  return {
    sources: [{ kind: 'parquet', name: 'transactions', path: context.data.transactions! }],
    features: { definition: syntheticFeatures },
    dates: { date: BENCH_FEATURE_DATE },
    runDate: '2025-01-01',
    validation: {
      policy: 'strict',
      expectations: [
        { kind: 'uniqueKey' },
        { kind: 'rowCount', min: 1 },
        { kind: 'freshness', maxAgeDays: 7, relativeTo: 'featureDate' },
        { kind: 'range', column: 'txn_count_365d', min: 1 },
        { kind: 'range', column: 'weekend_share_365d', min: 0, max: 1 },
        { kind: 'range', column: 'card_share_365d', min: 0, max: 1 },
        { kind: 'notNull', column: 'amount_avg_365d' },
      ],
    },
  };
}

/** The Online Retail example job over its 52 weekly dates (as examples/online-retail/feature-job.yaml). */
function retailJob(): FeaturePipelineConfigInput {
  const examples = '@fti/feature-pipeline/examples/online-retail';
  return {
    sources: [{ kind: 'parquet', name: 'online_retail', path: ONLINE_RETAIL }],
    features: { module: examples, export: 'onlineRetailFeatures' },
    labels: { module: examples, export: 'onlineRetailLabels' },
    dates: RETAIL_DATES,
    runDate: '2012-01-01',
    validation: {
      policy: 'quarantine',
      input: { duplicateKey: 'all', allow: ['nullEntityKey'] },
      expectations: [
        { kind: 'uniqueKey' },
        { kind: 'rowCount', min: 100, max: 10_000 },
        { kind: 'freshness', maxAgeDays: 14, relativeTo: 'featureDate' },
        { kind: 'range', column: 'cancellation_share_365d', min: 0, max: 1 },
      ],
    },
  };
}

async function openFti(context: SideContext, config: FeaturePipelineConfigInput): Promise<FtiState> {
  const env = await openWarehouse({
    location: { kind: 'local', path: path.join(context.workDir, 'warehouse') },
    scratchDir: path.join(context.workDir, 'scratch'),
  });
  return { env, config };
}

async function ftiRun(context: SideContext, state: FtiState): Promise<SideRun> {
  const summary = await runFeaturePipeline(state.config, {
    warehouse: state.env,
    cacheDir: path.join(context.workDir, 'cache'),
  });
  return { rows: summary.features.rows };
}

/** Untimed: the stored features equal DuckDB's result of the same SQL, to 1e-9. */
async function ftiCheckSynthetic(context: SideContext, state: FtiState): Promise<void> {
  const table = await loadTable(state.env, { namespace: 'features', name: `${syntheticFeatures.name}_v1` });
  const { relation } = await snapshotRelation(table);
  await state.env.db.run(
    `CREATE TABLE reference AS ${syntheticSql(`read_parquet(${quote(context.data.transactions!)})`)}`,
  );
  const [row] = await state.env.db.query(
    compareToReferenceSql({
      actual: `(SELECT * FROM ${relation} AS t)`,
      reference: 'reference',
      keys: ['customer', 'feature_date'],
      columns: featureColumns(syntheticFeatures),
    }),
  );
  assertSameAsReference(row, 'fti');
}

// ─── DuckDB peers ──────────────────────────────────────────────────────────────────────────────────────

async function duckDbCopy(context: SideContext, connection: DuckDBConnection): Promise<SideRun> {
  const out = path.join(context.workDir, 'features.parquet');
  const sql = syntheticSql(`read_parquet(${quote(context.data.transactions!)})`);
  const result = await connection.run(`COPY (${sql}) TO ${quote(out)} (FORMAT parquet, COMPRESSION zstd)`);
  return { rows: Number(result.rowsChanged) };
}

async function duckDbCheck(context: SideContext, connection: DuckDBConnection): Promise<void> {
  const out = path.join(context.workDir, 'features.parquet');
  const sql = syntheticSql(`read_parquet(${quote(context.data.transactions!)})`);
  await connection.run(`CREATE TABLE reference AS ${sql}`);
  const reader = await connection.runAndReadAll(
    compareToReferenceSql({
      actual: `read_parquet(${quote(out)})`,
      reference: 'reference',
      keys: ['customer', 'feature_date'],
      columns: featureColumns(syntheticFeatures),
    }),
  );
  assertSameAsReference(reader.getRowObjectsJS()[0] as Record<string, unknown>, 'DuckDB COPY');
}

async function duckDbRetail(context: SideContext, connection: DuckDBConnection): Promise<SideRun> {
  const source = `read_parquet(${quote(ONLINE_RETAIL)})`;
  const featureDates = expandFeatureDates(RETAIL_DATES);
  const features = compileFeatureSql(onlineRetailFeatures, { dialect: 'duckdb', source, featureDates });
  const labels = compileLabelSql(onlineRetailLabels, { dialect: 'duckdb', source, featureDates });
  const result = await connection.run(
    `COPY (${features}) TO ${quote(path.join(context.workDir, 'features.parquet'))} (FORMAT parquet, COMPRESSION zstd)`,
  );
  await connection.run(
    `COPY (${labels}) TO ${quote(path.join(context.workDir, 'labels.parquet'))} (FORMAT parquet, COMPRESSION zstd)`,
  );
  return { rows: Number(result.rowsChanged) };
}

// ─── pandas peer ───────────────────────────────────────────────────────────────────────────────────────

interface PandasState {
  python: ChildProcessWithoutNullStreams;
  lines: Interface;
  next: () => Promise<string>;
}

/** Untimed: a CSV copy of the transactions (pandas here has no Parquet reader) loaded into pandas. */
async function startPandas(context: SideContext): Promise<PandasState> {
  const csv = context.data.transactionsCsv!;
  if (!existsSync(csv)) {
    const connection = await openDuckDb();
    try {
      await connection.run(
        `COPY (SELECT * FROM read_parquet(${quote(context.data.transactions!)})) TO ${quote(`${csv}.partial`)} (FORMAT csv, HEADER)`,
      );
      renameSync(`${csv}.partial`, csv);
    } finally {
      connection.closeSync();
    }
  }
  const python = spawn('/usr/bin/python3', [PANDAS_SCRIPT, csv, BENCH_FEATURE_DATE]);
  const lines = createInterface({ input: python.stdout });
  const iterator = lines[Symbol.asyncIterator]();
  let stderr = '';
  python.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const next = async () => {
    const { value, done } = await iterator.next();
    if (done) throw new Error(`pandas peer exited: ${stderr}`);
    return value as string;
  };
  const ready = await next();
  if (!ready.startsWith('ready ')) throw new Error(`pandas peer: ${ready} ${stderr}`);
  return { python, lines, next };
}

async function pandasRun(_context: SideContext, state: PandasState): Promise<SideRun> {
  state.python.stdin.write('go\n');
  const done = await state.next();
  if (!done.startsWith('done ')) throw new Error(`pandas peer: ${done}`);
  return { rows: Number(done.slice(5)) };
}

async function pandasCheck(context: SideContext, state: PandasState): Promise<void> {
  const out = path.join(context.workDir, 'pandas.csv');
  state.python.stdin.write(`write ${out}\nquit\n`);
  if ((await state.next()) !== 'written') throw new Error('pandas peer did not write its result');
  const connection = await openDuckDb();
  try {
    await connection.run(
      `CREATE TABLE reference AS ${syntheticSql(`read_parquet(${quote(context.data.transactions!)})`)}`,
    );
    const reader = await connection.runAndReadAll(
      compareToReferenceSql({
        actual: `read_csv(${quote(out)}, header = true)`,
        reference: '(SELECT * EXCLUDE (feature_date) FROM reference)',
        keys: ['customer'],
        columns: featureColumns(syntheticFeatures),
      }),
    );
    assertSameAsReference(reader.getRowObjectsJS()[0] as Record<string, unknown>, 'pandas');
  } finally {
    connection.closeSync();
  }
}

// ─── data ──────────────────────────────────────────────────────────────────────────────────────────────

/** The feature-pipeline suite: one date end to end vs DuckDB and vs pandas, and the Online Retail backfill. */
export const featurePipelineSuite: Suite = {
  name: 'feature-pipeline',
  module: import.meta.url,
  async prepare({ rows, dataDir, log }) {
    mkdirSync(dataDir, { recursive: true });
    const customers = Math.max(1, Math.round(rows / 50));
    // The same file as the feature-store suite's: 10M rows for 200k customers by default.
    const transactions = path.join(dataDir, `transactions-${rows}-seed${SEED}.parquet`);
    if (!existsSync(transactions)) {
      log(`transactions: ${rows} rows, ${customers} customers`);
      const connection = await openDuckDb();
      try {
        await writeParquet({
          connection,
          sql: transactionsSql({ rows, customers, seed: SEED }),
          out: `${transactions}.partial`,
        });
        renameSync(`${transactions}.partial`, transactions);
      } finally {
        connection.closeSync();
      }
    }
    return { transactions, transactionsCsv: path.join(dataDir, `transactions-${rows}-seed${SEED}.csv`) };
  },
  workloads: [
    {
      name: 'one-date',
      title: 'Full feature set for one date, end to end (extract, input checks, transform, validate, load)',
      metric: 'wall time',
      unit: 's',
      target: 1.3,
      fti: {
        label: 'fti: runFeaturePipeline into Iceberg',
        setup: (context) => openFti(context, syntheticJob(context)),
        run: ftiRun,
        check: ftiCheckSynthetic,
      },
      peer: {
        label: 'DuckDB: same SQL, COPY TO parquet',
        setup: openDuckDb,
        run: duckDbCopy,
        check: duckDbCheck,
      },
    },
    {
      name: 'vs-pandas',
      title: 'Full feature set for one date: fti end to end vs pandas with the data already in memory',
      metric: 'wall time',
      unit: 's',
      target: 1,
      fti: {
        label: 'fti: runFeaturePipeline into Iceberg',
        setup: (context) => openFti(context, syntheticJob(context)),
        run: ftiRun,
        check: ftiCheckSynthetic,
      },
      peer: {
        label: 'pandas (in memory)',
        unavailable: () => pythonModuleUnavailable({ modules: ['pandas'] }),
        setup: startPandas,
        run: pandasRun,
        check: pandasCheck,
      },
    },
    {
      name: 'online-retail-backfill',
      title: 'Online Retail, 52 weekly dates in one backfill: features and labels (541,909 lines)',
      metric: 'wall time',
      unit: 's',
      target: 1.3,
      fti: {
        label: 'fti: runFeaturePipeline (quarantine, 52 dates)',
        setup: (context) => openFti(context, retailJob()),
        run: ftiRun,
      },
      peer: { label: 'DuckDB: same SQL, COPY TO parquet', setup: openDuckDb, run: duckDbRetail },
    },
  ],
};
