import {
  loadTable,
  quoteIdentifier,
  quoteLiteral,
  ROW_ADDRESS_COLUMNS,
  snapshotRelation,
  type TableEnv,
} from '@fti/feature-store';
import * as arrow from 'apache-arrow';
import { InvalidScoringInputError } from '../errors.js';
import { icebergTypeOfArrow, icebergTypeOfDuckDb } from './iceberg-type-of.js';
import type { ScoringInput } from './scoring-input.js';

/** A {@link ScoringInput} described (columns and types) before any row is read. */
export type OpenedScoringInput = {
  /** For messages: `features/customers`, `parquet in/*.parquet`, `arrow input`. */
  label: string;
  /** Every column of the input with its Iceberg type name (`long`, `string`, ...). */
  columns: { name: string; type: string }[];
  /** The feature table snapshot pinned for the read (table input only). */
  snapshotId: bigint | undefined;
} & (
  | {
      /**
       * Table and Parquet inputs: a DuckDB relation over the rows to score (every column, plus each row's
       * address `__fti_file`, `__fti_row`), to read the model inputs from and to join the scores back to.
       */
      kind: 'relation';
      relation: string;
    }
  | { kind: 'arrow'; batches: AsyncIterable<arrow.RecordBatch> }
);

/**
 * Describes a scoring input: loads the table (pinning its current snapshot), asks DuckDB for the Parquet
 * files' schema, or takes the Arrow schema (of the first batch). A glob matching no file is an
 * {@link InvalidScoringInputError}.
 */
export async function openScoringInput(
  env: TableEnv,
  input: ScoringInput,
  featureDate: string,
): Promise<OpenedScoringInput> {
  switch (input.kind) {
    case 'table': {
      const table = await loadTable(env, input.table);
      const { metadata } = table.loaded;
      const schema = metadata.schemas.find((s) => s.schemaId === metadata.currentSchemaId);
      const snapshotId = metadata.currentSnapshotId;
      const dateColumn = input.dateColumn ?? 'feature_date';
      const columns = (schema?.fields ?? []).map((f) => ({
        name: f.name,
        type: typeof f.type === 'string' ? f.type : f.type.type,
      }));
      if (!columns.some((c) => c.name === dateColumn))
        throw new InvalidScoringInputError(
          'input.dateColumn',
          `\`${dateColumn}\` is not a column of ${input.table.namespace}/${input.table.name}; name its feature date column`,
        );
      const { relation } = await snapshotRelation(table, {
        ...(snapshotId !== undefined ? { snapshotId } : {}),
        filter: { column: dateColumn, op: '=', value: new Date(`${featureDate}T00:00:00Z`) },
        rowAddress: true,
      });
      return {
        label: `${input.table.namespace}/${input.table.name}`,
        columns,
        snapshotId,
        kind: 'relation',
        relation,
      };
    }
    case 'parquet': {
      if (input.paths.length === 0)
        throw new InvalidScoringInputError('input.paths', 'is empty; give at least one Parquet file or glob');
      const relation = `read_parquet([${input.paths.map((p) => quoteLiteral(p)).join(', ')}], union_by_name = true)`;
      let described: Record<string, unknown>[];
      try {
        described = await env.db.query(`DESCRIBE SELECT * FROM ${relation}`);
      } catch (error) {
        throw new InvalidScoringInputError(
          'input.paths',
          `cannot be read as Parquet (${(error as Error).message.split('\n')[0]}); check the paths and globs`,
          { cause: error },
        );
      }
      return {
        label: `parquet ${input.paths.join(', ')}`,
        columns: described.map((r) => ({
          name: String(r.column_name),
          type: icebergTypeOfDuckDb(String(r.column_type)),
        })),
        snapshotId: undefined,
        kind: 'relation',
        relation: `(SELECT *, CAST(file_index AS INTEGER) AS ${quoteIdentifier(ROW_ADDRESS_COLUMNS.file)}, file_row_number AS ${quoteIdentifier(ROW_ADDRESS_COLUMNS.row)} FROM ${relation})`,
      };
    }
    case 'arrow': {
      const { schema, batches } = await peekSchema(input.data);
      return {
        label: 'arrow input',
        columns: (schema?.fields ?? []).map((f) => ({ name: f.name, type: icebergTypeOfArrow(f.type) })),
        snapshotId: undefined,
        kind: 'arrow',
        batches,
      };
    }
  }
}

/** The schema of Arrow input (from its first batch when streamed), and every batch, the first included. */
async function peekSchema(
  data: arrow.Table | Iterable<arrow.RecordBatch> | AsyncIterable<arrow.RecordBatch>,
): Promise<{ schema: arrow.Schema | undefined; batches: AsyncIterable<arrow.RecordBatch> }> {
  if (data instanceof arrow.Table) return { schema: data.schema, batches: toAsync(data.batches) };
  const iterator =
    Symbol.asyncIterator in data
      ? (data as AsyncIterable<arrow.RecordBatch>)[Symbol.asyncIterator]()
      : toAsync(data as Iterable<arrow.RecordBatch>)[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return { schema: undefined, batches: toAsync([]) };
  async function* all(): AsyncGenerator<arrow.RecordBatch> {
    yield first.value as arrow.RecordBatch;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { schema: (first.value as arrow.RecordBatch).schema, batches: all() };
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
