import type { ModelVersion, Signature } from '@fti/model-registry';
import type { DenseModel, FittedPreprocessor } from '@fti/model-runtime';

/** A model version ready to score: verified artifacts turned back into the exact trained objects. */
export interface ServableModel {
  name: string;
  version: number;
  /** The registry record (metrics, params, lineage). */
  record: ModelVersion;
  signature: Signature;
  preprocessor: FittedPreprocessor;
  model: DenseModel;
  /** Decision threshold on the score: the tuned `threshold` metric, else 0.5. */
  threshold: number;
}
