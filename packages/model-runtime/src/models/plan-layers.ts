import { countOutputs, type LayerActivation, taskOf } from './dense-model.js';
import type { ModelSpec } from './model-spec.js';

/** Shape and activation of one dense layer, before it has weights. */
export interface LayerPlan {
  inputs: number;
  units: number;
  activation: LayerActivation;
}

/**
 * The dense layers a spec describes on `inputWidth` features, input side first: the hidden layers of an MLP,
 * then the output layer (sigmoid for binary, softmax for multiclass, linear for regression).
 */
export function planLayers(spec: ModelSpec, inputWidth: number): LayerPlan[] {
  const task = taskOf(spec);
  const hidden = spec.kind === 'mlp' ? spec.hiddenLayers : [];
  const plans: LayerPlan[] = [];
  let inputs = inputWidth;
  for (const units of hidden) {
    plans.push({ inputs, units, activation: spec.kind === 'mlp' ? spec.activation : 'linear' });
    inputs = units;
  }
  const output: LayerActivation =
    task.kind === 'binary' ? 'sigmoid' : task.kind === 'multiclass' ? 'softmax' : 'linear';
  plans.push({ inputs, units: countOutputs(task), activation: output });
  return plans;
}
