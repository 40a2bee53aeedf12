import type { EpochMetrics } from '../train/train-model.js';
import type { TrialParams } from './search-space.js';

/** A trial's result at the end of one rung. */
export interface RungResult {
  rung: number;
  /** Cumulative epochs trained. */
  epochs: number;
  /** The objective after this rung. */
  metric: number;
  /** Per-epoch metrics of this rung (epochs numbered cumulatively). */
  history: EpochMetrics[];
}

/** Everything recorded about one trial; plain JSON. */
export interface TrialRecord {
  /** 0-based trial number, in sampling order. */
  trial: number;
  params: TrialParams;
  /** Seed of the trial's weights, shuffles and dropout. */
  seed: number;
  rungs: RungResult[];
  /** The objective at the last rung the trial reached. */
  finalMetric: number;
  /** `completed`: trained through the last rung; `stopped`: halved out earlier. */
  status: 'completed' | 'stopped';
}
