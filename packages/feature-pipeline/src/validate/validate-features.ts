import { type DuckDb, quoteIdentifier as q } from '@fti/feature-store';
import type { FeatureValueType } from '../definition/feature-value-type.js';
import { FEATURE_DATE_COLUMN } from '../definition/resolve-source.js';
import { InvalidDefinitionError } from '../errors.js';
import { type Expectation, expectationId, isRowExpectation, type RowExpectation } from './expectation.js';
import { measureDistribution } from './measure-distribution.js';
import { rowViolationSql } from './row-violation-sql.js';
import { toSampleRow } from './to-sample-row.js';
import type { ExpectationResult } from './validation-report.js';

const DAY_MS = 86_400_000;

/** Options of {@link validateFeatures}. */
export interface ValidateFeaturesOptions {
  db: DuckDb;
  /** The computed features (a table name): entity key, `feature_date`, features. */
  relation: string;
  /** Output name of the entity key column. */
  entityKey: string;
  /** Output feature columns and their types. */
  columns: readonly { name: string; type: FeatureValueType }[];
  /** The run's feature dates. */
  featureDates: readonly string[];
  expectations: readonly Expectation[];
  /** Failing rows (or dates) kept per expectation. */
  sampleSize: number;
  /** ISO run date, for freshness. */
  runDate: string;
  /** Latest event up to the end of the run date, ISO (from the input check). */
  latestEvent: string | null;
  /** Latest event before each feature date, ISO (from the input check). */
  latestEventBefore: ReadonlyMap<string, string | null>;
  /** The previous run's rows (a table expression), for distribution shifts; undefined on the first run. */
  baseline: string | undefined;
}

/** What {@link validateFeatures} found. */
export interface FeatureValidation {
  results: ExpectationResult[];
  /** Rows computed. */
  rowCount: number;
  /** Rows per feature date (every run date present, 0 when none). */
  rowsPerDate: Map<string, number>;
  /** Rows failing at least one row-level expectation. */
  failingRows: number;
  /**
   * SQL list expression of the ids of the row-level expectations a row violates (empty list when none), for
   * splitting valid rows from quarantined ones; undefined without row-level expectations.
   */
  reasonsSql: string | undefined;
}

/**
 * Checks the computed features against the expectations: every row-level one (not null, range, allowed
 * values, unique key) counted in ONE pass over the relation, samples read only for failures; row counts per
 * date from one GROUP BY; freshness from the input check; distribution shifts from one pass over this run's
 * rows and one over the previous run's. Throws {@link InvalidDefinitionError} for an expectation naming an
 * unknown column.
 */
