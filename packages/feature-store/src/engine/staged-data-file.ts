import { encodeBound } from '../iceberg/bounds.js';
import type {
  PartitionSpec,
  PartitionValue,
  PartitionValues,
  PrimitiveType,
  Schema,
} from '../iceberg/types.js';
import { parseStatValue } from './parse-stat-value.js';
import { quoteIdentifier } from './sql-quote.js';

/** A Parquet data file written to local staging, with everything a manifest entry needs. */
export interface StagedDataFile {
  /** Absolute local path of the file. */
  localPath: string;
  /** Partition tuple keyed by partition field name (int for year/month/day/hour, raw value for identity). */
  partition: PartitionValues;
  recordCount: number;
  /** Exact size on disk, bytes. */
  fileSizeInBytes: number;
  /** Per field id: compressed bytes of the column. */
  columnSizes: Map<number, number>;
  /** Per field id: values including nulls and NaNs. */
  valueCounts: Map<number, number>;
  nullValueCounts: Map<number, number>;
  /** Per float/double field id. */
  nanValueCounts: Map<number, number>;
  /** Per field id, Iceberg single-value binary encoding (spec Appendix D); absent when unknown. */
  lowerBounds: Map<number, Uint8Array>;
  upperBounds: Map<number, Uint8Array>;
}

/** One row of `COPY ... RETURN_STATS`, as JSON strings. */
export interface CopyStatsRow {
  filename: string;
  count: string;
  file_size_bytes: string;
  column_statistics: { key: string; value: { key: string; value: string | null }[] }[] | null;
  partition_keys: { key: string; value: string | null }[] | null;
}

/**
 * Turns one file's `COPY ... RETURN_STATS` row into a {@link StagedDataFile}: per-column sizes, value, null
 * and NaN counts and Iceberg-encoded bounds (DuckDB's min/max exclude NaN), and the partition tuple from the
 * file's partition keys (`__p<i>` for partition field i, typed by the transform's result type).
 */
export function toStagedDataFile(options: {
  row: CopyStatsRow;
  schema: Schema;
  spec: PartitionSpec;
  /** Per field id, NaN count of this file; float/double fields missing here get 0. */
  nanCounts?: Map<number, number>;
}): StagedDataFile {
  const { row, schema, spec } = options;
  const file: StagedDataFile = {
    localPath: row.filename,
    partition: {},
    recordCount: Number(row.count),
    fileSizeInBytes: Number(row.file_size_bytes),
    columnSizes: new Map(),
    valueCounts: new Map(),
    nullValueCounts: new Map(),
    nanValueCounts: new Map(),
    lowerBounds: new Map(),
    upperBounds: new Map(),
  };
  const stats = new Map(
    (row.column_statistics ?? []).map((c) => [c.key, new Map(c.value.map((e) => [e.key, e.value]))]),
  );
  for (const field of schema.fields) {
    const columnStats = stats.get(quoteIdentifier(field.name));
    if (!columnStats || typeof field.type !== 'string') continue;
    const type = field.type;
    const size = columnStats.get('column_size_bytes');
    if (size != null) file.columnSizes.set(field.id, Number(size));
    file.valueCounts.set(field.id, Number(columnStats.get('num_values') ?? file.recordCount));
    file.nullValueCounts.set(field.id, Number(columnStats.get('null_count') ?? 0));
    if (type === 'float' || type === 'double') {
      file.nanValueCounts.set(field.id, options.nanCounts?.get(field.id) ?? 0);
    }
    for (const [key, bounds] of [
      ['min', file.lowerBounds],
      ['max', file.upperBounds],
    ] as const) {
      const text = columnStats.get(key);
      if (text == null) continue;
      const value = parseStatValue(type, text);
      if (value === undefined) continue;
      try {
        bounds.set(field.id, encodeBound(type, value));
      } catch {
        // A bound we cannot encode exactly is left out: readers then assume nothing about the column.
      }
    }
  }
  const keys = new Map((row.partition_keys ?? []).map((k) => [k.key, k.value]));
  spec.fields.forEach((partitionField, i) => {
    const text = keys.get(`__p${i}`);
    const source = schema.fields.find((f) => f.id === partitionField.sourceId);
    file.partition[partitionField.name] =
      text == null || !source || typeof source.type !== 'string'
        ? null
        : partitionValue(
            partitionField.transform === 'identity' || partitionField.transform.startsWith('truncate')
              ? source.type
              : 'int',
            text,
          );
  });
  return file;
}

function partitionValue(type: PrimitiveType, text: string): PartitionValue {
  if (type === 'uuid' || type === 'binary' || type.startsWith('fixed') || type.startsWith('decimal'))
    return text;
  const value = parseStatValue(type, text);
  return value === undefined ? text : value;
}
