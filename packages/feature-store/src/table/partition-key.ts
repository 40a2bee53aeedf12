import type { PartitionSpec, PartitionValues } from '../iceberg/types.js';

/** A string that is equal for two partition tuples exactly when their values are equal, field by field. */
export function partitionKey(spec: PartitionSpec, values: PartitionValues): string {
  return JSON.stringify(
    spec.fields.map((f) => {
      const v = values[f.name];
      if (v === undefined || v === null) return null;
      if (typeof v === 'bigint') return `${v}n`;
      if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
      return v;
    }),
  );
}
