import { type DuckDb, quoteIdentifier as q } from '@fti/feature-store';

/** Summary statistics of one column. */
export interface ColumnDistribution {
  rows: number;
  /** Share of null values (0…1); 0 on no rows. */
  nullShare: number;
  /** Mean of the non-null values (booleans as 0/1); null for non-numeric columns or no values. */
  mean: number | null;
  /** Sample standard deviation of the non-null values; null below two values or for non-numeric columns. */
  stddev: number | null;
}

/** Options of {@link measureDistribution}. */
export interface MeasureDistributionOptions {
  db: DuckDb;
  /** A table expression. */
  relation: string;
  /** Columns to measure, with whether their mean means something (numbers, booleans). */
  columns: readonly { name: string; numeric: boolean }[];
}

/** Measures row count, null share, mean and standard deviation of columns in one pass over a relation. */
export async function measureDistribution(
  options: MeasureDistributionOptions,
): Promise<Map<string, ColumnDistribution>> {
  const { db, relation, columns } = options;
  const result = new Map<string, ColumnDistribution>();
  if (columns.length === 0) return result;
  const select = columns.flatMap(({ name, numeric }, i) => {
    const value = numeric ? `CAST(${q(name)} AS DOUBLE)` : undefined;
    return [
      `count(${q(name)}) AS "n${i}"`,
      ...(value ? [`avg(${value}) AS "m${i}"`, `stddev_samp(${value}) AS "s${i}"`] : []),
    ];
  });
  const [row = {}] = await db.query(`SELECT count(*) AS rows, ${select.join(', ')} FROM ${relation}`);
  const rows = Number(row.rows ?? 0);
  const num = (value: unknown): number | null => (value == null ? null : Number(value));
  columns.forEach(({ name }, i) => {
    const present = Number(row[`n${i}`] ?? 0);
    result.set(name, {
      rows,
      nullShare: rows === 0 ? 0 : (rows - present) / rows,
      mean: num(row[`m${i}`]),
      stddev: num(row[`s${i}`]),
    });
  });
  return result;
}
