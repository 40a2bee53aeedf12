import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendData,
  type Filter,
  loadArrowTable,
  loadTable,
  overwriteWhere,
  quoteIdentifier,
  quoteLiteral,
  scanTable,
  type TableEnv,
  type TableIdentifier,
  type WritableType,
  WritableTypeSchema,
} from '@fti/feature-store';
import { applyPreprocessor, predictProba } from '@fti/model-runtime';
import * as arrow from 'apache-arrow';
import { InvalidScoringInputError } from '../errors.js';
import { checkSignature } from '../load/check-signature.js';
import type { ServableModel } from '../load/servable-model.js';
import { hashEntityKey } from '../shard/hash-entity-key.js';
import { checkShard, type Shard, shardRange } from '../shard/shard.js';
import { openPredictionsTable } from './predictions-table.js';
import { readFeatureColumns } from './read-feature-columns.js';
import type { ScoringEvent } from './scoring-event.js';

/** Options of {@link scoreBatch}. */
export interface ScoreBatchOptions {
  env: TableEnv;
  model: ServableModel;
  /** The feature table to score (`features/customer_features_v1`). */
  features: TableIdentifier;
  /** Entity key columns of the feature table, e.g. `['customer_id']`. */
  keys: string[];
  /** The feature date to score, `YYYY-MM-DD`. */
  featureDate: string;
  /** Date column of the feature table; default `feature_date`. */
  dateColumn?: string;
  /** Predictions table, overwritten per (feature date, model name, shard range): idempotent. */
  predictions: TableIdentifier;
  /** Prediction log for monitoring, appended to on every run. */
  log: TableIdentifier;
  /** This worker's part of the run; default `{ index: 0, count: 1 }` (everything). */
  shard?: Shard;
  /** Rows per streamed batch (and forward-pass chunk); bounds memory. Default 65,536. */
  batchRows?: number;
  /** Id of this run, written with every row. */
  runId: string;
  /** Epoch-ms clock for `scored_at`; default `Date.now`. */
  now?: () => number;
  /** Progress sink; default silent. */
  report?: (event: ScoringEvent) => void;
  /** Folder for the scored chunks before commit; default a fresh folder under the OS temp dir. */
  scratchDir?: string;
}

