import {
  loadTable,
  quoteIdentifier,
  quoteLiteral,
  scanTable,
  streamArrowBatches,
  type TableEnv,
} from '@fti/feature-store';
import * as arrow from 'apache-arrow';
import { InvalidScoringInputError } from '../errors.js';
import { icebergTypeOfArrow, icebergTypeOfDuckDb } from './iceberg-type-of.js';
import type { ScoringInput } from './scoring-input.js';

/** A {@link ScoringInput} described (columns and types) before any row is read. */
export interface OpenedScoringInput {
  /** For messages: `features/customers`, `parquet in/*.parquet`, `arrow input`. */
  label: string;
  /** Every column of the input with its Iceberg type name (`long`, `string`, ...). */
  columns: { name: string; type: string }[];
  /** The feature table snapshot pinned for the read (table input only). */
  snapshotId: bigint | undefined;
  /** Streams the named columns of the rows to score in bounded record batches. */
  read(columns: string[], batchRows: number): AsyncIterable<arrow.RecordBatch>;
}

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
      return {
        label: `${input.table.namespace}/${input.table.name}`,
        columns: (schema?.fields ?? []).map((f) => ({
          name: f.name,
          type: typeof f.type === 'string' ? f.type : f.type.type,
        })),
        snapshotId,
        read: (columns, batchRows) =>
          scanTable(table, {
            ...(snapshotId !== undefined ? { snapshotId } : {}),
            filter: { column: dateColumn, op: '=', value: new Date(`${featureDate}T00:00:00Z`) },
            columns,
            batchRows,
          }),
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
        read: (columns, batchRows) =>
          streamArrowBatches(
            env.db,
            `SELECT ${columns.map((c) => quoteIdentifier(c)).join(', ')} FROM ${relation}`,
            { batchRows },
          ),
      };
    }
    case 'arrow': {
      const { schema, batches } = await peekSchema(input.data);
      return {
        label: 'arrow input',
        columns: (schema?.fields ?? []).map((f) => ({ name: f.name, type: icebergTypeOfArrow(f.type) })),
        snapshotId: undefined,
        read: () => batches,
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
