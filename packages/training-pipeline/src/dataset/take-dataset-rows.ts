import type { FeatureColumns } from '@fti/model-runtime';
import type { Dataset } from './dataset.js';

/** The rows of a dataset at `indices` (in that order), as a new dataset with the same features and lineage. */
export function takeDatasetRows(dataset: Dataset, indices: Uint32Array): Dataset {
  const n = indices.length;
  const columns: Record<string, FeatureColumns[string]> = {};
  for (const [name, values] of Object.entries(dataset.columns)) {
    if (values instanceof Float64Array) {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = values[indices[i]!]!;
      columns[name] = out;
    } else {
      columns[name] = Array.from(indices, (row) => values[row] ?? null);
    }
  }
  const timestamps = new Float64Array(n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    timestamps[i] = dataset.timestamps[indices[i]!]!;
    labels[i] = dataset.labels[indices[i]!]!;
  }
  return {
    ...dataset,
    rows: n,
    entities: Array.from(indices, (row) => dataset.entities[row] as string),
    timestamps,
    labels,
    columns,
  };
}
