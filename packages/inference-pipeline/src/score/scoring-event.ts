/** Progress of {@link scoreBatch}: one event per scored batch, one per commit. */
export type ScoringEvent =
  | { kind: 'batch'; batch: number; rowsRead: number; rowsScored: number }
  | { kind: 'committed'; table: 'predictions' | 'log'; snapshotId: string };
