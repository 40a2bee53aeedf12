import {
  type Filter,
  loadTable,
  quoteIdentifier,
  snapshotRelation,
  type Table,
  type TableEnv,
  TableNotFoundError,
} from '@fti/feature-store';
import type { z } from 'zod';
import type { Frame } from './frame.js';
import type { AggregateSchema, TableSource } from './monitoring-config.js';
import { MonitoringInputError } from './monitoring-input-error.js';
import { readSqlColumns } from './read-sql-columns.js';

const NUMERIC_TYPES = new Set(['int', 'long', 'float', 'double']);
const TIME_TYPES = new Set(['date', 'timestamp', 'timestamptz', 'timestamp_ns', 'timestamptz_ns', 'time']);
const DAY_MS = 86_400_000;

/** Opens `namespace.name`, with a message saying what to do when it does not exist. */
export async function openSourceTable(env: TableEnv, name: string): Promise<Table> {
  const [namespace, table] = name.split('.') as [string, string];
  try {
    return await loadTable(env, { namespace, name: table });
  } catch (error) {
    if (error instanceof TableNotFoundError) {
      throw new MonitoringInputError(
        name,
        `table \`${name}\` does not exist in the warehouse; run the job that writes it first or fix the table name in the config`,
        { cause: error },
      );
    }
    throw error;
  }
}

/** A window as an Iceberg filter (prunes files by partition and min/max) on [from, to). */
export function windowFilter(window: { column: string; from: string; to: string }): Filter {
  return {
    and: [
      { column: window.column, op: '>=', value: new Date(window.from) },
      { column: window.column, op: '<', value: new Date(window.to) },
    ],
  };
}

/** A source's window and equality filter as one Iceberg filter. */
export function sourceFilter(source: Pick<TableSource, 'window' | 'filter'>): Filter {
  const equal: Filter[] = Object.entries(source.filter ?? {}).map(([column, value]) => ({
    column,
    op: '=',
    value,
  }));
  return { and: [...(source.window ? [windowFilter(source.window)] : []), ...equal] };
}

/**
 * Reads one side of a monitoring run from a feature-store table snapshot (optionally a time window) as
 * monitoring columns: every non-time column by default, numbers as doubles, strings and booleans as
 * categories. With `aggregate`, rows are first grouped per day in DuckDB and the measures are the columns.
 * @throws MonitoringInputError when the table or a column is missing.
 */
export async function loadFrame(options: {
  env: TableEnv;
  source: TableSource;
  /** Columns to read; default every non-time column (ignored with `aggregate`). */
  columns?: string[];
  /** Skip listed columns the table lacks instead of throwing (the schema check reports them); default false. */
  skipMissingColumns?: boolean;
  aggregate?: z.infer<typeof AggregateSchema>;
  /** Column whose newest value is reported for freshness; default the window's column. */
  timeColumn?: string;
}): Promise<Frame> {
  const { env, source } = options;
  const table = await openSourceTable(env, source.table);
  const metadata = table.loaded.metadata;
  const schema = metadata.schemas.find((s) => s.schemaId === metadata.currentSchemaId) ?? metadata.schemas[0];
  const types: Record<string, string> = {};
  for (const field of schema?.fields ?? [])
    types[field.name] = typeof field.type === 'string' ? field.type : 'nested';
  const check = (column: string, role: string) => {
    if (!(column in types)) {
      throw new MonitoringInputError(
        `${source.table}.${column}`,
        `${role} \`${column}\` is not a column of \`${source.table}\` (columns: ${Object.keys(types).join(', ')}); fix the config`,
      );
    }
  };
  if (source.window) check(source.window.column, 'window column');
  for (const column of Object.keys(source.filter ?? {})) check(column, 'filter column');
  const timeColumn = options.timeColumn ?? source.window?.column;
  if (timeColumn) check(timeColumn, 'time column');
  const { relation, snapshotId } = await snapshotRelation(table, {
    ...(source.snapshotId ? { snapshotId: BigInt(source.snapshotId) } : {}),
    ...(source.window || source.filter ? { filter: sourceFilter(source) } : {}),
  });
  const description =
    `${source.table}@${snapshotId ?? 'empty'}` +
    (source.window ? ` ${source.window.column} ∈ [${source.window.from}, ${source.window.to})` : '') +
    Object.entries(source.filter ?? {})
      .map(([column, value]) => ` ${column} = ${String(value)}`)
      .join(',');
  const days = source.window
    ? (Date.parse(source.window.to) - Date.parse(source.window.from)) / DAY_MS
    : null;
  const summary = await env.db.query(
    `SELECT count(*) AS n${timeColumn ? `, epoch_ms(max(${quoteIdentifier(timeColumn)})) AS latest` : ''} FROM ${relation} AS t`,
  );
  const rows = Number(summary[0]?.n ?? 0);
  const latest = summary[0]?.latest;
  const latestTime = latest === null || latest === undefined ? null : Number(latest);

  if (options.aggregate) {
    const { measures, timeColumn: by } = options.aggregate;
    check(by, 'aggregate time column');
    const names = Object.keys(measures);
    const select = names.map((n) => `CAST(${measures[n]} AS DOUBLE) AS ${quoteIdentifier(n)}`).join(', ');
    const day = `CAST(${quoteIdentifier(by)} AS DATE)`;
    const sql = `SELECT ${select} FROM ${relation} AS t GROUP BY ${day} ORDER BY ${day}`;
    let read: Awaited<ReturnType<typeof readSqlColumns>>;
    try {
      read = await readSqlColumns({ db: env.db, sql, numeric: new Set(names) });
    } catch (error) {
      throw new MonitoringInputError(
        source.table,
        `an aggregate measure does not run on \`${source.table}\`: ${(error as Error).message}; fix \`aggregate.measures\``,
        { cause: error },
      );
    }
    const aggregateTypes = Object.fromEntries(names.map((n) => [n, 'double']));
    return {
      description: `${description}, per day`,
      rows,
      days,
      columns: read.columns,
      types: aggregateTypes,
      latestTime,
    };
  }

  let columns = options.columns ?? Object.keys(types).filter((c) => !TIME_TYPES.has(types[c]!));
  if (options.skipMissingColumns) columns = columns.filter((c) => c in types);
  for (const c of columns) check(c, 'column');
  const numeric = new Set(columns.filter((c) => NUMERIC_TYPES.has(types[c]!) || TIME_TYPES.has(types[c]!)));
  const select = columns.map((c) => {
    const q = quoteIdentifier(c);
    if (TIME_TYPES.has(types[c]!)) return `CAST(epoch_ms(${q}) AS DOUBLE) AS ${q}`;
    return numeric.has(c) ? `CAST(${q} AS DOUBLE) AS ${q}` : `CAST(${q} AS VARCHAR) AS ${q}`;
  });
  const read = await readSqlColumns({
    db: env.db,
    sql: `SELECT ${select.join(', ') || '1 AS _'} FROM ${relation} AS t`,
    numeric,
  });
  return { description, rows, days, columns: read.columns, types, latestTime };
}
