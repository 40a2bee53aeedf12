import type { ScoredRowsTargets } from './scored-rows-sink.js';

/**
 * The writes of scored file groups, one at a time: each runs in DuckDB while the caller scores the next
 * group, so at most one group is in flight and memory stays bounded. The targets are opened once, before
 * the first write; a failed write surfaces at the next call, never as an unhandled rejection.
 */
export class GroupWrites {
  private pending: Promise<void> = Promise.resolve();
  private targets: ScoredRowsTargets | undefined;
  private readonly open: () => Promise<ScoredRowsTargets>;
  /** Rows a group holds before it is written (one data file per table); default 262,144. */
  readonly fileRows: number;

  constructor(options: { open: () => Promise<ScoredRowsTargets>; fileRows?: number }) {
    this.open = options.open;
    this.fileRows = options.fileRows ?? 262_144;
  }

  /** Waits for the write in flight, then starts `write` without waiting for it. */
  async start(write: (targets: ScoredRowsTargets) => Promise<void>): Promise<void> {
    await this.pending;
    this.targets ??= await this.open();
    this.pending = write(this.targets);
    this.pending.catch(() => undefined);
  }

  /** Waits for every write and returns the targets (opened if nothing was written). */
  async finish(): Promise<ScoredRowsTargets> {
    await this.pending;
    this.targets ??= await this.open();
    return this.targets;
  }

  /** The targets opened so far (to abort them after a failure), once the write in flight has settled. */
  async opened(): Promise<ScoredRowsTargets | undefined> {
    await this.pending.catch(() => undefined);
    return this.targets;
  }
}
