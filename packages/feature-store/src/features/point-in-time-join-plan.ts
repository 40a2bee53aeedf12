import { quoteIdentifier as q } from '../engine/sql-quote.js';
import { InvalidInputError } from '../errors.js';
import type { FeatureType, FeatureView } from './feature-view.js';
import { parseTtl } from './parse-ttl.js';

/** Prefix of the helper columns the join adds internally; spine and view columns must not start with it. */
export const RESERVED_COLUMN_PREFIX = '__fti_';

/** The rows to build a training set for: one output row per spine row, in the spine's order. */
export interface PointInTimeSpine {
  /** A DuckDB table expression usable as `FROM <relation>`: a table name, `read_parquet([...])`, `(SELECT ...)`. */
  relation: string;
  /** The spine's entity key columns; every requested view's join keys must be among them. */
  keys: string[];
  /** The spine's point in time: a DATE (midnight UTC), TIMESTAMP (UTC) or TIMESTAMPTZ column. */
  timestampColumn: string;
  /** The spine's columns in order, when known: output names are then checked against them. Default unknown. */
  columns?: string[];
}

/** One feature view to join, read from `relation`. */
export interface PointInTimeViewRequest {
  view: FeatureView;
  /** A DuckDB table expression (as for the spine) holding the view's join keys, event time and features. */
  relation: string;
  /** Features to return, in this order; default every feature of the view, in definition order. */
  features?: string[];
  /**
   * A column of `relation` that decides ties, i.e. rows with the same join keys and the same event time: the
   * greatest value wins and a null counts as greater than any value (e.g. a write sequence number or a
   * created-at timestamp). Default none: the relation must then hold at most one row per keys and event time
   * (which a table written by partition overwrites does); with ties and no tie-breaker any one of them may win.
   */
  tieBreaker?: string;
}

/** Options of {@link planPointInTimeJoin}. */
export interface PlanPointInTimeJoinOptions {
  spine: PointInTimeSpine;
  views: PointInTimeViewRequest[];
  /**
   * Output names of features: `'prefixed'` (`<view>__<feature>`, stable whatever else is joined) or `'plain'`
   * (`<feature>`, rejected when two views or a spine column share a name). Default `'prefixed'`.
   */
  naming?: 'prefixed' | 'plain';
}

/** A feature column the join appends after the spine's own columns. */
export interface PointInTimeOutputColumn {
  name: string;
  view: string;
  feature: string;
  type: FeatureType;
}

/** A point-in-time join, ready to run: the SQL and the feature columns it appends. */
export interface PointInTimeJoinPlan {
  /** One DuckDB query: every spine column (in order), then {@link PointInTimeJoinPlan.outputColumns}. */
  sql: string;
  outputColumns: PointInTimeOutputColumn[];
}

/**
 * Plans the point-in-time join that builds training sets. For each spine row and each view it returns the
 * feature values of the view's latest row with the same join keys whose event time `e` satisfies
 * `t - ttl < e <= t` (t = spine timestamp): a row stamped exactly at `t` counts, one stamped exactly `ttl`
 * before `t` has expired. No such row, or a null key or timestamp, gives nulls. Dates count as midnight UTC;
 * times are compared in microseconds since the epoch (UTC). Exactly one row per spine row, in spine order.
 * Runs as DuckDB `ASOF LEFT JOIN`s, one per view; pure: no I/O.
 */
