import type { ModelSpec, ModelSpecInput } from '@fti/model-runtime';
import { parseModelSpec } from '@fti/model-runtime';
import { InvalidSearchSpaceError } from '../errors.js';
import { parseTrainSpec } from '../train/parse-train-spec.js';
import type { TrainSpec, TrainSpecInput } from '../train/train-spec.js';
import type { TrialParams } from './search-space.js';

/** What a trial trains: a model spec and a training spec. Search-space paths start with `model.` or `train.`. */
export interface TrialConfig {
  model: ModelSpecInput;
  train: TrainSpecInput;
}

/** A trial's validated configuration. */
export interface ResolvedTrialConfig {
  model: ModelSpec;
  train: TrainSpec;
}

/**
 * Sets each parameter at its dotted path on a copy of `base` and validates the result.
 * @throws InvalidSearchSpaceError when a path does not start with `model.` or `train.`, names no field of the
 *   validated spec (a typo), or gives a value the spec rejects.
 */
export function applyParams(base: TrialConfig, params: TrialParams): ResolvedTrialConfig {
  // Start from the validated bases so nested defaults (the Adam optimizer) exist to set fields on.
  const draft = structuredClone({
    model: parseModelSpec(base.model),
    train: parseTrainSpec(base.train),
  }) as unknown as Record<string, unknown>;
  for (const [path, value] of Object.entries(params)) {
    const parts = path.split('.');
    if (parts[0] !== 'model' && parts[0] !== 'train')
      throw new InvalidSearchSpaceError(path, 'must start with `model.` or `train.`');
    let node = draft;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1]!] = value;
  }
  let resolved: ResolvedTrialConfig;
  try {
    resolved = {
      model: parseModelSpec(draft.model as ModelSpecInput),
      train: parseTrainSpec(draft.train as TrainSpecInput),
    };
  } catch (error) {
    throw new InvalidSearchSpaceError(
      Object.keys(params).join(', '),
      `gives an invalid model or train spec (${JSON.stringify(params)}): ${(error as Error).message}`,
      { cause: error },
    );
  }
  for (const path of Object.keys(params)) {
    let node: unknown = resolved;
    for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    if (node === undefined)
      throw new InvalidSearchSpaceError(path, 'is not a field of the model or train spec (a typo?)');
  }
  return resolved;
}
