import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { BackendName } from '../backend/backend-name.js';
import { selectBackend } from '../backend/select-backend.js';
import { ColumnValueError, InvalidInputError, ModelRuntimeError } from '../errors.js';
import type { DenseModel } from '../models/dense-model.js';
import type { FeatureRows } from '../models/feature-rows.js';
import { type PredictProbaOptions, predictProbaSync } from '../models/predict-proba.js';
import { applyPreprocessor } from '../preprocessing/apply-preprocessor.js';
import { countRows } from '../preprocessing/count-rows.js';
import type { CategoricalValues, FeatureColumns } from '../preprocessing/feature-columns.js';
import type { FittedPreprocessor } from '../preprocessing/fitted-preprocessor.js';
import { MatrixBuffer } from './matrix-buffer.js';
import type { CodedColumn, ScoringFailure, ScoringReply, ScoringRequest } from './scoring-message.js';

/** Options of {@link ScoringPool.open}. */
export interface ScoringPoolOptions {
  /**
   * Worker threads, each with its own tfjs backend; default the machine's available parallelism. With 1, or
   * on the `node` backend (tfjs-node already runs its kernels on every core), rows are scored in this thread.
   */
  threads?: number;
  /** Rows per forward pass; default 65,536. */
  chunkRows?: number;
  /** What runs the layers, as in {@link PredictProbaOptions}: default `auto` (fti's wasm kernel where it can). */
  engine?: PredictProbaOptions['engine'];
}

interface Pending {
  resolve: (outputs: Float64Array) => void;
  reject: (error: Error) => void;
}

/** One worker thread and the requests it has not answered yet. */
interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * Scores rows on every core: each call splits the raw input columns into one contiguous block per worker
 * thread, and each worker applies the fitted preprocessor and the model to its block (tfjs-wasm's own
 * threads do not run under Node); the outputs are joined in row order. They equal
 * `predictProbaSync(model, applyPreprocessor(preprocessor, columns))` row for row, and a bad value fails
 * with the same ColumnValueError (row numbers of the whole call). Close the pool when done: its workers
 * keep the process alive.
 */
export class ScoringPool {
  private nextId = 0;
  private closed = false;

  /** The matrix this thread preprocesses into when it scores without workers. */
  private readonly matrix: MatrixBuffer;

  private constructor(
    private readonly model: DenseModel,
    private readonly preprocessor: FittedPreprocessor,
    private readonly workers: PoolWorker[],
    private readonly options: PredictProbaOptions,
    /**
     * Buffers the workers handed back, filled again by the next blocks: a fresh buffer per block costs more
     * than the copy into it (the kernel zeroes and maps its pages: 40–80 ms per 100 MB against 10 ms).
     */
    private readonly spare: ArrayBuffer[] = [],
  ) {
    this.matrix = new MatrixBuffer(model.inputWidth);
  }

  /** Starts the workers and loads the model and preprocessor into each, on this thread's tfjs backend. */
  static async open(
    model: DenseModel,
    preprocessor: FittedPreprocessor,
    options: ScoringPoolOptions = {},
  ): Promise<ScoringPool> {
    const threads = options.threads ?? availableParallelism();
    const chunkRows = options.chunkRows ?? 65_536;
    if (!Number.isSafeInteger(threads) || threads < 1)
      throw new InvalidInputError('threads', `must be a positive integer, got ${threads}`);
    if (!Number.isSafeInteger(chunkRows) || chunkRows < 1)
      throw new InvalidInputError('chunkRows', `must be a positive integer, got ${chunkRows}`);
    if (preprocessor.featureNames.length !== model.inputWidth)
      throw new InvalidInputError(
        'preprocessor',
        `writes ${preprocessor.featureNames.length} columns but the model reads ${model.inputWidth}; give the model's own preprocessor`,
      );
    const backend = await selectBackend();
    const predictOptions: PredictProbaOptions = { chunkRows, engine: options.engine ?? 'auto' };
    if (threads === 1 || backend.name === 'node')
      return new ScoringPool(model, preprocessor, [], predictOptions);
    const workers: PoolWorker[] = [];
    const spare: ArrayBuffer[] = [];
    try {
      for (let i = 0; i < threads; i++)
        workers.push(
          await startWorker(model, preprocessor, backend.name, (buffers) => keepSpare(spare, buffers)),
        );
    } catch (error) {
      await Promise.all(workers.map((w) => w.worker.terminate()));
      throw error;
    }
    return new ScoringPool(model, preprocessor, workers, predictOptions, spare);
  }

