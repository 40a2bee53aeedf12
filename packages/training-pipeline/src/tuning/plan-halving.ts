import { InvalidSearchSpaceError } from '../errors.js';

/** Successive-halving budget: rungs by epochs. */
export interface HalvingSpec {
  /** Epochs every trial trains in the first rung. */
  minEpochs: number;
  /** Epochs the best trials reach in the last rung. */
  maxEpochs: number;
  /** Reduction factor: each rung keeps the top 1/eta of the trials and trains eta times the epochs. */
  eta: number;
}

/** One rung of a plan: how many trials enter and the epochs they have trained in all when it ends. */
export interface Rung {
  rung: number;
  trials: number;
  /** Cumulative epochs at the end of this rung. */
  epochs: number;
}

/**
 * Plans successive halving (the synchronous form of ASHA's rungs): rung k trains `⌊n / ηᵏ⌋` trials (at least
 * one) to `min(maxEpochs, minEpochs · ηᵏ)` epochs; the last rung ends at `maxEpochs`. Pure: print it, test it.
 */
export function planHalving(trials: number, spec: HalvingSpec): Rung[] {
  const { minEpochs, maxEpochs, eta } = spec;
  if (!Number.isInteger(trials) || trials < 1)
    throw new InvalidSearchSpaceError('trials', `must be a positive integer, got ${trials}`);
  if (!Number.isInteger(minEpochs) || minEpochs < 1 || !Number.isInteger(maxEpochs) || maxEpochs < minEpochs)
    throw new InvalidSearchSpaceError(
      'halving',
      `needs integers 1 <= minEpochs <= maxEpochs, got ${minEpochs}, ${maxEpochs}`,
    );
  if (!(eta >= 2)) throw new InvalidSearchSpaceError('halving.eta', `must be >= 2, got ${eta}`);
  const rungs: Rung[] = [];
  let epochs = minEpochs;
  let count = trials;
  for (let k = 0; ; k++) {
    rungs.push({ rung: k, trials: count, epochs: Math.min(epochs, maxEpochs) });
    if (epochs >= maxEpochs || count === 1) break;
    epochs = Math.round(epochs * eta);
    count = Math.max(1, Math.floor(count / eta));
  }
  const last = rungs[rungs.length - 1]!;
  last.epochs = maxEpochs;
  return rungs;
}
