// Input files of the inference suite's scikit-learn peers, written once per size from the same feature rows
// fti scores: the preprocessed matrix (forward-pass peer), the raw columns with fti's fitted preprocessing
// (pipeline peer), the MLP's weights, and a float64 reference of the first scores both sides are checked on.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { collectArrowTable, DuckDb } from '@fti/feature-store';
import { applyPreprocessor, type FeatureColumns } from '@fti/model-runtime';
import { forwardReference } from '@fti/model-runtime/testing';
import type * as arrow from 'apache-arrow';
import { benchModel, benchPreprocessor } from './inference-data.js';

/** Rows of the float64 reference both scoring-step sides are checked against. */
export const REFERENCE_ROWS = 1000;

const preprocessor = benchPreprocessor();
const model = benchModel(preprocessor.featureNames.length);

/** Raw feature columns of a Parquet file, as the preprocessor takes them. */
export async function readFeatureColumns(file: string): Promise<{ rows: number; columns: FeatureColumns }> {
  const db = await DuckDb.open();
  try {
    const table = await collectArrowTable(
      db.connection,
      `SELECT * EXCLUDE (customer_id, feature_date) FROM read_parquet('${file.replaceAll("'", "''")}')`,
    );
    const columns: Record<string, Float64Array | (string | null)[]> = {};
    for (const feature of preprocessor.features) {
      const vector = table.getChild(feature.column) as arrow.Vector;
      columns[feature.column] =
        feature.kind === 'numeric'
          ? Float64Array.from(vector, (v) => (v === null ? Number.NaN : Number(v)))
          : (vector.toArray() as (string | null)[]);
    }
    return { rows: table.numRows, columns };
  } finally {
    db.close();
  }
}

/** Rows `from` (inclusive) to `to` (exclusive) of every column. */
export function sliceColumns(columns: FeatureColumns, from: number, to: number): FeatureColumns {
  return Object.fromEntries(
    Object.entries(columns).map(([name, values]) => [
      name,
      values instanceof Float64Array ? values.subarray(from, to) : values.slice(from, to),
    ]),
  );
}

/** Runs `write` into `<file>.partial` and renames it, unless the file is already there (cached inputs). */
export async function ensureFile(file: string, write: (partial: string) => Promise<void>): Promise<void> {
  if (existsSync(file)) return;
  const partial = `${file}.partial`;
  await write(partial);
  renameSync(partial, file);
}

/**
 * Writes (or reuses) the peers' files for the feature rows of `source` (`rows` rows) and returns their paths
 * by name: `matrix` (float32, rows × width), `numeric` (float64, one column after another, NaN for null),
 * `categories` (one value a line, an empty line for null: the bench draws no empty category),
 * `reference` (JSON scores of the first rows), `preprocessing` and `weights` (JSON).
 */
export async function writePeerFiles(options: {
  source: string;
  rows: number;
  dataDir: string;
  log: (line: string) => void;
}): Promise<Record<string, string>> {
  const { source, rows, dataDir, log } = options;
  const files = {
    matrix: path.join(dataDir, `inference-matrix-${rows}x${preprocessor.featureNames.length}.f32`),
    numeric: path.join(dataDir, `inference-numeric-${rows}.f64`),
    categories: path.join(dataDir, `inference-categories-${rows}.txt`),
    reference: path.join(dataDir, `inference-reference-${rows}.json`),
    preprocessing: path.join(dataDir, 'inference-preprocessing.json'),
    weights: path.join(dataDir, 'inference-mlp-weights.json'),
  };
  const cached = [files.matrix, files.numeric, files.categories, files.reference].every(existsSync);
  const raw = cached ? undefined : (await readFeatureColumns(source)).columns;
  await ensureFile(files.matrix, async (out) => {
    log(`preprocessed matrix for the scikit-learn forward-pass peer: ${rows} rows`);
    writeFileSync(out, applyPreprocessor(preprocessor, raw!).values);
  });
  await ensureFile(files.numeric, async (out) => {
    log(`raw columns for the scikit-learn pipeline peer: ${rows} rows`);
    const numeric = preprocessor.features.filter((f) => f.kind === 'numeric');
    const values = new Float64Array(numeric.length * rows);
    for (const [i, f] of numeric.entries()) values.set(raw![f.column] as Float64Array, i * rows);
    writeFileSync(out, values);
  });
  await ensureFile(files.categories, async (out) => {
    const labels = raw![categoryFeature().column] as (string | null)[];
    writeFileSync(out, labels.map((v) => v ?? '').join('\n'));
  });
  await ensureFile(files.reference, async (out) => {
    const { values, width } = applyPreprocessor(preprocessor, sliceColumns(raw!, 0, REFERENCE_ROWS));
    const scores = Array.from(
      { length: REFERENCE_ROWS },
      (_, r) => forwardReference(model, values.subarray(r * width, (r + 1) * width))[0]!,
    );
    writeFileSync(out, JSON.stringify(scores));
  });
  writeFileSync(files.preprocessing, JSON.stringify(pipelineSpec()));
  writeFileSync(
    files.weights,
    JSON.stringify(
      model.layers.map((layer) => ({
        inputs: layer.inputs,
        units: layer.units,
        activation: layer.activation,
        kernel: [...layer.kernel],
        bias: [...layer.bias],
      })),
    ),
  );
  return files;
}

/** The bench preprocessor's one-hot feature (the category column). */
function categoryFeature() {
  const feature = preprocessor.features.find((f) => f.kind === 'one-hot');
  if (!feature) throw new Error('the bench preprocessor has no one-hot feature');
  return feature;
}

/** fti's fitted preprocessing as the scikit-learn pipeline peer builds it (sklearn-pipeline-predict.py). */
function pipelineSpec() {
  const numeric = preprocessor.features.flatMap((f) =>
    f.kind === 'numeric'
      ? [
          {
            column: f.column,
            fill: f.impute?.value ?? 0,
            indicator: f.impute?.indicator === true,
            log1p: f.log1p,
            center: f.scale?.kind === 'standard' ? f.scale.center : 0,
            scale: f.scale?.kind === 'standard' ? f.scale.scale : 1,
          },
        ]
      : [],
  );
  const { column, categories } = categoryFeature();
  return { numeric, category: { column, categories } };
}
