// Entry point of a ScoringPool worker thread: selects the pool's tfjs backend, receives the model and its
// fitted preprocessor once, then preprocesses and scores each block of rows it is sent and answers with
// the outputs (transferred, not copied).
import { parentPort } from 'node:worker_threads';
import { selectBackend } from '../backend/select-backend.js';
import { ColumnValueError } from '../errors.js';
import type { DenseModel } from '../models/dense-model.js';
import { predictProbaSync } from '../models/predict-proba.js';
import { applyPreprocessor } from '../preprocessing/apply-preprocessor.js';
import type { CategoricalValues, FeatureColumns } from '../preprocessing/feature-columns.js';
import type { FittedPreprocessor } from '../preprocessing/fitted-preprocessor.js';
import type { CodedColumn, ScoringFailure, ScoringReply, ScoringRequest } from './scoring-message.js';

const port = parentPort;
if (!port) throw new Error('scoring-worker runs only as a worker thread of a ScoringPool');
let loaded: { model: DenseModel; preprocessor: FittedPreprocessor } | undefined;
/** The matrix of each `score` block is written here, grown as blocks grow (no fresh pages per block). */
let matrixBuffer = new Float32Array(0);
const reply = (message: ScoringReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', async (request: ScoringRequest) => {
  const id = request.kind === 'load' ? undefined : request.id;
  try {
    if (request.kind === 'load') {
      await selectBackend({ prefer: request.backend });
      loaded = { model: request.model, preprocessor: request.preprocessor };
      reply({ kind: 'ready' });
      return;
    }
    if (!loaded) throw new Error('no model loaded');
    const matrix =
      request.kind === 'predict'
        ? request.matrix
        : applyPreprocessor(loaded.preprocessor, decode(request.columns), {
            into: matrixFor(request.columns),
          });
    const outputs = predictProbaSync(loaded.model, matrix, request.options);
    const spent = inputBuffers(request);
    reply({ kind: 'scored', id: request.id, outputs, spent }, [outputs.buffer as ArrayBuffer, ...spent]);
  } catch (error) {
    reply({ kind: 'failed', id, failure: describe(error) });
  }
});

/** The worker's matrix buffer, grown to hold the block's rows × the model's input width. */
function matrixFor(columns: Record<string, Float64Array | CodedColumn>): Float32Array {
  const first = Object.values(columns)[0];
  const rows = first === undefined ? 0 : first instanceof Float64Array ? first.length : first.codes.length;
  const size = rows * (loaded?.model.inputWidth ?? 0);
  if (matrixBuffer.length < size) matrixBuffer = new Float32Array(size);
  return matrixBuffer;
}

/** The buffers a request's rows came in: nothing reads them once the block is scored. */
function inputBuffers(request: Exclude<ScoringRequest, { kind: 'load' }>): ArrayBuffer[] {
  if (request.kind === 'predict') return [request.matrix.values.buffer as ArrayBuffer];
  return Object.values(request.columns).map(
    (column) => (column instanceof Float64Array ? column.buffer : column.codes.buffer) as ArrayBuffer,
  );
}

/** The columns as `applyPreprocessor` takes them: coded categorical columns back to their values. */
function decode(columns: Record<string, Float64Array | CodedColumn>): FeatureColumns {
  const out: Record<string, Float64Array | CategoricalValues> = {};
  for (const [name, column] of Object.entries(columns)) {
    if (column instanceof Float64Array) {
      out[name] = column;
      continue;
    }
    const { codes, values } = column;
    const decoded = new Array<CategoricalValues[number]>(codes.length);
    for (let i = 0; i < codes.length; i++) decoded[i] = values[codes[i]!];
    out[name] = decoded;
  }
  return out;
}

function describe(error: unknown): ScoringFailure {
  if (error instanceof ColumnValueError)
    return {
      name: error.name,
      message: error.message,
      column: error.column,
      problem: error.problem,
      ...(error.row !== undefined ? { row: error.row } : {}),
    };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
