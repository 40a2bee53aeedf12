/** What a monitoring run needs of a categorical reference column: exact counts per category. */
export interface CategoricalProfile {
  kind: 'categorical';
  /** Non-missing rows. */
  count: number;
  /** Rows with a missing value (negative code). */
  missingCount: number;
  /** Category names, ascending (JavaScript string order), and their counts; categories with no rows are absent. */
  categories: string[];
  counts: Float64Array;
}
