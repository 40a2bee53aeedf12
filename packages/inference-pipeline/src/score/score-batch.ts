import {
  type Filter,
  openTableWriter,
  type ParquetCompression,
  quoteIdentifier,
  quoteLiteral,
  ROW_ADDRESS_COLUMNS,
  type TableEnv,
  type TableIdentifier,
  type WritableType,
  WritableTypeSchema,
} from '@fti/feature-store';
import { ScoringPool } from '@fti/model-runtime';
import type * as arrow from 'apache-arrow';
import { InvalidScoringInputError } from '../errors.js';
import { checkSignature } from '../load/check-signature.js';
import type { ServableModel } from '../load/servable-model.js';
import { hashKeyColumns } from '../shard/hash-key-columns.js';
import { checkShard, HASH_SPACE, type Shard, shardRange } from '../shard/shard.js';
import { openBatchLogTable } from './batch-log-table.js';
import { JoinBackWriter } from './join-back-writer.js';
import { openScoringInput } from './open-scoring-input.js';
import { openPredictionsTable, PREDICTION_COLUMNS } from './predictions-table.js';
import { prefetch } from './prefetch.js';
import { FeatureBuffers, readFeatureColumns } from './read-feature-columns.js';
import { readScoringBatches } from './read-scoring-batches.js';
import type { ScoredRowsSink, ScoredRowsTargets } from './scored-rows-sink.js';
import { ScoredRowsWriter } from './scored-rows-writer.js';
import type { ScoringEvent } from './scoring-event.js';
import type { ScoringInput } from './scoring-input.js';

/** Options of {@link scoreBatch}. */
export interface ScoreBatchOptions {
  env: TableEnv;
  model: ServableModel;
  /** What to score; default the `features` table's rows of `featureDate`. */
  input?: ScoringInput;
  /** The feature table to score (`features/customer_features_v1`), when `input` is not given. */
  features?: TableIdentifier;
  /** Entity key columns of the input, e.g. `['customer_id']`. */
  keys: string[];
  /** The feature date scored, `YYYY-MM-DD`: the rows read from a table input, the date every prediction is for. */
  featureDate: string;
  /** Date column of the `features` table; default `feature_date`. */
  dateColumn?: string;
  /** Predictions table, overwritten per (feature date, model name, shard range): idempotent. */
  predictions: TableIdentifier;
  /** Prediction log for monitoring (keys, predictions, then the model's raw inputs), appended on every run. */
  log: TableIdentifier;
  /** This worker's part of the run; default `{ index: 0, count: 1 }` (everything). */
  shard?: Shard;
  /** Rows per streamed batch (and forward-pass chunk); bounds memory. Default 65,536. */
  batchRows?: number;
  /**
   * Threads that preprocess and score: 1 (default) scores on the calling thread; more runs a ScoringPool of
   * worker threads, one tfjs backend each. On 2 cores the default is faster end to end (DuckDB's reads and
   * writes already use both: 1M rows took 3.1–3.8 s with 1, 4.2–4.3 s with 2); give more where cores are spare.
   */
  threads?: number;
  /** Rows per written data file (a multiple of batches); bounds memory with `batchRows`. Default 262,144. */
  fileRows?: number;
  /**
   * How the predictions and log data files are encoded. Default snappy without dictionary pages: these
   * write-heavy tables then cost about a third less CPU to write than zstd with dictionaries (the scores and
   * logged doubles rarely repeat), for files about 1.6x larger; give `{ compression: 'zstd' }` for small files.
   */
  parquet?: { compression?: ParquetCompression; dictionary?: boolean };
  /** Id of this run, written with every row. */
  runId: string;
  /** Epoch-ms clock for `scored_at`; default `Date.now`. */
  now?: () => number;
  /** Progress sink; default silent. */
  report?: (event: ScoringEvent) => void;
  /** @deprecated Scored rows are now written straight into the tables; ignored. */
  scratchDir?: string;
}

