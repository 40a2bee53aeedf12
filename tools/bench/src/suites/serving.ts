// The serving suite (issue 5, "Online"): `npm run bench -- serving [--rows 40000]`.
// `rows` single-row `POST /predict` requests at 32 connections on loopback (autocannon, in the side's
// process), against fti's serving app (one Node process, prediction log on) and against Flask +
// scikit-learn under gunicorn (2 gthread workers × 16 threads, --preload: one worker per core, threads so
// all 32 connections are served with keep-alive; sync workers close every connection and fell to a third
// of this throughput with connection resets under the same load), each serving an MLP 64-32 trained on the same
// synthetic rows. Wall time for the fixed request count gives the throughput ratio (target: fti at least
// 2x, so fti/peer time ≤ 0.5) and p99 latency must be no higher than the peer's.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalObjectStore } from '@fti/feature-store';
import { openModelRegistry, registerModel, setAlias } from '@fti/model-registry';
import {
  createModel,
  createMulberry32,
  type FittedPreprocessor,
  predictProba,
  saveServableFiles,
  selectBackend,
  trainModel,
} from '@fti/training-pipeline';
import autocannon from 'autocannon';
import { pythonModuleUnavailable } from '../python-module-unavailable.js';
import type { SideContext, SideRun, Suite } from '../types.js';

const SEED = 11;
const WIDTH = 20;
const TRAIN_ROWS = 20_000;
const CONNECTIONS = 32;
const MODEL = 'serving-bench';
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../../..');
const SERVING_MAIN = path.join(ROOT, 'apps/serving/src/main.ts');
const PYTHON = '/usr/bin/python3';
const NAMES = Array.from({ length: WIDTH }, (_, i) => `f${i}`);

/** Standard-normal features; y = 1 when sin(2·x0) + x1·x2 + 0.5·x3² − 0.5 + N(0, 0.5²) > 0. */
function generate(rows: number): { values: Float32Array; labels: Uint8Array } {
  const random = createMulberry32(SEED);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const values = new Float32Array(rows * WIDTH);
  const labels = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    const x = values.subarray(r * WIDTH, (r + 1) * WIDTH);
    for (let c = 0; c < WIDTH; c++) x[c] = gaussian();
    labels[r] =
      Math.sin(2 * x[0]!) + x[1]! * x[2]! + 0.5 * x[3]! * x[3]! - 0.5 + 0.5 * gaussian() > 0 ? 1 : 0;
  }
  return { values, labels };
}

