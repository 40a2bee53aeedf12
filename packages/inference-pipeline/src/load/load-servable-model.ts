import { formatModelRef, loadModel, type ModelRef, type ModelRegistry } from '@fti/model-registry';
import { loadModelArtifacts, PREPROCESSING_PATH, readFittedPreprocessor } from '@fti/model-runtime';
import { UnservableModelError } from '../errors.js';
import type { ServableModel } from './servable-model.js';

/** The file the fitted preprocessor is registered as (written by model-runtime's `saveServableFiles`). */
export { PREPROCESSING_PATH };

const TFJS_FILE = /^(model\.json|group\d+-shard\d+of\d+\.bin)$/;

/**
 * Loads a model version by alias or version for scoring: the registry verifies every artifact's sha256,
 * then the preprocessing is parsed, the tfjs weights rebuilt, and the three checked against each other
 * (matrix width, signature inputs = preprocessed columns). Anything off is an {@link UnservableModelError}.
 */
export async function loadServableModel(registry: ModelRegistry, ref: ModelRef): Promise<ServableModel> {
  const loaded = await loadModel(registry, { ref });
  const { record } = loaded;
  const label = `${record.name}@${record.version}`;
  const preprocessing = loaded.artifacts.find((a) => a.path === PREPROCESSING_PATH);
  if (!preprocessing)
    throw new UnservableModelError(
      label,
      `it has no \`${PREPROCESSING_PATH}\`; register it with its preprocessing`,
    );
  let preprocessor: ServableModel['preprocessor'];
  let model: ServableModel['model'];
  try {
    preprocessor = readFittedPreprocessor(JSON.parse(new TextDecoder().decode(preprocessing.bytes)));
    model = loadModelArtifacts(
      loaded.artifacts.filter((a) => TFJS_FILE.test(a.path)).map((a) => ({ path: a.path, bytes: a.bytes })),
    );
  } catch (error) {
    throw new UnservableModelError(label, (error as Error).message, { cause: error });
  }
  if (preprocessor.featureNames.length !== model.inputWidth)
    throw new UnservableModelError(
      label,
      `its preprocessing makes ${preprocessor.featureNames.length} columns but the network reads ${model.inputWidth}`,
    );
  const inputs = new Set(record.signature.inputs.map((i) => i.name));
  const used = preprocessor.features.map((f) => f.column).filter((c) => !inputs.has(c));
  if (used.length > 0)
    throw new UnservableModelError(
      label,
      `its preprocessing reads ${used.map((c) => `\`${c}\``).join(', ')}, absent from the signature`,
    );
  const tuned = record.metrics.threshold;
  return {
    name: record.name,
    version: record.version,
    record,
    signature: record.signature,
    preprocessor,
    model,
    threshold: tuned !== undefined && tuned >= 0 && tuned <= 1 ? tuned : 0.5,
  };
}

/** `name@version (via alias)` for logs. */
export function describeServableModel(model: ServableModel, ref: ModelRef): string {
  return 'alias' in ref ? `${model.name}@${model.version} (${formatModelRef(ref)})` : formatModelRef(ref);
}