/** What a scoring run did. */
export interface ScoringSummary {
  model: { name: string; version: number; threshold: number };
  featureDate: string;
  shard: Shard;
  /** Feature snapshot read, as a decimal string (`null` for an input that is not a feature table). */
  featureSnapshotId: string | null;
  /** Rows of the input read, and how many of them fell in this shard and were scored. */
  rowsRead: number;
  rowsScored: number;
  /** Scored rows at or above the threshold. */
  positives: number;
  batches: number;
  /** Rows of the largest streamed batch: at most `batchRows` plus one DuckDB chunk (2,048). */
  largestBatchRows: number;
  predictions: { table: string; snapshotId: string };
  log: { table: string; snapshotId: string };
}

/**
 * Batch scoring: streams the input (a feature table's rows of one date at a pinned snapshot, Parquet files,
 * or Arrow batches) in bounded Arrow batches, keeps this shard's entities (hash range), applies the saved
 * preprocessing and the model, and writes each scored file group once into the predictions table and the
 * prediction log (with the raw inputs). Then the shard's rows of that date and model are replaced in the
 * predictions table in one snapshot, and the log gets one append snapshot. Reading, scoring and writing
 * overlap: DuckDB reads the next batch and writes the previous group while JS scores.
 * @throws SignatureMismatchError when the input cannot feed the model (nothing is read or written).
 * @throws InvalidScoringInputError for bad options or an empty input (nothing is committed).
 */
