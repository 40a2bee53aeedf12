/** How bad an alert is; `critical` pages, `warning` informs, `info` is for the record. */
export type Severity = 'info' | 'warning' | 'critical';

/** Severities in increasing order. */
export const SEVERITY_ORDER: readonly Severity[] = ['info', 'warning', 'critical'];

/** One alert about one incident: what moved, how bad, and where to look. */
export interface Alert {
  /** Identifies the incident for the cooldown, e.g. `retail-monthly:dataset-drift`. */
  incident: string;
  severity: Severity;
  title: string;
  /** One line per finding. */
  findings: string[];
  /** Where the full report is (path or URL); default none. */
  reportUrl?: string;
}