/** Writes the data, trains fti's model (standardised inputs, 5 epochs) and registers it as `staging`. */
async function prepare(options: { dataDir: string; log: (line: string) => void }) {
  const dir = path.join(options.dataDir, 'serving-v1');
  const files = {
    features: path.join(dir, 'features.f32'),
    labels: path.join(dir, 'labels.u8'),
    registry: path.join(dir, 'registry'),
    expected: path.join(dir, 'expected.json'),
  };
  if (existsSync(files.expected)) return files;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { values, labels } = generate(TRAIN_ROWS);
  writeFileSync(files.features, values);
  writeFileSync(files.labels, labels);
  await selectBackend();
  const scales: { center: number; scale: number }[] = [];
  const features: FittedPreprocessor['features'] = NAMES.map((column, c) => {
    let sum = 0;
    let squares = 0;
    for (let r = 0; r < TRAIN_ROWS; r++) sum += values[r * WIDTH + c]!;
    const mean = sum / TRAIN_ROWS;
    for (let r = 0; r < TRAIN_ROWS; r++) squares += (values[r * WIDTH + c]! - mean) ** 2;
    const scale = Math.sqrt(squares / TRAIN_ROWS);
    scales.push({ center: mean, scale });
    return {
      kind: 'numeric',
      column,
      impute: null,
      log1p: false,
      scale: { kind: 'standard', center: mean, scale },
    };
  });
  const preprocessor: FittedPreprocessor = {
    format: 'fti-preprocessor',
    version: 1,
    features,
    featureNames: NAMES,
  };
  const standardised = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const scale = scales[i % WIDTH]!;
    standardised[i] = (values[i]! - scale.center) / scale.scale;
  }
  const x = { values: standardised, rows: TRAIN_ROWS, width: WIDTH };
  const { model } = await trainModel(
    createModel({ kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [64, 32] }, WIDTH, { seed: SEED }),
    {
      train: { x, y: labels },
      spec: { epochs: 5, batchSize: 512, optimizer: { kind: 'adam', learningRate: 0.001 } },
      seed: SEED,
    },
  );
  const registry = openModelRegistry({ store: new LocalObjectStore({ root: files.registry }) });
  const servable = await saveServableFiles(model, preprocessor);
  const registered = await registerModel(registry, {
    name: MODEL,
    artifacts: servable.map((f) => ({ kind: 'bytes' as const, ...f })),
    signature: {
      inputs: NAMES.map((name) => ({ name, type: 'float' as const })),
      outputs: [{ name: 'probability', type: 'float' }],
    },
    metrics: { threshold: 0.5 },
    lineage: { spineHash: '00'.repeat(32), runId: 'bench-serving', backend: 'cpu' },
  });
  await setAlias(registry, { name: MODEL, alias: 'staging', version: registered.version });
  // Sixteen request rows and fti's scores for them, for the untimed checks.
  const sample = { values: standardised.subarray(0, 16 * WIDTH), rows: 16, width: WIDTH };
  const scores = await predictProba(model, sample);
  writeFileSync(
    files.expected,
    JSON.stringify({
      rows: Array.from({ length: 16 }, (_, r) => requestRow(values, r)),
      scores: Array.from(scores),
    }),
  );
  options.log(
    `trained and registered ${MODEL}@${registered.version} (MLP 64-32 on ${TRAIN_ROWS} × ${WIDTH})`,
  );
  return files;
}

function requestRow(values: Float32Array, r: number): Record<string, number> {
  return Object.fromEntries(NAMES.map((name, c) => [name, values[r * WIDTH + c]!]));
}

// ─── both sides ─────────────────────────────────────────────────────────────────────────────────────────

interface ServerState {
  url: string;
  server: ChildProcess;
  expected: { rows: Record<string, number>[]; scores: number[] };
}

/** Starts a server, stopped when this side's process exits, and waits until `GET /health` answers. */
async function startServer(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
): Promise<ChildProcess> {
  const server = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  server.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  process.on('exit', () => server.kill('SIGKILL'));
  for (let attempt = 0; attempt < 600; attempt++) {
    if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}): ${stderr}`);
    const up = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill('SIGKILL');
  throw new Error(`server did not answer /health within 60 s: ${stderr}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Runs `amount` single-row predictions at 32 connections, cycling through the sample rows. */
async function load(url: string, rows: Record<string, number>[], amount: number) {
  const result = await autocannon({
    url: `${url}/predict`,
    connections: CONNECTIONS,
    amount,
    requests: rows.map((row) => ({
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ features: row }),
    })),
  });
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0)
    throw new Error(
      `load test: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`,
    );
  return result;
}

/** Peak RSS (VmHWM) of a process and its children, summed, MiB. */
function peakRssMb(pid: number): number {
  const read = (p: number): number => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const own = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      return (
        own +
        (children
          ? children
              .split(/\s+/)
              .map(Number)
              .reduce((sum, c) => sum + read(c), 0)
          : 0)
      );
    } catch {
      return 0;
    }
  };
  return read(pid);
}

/** The timed part: the load test; then the server's peak RSS and the latency percentiles. */
async function run(context: SideContext, state: ServerState): Promise<SideRun> {
  const result = await load(state.url, state.expected.rows, context.rows);
  const rss = peakRssMb(state.server.pid!);
  state.server.kill('SIGTERM');
  return {
    rows: Math.min(result.requests.total, context.rows),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
    ...(rss > 0 ? { peakRssMb: rss } : {}),
  };
}

async function warmUp(state: ServerState): Promise<ServerState> {
  await load(state.url, state.expected.rows, 5000);
  return state;
}

// ─── fti ───────────────────────────────────────────────────────────────────────────────────────────────

