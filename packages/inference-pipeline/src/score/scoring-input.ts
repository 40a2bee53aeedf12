import type { TableIdentifier } from '@fti/feature-store';
import type * as arrow from 'apache-arrow';

/**
 * What a batch scoring run reads: the rows of one feature date of a feature-store table (pinned snapshot),
 * every row of Parquet files (paths or globs), or Arrow data already in memory or streamed. Each must hold the
 * entity key columns and the model's input columns.
 */
export type ScoringInput =
  | {
      kind: 'table';
      table: TableIdentifier;
      /** Date column the feature date is matched on; default `feature_date`. */
      dateColumn?: string;
    }
  | {
      kind: 'parquet';
      /** Files or globs (`data/2011-11-27/*.parquet`), read by DuckDB; columns are matched by name. */
      paths: string[];
    }
  | {
      kind: 'arrow';
      /** A table, or record batches (sync or async); batches must share one schema. */
      data: arrow.Table | Iterable<arrow.RecordBatch> | AsyncIterable<arrow.RecordBatch>;
    };
