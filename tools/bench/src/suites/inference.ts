// The inference suite (issue 5, "Speed and memory", batch): `npm run bench -- inference [--rows 10000000]`.
// (a) the MLP forward pass on the preprocessed rows beside scikit-learn's predict_proba on the same MLP (same
// weights) and rows, as the issue compares; (b) the scoring step (preprocessing from raw columns + forward
// pass) beside a scikit-learn Pipeline doing the same from the same raw columns; (c) end to end at `rows`
// and at rows / 10: a feature table's date read, scored and written (predictions + log), against the issue's
// 3M rows/s budget and beside DuckDB alone doing the same reads and writes unscored (the floor).
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { writeParquet } from '@fti/datagen';
import {
  appendData,
  createTable,
  listSnapshots,
  loadTable,
  openWarehouse,
  quoteLiteral,
  snapshotRelation,
  type Warehouse,
} from '@fti/feature-store';
import { type ServableModel, scoreBatch } from '@fti/inference-pipeline';
import {
  applyPreprocessor,
  type FeatureColumns,
  type FeatureRows,
  ScoringPool,
  selectBackend,
} from '@fti/model-runtime';
import { forwardReference } from '@fti/model-runtime/testing';
import { pythonModuleUnavailable } from '../python-module-unavailable.js';
import { readPeerLine } from '../python-peer.js';
import type { SideContext, SideRun, Suite } from '../types.js';
import {
  benchModel,
  benchPreprocessor,
  featureRowsSql,
  INFERENCE_FEATURE_COLUMNS,
  INFERENCE_FEATURE_DATE,
} from './inference-data.js';
import {
  ensureFile,
  REFERENCE_ROWS,
  readFeatureColumns,
  sliceColumns,
  writePeerFiles,
} from './inference-peer-files.js';

const PYTHON = '/usr/bin/python3';
const SUITE_DIR = path.dirname(fileURLToPath(import.meta.url));
/** The forward-pass peer: scikit-learn's MLP on the rows fti preprocessed. */
const PREDICT_SCRIPT = path.join(SUITE_DIR, 'sklearn-predict.py');
/** The scoring-step peer: a scikit-learn Pipeline (the same preprocessing + the MLP) on the raw columns. */
const PIPELINE_SCRIPT = path.join(SUITE_DIR, 'sklearn-pipeline-predict.py');
/** Rows per forward pass on both sides. */
const CHUNK_ROWS = 65_536;
/** The end-to-end target. */
const BUDGET_ROWS_PER_SECOND = 3_000_000;

const preprocessor = benchPreprocessor();
const model = benchModel(preprocessor.featureNames.length);

/** The model as batch scoring loads it from the registry (built here from the same seeded parts). */
function servable(): ServableModel {
  return {
    name: 'bench-model',
    version: 1,
    record: {} as ServableModel['record'],
    signature: {
      inputs: preprocessor.features.map((f) => ({
        name: f.column,
        type: f.kind === 'numeric' ? ('float' as const) : ('string' as const),
        required: false,
      })),
      outputs: [{ name: 'probability', type: 'float', required: true }],
    },
    preprocessor,
    model,
    threshold: 0.5,
  };
}

// ─── (a) scoring step ──────────────────────────────────────────────────────────────────────────────────

interface StepState {
  rows: number;
  columns: FeatureColumns;
  pool: ScoringPool;
  scores?: Float64Array;
}

/**
 * Untimed: reads the rows, starts the scoring pool (a worker thread per core) and scores one chunk, so the
 * workers' wasm heaps have grown and their JIT has seen the loops, as the peer's setup fits its estimator
 * (running its forward pass) before "go".
 */
async function stepSetup(context: SideContext): Promise<StepState> {
  await selectBackend();
  const state = await readFeatureColumns(context.data.small!);
  const pool = await ScoringPool.open(model, preprocessor, { chunkRows: CHUNK_ROWS });
  await pool.score(sliceColumns(state.columns, 0, Math.min(state.rows, CHUNK_ROWS)));
  return { ...state, pool };
}

/**
 * fti: ScoringPool.score over every row, 65,536 at a time: each chunk's raw columns are split between the
 * workers, which preprocess and apply the model (tfjs wasm); the next chunk is sent while one is scored.
 */
async function stepRun(_context: SideContext, state: StepState): Promise<SideRun> {
  state.scores = await scoreInChunks(state.rows, (from, to) =>
    state.pool.score(sliceColumns(state.columns, from, to)),
  );
  return { rows: state.rows };
}

/** Scores `rows` rows chunk by chunk with one chunk in flight while the next is sent. */
async function scoreInChunks(
  rows: number,
  score: (from: number, to: number) => Promise<Float64Array>,
): Promise<Float64Array> {
  const scores = new Float64Array(rows);
  let inFlight: Promise<void> | undefined;
  for (let from = 0; from < rows; from += CHUNK_ROWS) {
    const next = score(from, Math.min(rows, from + CHUNK_ROWS)).then((part) => scores.set(part, from));
    await inFlight;
    inFlight = next;
  }
  await inFlight;
  return scores;
}

