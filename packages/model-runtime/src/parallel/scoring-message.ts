import type { BackendName } from '../backend/backend-name.js';
import type { DenseModel } from '../models/dense-model.js';
import type { FeatureRows } from '../models/feature-rows.js';
import type { PredictProbaOptions } from '../models/predict-proba.js';
import type { CategoricalValues } from '../preprocessing/feature-columns.js';
import type { FittedPreprocessor } from '../preprocessing/fitted-preprocessor.js';

/** What a {@link ScoringPool} sends its workers: the model once, then blocks of rows to score. */
export type ScoringRequest =
  | { kind: 'load'; backend: BackendName; model: DenseModel; preprocessor: FittedPreprocessor }
  | {
      kind: 'score';
      id: number;
      /** The block's raw input columns: numeric as they are, categorical as codes into their distinct values. */
      columns: Record<string, Float64Array | CodedColumn>;
      options: PredictProbaOptions;
    }
  | { kind: 'predict'; id: number; matrix: FeatureRows; options: PredictProbaOptions };

/** A categorical column sent as one code per row into its distinct values (cheaper to send than strings). */
export interface CodedColumn {
  codes: Int32Array;
  values: CategoricalValues;
}

/** Why a worker could not load or score: enough to rebuild the error on the calling thread. */
export interface ScoringFailure {
  name: string;
  message: string;
  /** A ColumnValueError's column, problem and block row. */
  column?: string;
  problem?: string;
  row?: number;
}

/** What a worker answers: ready after `load`, the outputs of a block, or the failure of either. */
export type ScoringReply =
  | { kind: 'ready' }
  | {
      kind: 'scored';
      id: number;
      outputs: Float64Array;
      /** The request's input buffers, handed back for the pool to fill again (no fresh pages per block). */
      spent: ArrayBuffer[];
    }
  | { kind: 'failed'; id: number | undefined; failure: ScoringFailure };
