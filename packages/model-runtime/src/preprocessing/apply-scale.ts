import type { FittedScale } from './fitted-preprocessor.js';

/** Applies a fitted scaler to one value with scikit-learn's operation order. */
export function applyScale(scale: FittedScale, x: number): number {
  return scale.kind === 'minmax' ? x * scale.scale + scale.min : (x - scale.center) / scale.scale;
}
