import { InvalidStatisticInputError } from '../errors.js';
import { chi2Sf } from '../special/chi2-sf.js';

/** Result of {@link chi2Contingency} (SciPy's `Chi2ContingencyResult`). */
export interface Chi2ContingencyResult {
  /** Pearson's chi-square statistic (Yates-corrected when dof = 1 and `correction`). */
  statistic: number;
  /** Pr(χ²_dof > statistic); 1 when dof = 0. */
  pValue: number;
  /** (rows − 1)(columns − 1). */
  dof: number;
  /** Expected counts under independence, row-major, rowᵢ·colⱼ / total. */
  expected: Float64Array[];
}

/** Options of {@link chi2Contingency}. */
export interface Chi2ContingencyOptions {
  /** Yates' continuity correction when dof = 1, as SciPy; default true. */
  correction?: boolean;
}

/**
 * Chi-square test of independence on an r × k contingency table (for drift: row 0 the reference counts per
 * category, row 1 the current counts), matching SciPy `stats.chi2_contingency(observed)`: expected
 * frequencies from the margins, Yates' correction for dof = 1, p-value from the chi-square survival function
 * (regularised upper incomplete gamma).
 * @throws InvalidStatisticInputError on ragged rows, negative counts, or an all-zero row or column
 *   (SciPy's "expected frequencies has a zero element"); drop empty categories first.
 */
export function chi2Contingency(
  observed: Float64Array[],
  options: Chi2ContingencyOptions = {},
): Chi2ContingencyResult {
  const rows = observed.length;
  const cols = observed[0]?.length ?? 0;
  if (rows === 0 || cols === 0)
    throw new InvalidStatisticInputError('observed', 'is empty; give at least one row and column');
  const rowSums = new Float64Array(rows);
  const colSums = new Float64Array(cols);
  let totalCount = 0;
  for (let i = 0; i < rows; i++) {
    const row = observed[i]!;
    if (row.length !== cols)
      throw new InvalidStatisticInputError(
        'observed',
        `row ${i} has ${row.length} columns, row 0 has ${cols}`,
      );
    for (let j = 0; j < cols; j++) {
      const x = row[j]!;
      if (!(x >= 0))
        throw new InvalidStatisticInputError('observed', `has a negative or NaN count at [${i}, ${j}]`);
      rowSums[i] = rowSums[i]! + x;
      colSums[j] = colSums[j]! + x;
      totalCount += x;
    }
  }
  const expected = observed.map((_, i) => {
    const e = new Float64Array(cols);
    for (let j = 0; j < cols; j++) {
      e[j] = (rowSums[i]! * colSums[j]!) / totalCount;
      if (!(e[j]! > 0)) {
        throw new InvalidStatisticInputError(
          'observed',
          `has an expected frequency of zero at [${i}, ${j}]: row ${i} or column ${j} is all zeros; drop it first`,
        );
      }
    }
    return e;
  });
  const dof = (rows - 1) * (cols - 1);
  if (dof === 0) return { statistic: 0, pValue: 1, dof, expected };
  const correct = dof === 1 && (options.correction ?? true);
  let statistic = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const e = expected[i]![j]!;
      let o = observed[i]![j]!;
      if (correct) {
        const diff = e - o;
        o += Math.min(0.5, Math.abs(diff)) * Math.sign(diff);
      }
      statistic += ((o - e) * (o - e)) / e;
    }
  }
  return { statistic, pValue: chi2Sf(statistic, dof), dof, expected };
}