export async function scoreBatch(options: ScoreBatchOptions): Promise<ScoringSummary> {
  const { env, model } = options;
  const shard = checkShard(options.shard ?? { index: 0, count: 1 });
  const now = options.now ?? Date.now;
  const report = options.report ?? (() => {});
  const batchRows = options.batchRows ?? 65_536;
  if (options.keys.length === 0)
    throw new InvalidScoringInputError('keys', 'needs at least one entity key column');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.featureDate) || Number.isNaN(Date.parse(options.featureDate)))
    throw new InvalidScoringInputError(
      'featureDate',
      `must be an ISO date YYYY-MM-DD, got \`${options.featureDate}\``,
    );
  const input: ScoringInput | undefined =
    options.input ??
    (options.features
      ? {
          kind: 'table',
          table: options.features,
          ...(options.dateColumn ? { dateColumn: options.dateColumn } : {}),
        }
      : undefined);
  if (!input)
    throw new InvalidScoringInputError('input', 'is missing; give `input` (or `features`) to score');
  const label = `${model.name}@${model.version}`;

  const opened = await openScoringInput(env, input, options.featureDate);
  if (opened.columns.length === 0)
    throw new InvalidScoringInputError('input', `${opened.label} has no rows or columns; nothing to score`);
  checkSignature({ model: label, table: opened.label, signature: model.signature, columns: opened.columns });
  const typed = (name: string, option: string): { name: string; type: WritableType } => {
    const type = opened.columns.find((c) => c.name === name)?.type;
    const parsed = WritableTypeSchema.safeParse(type);
    if (!parsed.success)
      throw new InvalidScoringInputError(
        option,
        type === undefined
          ? `\`${name}\` is not a column of ${opened.label}; name the input's entity key columns`
          : `\`${name}\` has type ${type}, which cannot be written to the predictions table`,
      );
    return { name, type: parsed.data };
  };
  const keyTypes = options.keys.map((k) => typed(k, 'keys'));
  const inputTypes = model.signature.inputs
    .map((i) => i.name)
    .filter((name) => !options.keys.includes(name))
    .map((name) => typed(name, 'input'));
  const reserved = new Set([
    ...PREDICTION_COLUMNS.map((c) => c.name),
    ROW_ADDRESS_COLUMNS.file,
    ROW_ADDRESS_COLUMNS.row,
  ]);
  const clash = [...keyTypes, ...inputTypes].find((c) => reserved.has(c.name));
  if (clash)
    throw new InvalidScoringInputError(
      'input',
      `column \`${clash.name}\` has the name of a prediction column (or a reserved __fti_ name); rename it in the input`,
    );

  const snapshotId = opened.snapshotId;
  const { lo, hi } = shardRange(shard);
  const scoredAtMs = now();
  const prediction = [
    ...options.keys.map((k) => quoteIdentifier(k)),
    `DATE ${quoteLiteral(options.featureDate)} AS feature_date`,
    'CAST(__entity_hash AS BIGINT) AS entity_hash',
    '__score AS score',
    `CAST(__score >= CAST(${quoteLiteral(String(model.threshold))} AS DOUBLE) AS INTEGER) AS predicted_class`,
    `CAST(${quoteLiteral(String(model.threshold))} AS DOUBLE) AS threshold`,
    `${quoteLiteral(model.name)} AS model_name`,
    `CAST(${model.version} AS INTEGER) AS model_version`,
    `CAST(${snapshotId === undefined ? 'NULL' : String(snapshotId)} AS BIGINT) AS feature_snapshot_id`,
    `${quoteLiteral(options.runId)} AS run_id`,
    `CAST(epoch_ms(${Math.round(scoredAtMs)}) AS TIMESTAMPTZ) AS scored_at`,
  ];
  const where: Filter = {
    and: [
      { column: 'feature_date', op: '=', value: new Date(`${options.featureDate}T00:00:00Z`) },
      { column: 'model_name', op: '=', value: model.name },
      { column: 'entity_hash', op: '>=', value: lo },
      { column: 'entity_hash', op: '<', value: hi },
    ],
  };
  const properties = { 'fti.run-id': options.runId, 'fti.model': label };
  const encoding = {
    compression: options.parquet?.compression ?? 'snappy',
    dictionary: options.parquet?.dictionary ?? false,
  };
  const open = async (): Promise<ScoredRowsTargets> => ({
    predictions: openTableWriter(await openPredictionsTable(env, options.predictions, keyTypes), {
      mode: { kind: 'overwrite', where },
      ...encoding,
    }),
    log: openTableWriter(await openBatchLogTable(env, options.log, keyTypes, inputTypes), {
      allowNaN: true,
      ...encoding,
    }),
  });
  const predictionsSelect = prediction.join(', ');
  const logSelect = [...prediction, ...inputTypes.map((c) => quoteIdentifier(c.name))].join(', ');
  const fileRows = options.fileRows !== undefined ? { fileRows: options.fileRows } : {};
  const writer: ScoredRowsSink =
    opened.kind === 'relation'
      ? new JoinBackWriter({
          env,
          relation: opened.relation,
          predictionsSelect,
          logSelect,
          open,
          ...fileRows,
        })
      : new ScoredRowsWriter({
          env,
          columns: [...options.keys, ...inputTypes.map((c) => c.name)],
          predictionsSelect,
          logSelect,
          where: lo === 0 && hi === HASH_SPACE ? 'TRUE' : `__entity_hash >= ${lo} AND __entity_hash < ${hi}`,
          open,
          ...fileRows,
        });

  const { batches: read, codes } = readScoringBatches({
    env,
    input: opened,
    keys: options.keys,
    preprocessor: model.preprocessor,
    batchRows,
    // At most three batches are alive below: the one being completed, the one being scored and the one
    // prefetched (being filled); a fourth buffer set is a margin.
    recycle: 4,
  });
  const buffers = new FeatureBuffers();
  let rowsRead = 0;
  let rowsScored = 0;
  let positives = 0;
  let batches = 0;
  let largestBatchRows = 0;
  const pool = await ScoringPool.open(model.model, model.preprocessor, {
    chunkRows: batchRows,
    threads: options.threads ?? 1,
  });
  /** Writes a batch once its scores are in. */
  const complete = async (scoring: ScoringBatch): Promise<void> => {
    if (scoring.scored) {
      const scored = await scoring.scored;
      const count = scored.length;
      for (let i = 0; i < count; i++) if (scored[i]! >= model.threshold) positives++;
      rowsScored += count;
      await writer.add(scoring.batch, scoring.hashes, scored, scoring.selected);
    }
    report({ kind: 'batch', batch: scoring.index, rowsRead: scoring.rowsRead, rowsScored });
  };
  let inFlight: ScoringBatch | undefined;
  try {
    // One batch is scored on the pool's threads while the previous one is written and the next one read.
    for await (const batch of prefetch(read)) {
      batches++;
      rowsRead += batch.numRows;
      largestBatchRows = Math.max(largestBatchRows, batch.numRows);
      const hashes = hashKeyColumns(
        options.keys.map((k) => batch.getChild(k)!),
        batch.numRows,
      );
      const selected = selectShard(hashes, lo, hi);
      const count = selected ? selected.length : batch.numRows;
      const scored =
        count > 0
          ? pool.score(
              readFeatureColumns(
                model.preprocessor,
                (name) => batch.getChild(name)!,
                batch.numRows,
                selected,
                buffers,
                codes,
              ),
            )
          : undefined;
      // A failure surfaces when the batch completes, never as an unhandled rejection meanwhile.
      scored?.catch(() => undefined);
      const next: ScoringBatch = { index: batches, rowsRead, batch, hashes, selected, scored };
      if (inFlight) await complete(inFlight);
      inFlight = next;
    }
    if (inFlight) await complete(inFlight);
    inFlight = undefined;
    if (rowsRead === 0)
      throw new InvalidScoringInputError(
        'input',
        input.kind === 'table'
          ? `${opened.label} has no rows for feature date ${options.featureDate}; compute the features of that date first`
          : `${opened.label} has no rows; nothing to score`,
      );
    const targets = await writer.finish();
    const predictions = await targets.predictions.commit({ properties });
    const predictionsSnapshot = String(predictions.loaded.metadata.currentSnapshotId);
    report({ kind: 'committed', table: 'predictions', snapshotId: predictionsSnapshot });
    const log = await targets.log.commit({ properties });
    const logSnapshot = String(log.loaded.metadata.currentSnapshotId);
    report({ kind: 'committed', table: 'log', snapshotId: logSnapshot });
    return {
      model: { name: model.name, version: model.version, threshold: model.threshold },
      featureDate: options.featureDate,
      shard,
      featureSnapshotId: snapshotId === undefined ? null : String(snapshotId),
      rowsRead,
      rowsScored,
      positives,
      batches,
      largestBatchRows,
      predictions: {
        table: `${options.predictions.namespace}/${options.predictions.name}`,
        snapshotId: predictionsSnapshot,
      },
      log: { table: `${options.log.namespace}/${options.log.name}`, snapshotId: logSnapshot },
    };
  } catch (error) {
    await inFlight?.scored?.catch(() => undefined);
    const targets = await writer.opened();
    await targets?.predictions.abort();
    await targets?.log.abort();
    throw error;
  } finally {
    await pool.close();
  }
}

/** A read batch whose scores are being computed on the pool. */
interface ScoringBatch {
  index: number;
  /** Rows read up to and including this batch. */
  rowsRead: number;
  batch: arrow.RecordBatch;
  hashes: Uint32Array;
  selected: Uint32Array | undefined;
  /** Scores of the selected rows; `undefined` when no row of the batch is in the shard. */
  scored: Promise<Float64Array> | undefined;
}

/** Batch rows whose hash falls in `[lo, hi)`, or `undefined` when every row does (no copy needed). */
function selectShard(hashes: Uint32Array, lo: number, hi: number): Uint32Array | undefined {
  if (lo === 0 && hi === HASH_SPACE) return undefined;
  const selected = new Uint32Array(hashes.length);
  let count = 0;
  for (let r = 0; r < hashes.length; r++) {
    const hash = hashes[r]!;
    if (hash >= lo && hash < hi) selected[count++] = r;
  }
  return selected.subarray(0, count);
}