/** What a scoring run did. */
export interface ScoringSummary {
  model: { name: string; version: number; threshold: number };
  featureDate: string;
  shard: Shard;
  /** Feature snapshot read, as a decimal string (`null` for an empty table). */
  featureSnapshotId: string | null;
  /** Rows of the feature date read, and how many of them fell in this shard and were scored. */
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

let spillCounter = 0;

/**
 * Batch scoring: streams the feature table's rows of one feature date (pinned snapshot, only the key and
 * feature columns) in bounded Arrow batches, keeps this shard's entities (hash range), applies the saved
 * preprocessing and the model, spills each scored chunk to Parquet, then replaces the shard's rows of that
 * date and model in the predictions table in one snapshot and appends the same rows to the prediction log.
 * @throws SignatureMismatchError when the feature table cannot feed the model (nothing is read or written).
 */
export async function scoreBatch(options: ScoreBatchOptions): Promise<ScoringSummary> {
  const { env, model } = options;
  const shard = checkShard(options.shard ?? { index: 0, count: 1 });
  const dateColumn = options.dateColumn ?? 'feature_date';
  const now = options.now ?? Date.now;
  const report = options.report ?? (() => {});
  if (options.keys.length === 0)
    throw new InvalidScoringInputError('keys', 'needs at least one entity key column');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.featureDate) || Number.isNaN(Date.parse(options.featureDate)))
    throw new InvalidScoringInputError(
      'featureDate',
      `must be an ISO date YYYY-MM-DD, got \`${options.featureDate}\``,
    );
  const label = `${model.name}@${model.version}`;

  const features = await loadTable(env, options.features);
  const { metadata } = features.loaded;
  const schema = metadata.schemas.find((s) => s.schemaId === metadata.currentSchemaId);
  const columns = (schema?.fields ?? []).map((f) => ({
    name: f.name,
    type: typeof f.type === 'string' ? f.type : f.type.type,
  }));
  const tableName = `${options.features.namespace}/${options.features.name}`;
  checkSignature({ model: label, table: tableName, signature: model.signature, columns });
  const keyTypes = options.keys.map((name) => {
    const type = columns.find((c) => c.name === name)?.type;
    const parsed = WritableTypeSchema.safeParse(type);
    if (!parsed.success)
      throw new InvalidScoringInputError(
        'keys',
        type === undefined
          ? `\`${name}\` is not a column of \`${tableName}\`; name the table's entity key columns`
          : `\`${name}\` has type ${type}, which cannot be an entity key`,
      );
    return { name, type: parsed.data as WritableType };
  });

  const snapshotId = metadata.currentSnapshotId;
  const featureColumns = [...new Set(model.preprocessor.features.map((f) => f.column))];
  const { lo, hi } = shardRange(shard);
  const scratch = options.scratchDir ?? (await mkdtemp(join(tmpdir(), 'fti-scoring-')));
  const scoredAtMs = now();
  const constants = [
    `DATE ${quoteLiteral(options.featureDate)} AS feature_date`,
    'CAST(entity_hash AS BIGINT) AS entity_hash',
    'score',
    `CAST(score >= ${model.threshold} AS INTEGER) AS predicted_class`,
    `CAST(${model.threshold} AS DOUBLE) AS threshold`,
    `${quoteLiteral(model.name)} AS model_name`,
    `CAST(${model.version} AS INTEGER) AS model_version`,
    `CAST(${snapshotId === undefined ? 'NULL' : String(snapshotId)} AS BIGINT) AS feature_snapshot_id`,
    `${quoteLiteral(options.runId)} AS run_id`,
    `to_timestamp(${scoredAtMs} / 1000.0) AS scored_at`,
  ];
  const keySql = options.keys.map((k) => quoteIdentifier(k)).join(', ');
  const paths: string[] = [];
  let rowsRead = 0;
  let rowsScored = 0;
  let positives = 0;
  let batches = 0;
  let largestBatchRows = 0;
  try {
    const stream = scanTable(features, {
      ...(snapshotId !== undefined ? { snapshotId } : {}),
      filter: { column: dateColumn, op: '=', value: new Date(`${options.featureDate}T00:00:00Z`) },
      columns: [...new Set([...options.keys, ...featureColumns])],
      batchRows: options.batchRows ?? 65_536,
    });
    for await (const batch of stream) {
      batches++;
      rowsRead += batch.numRows;
      largestBatchRows = Math.max(largestBatchRows, batch.numRows);
      const keyVectors = options.keys.map((k) => batch.getChild(k)!);
      const hashes = new Float64Array(batch.numRows);
      const selected = new Uint32Array(batch.numRows);
      let count = 0;
      const key = new Array<unknown>(keyVectors.length);
      for (let r = 0; r < batch.numRows; r++) {
        for (let k = 0; k < keyVectors.length; k++) key[k] = keyVectors[k]!.get(r);
        const hash = hashEntityKey(key);
        hashes[r] = hash;
        if (hash >= lo && hash < hi) selected[count++] = r;
      }
      if (count === 0) continue;
      const rows = selected.subarray(0, count);
      const matrix = applyPreprocessor(
        model.preprocessor,
        readFeatureColumns(model.preprocessor, (name) => batch.getChild(name)!, rows),
      );
      const scores = await predictProba(model.model, matrix, { chunkRows: options.batchRows ?? 65_536 });
      // Scores go back to their batch rows; rows of other shards keep NaN and are filtered out below.
      const score = new Float64Array(batch.numRows).fill(Number.NaN);
      for (let i = 0; i < count; i++) {
        score[rows[i]!] = scores[i]!;
        if (scores[i]! >= model.threshold) positives++;
      }
      rowsScored += count;
      const chunk = new arrow.Table({
        ...Object.fromEntries(options.keys.map((k, i) => [k, keyVectors[i]!])),
        entity_hash: arrow.makeVector(hashes),
        score: arrow.makeVector(score),
      });
      const temp = `__fti_scored_${process.pid}_${spillCounter++}`;
      const path = join(scratch, `chunk-${String(paths.length).padStart(6, '0')}.parquet`);
      await loadArrowTable({ db: env.db, table: chunk, tableName: temp });
      try {
        await env.db.run(
          `COPY (SELECT ${keySql}, ${constants.join(', ')} FROM ${quoteIdentifier(temp)}
            WHERE entity_hash >= ${lo} AND entity_hash < ${hi}) TO ${quoteLiteral(path)} (FORMAT parquet)`,
        );
      } finally {
        await env.db.run(`DROP TABLE IF EXISTS ${quoteIdentifier(temp)}`);
      }
      paths.push(path);
      report({ kind: 'batch', batch: batches, rowsRead, rowsScored });
    }

    const source =
      paths.length > 0
        ? { kind: 'parquet' as const, paths }
        : { kind: 'rows' as const, rows: [] as Record<string, unknown>[] };
    const where: Filter = {
      and: [
        { column: 'feature_date', op: '=', value: new Date(`${options.featureDate}T00:00:00Z`) },
        { column: 'model_name', op: '=', value: model.name },
        { column: 'entity_hash', op: '>=', value: lo },
        { column: 'entity_hash', op: '<', value: hi },
      ],
    };
    const properties = { 'fti.run-id': options.runId, 'fti.model': label };
    let predictions = await openPredictionsTable(env, options.predictions, keyTypes);
    predictions = await overwriteWhere(predictions, source, { where, properties });
    report({
      kind: 'committed',
      table: 'predictions',
      snapshotId: String(predictions.loaded.metadata.currentSnapshotId),
    });
    let log = await openPredictionsTable(env, options.log, keyTypes);
    if (paths.length > 0) log = await appendData(log, source, { properties });
    report({ kind: 'committed', table: 'log', snapshotId: String(log.loaded.metadata.currentSnapshotId) });
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
        snapshotId: String(predictions.loaded.metadata.currentSnapshotId),
      },
      log: {
        table: `${options.log.namespace}/${options.log.name}`,
        snapshotId: String(log.loaded.metadata.currentSnapshotId),
      },
    };
  } finally {
    if (options.scratchDir === undefined) await rm(scratch, { recursive: true, force: true });
  }
}