interface ForwardState {
  matrix: FeatureRows;
  pool: ScoringPool;
  scores?: Float64Array;
}

/** Untimed: reads the matrix the peer reads and starts the scoring pool on `engine`, warmed on one chunk. */
const forwardSetup =
  (engine: 'auto' | 'tfjs') =>
  async (context: SideContext): Promise<ForwardState> => {
    await selectBackend();
    const values = new Float32Array(new Uint8Array(readFileSync(context.data.matrix!)).buffer);
    const width = preprocessor.featureNames.length;
    const matrix = { values, rows: values.length / width, width };
    const pool = await ScoringPool.open(model, preprocessor, { chunkRows: CHUNK_ROWS, engine });
    const warm = Math.min(matrix.rows, CHUNK_ROWS);
    await pool.predict({ values: values.subarray(0, warm * width), rows: warm, width });
    return { matrix, pool };
  };

/** fti: ScoringPool.predict over the preprocessed rows, 65,536 at a time, split between the workers. */
async function forwardRun(_context: SideContext, state: ForwardState): Promise<SideRun> {
  const { values, rows, width } = state.matrix;
  state.scores = await scoreInChunks(rows, (from, to) =>
    state.pool.predict({ values: values.subarray(from * width, to * width), rows: to - from, width }),
  );
  return { rows };
}

/** The pool's scores equal a float64 forward pass of the same rows (1e-5, float32 weights). */
async function forwardCheck(_context: SideContext, state: ForwardState): Promise<void> {
  await state.pool.close();
  checkFirstRows(state.scores, state.matrix);
}

/** The fti scores equal a float64 forward pass of the same preprocessed rows (1e-5, float32 weights). */
async function stepCheck(_context: SideContext, state: StepState): Promise<void> {
  await state.pool.close();
  checkFirstRows(
    state.scores,
    applyPreprocessor(preprocessor, sliceColumns(state.columns, 0, REFERENCE_ROWS)),
  );
}

/** Throws unless the first REFERENCE_ROWS scores equal a float64 forward pass of the matrix's rows (1e-5). */
function checkFirstRows(scores: Float64Array | undefined, matrix: FeatureRows): void {
  const { values, width } = matrix;
  for (let r = 0; r < REFERENCE_ROWS; r++) {
    const want = forwardReference(model, values.subarray(r * width, (r + 1) * width))[0]!;
    if (!(Math.abs((scores?.[r] ?? Number.NaN) - want) < 1e-5))
      throw new Error(`row ${r}: fti scored ${scores?.[r]}, the float64 reference ${want}`);
  }
}

/** Starts a Python peer, which loads its data and imports sklearn untimed, then waits for "go". */
async function startPeer(args: string[]): Promise<ChildProcessWithoutNullStreams> {
  const child = spawn(PYTHON, args);
  await readPeerLine(child);
  return child;
}

/** The forward-pass peer: the preprocessed matrix and the weights. */
function sklearnSetup(context: SideContext): Promise<ChildProcessWithoutNullStreams> {
  return startPeer([
    PREDICT_SCRIPT,
    context.data.matrix!,
    context.data.weights!,
    String(preprocessor.featureNames.length),
    String(CHUNK_ROWS),
  ]);
}

/**
 * The scoring-step peer: the raw columns, fti's fitted preprocessing and weights; it checks its first 1,000
 * scores against the float64 reference before it says ready.
 */
function sklearnPipelineSetup(context: SideContext): Promise<ChildProcessWithoutNullStreams> {
  return startPeer([
    PIPELINE_SCRIPT,
    context.data.numeric!,
    context.data.categories!,
    context.data.preprocessing!,
    context.data.weights!,
    context.data.reference!,
    String(CHUNK_ROWS),
  ]);
}

async function sklearnRun(_context: SideContext, child: ChildProcessWithoutNullStreams): Promise<SideRun> {
  const reply = readPeerLine(child);
  child.stdin.write('go\n');
  const { rows } = JSON.parse(await reply) as { rows: number };
  child.stdin.end();
  return { rows };
}

// ─── (b), (c) end to end ───────────────────────────────────────────────────────────────────────────────

interface EndToEndState {
  env: Warehouse;
  rows: number;
}

