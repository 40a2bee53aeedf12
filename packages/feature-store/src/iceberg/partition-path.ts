import { transformResultType } from './transform.js';
import type {
  PartitionSpec,
  PartitionValue,
  PartitionValues,
  PrimitiveType,
  Schema,
  Transform,
} from './types.js';

/**
 * The Hive-style folder of a partition, for the data file layout: `feature_date_month=2011-09`, one
 * `name=value` segment per partition field joined by `/`, values in human form (months as `YYYY-MM`, days as
 * `YYYY-MM-DD`, years as `YYYY`, hours as `YYYY-MM-DD-HH`), URL-escaped; null as `null`. Empty when unpartitioned.
 */
export function partitionPath(spec: PartitionSpec, schema: Schema, values: PartitionValues): string {
  return spec.fields
    .map((field) => {
      const source = schema.fields.find((f) => f.id === field.sourceId);
      const sourceType = (typeof source?.type === 'string' ? source.type : 'string') as PrimitiveType;
      const value = values[field.name] ?? null;
      return `${encodeURIComponent(field.name)}=${encodeURIComponent(humanValue(field.transform, sourceType, value))}`;
    })
    .join('/');
}

/** The human form of one partition value (Iceberg's `toHumanString`). */
export function humanValue(transform: Transform, sourceType: PrimitiveType, value: PartitionValue): string {
  if (value === null) return 'null';
  switch (transform) {
    case 'year':
      return String(1970 + Number(value));
    case 'month': {
      const months = Number(value);
      const year = 1970 + Math.floor(months / 12);
      return `${year}-${pad(months - (year - 1970) * 12 + 1)}`;
    }
    case 'day':
      return isoDate(Number(value) * 86_400_000);
    case 'hour': {
      const iso = new Date(Number(value) * 3_600_000).toISOString();
      return `${iso.slice(0, 10)}-${iso.slice(11, 13)}`;
    }
  }
  const type = transformResultType(transform, sourceType);
  if (type === 'date') return isoDate(Number(value) * 86_400_000);
  if ((type === 'timestamp' || type === 'timestamptz') && typeof value === 'bigint') {
    const iso = new Date(Number(value / 1000n)).toISOString().slice(0, 19);
    const micros = String(((value % 1_000_000n) + 1_000_000n) % 1_000_000n).padStart(6, '0');
    return `${iso}.${micros}${type === 'timestamptz' ? '+00:00' : ''}`;
  }
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return String(value);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
