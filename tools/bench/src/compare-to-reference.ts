import { quoteIdentifier as q } from '@fti/feature-store';

/** Options of {@link compareToReferenceSql}. */
export interface CompareToReferenceOptions {
  /** Table expressions of the result checked and of the reference. */
  actual: string;
  reference: string;
  /** Key columns (one row per key on each side). */
  keys: string[];
  /** Value columns and whether they are floating point (compared to `tolerance` relative). */
  columns: { name: string; double: boolean }[];
  /** Relative tolerance of doubles; default 1e-9. */
  tolerance?: number;
}

/**
 * A DuckDB query returning one row `{ actual_rows, reference_rows, missing, extra, different }` comparing a
 * result with a reference by key: rows only on one side, and rows whose values differ (doubles beyond
 * `tolerance` relative to max(1, |reference|), other types by IS DISTINCT FROM; nulls equal nulls).
 */
export function compareToReferenceSql(options: CompareToReferenceOptions): string {
  const tolerance = options.tolerance ?? 1e-9;
  const on = options.keys.map((k) => `a.${q(k)} = r.${q(k)}`).join(' AND ');
  const differs = options.columns.map(({ name, double }) => {
    const a = `a.${q(name)}`;
    const r = `r.${q(name)}`;
    return double
      ? `((${a} IS NULL) <> (${r} IS NULL) OR abs(${a} - ${r}) > ${tolerance} * greatest(1, abs(${r})))`
      : `(${a} IS DISTINCT FROM ${r})`;
  });
  const key = q(options.keys[0] as string);
  return `SELECT
      (SELECT count(*) FROM ${options.actual}) AS actual_rows,
      (SELECT count(*) FROM ${options.reference}) AS reference_rows,
      count(*) FILTER (WHERE a.${key} IS NULL) AS missing,
      count(*) FILTER (WHERE r.${key} IS NULL) AS extra,
      count(*) FILTER (WHERE a.${key} IS NOT NULL AND r.${key} IS NOT NULL AND (${differs.join(' OR ')})) AS different
    FROM ${options.actual} AS a FULL OUTER JOIN ${options.reference} AS r ON ${on}`;
}

/** Throws unless a {@link compareToReferenceSql} row says both sides hold the same rows and values. */
export function assertSameAsReference(row: Record<string, unknown> | undefined, what: string): void {
  const n = (key: string) => Number(row?.[key] ?? Number.NaN);
  if (
    n('missing') === 0 &&
    n('extra') === 0 &&
    n('different') === 0 &&
    n('actual_rows') === n('reference_rows')
  )
    return;
  throw new Error(
    `${what} differs from DuckDB's result: ${n('actual_rows')} vs ${n('reference_rows')} rows, ` +
      `${n('missing')} missing, ${n('extra')} extra, ${n('different')} with a value beyond 1e-9 relative`,
  );
}
