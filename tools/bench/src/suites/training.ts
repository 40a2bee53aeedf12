// The training suite (issue 4, "Speed"): `npm run bench -- training [--rows 160000]`.
// An MLP 64-32 (relu, Adam, batch 512, 10 epochs) on `rows` × 25 synthetic features, fti's tfjs loop beside
// scikit-learn's MLPClassifier in the same run; both score the same holdout (rows / 4) by ROC AUC.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  computeRocAuc,
  createModel,
  createMulberry32,
  type DenseModel,
  predictProba,
  selectBackend,
  trainModel,
} from '@fti/training-pipeline';
import { pythonModuleUnavailable } from '../python-module-unavailable.js';
import { readPeerLine, runPythonPeer } from '../python-peer.js';
import type { SideContext, SideRun, Suite } from '../types.js';

const SEED = 7;
const WIDTH = 25;
const PYTHON = '/usr/bin/python3';
const PEER_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sklearn-mlp.py');
// scikit-learn's alpha (1e-4) adds alpha / (2 · batch) · Σw² per batch; fti's l2 is Keras-style (l2 · Σw²).
const L2 = 1e-4 / (2 * 512);

/** Train rows and holdout rows, read from the files `prepare` wrote. */
interface Data {
  values: Float32Array;
  labels: Uint8Array;
  trainRows: number;
  holdoutRows: number;
}

function readData(context: SideContext): Data {
  const bytes = readFileSync(context.data.features!);
  const values = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const labels = new Uint8Array(readFileSync(context.data.labels!));
  return { values, labels, trainRows: context.rows, holdoutRows: labels.length - context.rows };
}

/**
 * Standard-normal features; y = 1 when sin(2·x0) + x1·x2 + 0.5·x3² − 0.5 + 0.3·x4 + N(0, 0.5²) > 0, a
 * nonlinear boundary an MLP learns to ROC AUC ≈ 0.95; the other 20 features are noise.
 */
function generate(rows: number): { values: Float32Array; labels: Uint8Array } {
  const random = createMulberry32(SEED);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const values = new Float32Array(rows * WIDTH);
  const labels = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    const x = values.subarray(r * WIDTH, (r + 1) * WIDTH);
    for (let c = 0; c < WIDTH; c++) x[c] = gaussian();
    const z =
      Math.sin(2 * x[0]!) + x[1]! * x[2]! + 0.5 * x[3]! * x[3]! - 0.5 + 0.3 * x[4]! + 0.5 * gaussian();
    labels[r] = z > 0 ? 1 : 0;
  }
  return { values, labels };
}

// ─── fti ───────────────────────────────────────────────────────────────────────────────────────────────

interface FtiState {
  data: Data;
  model: DenseModel;
}

async function ftiSetup(context: SideContext): Promise<FtiState> {
  await selectBackend();
  const model = createModel(
    { kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [64, 32], l2: L2 },
    WIDTH,
    {
      seed: SEED,
    },
  );
  return { data: readData(context), model };
}

/** fti: trainModel (10 epochs, batch 512, Adam 1e-3), then predictProba on the holdout and its ROC AUC. */
async function ftiTrain(_context: SideContext, { data, model }: FtiState): Promise<SideRun> {
  const { trainRows, holdoutRows, values, labels } = data;
  const trained = await trainModel(model, {
    train: {
      x: { values: values.subarray(0, trainRows * WIDTH), rows: trainRows, width: WIDTH },
      y: labels.subarray(0, trainRows),
    },
    spec: { epochs: 10, batchSize: 512, optimizer: { kind: 'adam', learningRate: 0.001 } },
    seed: SEED,
  });
  const scores = await predictProba(trained.model, {
    values: values.subarray(trainRows * WIDTH),
    rows: holdoutRows,
    width: WIDTH,
  });
  return { rows: trainRows, quality: computeRocAuc({ yTrue: labels.subarray(trainRows), yScore: scores }) };
}

// ─── scikit-learn ──────────────────────────────────────────────────────────────────────────────────────

/** Starts the peer, which loads the data and imports sklearn untimed, then waits for "go". */
async function sklearnSetup(context: SideContext): Promise<ChildProcessWithoutNullStreams> {
  const child = spawn(PYTHON, [
    PEER_SCRIPT,
    context.data.features!,
    context.data.labels!,
    String(context.rows),
    String(WIDTH),
    String(SEED),
  ]);
  await readPeerLine(child);
  return child;
}

async function sklearnTrain(_context: SideContext, child: ChildProcessWithoutNullStreams): Promise<SideRun> {
  return runPythonPeer(child);
}

// ─── suite ─────────────────────────────────────────────────────────────────────────────────────────────

/** The training suite: one workload, `mlp`. */
export const trainingSuite: Suite = {
  name: 'training',
  module: import.meta.url,
  defaultRows: 160_000,
  async prepare({ rows, dataDir, log }) {
    mkdirSync(dataDir, { recursive: true });
    const total = rows + Math.ceil(rows / 4);
    const files = {
      features: path.join(dataDir, `training-features-${total}x${WIDTH}-seed${SEED}.f32`),
      labels: path.join(dataDir, `training-labels-${total}-seed${SEED}.u8`),
    };
    if (!existsSync(files.features) || !existsSync(files.labels)) {
      log(`features: ${total} rows × ${WIDTH} (${rows} train, ${total - rows} holdout)`);
      const { values, labels } = generate(total);
      writeFileSync(`${files.features}.partial`, values);
      writeFileSync(`${files.labels}.partial`, labels);
      renameSync(`${files.features}.partial`, files.features);
      renameSync(`${files.labels}.partial`, files.labels);
    }
    return files;
  },
  workloads: [
    {
      name: 'mlp',
      title: 'MLP 64-32 (relu, Adam 1e-3, batch 512, 10 epochs) on rows × 25, then holdout ROC AUC',
      metric: 'wall time',
      unit: 's',
      target: 3,
      quality: { metric: 'holdout ROC AUC', tolerance: 0.005 },
      fti: { label: 'fti trainModel (tfjs wasm)', setup: ftiSetup, run: ftiTrain },
      peer: {
        label: 'scikit-learn MLPClassifier',
        unavailable: () => pythonModuleUnavailable({ modules: ['numpy', 'sklearn'] }),
        setup: sklearnSetup,
        run: sklearnTrain,
      },
    },
  ],
};