/** Untimed: a warehouse under the work folder holding the feature table (one date) of the given file. */
function endToEndSetup(file: 'large' | 'small') {
  return async (context: SideContext): Promise<EndToEndState> => {
    await selectBackend();
    const env = await openWarehouse({
      location: { kind: 'local', path: path.join(context.workDir, 'warehouse') },
      scratchDir: path.join(context.workDir, 'scratch'),
    });
    const table = await createTable(env, {
      namespace: 'features',
      name: 'customers',
      columns: INFERENCE_FEATURE_COLUMNS,
      partition: [{ column: 'feature_date', transform: 'month' }],
    });
    const loaded = await appendData(table, { kind: 'parquet', paths: [context.data[file]!] });
    const rows = Number((await listSnapshots(loaded)).at(-1)?.summary['total-records']);
    return { env, rows };
  };
}

/** fti: scoreBatch of the feature date: read, score, write predictions (overwrite) and log (append). */
async function endToEndRun(_context: SideContext, state: EndToEndState): Promise<SideRun> {
  const summary = await scoreBatch({
    env: state.env,
    model: servable(),
    features: { namespace: 'features', name: 'customers' },
    keys: ['customer_id'],
    featureDate: INFERENCE_FEATURE_DATE,
    predictions: { namespace: 'predictions', name: 'bench' },
    log: { namespace: 'predictions', name: 'bench_log' },
    runId: 'bench',
  });
  return { rows: summary.rowsScored };
}

/** Both tables hold one row per input row. */
async function endToEndCheck(_context: SideContext, state: EndToEndState): Promise<void> {
  for (const name of ['bench', 'bench_log']) {
    const table = await loadTable(state.env, { namespace: 'predictions', name });
    const records = Number((await listSnapshots(table)).at(-1)?.summary['total-records']);
    if (records !== state.rows)
      throw new Error(`predictions/${name} holds ${records} rows, not ${state.rows}`);
  }
  await state.env.close();
}

/**
 * The floor on this machine: DuckDB alone reads the feature date's rows (every model input and the key) and
 * writes the two tables' rows as Parquet encoded as scoreBatch encodes them (snappy, no dictionary pages, files
 * of about its size), no scoring in between: the score is a hash of the key. What scoreBatch cannot go below however fast its own JS is.
 */
async function floorRun(context: SideContext, state: EndToEndState): Promise<SideRun> {
  const table = await loadTable(state.env, { namespace: 'features', name: 'customers' });
  const inputs = INFERENCE_FEATURE_COLUMNS.map((c) => c.name).filter((name) => name !== 'feature_date');
  const { relation } = await snapshotRelation(table, {
    columns: inputs,
    filter: { column: 'feature_date', op: '=', value: new Date(`${INFERENCE_FEATURE_DATE}T00:00:00Z`) },
  });
  const prediction = `customer_id, DATE '${INFERENCE_FEATURE_DATE}' AS feature_date,
    CAST(hash(customer_id) % 4294967296 AS BIGINT) AS entity_hash, (hash(customer_id) % 1000) / 1000.0 AS score,
    CAST(score >= 0.5 AS INTEGER) AS predicted_class, 0.5 AS threshold, 'bench-model' AS model_name,
    1 AS model_version, CAST(1 AS BIGINT) AS feature_snapshot_id, 'bench' AS run_id, now() AS scored_at`;
  const logged = inputs.filter((name) => name !== 'customer_id').join(', ');
  // Files of about scoreBatch's size (2 row groups of 122,880 rows): DuckDB writes a file per thread at once.
  const copy = (select: string, folder: string) =>
    state.env.db.run(
      `COPY (SELECT ${select} FROM ${relation} AS t) TO ${quoteLiteral(path.join(context.workDir, folder))} (FORMAT parquet, COMPRESSION snappy, DICTIONARY_SIZE_LIMIT 1, ROW_GROUP_SIZE 122880, ROW_GROUPS_PER_FILE 2)`,
    );
  await copy(prediction, 'predictions');
  await copy(`${prediction}, ${logged}`, 'log');
  const [counted] = await state.env.db.query(
    `SELECT count(*) AS n FROM read_parquet(${quoteLiteral(path.join(context.workDir, 'log', '*.parquet'))})`,
  );
  return { rows: Number(counted?.n) };
}

/** The floor wrote every row of the date. */
async function floorCheck(_context: SideContext, state: EndToEndState, run: SideRun): Promise<void> {
  await state.env.close();
  if (run.rows !== state.rows) throw new Error(`the floor wrote ${run.rows} log rows, not ${state.rows}`);
}

/** The target as a side: the time 3M rows/s would take for the same rows (no work, no process). */
async function budgetRun(_context: SideContext, state: { rows: number }): Promise<SideRun> {
  await new Promise((resolve) => setTimeout(resolve, (state.rows / BUDGET_ROWS_PER_SECOND) * 1000));
  return { rows: state.rows };
}

function budgetSetup(file: 'large' | 'small') {
  return async (context: SideContext): Promise<{ rows: number }> => ({
    rows: file === 'large' ? context.rows : Math.ceil(context.rows / 10),
  });
}

