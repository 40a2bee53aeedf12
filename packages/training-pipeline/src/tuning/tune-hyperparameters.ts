import { createMulberry32 } from '@fti/model-runtime';
import type { EpochMetrics } from '../train/train-model.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { type HalvingSpec, planHalving, type Rung } from './plan-halving.js';
import { sampleParams } from './sample-params.js';
import { parseSearchSpace, type SearchSpaceInput, type TrialParams } from './search-space.js';
import type { TrialRecord } from './trial-record.js';

/** What a trial runner is asked to do: train `epochs` more epochs, from `previous` when the trial continues. */
export interface TrialInput<State> {
  trial: number;
  params: TrialParams;
  seed: number;
  rung: number;
  /** Epochs to train in this rung. */
  epochs: number;
  /** Epochs trained before this rung. */
  epochsDone: number;
  /** The state the trial's previous rung returned; undefined in the first rung. */
  previous: State | undefined;
}

/** What a trial runner returns after a rung. */
export interface TrialOutcome<State> {
  /** The objective (e.g. validation ROC AUC). NaN counts as the worst value. */
  metric: number;
  /** Carried to the trial's next rung (e.g. the trained model) and returned for the winner. */
  state: State;
  /** Per-epoch metrics of this rung, recorded with the trial. */
  history?: EpochMetrics[];
}

/** Options of {@link tuneHyperparameters}. */
export interface TuneHyperparametersOptions<State> {
  /** Validated here (`parseSearchSpace`). */
  space: SearchSpaceInput;
  /** Random-search trials to sample. */
  trials: number;
  /** Seed of the parameter draws and trial seeds: the same seed gives the same trials and winner. */
  seed: number;
  /** Rungs by epochs; a single rung of `maxEpochs` trains every trial fully (plain random search). */
  halving: HalvingSpec;
  /** Whether larger metrics are better; default `maximize`. */
  direction?: 'maximize' | 'minimize';
  /**
   * Trials trained at once within a rung; default 1 (sequential). In-process trials share one JS thread, so
   * more than 1 only helps when the runner offloads work (worker threads, tfjs-node's thread pool).
   */
  concurrency?: number;
  runTrial: (input: TrialInput<State>) => Promise<TrialOutcome<State>>;
  /** Called after each trial's rung, for progress. */
  onRung?: (record: TrialRecord, rung: Rung) => void;
}

/** What {@link tuneHyperparameters} returns. */
export interface TuningResult<State> {
  plan: Rung[];
  /** Every trial, in trial order. */
  trials: TrialRecord[];
  /** The winner: best metric at the last rung (ties: the lower trial number). */
  best: TrialRecord;
  /** The winner's final state (e.g. its trained model). */
  bestState: State;
}

/**
 * Seeded random search with successive halving: all trials train `minEpochs`, the best 1/η continue to the
 * next rung's epochs from where they stopped (the runner receives its previous state), and so on until one
 * rung reaches `maxEpochs`. Every trial and rung is recorded. Deterministic for a seed whatever the
 * concurrency: trials draw their parameters and seeds up front and ties break by trial number.
 */
export async function tuneHyperparameters<State>(
  options: TuneHyperparametersOptions<State>,
): Promise<TuningResult<State>> {
  const space = parseSearchSpace(options.space);
  const plan = planHalving(options.trials, options.halving);
  const sign = (options.direction ?? 'maximize') === 'maximize' ? 1 : -1;
  const random = createMulberry32(options.seed);
  const records: TrialRecord[] = [];
  for (let trial = 0; trial < options.trials; trial++) {
    const params = sampleParams(space, random);
    const seed = Math.floor(random() * 2 ** 31);
    records.push({ trial, params, seed, rungs: [], finalMetric: Number.NaN, status: 'stopped' });
  }
  const states = new Map<number, State>();
  let alive = records.map((r) => r.trial);
  let epochsDone = 0;
  for (const rung of plan) {
    alive = alive.slice(0, rung.trials);
    const epochs = rung.epochs - epochsDone;
    await mapWithConcurrency(alive, options.concurrency ?? 1, async (trial) => {
      const record = records[trial]!;
      const outcome = await options.runTrial({
        trial,
        params: record.params,
        seed: record.seed,
        rung: rung.rung,
        epochs,
        epochsDone,
        previous: states.get(trial),
      });
      states.set(trial, outcome.state);
      record.rungs.push({
        rung: rung.rung,
        epochs: rung.epochs,
        metric: outcome.metric,
        history: outcome.history ?? [],
      });
      record.finalMetric = outcome.metric;
      options.onRung?.(record, rung);
    });
    const score = (trial: number) => {
      const m = records[trial]!.finalMetric;
      return Number.isNaN(m) ? Number.NEGATIVE_INFINITY : sign * m;
    };
    alive = [...alive].sort((a, b) => score(b) - score(a) || a - b);
    const next = plan[rung.rung + 1];
    const keep = next ? next.trials : 1;
    for (const dropped of alive.slice(keep)) states.delete(dropped);
    epochsDone = rung.epochs;
  }
  const winner = alive[0]!;
  for (const record of records) record.status = record.rungs.length === plan.length ? 'completed' : 'stopped';
  return { plan, trials: records, best: records[winner]!, bestState: states.get(winner) as State };
}
