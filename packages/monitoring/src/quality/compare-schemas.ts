import type { SchemaChanges } from './data-quality.js';

/**
 * Compares column types (names such as `double`, `string`, `timestamp`) of the reference and the current
 * data: columns only in the current data are `added`, only in the reference `removed`, in both with another
 * type `retyped`. Each list is sorted by column name.
 */
export function compareSchemas(options: {
  reference: Record<string, string>;
  current: Record<string, string>;
}): SchemaChanges {
  const { reference, current } = options;
  const added = Object.keys(current)
    .filter((c) => !(c in reference))
    .sort();
  const removed = Object.keys(reference)
    .filter((c) => !(c in current))
    .sort();
  const retyped = Object.keys(reference)
    .filter((c) => c in current && current[c] !== reference[c])
    .sort()
    .map((column) => ({ column, reference: reference[column]!, current: current[column]! }));
  return { added, removed, retyped, changed: added.length + removed.length + retyped.length > 0 };
}
