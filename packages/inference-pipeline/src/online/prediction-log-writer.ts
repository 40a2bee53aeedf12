import { appendData, type Table } from '@fti/feature-store';

/** One scored row to log. */
export interface PredictionLogEntry {
  requestId: string;
  /** Row of the request; 0 for single-row requests. */
  rowIndex: number;
  modelName: string;
  modelVersion: number;
  /** The entity whose online features were scored, or null for rows sent inline. */
  entityId: string | null;
  score: number;
  predictedClass: number | null;
  latencyMs: number;
  /** The scored feature values (serialised to JSON when flushed). */
  inputs: unknown;
}

/** Options of {@link PredictionLogWriter}. */
export interface PredictionLogWriterOptions {
  /** Opens (or creates) the log table; called once, at the first flush. See openPredictionLogTable. */
  open: () => Promise<Table>;
  /** Buffered rows that trigger a flush (one Iceberg snapshot each: keep it large). Default 10,000. */
  maxRows?: number;
  /** Longest a row waits in the buffer before a flush, ms. Default 5000. */
  maxDelayMs?: number;
  /** Rows kept while flushes fail; the oldest are dropped (and counted) beyond it. Default 100,000. */
  maxBufferedRows?: number;
  /** Epoch-ms clock for `logged_at`. Default `Date.now`. */
  now?: () => number;
  /** Schedules the time-triggered flush; returns a cancel function. Default an unref'd `setTimeout`. */
  schedule?: (run: () => void, delayMs: number) => () => void;
  /** Receives a failed flush's error (the rows stay buffered for the next flush). Default silent. */
  onError?: (error: unknown) => void;
}

/** Counters of a {@link PredictionLogWriter}. */
export interface PredictionLogStats {
  buffered: number;
  written: number;
  dropped: number;
  flushes: number;
  failedFlushes: number;
}

type LogRow = Record<string, unknown>;

/**
 * Buffers predictions and appends them to an Iceberg table in batches: when `maxRows` are buffered, when
 * the oldest has waited `maxDelayMs`, and on `close()`. Flushes run one at a time; a failed flush keeps its
 * rows for the next one, so a brief storage outage loses nothing (beyond `maxBufferedRows`).
 */
export class PredictionLogWriter {
  private buffer: LogRow[] = [];
  private table: Promise<Table> | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private cancelTimer: (() => void) | undefined;
  private closed = false;
  private readonly counts = { written: 0, dropped: 0, flushes: 0, failedFlushes: 0 };

  constructor(private readonly options: PredictionLogWriterOptions) {}

  /** Buffers entries stamped with the clock; may start a flush (not awaited). Ignored after close. */
  record(entries: readonly PredictionLogEntry[]): void {
    if (this.closed || entries.length === 0) return;
    const loggedAt = new Date((this.options.now ?? Date.now)());
    for (const e of entries) {
      this.buffer.push({
        request_id: e.requestId,
        row_index: e.rowIndex,
        model_name: e.modelName,
        model_version: e.modelVersion,
        entity_id: e.entityId,
        score: e.score,
        predicted_class: e.predictedClass,
        latency_ms: e.latencyMs,
        inputs: e.inputs,
        logged_at: loggedAt,
      });
    }
    this.trim();
    if (this.buffer.length >= (this.options.maxRows ?? 10_000)) void this.flush();
    else
      this.cancelTimer ??= this.schedule(() => {
        this.cancelTimer = undefined;
        void this.flush();
      }, this.options.maxDelayMs ?? 5000);
  }

  /** Appends every buffered row in one snapshot, after any flush in progress; resolves to the rows written. */
  flush(): Promise<number> {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    let written = 0;
    const run = this.flushing.then(async () => {
      const rows = this.buffer;
      if (rows.length === 0) return;
      this.buffer = [];
      try {
        this.table ??= this.options.open();
        const table = await this.table;
        await appendData(
          table,
          { kind: 'rows', rows: rows.map((r) => ({ ...r, inputs: JSON.stringify(r.inputs) })) },
          { properties: { 'fti.writer': 'online-prediction-log' } },
        );
        written = rows.length;
        this.counts.written += rows.length;
        this.counts.flushes++;
      } catch (error) {
        this.table = undefined;
        this.counts.failedFlushes++;
        this.buffer = rows.concat(this.buffer);
        this.trim();
        this.options.onError?.(error);
      }
    });
    this.flushing = run;
    return run.then(() => written);
  }

  /** Flushes what is buffered and stops accepting entries; safe to call twice. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  stats(): PredictionLogStats {
    return { buffered: this.buffer.length, ...this.counts };
  }

  private trim(): void {
    const max = this.options.maxBufferedRows ?? 100_000;
    if (this.buffer.length <= max) return;
    const excess = this.buffer.length - max;
    this.buffer.splice(0, excess);
    this.counts.dropped += excess;
  }

  private schedule(run: () => void, delayMs: number): () => void {
    if (this.options.schedule) return this.options.schedule(run, delayMs);
    const timer = setTimeout(run, delayMs);
    timer.unref();
    return () => clearTimeout(timer);
  }
}
