import type { DatasetSource } from '../dataset/dataset.js';
import type { TrialParams } from '../tuning/search-space.js';

/** Progress of {@link runTraining}, for printing: dataset, every epoch and rung of every trial, the outcome. */
export type TrainingEvent =
  | {
      kind: 'dataset';
      rows: number;
      train: number;
      tuning: number;
      validation: number;
      positiveRate: number;
      sources: DatasetSource[];
      spineHash: string;
    }
  | { kind: 'plan'; rungs: { rung: number; trials: number; epochs: number }[]; width: number }
  | {
      kind: 'epoch';
      trial: number;
      rung: number;
      epoch: number;
      loss: number;
      valLoss: number | null;
      valRocAuc: number | null;
    }
  | { kind: 'trial'; trial: number; rung: number; epochs: number; metric: number; params: TrialParams }
  | { kind: 'evaluated'; metrics: Record<string, number> }
  | { kind: 'registered'; name: string; version: number }
  | { kind: 'promoted'; alias: string; passed: boolean; reasons: string[] };
