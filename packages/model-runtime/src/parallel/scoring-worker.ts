// Entry point of a ScoringPool worker thread: selects the pool's tfjs backend, receives the model and its
// fitted preprocessor once, then preprocesses and scores each block of rows it is sent and answers with
// the outputs (transferred, not copied).
import { parentPort } from 'node:worker_threads';
import { selectBackend } from '../backend/select-backend.js';
import { ColumnValueError } from '../errors.js';
import type { DenseModel } from '../models/dense-model.js';
import type { FeatureRows } from '../models/feature-rows.js';
import { predictProbaSync } from '../models/predict-proba.js';
import { applyPreprocessor } from '../preprocessing/apply-preprocessor.js';
import { countRows } from '../preprocessing/count-rows.js';
import type { CategoricalValues, FeatureColumns } from '../preprocessing/feature-columns.js';
import type { FittedPreprocessor } from '../preprocessing/fitted-preprocessor.js';
import { MatrixBuffer } from './matrix-buffer.js';
import type { CodedColumn, ScoringFailure, ScoringReply, ScoringRequest } from './scoring-message.js';

const port = parentPort;
if (!port) throw new Error('scoring-worker runs only as a worker thread of a ScoringPool');
/** What `load` gave this worker, and the buffer its `score` blocks are preprocessed into. */
interface Loaded {
  model: DenseModel;
  preprocessor: FittedPreprocessor;
  matrix: MatrixBuffer;
}
let loaded: Loaded | undefined;
const reply = (message: ScoringReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', async (request: ScoringRequest) => {
  const id = request.kind === 'load' ? undefined : request.id;
  try {
    if (request.kind === 'load') {
      await selectBackend({ prefer: request.backend });
      const matrix = new MatrixBuffer(request.model.inputWidth);
      loaded = { model: request.model, preprocessor: request.preprocessor, matrix };
      reply({ kind: 'ready' });
      return;
    }
    if (!loaded) throw new Error('no model loaded');
    const matrix = request.kind === 'predict' ? request.matrix : preprocess(loaded, decode(request.columns));
    const outputs = predictProbaSync(loaded.model, matrix, request.options);
    const spent = inputBuffers(request);
    reply({ kind: 'scored', id: request.id, outputs, spent }, [outputs.buffer as ArrayBuffer, ...spent]);
  } catch (error) {
    reply({ kind: 'failed', id, failure: describe(error) });
  }
});

/** A block's matrix, written into the worker's kept buffer. */
function preprocess(worker: Loaded, columns: FeatureColumns): FeatureRows {
  const { preprocessor, matrix } = worker;
  return applyPreprocessor(preprocessor, columns, {
    into: matrix.for(countRows(columns, preprocessor.features)),
  });
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