  /** Worker threads scoring (0 when rows are scored in the calling thread). */
  get threads(): number {
    return this.workers.length;
  }

  /** The model's outputs for every row of `columns` (binary: P(y = 1) per row). */
  async score(columns: FeatureColumns): Promise<Float64Array> {
    const rows = countRows(columns, this.preprocessor.features);
    const blocks = this.blocksFor(rows);
    if (blocks <= 1)
      return predictProbaSync(
        this.model,
        applyPreprocessor(this.preprocessor, columns, { into: this.matrix.for(rows) }),
        this.options,
      );
    const names = [...new Set(this.preprocessor.features.map((f) => f.column))];
    return this.join(blocks, rows, (b, from, to) => {
      const block: Record<string, Float64Array | CodedColumn> = {};
      const transfer: ArrayBuffer[] = [];
      for (const name of names) {
        const values = columns[name];
        if (values === undefined) throw new ColumnValueError(name, 'is missing from the input columns');
        const part =
          values instanceof Float64Array
            ? this.copyInto(values.subarray(from, to), Float64Array)
            : encode(values, from, to, new Int32Array(this.borrow((to - from) * 4), 0, to - from));
        transfer.push((part instanceof Float64Array ? part.buffer : part.codes.buffer) as ArrayBuffer);
        block[name] = part;
      }
      return this.send(
        this.workers[b]!,
        { kind: 'score', id: this.nextId++, columns: block, options: this.options },
        transfer,
        from,
      );
    });
  }

  /** Blocks a call of `rows` rows is split into: one per worker, each of at least 1,024 rows. */
  private blocksFor(rows: number): number {
    if (this.closed) throw new ModelRuntimeError('the scoring pool is closed; open a new one');
    return Math.min(this.workers.length, Math.ceil(rows / 1024));
  }

  /** Sends block b (equal contiguous row ranges) to worker b, for every block, and joins the outputs in row order. */
  private async join(
    blocks: number,
    rows: number,
    sendBlock: (block: number, from: number, to: number) => Promise<Float64Array>,
  ): Promise<Float64Array> {
    const blockRows = Math.ceil(rows / blocks);
    const parts: Promise<Float64Array>[] = [];
    for (let b = 0; b < blocks; b++) {
      const from = b * blockRows;
      parts.push(sendBlock(b, from, Math.min(rows, from + blockRows)));
    }
    const scored = await Promise.all(parts);
    const outputs = this.model.layers[this.model.layers.length - 1]!.units;
    const result = new Float64Array(rows * outputs);
    for (let b = 0; b < blocks; b++) result.set(scored[b]!, b * blockRows * outputs);
    return result;
  }

  /**
   * The model's outputs for every row of an already preprocessed matrix, split across the workers as
   * {@link score} splits columns; equal to `predictProbaSync(model, matrix)` row for row.
   */
  async predict(matrix: FeatureRows): Promise<Float64Array> {
    const blocks = this.blocksFor(matrix.rows);
    if (blocks <= 1 || matrix.values.length !== matrix.rows * matrix.width)
      return predictProbaSync(this.model, matrix, this.options);
    return this.join(blocks, matrix.rows, (b, from, to) => {
      const values = this.copyInto(
        matrix.values.subarray(from * matrix.width, to * matrix.width),
        Float32Array,
      );
      const rows: FeatureRows = { values, rows: to - from, width: matrix.width };
      return this.send(
        this.workers[b]!,
        { kind: 'predict', id: this.nextId++, matrix: rows, options: this.options },
        [values.buffer as ArrayBuffer],
        from,
      );
    });
  }

  /** A spare buffer of at least `bytes` bytes (the smallest that fits), or a new one. */
  private borrow(bytes: number): ArrayBuffer {
    let best = -1;
    for (let i = 0; i < this.spare.length; i++) {
      const size = this.spare[i]!.byteLength;
      if (size >= bytes && (best < 0 || size < this.spare[best]!.byteLength)) best = i;
    }
    if (best < 0) return new ArrayBuffer(bytes);
    return this.spare.splice(best, 1)[0]!;
  }

