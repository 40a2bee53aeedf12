import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadArrowTable, quoteIdentifier, quoteLiteral, type TableEnv } from '@fti/feature-store';
import * as arrow from 'apache-arrow';
import type { Dataset } from '../dataset/dataset.js';
import { InvalidInputError } from '../errors.js';
import { sampleReferenceRows } from './sample-reference-rows.js';

/** The file the recorded reference set is registered as, beside the model. */
export const REFERENCE_PATH = 'reference.parquet';

/** One split of the recorded set: its name, its rows and the final model's score per row. */
export interface ReferenceSplit {
  /** Value of the `split` column (`train`, `tuning`, `validation`). */
  split: string;
  rows: Dataset;
  /** The registered model's output per row, in `rows` order. */
  scores: Float64Array;
}

/** Options of {@link writeReferenceParquet}. */
export interface WriteReferenceParquetOptions {
  /** The warehouse whose DuckDB writes the file. */
  env: TableEnv;
  splits: ReferenceSplit[];
  /** Raw input feature columns of the model, in signature order. */
  features: string[];
  /** Name of the label column (the spine's label). */
  labelColumn: string;
  /** Cap on the rows written; above it a seeded sample proportional to each split is kept. */
  maxRows: number;
  /** Seed of that sample. */
  seed: number;
}

/** The written reference set. */
export interface ReferenceParquet {
  bytes: Uint8Array;
  /** Rows written per split. */
  rows: Record<string, number>;
  /** Rows the splits held before the cap. */
  totalRows: number;
  columns: string[];
}

let tempCounter = 0;

/**
 * Writes the rows a model was trained and evaluated on as one Parquet file (zstd): the raw input features
 * (doubles, strings; missing values as nulls), the label (0/1 integer), a `split` column and the model's
 * `score`, capped to `maxRows` by {@link sampleReferenceRows}. Same rows and seed, same bytes.
 * @throws InvalidInputError when a feature is named like the label, `split` or `score`.
 */
export async function writeReferenceParquet(
  options: WriteReferenceParquetOptions,
): Promise<ReferenceParquet> {
  const { splits, features, labelColumn } = options;
  for (const name of features) {
    if (name === 'split' || name === 'score' || name === labelColumn)
      throw new InvalidInputError(
        'preprocessing.features',
        `feature \`${name}\` clashes with the reference set's \`${name}\` column; rename the feature`,
      );
  }
  const kept = sampleReferenceRows(
    splits.map((s) => s.rows.rows),
    options.maxRows,
    options.seed,
  );
  const n = kept.reduce((s, k) => s + k.length, 0);
  const vectors: Record<string, arrow.Vector> = {};
  for (const name of features) {
    const first = splits[0]?.rows.columns[name];
    if (first instanceof Float64Array) {
      const out = new Float64Array(n);
      let at = 0;
      splits.forEach((s, i) => {
        const values = s.rows.columns[name] as Float64Array;
        for (const row of kept[i]!) out[at++] = values[row]!;
      });
      vectors[name] = float64Vector(out);
    } else {
      const out: (string | null)[] = [];
      splits.forEach((s, i) => {
        const values = s.rows.columns[name] as ArrayLike<unknown>;
        for (const row of kept[i]!) {
          const v = values[row];
          out.push(v === null || v === undefined ? null : String(v));
        }
      });
      vectors[name] = arrow.vectorFromArray(out, new arrow.Utf8());
    }
  }
  const label = new Int32Array(n);
  const score = new Float64Array(n);
  const split: string[] = [];
  let at = 0;
  splits.forEach((s, i) => {
    for (const row of kept[i]!) {
      label[at] = s.rows.labels[row]!;
      score[at++] = s.scores[row]!;
      split.push(s.split);
    }
  });
  vectors[labelColumn] = arrow.makeVector(label);
  vectors.split = arrow.vectorFromArray(split, new arrow.Utf8());
  vectors.score = float64Vector(score);

  const { db } = options.env;
  const temp = `__fti_reference_${process.pid}_${tempCounter++}`;
  const dir = await mkdtemp(join(tmpdir(), 'fti-reference-'));
  const path = join(dir, REFERENCE_PATH);
  try {
    await loadArrowTable({ db, table: new arrow.Table(vectors), tableName: temp });
    await db.run(
      `COPY (SELECT * FROM ${quoteIdentifier(temp)}) TO ${quoteLiteral(path)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    const bytes = new Uint8Array(await readFile(path));
    return {
      bytes,
      rows: Object.fromEntries(splits.map((s, i) => [s.split, kept[i]!.length])),
      totalRows: splits.reduce((sum, s) => sum + s.rows.rows, 0),
      columns: Object.keys(vectors),
    };
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${quoteIdentifier(temp)}`);
    await rm(dir, { recursive: true, force: true });
  }
}

/** A Float64 Arrow vector whose NaN slots are nulls. */
function float64Vector(values: Float64Array): arrow.Vector {
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i]!)) nullCount++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  }
  return arrow.makeVector(
    arrow.makeData({
      type: new arrow.Float64(),
      length: values.length,
      nullCount,
      ...(nullCount > 0 ? { nullBitmap: bitmap } : {}),
      data: values,
    }),
  );
}
