import type { SourceLineage } from '../extract/extract-context.js';
import type { ValidationReport } from '../validate/validation-report.js';

/** One table a run committed to. */
export interface CommittedTable {
  /** `namespace.name`. */
  table: string;
  /** The snapshot the run committed (decimal). */
  snapshotId: string;
  /** Rows the commit wrote. */
  rows: number;
}

/** What one successful run did. */
export interface RunSummary {
  runId: string;
  runDate: string;
  engine: 'duckdb' | 'athena';
  featureDates: string[];
  definition: { name: string; version: number; hash: string; status: 'first' | 'unchanged' | 'new-version' };
  sources: { name: string; rowCount: number; lineage: SourceLineage }[];
  /** Feature rows loaded per feature date (after quarantine). */
  rowsPerDate: Record<string, number>;
  features: CommittedTable;
  labels: CommittedTable | undefined;
  /** The quarantine table, when the run set rows aside. */
  quarantine: CommittedTable | undefined;
  validation: ValidationReport;
  /** Wall time per stage and in all, ms. */
  durationMs: Record<'extract' | 'checkInput' | 'transform' | 'validate' | 'load' | 'total', number>;
}
