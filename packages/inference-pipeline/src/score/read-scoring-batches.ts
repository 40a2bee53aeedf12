import { quoteIdentifier, ROW_ADDRESS_COLUMNS, streamArrowBatches, type TableEnv } from '@fti/feature-store';
import type { FittedPreprocessor } from '@fti/model-runtime';
import type * as arrow from 'apache-arrow';
import { categoryCodes } from './category-codes.js';
import type { OpenedScoringInput } from './open-scoring-input.js';

/** What scoring reads of each batch, and how its one-hot columns were coded. */
export interface ScoringBatches {
  /** Record batches of the key columns and the preprocessor's input columns (plus the row address of a relation). */
  batches: AsyncIterable<arrow.RecordBatch>;
  /** One-hot columns read as Int32 codes, with the value of each code (see `categoryCodes`). */
  codes: Map<string, (string | null)[]>;
}

/**
 * Streams what scoring needs of an input, and no more: from a relation, the keys, the numeric features
 * as DOUBLE, string one-hot columns as codes, and each row's address (the logged inputs are joined back in
 * DuckDB, never read into JS); Arrow input as it is.
 */
export function readScoringBatches(options: {
  env: TableEnv;
  input: OpenedScoringInput;
  keys: string[];
  preprocessor: FittedPreprocessor;
  batchRows: number;
  /** Batches whose buffers the stream cycles through (`streamArrowBatches`' `recycle`); default never. */
  recycle?: number;
}): ScoringBatches {
  const { input, keys, preprocessor } = options;
  const codes = new Map<string, (string | null)[]>();
  if (input.kind === 'arrow') return { batches: input.batches, codes };
  const types = new Map(input.columns.map((c) => [c.name, c.type]));
  const select = keys.map((k) => quoteIdentifier(k));
  const known = new Map<string, (string | null)[]>();
  for (const feature of preprocessor.features)
    if (feature.kind === 'one-hot')
      known.set(feature.column, [
        ...(known.get(feature.column) ?? []),
        ...feature.categories,
        ...feature.infrequent,
      ]);
  for (const column of new Set(preprocessor.features.map((f) => f.column))) {
    if (keys.includes(column)) continue;
    const c = quoteIdentifier(column);
    const categories = known.get(column);
    if (!categories) {
      // Numeric inputs (ints, longs, floats, booleans: what the signature check lets through) as DOUBLE: the
      // preprocessor's own type, one typed-array copy, no conversion in JS.
      select.push(`CAST(${c} AS DOUBLE) AS ${c}`);
      continue;
    }
    const coded = types.get(column) === 'string' ? categoryCodes(column, categories) : undefined;
    if (coded) codes.set(column, coded.values);
    select.push(coded ? coded.sql : c);
  }
  select.push(quoteIdentifier(ROW_ADDRESS_COLUMNS.file), quoteIdentifier(ROW_ADDRESS_COLUMNS.row));
  const sql = `SELECT ${select.join(', ')} FROM ${input.relation} AS t`;
  const stream = { batchRows: options.batchRows, ...(options.recycle ? { recycle: options.recycle } : {}) };
  return { batches: streamArrowBatches(options.env.db, sql, stream), codes };
}
