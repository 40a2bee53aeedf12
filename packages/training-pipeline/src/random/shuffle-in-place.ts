import type { RandomSource } from '@fti/model-runtime';

/** Fisher-Yates shuffle of `values` in place with the injected random source; returns the same array. */
export function shuffleInPlace<T extends { length: number; [index: number]: number }>(
  values: T,
  random: RandomSource,
): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = values[i]!;
    values[i] = values[j]!;
    values[j] = swap;
  }
  return values;
}