export async function validateFeatures(options: ValidateFeaturesOptions): Promise<FeatureValidation> {
  const { db, relation, entityKey, columns, featureDates, expectations, sampleSize } = options;
  const types = new Map(columns.map((c) => [c.name, c.type]));
  expectations.forEach((e, i) => {
    if ('column' in e && !types.has(e.column))
      throw new InvalidDefinitionError(
        'validation',
        `expectations[${i}].column`,
        `\`${e.column}\` is not an output column; use one of ${[...types.keys()].join(', ')}`,
      );
    if (e.kind === 'distributionShift' && e.maxMeanShift !== undefined && !isNumeric(types.get(e.column)))
      throw new InvalidDefinitionError(
        'validation',
        `expectations[${i}].maxMeanShift`,
        `\`${e.column}\` is ${types.get(e.column)}; a mean shift needs a number or boolean column`,
      );
  });

  const rowLevel = expectations.filter(isRowExpectation) as RowExpectation[];
  const conditions = rowLevel.map((e) => rowViolationSql(e, entityKey));
  const flags = conditions.map((c, i) => `(${c}) AS "v${i}"`);
  const counts = conditions.map((_, i) => `count(*) FILTER (WHERE "v${i}") AS "f${i}"`);
  const any = conditions.length === 0 ? 'FALSE' : conditions.map((_, i) => `"v${i}"`).join(' OR ');
  const [row = {}] = await db.query(
    `SELECT count(*) AS rows, count(*) FILTER (WHERE ${any}) AS failing${counts.map((c) => `, ${c}`).join('')}
     FROM (SELECT ${['1 AS "__fti_one"', ...flags].join(', ')} FROM ${relation})`,
  );
  const rowCount = Number(row.rows ?? 0);
  const perDate = await db.query(
    `SELECT strftime(${q(FEATURE_DATE_COLUMN)}, '%Y-%m-%d') AS d, count(*) AS n FROM ${relation} GROUP BY 1`,
  );
  const rowsPerDate = new Map(featureDates.map((d) => [d, 0]));
  for (const r of perDate) rowsPerDate.set(String(r.d), Number(r.n));

  const results: ExpectationResult[] = [];
  let rowIndex = 0;
  for (const expectation of expectations) {
    const id = expectationId(expectation);
    if (isRowExpectation(expectation)) {
      const i = rowIndex++;
      const failing = Number(row[`f${i}`] ?? 0);
      const sample =
        failing > 0 && sampleSize > 0
          ? (
              await db.query(
                `SELECT * EXCLUDE ("__fti_v") FROM (SELECT *, (${conditions[i]}) AS "__fti_v" FROM ${relation}) WHERE "__fti_v" ORDER BY ${q(FEATURE_DATE_COLUMN)}, ${q(entityKey)} LIMIT ${sampleSize}`,
              )
            ).map(toSampleRow)
          : [];
      results.push({
        id,
        expectation,
        level: 'row',
        status: failing === 0 ? 'passed' : 'failed',
        failingCount: failing,
        observed: { rows: rowCount },
        sample,
        message: failing === 0 ? `all ${rowCount} rows pass` : `${failing} of ${rowCount} rows fail`,
      });
      continue;
    }
    results.push(await judgeTable(expectation, id, options, rowsPerDate));
  }
  return {
    results,
    rowCount,
    rowsPerDate,
    failingRows: Number(row.failing ?? 0),
    reasonsSql:
      conditions.length === 0
        ? undefined
        : `list_filter([${conditions.map((c, i) => `CASE WHEN ${c} THEN '${expectationId(rowLevel[i] as Expectation).replaceAll("'", "''")}' END`).join(', ')}], x -> x IS NOT NULL)`,
  };
}

async function judgeTable(
  expectation: Exclude<Expectation, RowExpectation>,
  id: string,
  options: ValidateFeaturesOptions,
  rowsPerDate: Map<string, number>,
): Promise<ExpectationResult> {
  const base = { id, expectation, level: 'table' as const };
  const limit = (rows: ExpectationResult['sample']) => rows.slice(0, options.sampleSize);
  switch (expectation.kind) {
    case 'rowCount': {
      const { min = 0, max = Number.POSITIVE_INFINITY } = expectation;
      const failing = [...rowsPerDate].filter(([, n]) => n < min || n > max);
      const counts = [...rowsPerDate.values()];
      return {
        ...base,
        status: failing.length === 0 ? 'passed' : 'failed',
        failingCount: failing.length,
        observed: { minRows: Math.min(...counts), maxRows: Math.max(...counts) },
        sample: limit(failing.map(([d, n]) => ({ feature_date: d, rows: n }))),
        message:
          failing.length === 0
            ? `every date has ${expectation.min ?? 0}…${expectation.max ?? '∞'} rows`
            : `${failing.length} dates outside ${expectation.min ?? 0}…${expectation.max ?? '∞'} rows`,
      };
    }
    case 'freshness': {
      if (expectation.relativeTo === 'runDate') {
        const age = ageDays(options.runDate, options.latestEvent);
        const ok = age !== null && age <= expectation.maxAgeDays;
        return {
          ...base,
          status: ok ? 'passed' : 'failed',
          failingCount: ok ? 0 : 1,
          observed: { latestEvent: options.latestEvent, ageDays: age },
          sample: [],
          message:
            age === null
              ? 'no event at or before the run date'
              : `latest event ${options.latestEvent?.slice(0, 10)} is ${age} days before the run date ${options.runDate} (at most ${expectation.maxAgeDays})`,
        };
      }
      const ages = options.featureDates.map((d) => ({
        feature_date: d,
        latest_event: options.latestEventBefore.get(d) ?? null,
        age_days: ageDays(d, options.latestEventBefore.get(d) ?? null),
      }));
      const failing = ages.filter((a) => a.age_days === null || a.age_days > expectation.maxAgeDays);
      return {
        ...base,
        status: failing.length === 0 ? 'passed' : 'failed',
        failingCount: failing.length,
        observed: { maxAgeDays: Math.max(...ages.map((a) => a.age_days ?? Number.POSITIVE_INFINITY)) },
        sample: limit(failing),
        message:
          failing.length === 0
            ? `every feature date has an event within ${expectation.maxAgeDays} days before it`
            : `${failing.length} feature dates have no event within ${expectation.maxAgeDays} days before them`,
      };
    }
    case 'distributionShift':
      return judgeShift(expectation, base, options);
  }
}