async function ftiSetup(context: SideContext): Promise<ServerState> {
  const port = await freePort();
  const server = await startServer(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@fti/source',
      SERVING_MAIN,
      '--model',
      MODEL,
      '--registry',
      context.data.registry!,
      '--warehouse',
      path.join(context.workDir, 'warehouse'),
      '--online',
      'none',
      '--log-table',
      'predictions/serving_bench_log',
      '--log-level',
      'error',
      '--port',
      String(port),
    ],
    {},
    port,
  );
  const expected = JSON.parse(readFileSync(context.data.expected!, 'utf8'));
  return warmUp({ url: `http://127.0.0.1:${port}`, server, expected });
}

/** fti's answers equal predictProba of the registered model to 1e-6 (checked on a fresh server, untimed). */
async function ftiCheck(context: SideContext): Promise<void> {
  const state = await ftiSetup({ ...context, workDir: path.join(context.workDir, 'check') });
  try {
    for (const [i, row] of state.expected.rows.entries()) {
      const body = await postPredict(state.url, row);
      if (!(Math.abs(body.score - state.expected.scores[i]!) < 1e-6))
        throw new Error(`row ${i}: fti served ${body.score}, predictProba gives ${state.expected.scores[i]}`);
    }
  } finally {
    state.server.kill('SIGTERM');
  }
}

async function postPredict(url: string, row: Record<string, number>): Promise<{ score: number }> {
  const response = await fetch(`${url}/predict`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ features: row }),
  });
  if (!response.ok) throw new Error(`POST /predict answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { score: number };
}

// ─── Flask + scikit-learn ─────────────────────────────────────────────────────────────────────────────

async function peerSetup(context: SideContext): Promise<ServerState> {
  const port = await freePort();
  const server = await startServer(
    PYTHON,
    [
      '-m',
      'gunicorn',
      '--preload',
      '--workers',
      '2',
      '--worker-class',
      'gthread',
      '--threads',
      '16',
      '--keep-alive',
      '5',
      '--bind',
      `127.0.0.1:${port}`,
      '--chdir',
      HERE,
      '--log-level',
      'warning',
      'serving-peer:app',
    ],
    {
      SERVING_PEER_FEATURES: context.data.features!,
      SERVING_PEER_LABELS: context.data.labels!,
      SERVING_PEER_WIDTH: String(WIDTH),
      SERVING_PEER_SEED: String(SEED),
      // One BLAS thread per worker, as usual under gunicorn (2 workers on 2 cores).
      OMP_NUM_THREADS: '1',
      OPENBLAS_NUM_THREADS: '1',
    },
    port,
  );
  const expected = JSON.parse(readFileSync(context.data.expected!, 'utf8'));
  return warmUp({ url: `http://127.0.0.1:${port}`, server, expected });
}

// ─── suite ─────────────────────────────────────────────────────────────────────────────────────────────

/** The serving suite: single-row online predictions, fti's Fastify app vs Flask + scikit-learn under gunicorn. */
export const servingSuite: Suite = {
  name: 'serving',
  module: import.meta.url,
  defaultRows: 40_000,
  prepare: ({ dataDir, log }) => prepare({ dataDir, log }),
  workloads: [
    {
      name: 'predict-single-row',
      title: `rows single-row POST /predict at ${CONNECTIONS} connections on loopback (MLP 64-32, ${WIDTH} features)`,
      metric: 'wall time',
      unit: 's',
      // fti/peer wall time for the same request count ≤ 0.5: at least twice the peer's throughput.
      target: 0.5,
      latency: { maxP99Ratio: 1 },
      fti: {
        label: 'fti serving (Fastify, 1 process, prediction log on)',
        setup: ftiSetup,
        run,
        check: (context) => ftiCheck(context),
      },
      peer: {
        label: 'Flask + scikit-learn (gunicorn gthread, 2 workers × 16 threads)',
        unavailable: () => pythonModuleUnavailable({ modules: ['flask', 'sklearn', 'gunicorn'] }),
        setup: peerSetup,
        run,
      },
    },
  ],
};