export function planPointInTimeJoin(options: PlanPointInTimeJoinOptions): PointInTimeJoinPlan {
  const { spine, views, naming = 'prefixed' } = options;
  checkSpine(spine);
  if (views.length === 0)
    throw new InvalidInputError('point-in-time join: request at least one feature view');

  const taken = new Map<string, string>((spine.columns ?? []).map((c) => [c, `spine column \`${c}\``]));
  const outputColumns: PointInTimeOutputColumn[] = [];
  const viewCtes: string[] = [];
  const joins: string[] = [];
  const selects: string[] = [];
  const seenViews = new Set<string>();

  views.forEach((request, i) => {
    const { view } = request;
    if (seenViews.has(view.name)) {
      throw new InvalidInputError(
        `point-in-time join: view \`${view.name}\` is requested twice; request it once with all the features you need`,
      );
    }
    seenViews.add(view.name);
    const alias = `__fti_v${i}`;
    const keys = view.entities.flatMap((entity) => entity.joinKeys.map((key) => key.name));
    for (const key of keys) {
      if (!spine.keys.includes(key)) {
        throw new InvalidInputError(
          `point-in-time join: view \`${view.name}\` joins on \`${key}\`, which is not among the spine keys (${spine.keys.join(', ')}); add that column to the spine`,
          key,
        );
      }
    }
    const features = selectFeatures(request);
    const ttlUs = BigInt(parseTtl(view.ttl)) * 1000n;

    const time = `epoch_us(${q(view.eventTimeColumn)})`;
    const cols = [...keys.map(q), `${time} AS __fti_t`];
    if (request.tieBreaker !== undefined)
      cols.push(`{'t': ${time}, 'w': ${q(request.tieBreaker)}} AS __fti_o`);
    features.forEach((f, j) => {
      cols.push(`${q(f.name)} AS __fti_f${j}`);
    });
    viewCtes.push(`${alias} AS (SELECT ${cols.join(', ')} FROM ${request.relation})`);

    const equal = keys.map((k) => `__fti_s.${q(k)} = ${alias}.${q(k)}`);
    // One inequality per ASOF join: with a tie-breaker it compares (time, tie-breaker) structs, and the spine's
    // null tie-breaker sorts after every value, so all rows stamped at the spine time stay eligible.
    const inequality =
      request.tieBreaker === undefined
        ? `__fti_s.__fti_t >= ${alias}.__fti_t`
        : `{'t': __fti_s.__fti_t, 'w': NULL} >= ${alias}.__fti_o`;
    joins.push(`ASOF LEFT JOIN ${alias} ON ${[...equal, inequality].join(' AND ')}`);

    features.forEach((f, j) => {
      const name = naming === 'plain' ? f.name : `${view.name}__${f.name}`;
      const owner = taken.get(name);
      if (owner) {
        throw new InvalidInputError(
          `point-in-time join: output column \`${name}\` of view \`${view.name}\` collides with ${owner}; ${naming === 'plain' ? "use naming: 'prefixed'" : 'rename the spine column'}`,
          name,
        );
      }
      taken.set(name, `feature \`${f.name}\` of view \`${view.name}\``);
      outputColumns.push({ name, view: view.name, feature: f.name, type: f.type });
      // ASOF picked the latest row at or before t; if that one has expired, every earlier one has too.
      selects.push(
        `CASE WHEN ${alias}.__fti_t > __fti_s.__fti_t - ${ttlUs} THEN ${alias}.__fti_f${j} END AS ${q(name)}`,
      );
    });
  });

  const sql = [
    'WITH __fti_s AS (',
    `  SELECT *, row_number() OVER () AS __fti_row, epoch_us(${q(spine.timestampColumn)}) AS __fti_t FROM ${spine.relation}`,
    '),',
    viewCtes.join(',\n'),
    `SELECT __fti_s.* EXCLUDE (__fti_row, __fti_t),\n  ${selects.join(',\n  ')}`,
    'FROM __fti_s',
    joins.join('\n'),
    'ORDER BY __fti_s.__fti_row',
  ].join('\n');
  return { sql, outputColumns };
}

function checkSpine(spine: PointInTimeSpine): void {
  const reserved = [spine.timestampColumn, ...spine.keys, ...(spine.columns ?? [])].find((c) =>
    c.startsWith(RESERVED_COLUMN_PREFIX),
  );
  if (reserved !== undefined) {
    throw new InvalidInputError(
      `point-in-time join: spine column \`${reserved}\` starts with the reserved prefix ${RESERVED_COLUMN_PREFIX}; rename it`,
      reserved,
    );
  }
  if (new Set(spine.keys).size !== spine.keys.length) {
    throw new InvalidInputError(`point-in-time join: spine keys repeat a column (${spine.keys.join(', ')})`);
  }
  if (spine.columns) {
    for (const column of [...spine.keys, spine.timestampColumn]) {
      if (!spine.columns.includes(column)) {
        throw new InvalidInputError(
          `point-in-time join: spine has no column \`${column}\` (it has ${spine.columns.join(', ')})`,
          column,
        );
      }
    }
  }
}

function selectFeatures(request: PointInTimeViewRequest): { name: string; type: FeatureType }[] {
  const { view } = request;
  if (request.features === undefined) return [...view.features];
  if (request.features.length === 0) {
    throw new InvalidInputError(`point-in-time join: no features requested from view \`${view.name}\``);
  }
  const seen = new Set<string>();
  return request.features.map((name) => {
    const feature = view.features.find((f) => f.name === name);
    if (!feature) {
      throw new InvalidInputError(
        `point-in-time join: view \`${view.name}\` has no feature \`${name}\` (it has ${view.features.map((f) => f.name).join(', ')})`,
        name,
      );
    }
    if (seen.has(name)) {
      throw new InvalidInputError(
        `point-in-time join: feature \`${name}\` of view \`${view.name}\` is requested twice`,
        name,
      );
    }
    seen.add(name);
    return feature;
  });
}
