import { encodeBound } from './bounds.js';
import { compareValues } from './compare-values.js';
import { partitionTupleFields } from './partition-tuple.js';
import type { DataFile, FieldSummary, PartitionSpec, PartitionValue, Schema } from './types.js';

/**
 * The manifest list's per-partition-field summaries (field 507) of `dataFiles`: whether any value is null or
 * NaN, and the min/max non-null value in single-value binary form, so readers can skip the whole manifest.
 */
export function summarizePartitions(
  spec: PartitionSpec,
  schema: Schema,
  dataFiles: DataFile[],
): FieldSummary[] {
  return partitionTupleFields(spec, schema).map((field) => {
    let containsNull = false;
    let containsNan = false;
    let lower: PartitionValue = null;
    let upper: PartitionValue = null;
    for (const file of dataFiles) {
      const value = file.partition[field.name] ?? null;
      if (value === null) containsNull = true;
      else if (typeof value === 'number' && Number.isNaN(value)) containsNan = true;
      else {
        if (lower === null || compareValues(value, lower) < 0) lower = value;
        if (upper === null || compareValues(value, upper) > 0) upper = value;
      }
    }
    const summary: FieldSummary = { containsNull };
    if (field.type === 'float' || field.type === 'double') summary.containsNan = containsNan;
    else summary.containsNan = false;
    if (lower !== null) summary.lowerBound = encodeBound(field.type, lower);
    if (upper !== null) summary.upperBound = encodeBound(field.type, upper);
    return summary;
  });
}
