import type { DuckDBConnection } from '@duckdb/node-api';
import type * as arrow from 'apache-arrow';
import { collectArrowTable } from '../engine/collect-arrow-table.js';
import { quoteIdentifier as q } from '../engine/sql-quote.js';
import { InvalidInputError } from '../errors.js';
import {
  type PlanPointInTimeJoinOptions,
  type PointInTimeViewRequest,
  planPointInTimeJoin,
} from './point-in-time-join-plan.js';

/** Options of {@link runPointInTimeJoin}. */
export interface RunPointInTimeJoinOptions extends PlanPointInTimeJoinOptions {
  /** Connection the spine and view relations are visible to (temp tables live on their connection). */
  connection: DuckDBConnection;
  /**
   * Before joining, check that every view without a `tieBreaker` holds at most one row per join keys and
   * event time, and throw an InvalidInputError with a sample otherwise. Costs one aggregation over each
   * such relation. Default false.
   */
  checkUniqueness?: boolean;
}

const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const TEMPORAL = /^(DATE|TIMESTAMP|TIMESTAMP_S|TIMESTAMP_MS|TIMESTAMP_NS|TIMESTAMP WITH TIME ZONE)$/;

/**
 * Runs the point-in-time join of {@link planPointInTimeJoin} on DuckDB and returns it as an Arrow table: the
 * spine's columns in order, then one column per requested feature, one row per spine row in spine order.
 * Before running it reads the relations' column types (no data) and throws an InvalidInputError, naming the
 * column, for a missing column, a non-temporal timestamp or event-time column, or a join key whose type
 * differs between the spine and a view (integers match integers of any width, VARCHAR matches VARCHAR).
 */
export async function runPointInTimeJoin(options: RunPointInTimeJoinOptions): Promise<arrow.Table> {
  const { connection, spine, views } = options;
  // Definition errors (unknown features, keys missing from the spine) first, before touching any data.
  planPointInTimeJoin(options);
  const spineTypes = await describe(connection, spine.relation);
  const where = 'the spine';
  for (const column of [...spine.keys, spine.timestampColumn]) requireColumn(spineTypes, column, where);
  requireTemporal(spineTypes, spine.timestampColumn, where);

  for (const request of views) {
    const { view } = request;
    const types = await describe(connection, request.relation);
    const at = `view \`${view.name}\``;
    const keys = view.entities.flatMap((e) => e.joinKeys.map((k) => k.name));
    for (const column of [
      ...keys,
      view.eventTimeColumn,
      ...(request.features ?? view.features.map((f) => f.name)),
    ]) {
      requireColumn(types, column, at);
    }
    if (request.tieBreaker !== undefined) requireColumn(types, request.tieBreaker, at);
    requireTemporal(types, view.eventTimeColumn, at);
    for (const key of keys) {
      const spineType = spineTypes.get(key);
      const viewType = types.get(key) as string;
      // A key absent from the spine is reported by the planner, which knows the spine keys.
      if (spineType !== undefined && family(spineType) !== family(viewType)) {
        throw new InvalidInputError(
          `point-in-time join: key \`${key}\` is ${spineType} in the spine but ${viewType} in ${at}; cast the spine column in its relation, e.g. (SELECT * REPLACE (CAST(${q(key)} AS ${viewType}) AS ${q(key)}) FROM ...)`,
          key,
        );
      }
    }
    if (options.checkUniqueness && request.tieBreaker === undefined)
      await checkUnique(connection, request, keys);
  }

  const plan = planPointInTimeJoin({ ...options, spine: { ...spine, columns: [...spineTypes.keys()] } });
  return collectArrowTable(connection, plan.sql);
}

async function describe(connection: DuckDBConnection, relation: string): Promise<Map<string, string>> {
  const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`);
  return new Map(reader.getRows().map((row) => [String(row[0]), String(row[1])]));
}

function requireColumn(types: Map<string, string>, column: string, where: string): void {
  if (!types.has(column)) {
    throw new InvalidInputError(
      `point-in-time join: ${where} has no column \`${column}\` (it has ${[...types.keys()].join(', ')})`,
      column,
    );
  }
}

function requireTemporal(types: Map<string, string>, column: string, where: string): void {
  const type = types.get(column) as string;
  if (!TEMPORAL.test(type)) {
    throw new InvalidInputError(
      `point-in-time join: column \`${column}\` of ${where} is ${type}; it must be a DATE, TIMESTAMP or TIMESTAMPTZ (cast it in the relation)`,
      column,
    );
  }
}

function family(type: string): string {
  return INTEGER.test(type) ? 'integer' : type;
}

async function checkUnique(connection: DuckDBConnection, request: PointInTimeViewRequest, keys: string[]) {
  const { view } = request;
  const columns = [...keys, view.eventTimeColumn].map(q).join(', ');
  const sql = `SELECT ${columns}, count(*) AS n FROM ${request.relation} GROUP BY ALL HAVING count(*) > 1 LIMIT 1`;
  const rows = (await connection.runAndReadAll(sql)).getRowObjectsJson();
  const sample = rows[0];
  if (sample) {
    throw new InvalidInputError(
      `point-in-time join: view \`${view.name}\` has ${String(sample.n)} rows for the same keys and event time (e.g. ${JSON.stringify(sample)}); deduplicate the table or pass a tieBreaker column`,
      view.eventTimeColumn,
    );
  }
}
