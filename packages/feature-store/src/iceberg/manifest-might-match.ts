import type { BoundFilter, BoundPredicate } from './bind-filter.js';
import { bound, typeOf } from './file-might-match.js';
import { partitionPredicate } from './partition-literal.js';
import { rangeMightMatch } from './range-might-match.js';
import { transformResultType } from './transform.js';
import type { ManifestFile, PartitionSpec, Schema } from './types.js';

/**
 * Whether a manifest might list a file with a row passing `filter`, judged from its partition field summaries
 * (contains-null, lower/upper bound of each partition field). Sound: unknown summaries mean "might".
 */
export function manifestMightMatch(
  filter: BoundFilter,
  manifest: ManifestFile,
  spec: PartitionSpec | undefined,
  schema: Schema,
): boolean {
  if ('and' in filter) return filter.and.every((f) => manifestMightMatch(f, manifest, spec, schema));
  if ('or' in filter) return filter.or.some((f) => manifestMightMatch(f, manifest, spec, schema));
  return summaryMightMatch(filter.predicate, manifest, spec, schema);
}

function summaryMightMatch(
  p: BoundPredicate,
  manifest: ManifestFile,
  spec: PartitionSpec | undefined,
  schema: Schema,
) {
  if (!spec || !manifest.partitions || p.type === undefined) return true;
  for (const [i, field] of spec.fields.entries()) {
    const summary = manifest.partitions[i];
    if (!summary || field.sourceId !== p.fieldId) continue;
    const sourceType = typeOf(schema, field.sourceId) ?? p.type;
    if (sourceType === 'float' || sourceType === 'double') continue;
    const restated = partitionPredicate(field.transform, sourceType, p.op, p.values);
    if (!restated) continue;
    const type = transformResultType(field.transform, sourceType);
    const lower = bound(type, summary.lowerBound);
    const upper = bound(type, summary.upperBound);
    const stats = {
      lower,
      upper,
      noNulls: !summary.containsNull,
      // No bound but nulls seen: every file of the manifest has a null partition value.
      allNull: summary.containsNull && summary.lowerBound === undefined && summary.upperBound === undefined,
      nanPossible: false,
    };
    if (!rangeMightMatch(restated.op, restated.values, stats)) return false;
  }
  return true;
}
