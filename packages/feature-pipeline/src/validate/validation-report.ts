import type { Expectation } from './expectation.js';
import type { InputIssueKind, ValidationPolicy } from './validation-config.js';

/** A row of a sample: JSON-safe values (bigints as numbers or decimal strings, times as ISO strings). */
export type SampleRow = Record<string, string | number | boolean | null>;

/** The outcome of one expectation. */
export interface ExpectationResult {
  /** Stable short id, e.g. `notNull(revenue_30d)`; the quarantine reason of a failing row. */
  id: string;
  expectation: Expectation;
  /** `row`: judged per row (quarantinable); `table`: judged on the whole run. */
  level: 'row' | 'table';
  /** `skipped` only for a distribution shift without a previous run to compare with. */
  status: 'passed' | 'failed' | 'skipped';
  /** Rows failing (row level); feature dates failing (row count, freshness by feature date); 1 or 0 otherwise. */
  failingCount: number;
  /** What was measured, e.g. `{ mean: 12.5, previousMean: 11.9, meanShift: 0.21 }`. */
  observed: Record<string, number | string | null>;
  /** Up to `sampleSize` failing rows (or failing dates for table-level checks). */
  sample: SampleRow[];
  /** One readable line. */
  message: string;
}

/** The outcome of one input check. */
export interface InputIssueResult {
  kind: InputIssueKind;
  /** Bad rows (CSV: lines) found. */
  count: number;
  /**
   * `none` (no bad rows), `rejected` (strict: the run fails), `quarantined` (written to the quarantine table,
   * left out of the features) or `allowed` (declared expected: left out of the features, not quarantined).
   */
  action: 'none' | 'rejected' | 'quarantined' | 'allowed';
  sample: SampleRow[];
  message: string;
}

/** Everything validation found in one run: written as JSON beside the summary, printed as text. */
export interface ValidationReport {
  runId: string;
  policy: ValidationPolicy;
  /** ISO date the run counts as today (freshness, future events). */
  runDate: string;
  /** True when the run may commit. */
  passed: boolean;
  rows: {
    /** Input rows read (after CSV rejects). */
    input: number;
    /** Input rows quarantined. */
    inputQuarantined: number;
    /** Feature rows computed. */
    computed: number;
    /** Feature rows that pass every row-level expectation (these load). */
    valid: number;
    /** Feature rows quarantined. */
    quarantined: number;
  };
  input: InputIssueResult[];
  expectations: ExpectationResult[];
}
