import {
  type AthenaClient,
  GetQueryResultsCommand,
  type GetQueryResultsOutput,
} from '@aws-sdk/client-athena';
import { FeaturePipelineError } from '../errors.js';
import { athenaValueType, parseAthenaValue } from './athena-value.js';
import type { QueryColumn, QueryResult } from './query-engine.js';

/** Options of {@link readAthenaResults}. */
export interface ReadAthenaResultsOptions {
  client: AthenaClient;
  queryId: string;
  /** Whether the first row of the first page holds the column names (true for SELECT, i.e. `DML`). */
  hasHeaderRow: boolean;
  /** Refuse results with more rows than this (use UNLOAD instead). */
  maxRows: number;
  /** Sends one GetQueryResults call; lets the engine retry throttled calls and honour its abort signal. */
  send: (command: GetQueryResultsCommand) => Promise<GetQueryResultsOutput>;
}

/** Athena's largest page of GetQueryResults. */
const PAGE_ROWS = 1000;

/**
 * Reads a finished query's result page by page (`NextToken`), drops the header row, and converts each
 * column from Athena's text values using the column types of `ResultSetMetadata`.
 */
export async function readAthenaResults(options: ReadAthenaResultsOptions): Promise<QueryResult> {
  let columns: QueryColumn[] | undefined;
  let NextToken: string | undefined;
  let first = true;
  let rowCount = 0;
  do {
    const page = await options.send(
      new GetQueryResultsCommand({ QueryExecutionId: options.queryId, MaxResults: PAGE_ROWS, NextToken }),
    );
    columns ??= (page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map((info, index) => ({
      name: info.Name ?? info.Label ?? `_col${index}`,
      type: athenaValueType(info.Type ?? 'varchar'),
      values: [],
    }));
    const rows = page.ResultSet?.Rows ?? [];
    for (let r = first && options.hasHeaderRow ? 1 : 0; r < rows.length; r++) {
      const data = rows[r]?.Data ?? [];
      columns.forEach((column, c) => {
        column.values.push(parseAthenaValue(data[c]?.VarCharValue, column.type, column.name));
      });
      rowCount++;
    }
    if (rowCount > options.maxRows) {
      throw new FeaturePipelineError(
        `Athena query ${options.queryId} returned more than ${options.maxRows} rows; read large results with ` +
          '`unloadToParquet` (UNLOAD to Parquet) or raise `maxResultRows`',
      );
    }
    first = false;
    NextToken = page.NextToken;
  } while (NextToken);
  return { columns: columns ?? [], rowCount, queryId: options.queryId };
}