  /** `values` copied into a borrowed buffer, as a view of exactly its length. */
  private copyInto<T extends Float32Array | Float64Array>(
    values: T,
    kind: { new (buffer: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number },
  ): T {
    const copy = new kind(this.borrow(values.length * kind.BYTES_PER_ELEMENT), 0, values.length);
    copy.set(values);
    return copy;
  }

  /** Stops the workers; calls still running are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private send(
    target: PoolWorker,
    request: ScoringRequest & { id: number },
    transfer: ArrayBuffer[],
    firstRow: number,
  ): Promise<Float64Array> {
    return new Promise((resolve, reject) => {
      target.pending.set(request.id, { resolve, reject: (error) => reject(rebase(error, firstRow)) });
      target.worker.postMessage(request, transfer);
    });
  }
}

/** Buffers kept for reuse: enough for a few blocks in flight per worker, each with a few dozen columns. */
const MAX_SPARE_BUFFERS = 256;

/** Keeps buffers a worker handed back, up to MAX_SPARE_BUFFERS. */
function keepSpare(spare: ArrayBuffer[], buffers: ArrayBuffer[]): void {
  for (const buffer of buffers) if (spare.length < MAX_SPARE_BUFFERS) spare.push(buffer);
}

/**
 * Rows `[from, to)` of a categorical column as codes (written into `codes`) into its distinct values (first
 * seen, first coded).
 */
function encode(values: CategoricalValues, from: number, to: number, codes: Int32Array): CodedColumn {
  const distinct: CategoricalValues[number][] = [];
  const index = new Map<CategoricalValues[number], number>();
  for (let i = from; i < to; i++) {
    const value = values[i];
    let code = index.get(value);
    if (code === undefined) {
      code = distinct.length;
      distinct.push(value);
      index.set(value, code);
    }
    codes[i - from] = code;
  }
  return { codes, values: distinct };
}

/** A block's ColumnValueError with the row number of the whole call. */
function rebase(error: Error, firstRow: number): Error {
  if (!(error instanceof ColumnValueError) || error.row === undefined) return error;
  return new ColumnValueError(error.column, error.problem, error.row + firstRow);
}

function toError(failure: ScoringFailure): Error {
  if (failure.column !== undefined && failure.problem !== undefined)
    return new ColumnValueError(failure.column, failure.problem, failure.row);
  return new ModelRuntimeError(`a scoring worker failed: ${failure.message}`);
}

/**
 * How to start a worker: its compiled `.js` module beside this file; or, when fti runs from its TypeScript
 * sources (tsx, vitest), a bootstrap that registers tsx's loader in the worker first (tsx's `--import` hook
 * does not reach worker threads) and then imports the `.ts` module, with the sources' export condition.
 */
function workerEntry(): { script: URL | string; options: WorkerOptions } {
  const extension = path.extname(fileURLToPath(import.meta.url));
  const url = new URL(`./scoring-worker${extension}`, import.meta.url);
  if (extension !== '.ts') return { script: url, options: {} };
  // tsx's ESM register API (the `import` export of `tsx/esm/api`).
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  const condition = process.execArgv.includes('--conditions=@fti/source') ? [] : ['--conditions=@fti/source'];
  return { script: bootstrap, options: { eval: true, execArgv: [...process.execArgv, ...condition] } };
}

async function startWorker(
  model: DenseModel,
  preprocessor: FittedPreprocessor,
  backend: BackendName,
  keep: (spent: ArrayBuffer[]) => void,
): Promise<PoolWorker> {
  const { script, options } = workerEntry();
  const worker = new Worker(script, options);
  const pending = new Map<number, Pending>();
  const failAll = (error: Error) => {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('message', (reply: ScoringReply) => {
        if (reply.kind === 'ready') resolve();
        else
          reject(
            new ModelRuntimeError(
              `a scoring worker could not load the model: ${reply.kind === 'failed' ? reply.failure.message : reply.kind}`,
            ),
          );
      });
      worker.once('error', reject);
      const load: ScoringRequest = { kind: 'load', backend, model, preprocessor };
      worker.postMessage(load);
    });
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  worker.on('message', (reply: ScoringReply) => {
    if (reply.kind === 'ready' || reply.id === undefined) return;
    const entry = pending.get(reply.id);
    if (!entry) return;
    pending.delete(reply.id);
    if (reply.kind === 'scored') {
      keep(reply.spent);
      entry.resolve(reply.outputs);
    } else entry.reject(toError(reply.failure));
  });
  worker.on('error', (error) =>
    failAll(new ModelRuntimeError(`a scoring worker crashed: ${error.message}`, { cause: error })),
  );
  worker.on('exit', (code) => failAll(new ModelRuntimeError(`a scoring worker stopped (exit code ${code})`)));
  return { worker, pending };
}