// ─── data ──────────────────────────────────────────────────────────────────────────────────────────────

/** The inference suite: the scoring step vs scikit-learn, then end to end at rows and rows / 10. */
/** The forward-pass peer: scikit-learn's MLP on the matrix fti's side scores. */
const forwardPeer = {
  label: 'scikit-learn MLPClassifier.predict_proba (same weights, same rows)',
  unavailable: () => pythonModuleUnavailable({ modules: ['numpy', 'sklearn'] }),
  setup: sklearnSetup,
  run: sklearnRun,
};

export const inferenceSuite: Suite = {
  name: 'inference',
  module: import.meta.url,
  async prepare({ rows, dataDir, log }) {
    mkdirSync(dataDir, { recursive: true });
    const small = Math.ceil(rows / 10);
    const features = {
      large: path.join(dataDir, `inference-features-${rows}.parquet`),
      small: path.join(dataDir, `inference-features-${small}.parquet`),
    };
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      for (const [file, count] of [
        [features.large, rows],
        [features.small, small],
      ] as const) {
        log(`features: ${count} rows × ${INFERENCE_FEATURE_COLUMNS.length} columns`);
        await ensureFile(file, async (out) => {
          await writeParquet({ connection, sql: featureRowsSql(count), out });
        });
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
    const peers = await writePeerFiles({ source: features.small, rows: small, dataDir, log });
    return { ...features, ...peers };
  },
  workloads: [
    {
      name: 'forward-pass',
      title:
        'MLP 64-32 applied to the same preprocessed rows / 10 rows (65,536 per pass), as the issue compares',
      metric: 'wall time',
      unit: 's',
      target: 1,
      fti: {
        label: "fti ScoringPool.predict (fti's wasm kernel, a worker thread per core)",
        setup: forwardSetup('auto'),
        run: forwardRun,
        check: forwardCheck,
      },
      peer: forwardPeer,
    },
    {
      name: 'forward-pass-tfjs',
      title:
        "the same forward pass on tfjs-wasm layers instead of fti's kernel (the engine before docs/decisions/0004)",
      metric: 'wall time',
      unit: 's',
      target: 1,
      fti: {
        label: 'fti ScoringPool.predict, engine tfjs (tfjs-wasm, a worker thread per core)',
        setup: forwardSetup('tfjs'),
        run: forwardRun,
        check: forwardCheck,
      },
      peer: forwardPeer,
    },
    {
      name: 'scoring-step',
      title:
        'preprocessing from raw columns + MLP 64-32 on rows / 10 rows (65,536 per pass), both sides from the same raw columns',
      metric: 'wall time',
      unit: 's',
      target: 1,
      fti: {
        label:
          "fti ScoringPool.score: preprocessing + forward pass (fti's wasm kernel, a worker thread per core)",
        setup: stepSetup,
        run: stepRun,
        check: stepCheck,
      },
      peer: {
        label:
          'scikit-learn Pipeline(ColumnTransformer: imputers, log1p, scalers, one-hot; MLPClassifier).predict_proba on pandas chunks (same weights)',
        unavailable: () => pythonModuleUnavailable({ modules: ['numpy', 'pandas', 'sklearn'] }),
        setup: sklearnPipelineSetup,
        run: sklearnRun,
      },
    },
    {
      name: 'end-to-end',
      title: 'scoreBatch: rows of one feature date read, scored, written (predictions + log with inputs)',
      metric: 'wall time',
      unit: 's',
      target: 1,
      fti: { label: 'fti scoreBatch', setup: endToEndSetup('large'), run: endToEndRun, check: endToEndCheck },
      peer: { label: 'budget: 3M rows/s (issue 5 target)', setup: budgetSetup('large'), run: budgetRun },
    },
    {
      name: 'end-to-end-floor',
      title:
        'scoreBatch beside DuckDB alone reading the same rows and writing both tables unscored (the floor)',
      metric: 'wall time',
      unit: 's',
      target: 1,
      fti: { label: 'fti scoreBatch', setup: endToEndSetup('large'), run: endToEndRun, check: endToEndCheck },
      peer: {
        label:
          'floor: DuckDB alone reads the rows, writes predictions + log (same Parquet encoding), no scoring',
        setup: endToEndSetup('large'),
        run: floorRun,
        check: floorCheck,
      },
    },
    {
      name: 'end-to-end-small',
      title: 'scoreBatch at rows / 10: the same peak RSS shows memory does not grow with the input',
      metric: 'wall time',
      unit: 's',
      target: 1,
      fti: { label: 'fti scoreBatch', setup: endToEndSetup('small'), run: endToEndRun, check: endToEndCheck },
      peer: { label: 'budget: 3M rows/s (issue 5 target)', setup: budgetSetup('small'), run: budgetRun },
    },
  ],
};
