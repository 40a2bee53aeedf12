import type { FittedPreprocessor } from '../preprocessing/fitted-preprocessor.js';
import type { DenseModel } from './dense-model.js';
import type { ModelArtifactFile } from './model-artifacts.js';
import { saveModelArtifacts } from './save-model-artifacts.js';

/** The file a model's fitted preprocessor is registered as; inference reads it back from there. */
export const PREPROCESSING_PATH = 'preprocessing.json';

/**
 * The files that make a model servable, as training registers them and inference loads them: the tfjs
 * `model.json` and weight shards, then the fitted preprocessor as `preprocessing.json` (pretty JSON).
 * Same model and preprocessor, same bytes.
 */
export async function saveServableFiles(
  model: DenseModel,
  preprocessor: FittedPreprocessor,
): Promise<ModelArtifactFile[]> {
  const saved = await saveModelArtifacts(model);
  return [
    ...saved.files,
    {
      path: PREPROCESSING_PATH,
      bytes: new TextEncoder().encode(`${JSON.stringify(preprocessor, null, 2)}\n`),
    },
  ];
}
