import type { BoundFilter, BoundPredicate } from './bind-filter.js';
import { decodeBound } from './bounds.js';
import { partitionPredicate } from './partition-literal.js';
import { rangeMightMatch } from './range-might-match.js';
import type { DataFile, PartitionSpec, PrimitiveType, Schema } from './types.js';
import type { IcebergValue } from './value.js';

/**
 * Whether a data file might hold a row passing `filter`, judged from its partition tuple (`spec` is the spec
 * it was written with) and its column stats (value/null/NaN counts, lower/upper bounds). Sound: a file with a
 * matching row is never rejected; missing stats mean "might".
 */
export function fileMightMatch(
  filter: BoundFilter,
  file: DataFile,
  spec: PartitionSpec | undefined,
  schema: Schema,
): boolean {
  if ('and' in filter) return filter.and.every((f) => fileMightMatch(f, file, spec, schema));
  if ('or' in filter) return filter.or.some((f) => fileMightMatch(f, file, spec, schema));
  const p = filter.predicate;
  return statsMightMatch(p, file) && partitionMightMatch(p, file, spec, schema);
}

function statsMightMatch(p: BoundPredicate, file: DataFile): boolean {
  if (p.type === undefined) return true;
  const nulls = file.nullValueCounts?.get(p.fieldId);
  const values = file.valueCounts?.get(p.fieldId);
  const nans = file.nanValueCounts?.get(p.fieldId);
  const floating = p.type === 'float' || p.type === 'double';
  return rangeMightMatch(p.op, p.values, {
    lower: bound(p.type, file.lowerBounds?.get(p.fieldId)),
    upper: bound(p.type, file.upperBounds?.get(p.fieldId)),
    noNulls: nulls === 0,
    allNull: nulls !== undefined && nulls > 0 && nulls === (values ?? file.recordCount),
    nanPossible: floating && nans !== 0,
  });
}

function partitionMightMatch(
  p: BoundPredicate,
  file: DataFile,
  spec: PartitionSpec | undefined,
  schema: Schema,
): boolean {
  if (!spec || p.type === undefined) return true;
  for (const field of spec.fields) {
    if (field.sourceId !== p.fieldId || !(field.name in file.partition)) continue;
    const sourceType = typeOf(schema, field.sourceId) ?? p.type;
    if (sourceType === 'float' || sourceType === 'double') continue;
    const restated = partitionPredicate(field.transform, sourceType, p.op, p.values);
    if (!restated) continue;
    const value = file.partition[field.name] ?? null;
    // Every row of a file shares its partition tuple: a null value means the source column is null in all rows.
    const stats = { noNulls: value !== null, allNull: value === null, nanPossible: false };
    const known = value === null ? stats : { ...stats, lower: value, upper: value };
    if (!rangeMightMatch(restated.op, restated.values, known)) return false;
  }
  return true;
}

/** Decodes a stored bound; an unreadable one is treated as absent. */
export function bound(type: PrimitiveType, bytes: Uint8Array | undefined): IcebergValue | undefined {
  if (bytes === undefined) return undefined;
  try {
    return decodeBound(type, bytes);
  } catch {
    return undefined;
  }
}

/** The primitive type of a top-level column, if it is one. */
export function typeOf(schema: Schema, fieldId: number): PrimitiveType | undefined {
  const type = schema.fields.find((f) => f.id === fieldId)?.type;
  return typeof type === 'string' ? type : undefined;
}