async function judgeShift(
  expectation: Extract<Expectation, { kind: 'distributionShift' }>,
  base: Pick<ExpectationResult, 'id' | 'expectation' | 'level'>,
  options: ValidateFeaturesOptions,
): Promise<ExpectationResult> {
  const type = options.columns.find((c) => c.name === expectation.column)?.type;
  const column = [{ name: expectation.column, numeric: isNumeric(type) }];
  if (options.baseline === undefined)
    return {
      ...base,
      status: 'skipped',
      failingCount: 0,
      observed: {},
      sample: [],
      message: 'no previous run to compare with',
    };
  const [now, before] = await Promise.all([
    measureDistribution({ db: options.db, relation: options.relation, columns: column }),
    measureDistribution({ db: options.db, relation: options.baseline, columns: column }),
  ]);
  const a = now.get(expectation.column);
  const b = before.get(expectation.column);
  if (!a || !b || b.rows === 0)
    return {
      ...base,
      status: 'skipped',
      failingCount: 0,
      observed: {},
      sample: [],
      message: 'previous run has no rows',
    };
  const nullShift = Math.abs(a.nullShare - b.nullShare);
  const meanShift =
    a.mean === null || b.mean === null
      ? null
      : b.stddev !== null && b.stddev > 0
        ? Math.abs(a.mean - b.mean) / b.stddev
        : a.mean === b.mean
          ? 0
          : Number.POSITIVE_INFINITY;
  const tooFar: string[] = [];
  if (expectation.maxMeanShift !== undefined && meanShift !== null && meanShift > expectation.maxMeanShift)
    tooFar.push(`mean moved ${fmt(meanShift)} sd (at most ${expectation.maxMeanShift})`);
  if (expectation.maxNullShareShift !== undefined && nullShift > expectation.maxNullShareShift)
    tooFar.push(`null share moved ${fmt(nullShift)} (at most ${expectation.maxNullShareShift})`);
  return {
    ...base,
    status: tooFar.length === 0 ? 'passed' : 'failed',
    failingCount: tooFar.length === 0 ? 0 : 1,
    observed: {
      mean: a.mean,
      previousMean: b.mean,
      previousStddev: b.stddev,
      meanShift: meanShift === null || Number.isFinite(meanShift) ? meanShift : 'Infinity',
      nullShare: a.nullShare,
      previousNullShare: b.nullShare,
    },
    sample: [],
    message:
      tooFar.length === 0
        ? `mean shift ${meanShift === null ? 'n/a' : fmt(meanShift)} sd, null share shift ${fmt(nullShift)}`
        : tooFar.join('; '),
  };
}

function isNumeric(type: FeatureValueType | undefined): boolean {
  return type === 'int' || type === 'long' || type === 'double' || type === 'boolean';
}

/** Whole days from the date of `iso` to `date`; null without a time. */
function ageDays(date: string, iso: string | null): number | null {
  if (iso === null) return null;
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${iso.slice(0, 10)}T00:00:00Z`)) / DAY_MS);
}

function fmt(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : '∞';
}
