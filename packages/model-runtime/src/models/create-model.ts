import { InvalidInputError } from '../errors.js';
import { createMulberry32 } from '../random/create-mulberry32.js';
import type { DenseModel } from './dense-model.js';
import type { ModelSpecInput } from './model-spec.js';
import { parseModelSpec } from './parse-model-spec.js';
import { planLayers } from './plan-layers.js';

/** Options of {@link createModel}. */
export interface CreateModelOptions {
  /** Seed of the weight initialisation (mulberry32); the same seed gives bit-identical weights. */
  seed: number;
}

/**
 * Creates a model with freshly initialised weights: Glorot (Xavier) uniform kernels, U(−l, l) with
 * l = √(6 / (inputs + units)), drawn from fti's own seeded PRNG layer by layer, row-major; zero biases
 * (Keras' defaults). No tfjs random state is involved, so the weights are the same on every backend.
 * @param spec Model spec; validated here.
 * @param inputWidth Features per row (the preprocessed matrix's width).
 */
export function createModel(
  spec: ModelSpecInput,
  inputWidth: number,
  options: CreateModelOptions,
): DenseModel {
  const parsed = parseModelSpec(spec);
  if (!Number.isSafeInteger(inputWidth) || inputWidth < 1)
    throw new InvalidInputError('inputWidth', `must be a positive integer, got ${inputWidth}`);
  const random = createMulberry32(options.seed);
  const layers = planLayers(parsed, inputWidth).map((plan) => {
    const limit = Math.sqrt(6 / (plan.inputs + plan.units));
    const kernel = new Float32Array(plan.inputs * plan.units);
    for (let i = 0; i < kernel.length; i++) kernel[i] = (random() * 2 - 1) * limit;
    return { ...plan, kernel, bias: new Float32Array(plan.units) };
  });
  return { spec: parsed, inputWidth, layers };
}
