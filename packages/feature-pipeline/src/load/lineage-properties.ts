/** Options of {@link lineageProperties}. */
export interface LineagePropertiesOptions {
  definitionVersion: number;
  definitionHash: string;
  runId: string;
  /** Snapshot id read per feature-store source, by source name (empty for file sources). */
  sourceSnapshots: Record<string, string>;
  /** ISO dates the commit replaces. */
  featureDates: readonly string[];
}

/**
 * Snapshot summary properties recording where a commit's rows came from: `fti.definition-version`,
 * `fti.definition-hash`, `fti.run-id`, `fti.source-snapshots` (JSON object, source name → snapshot id) and
 * `fti.feature-dates` (comma-separated ISO dates).
 */
export function lineageProperties(options: LineagePropertiesOptions): Record<string, string> {
  return {
    'fti.definition-version': String(options.definitionVersion),
    'fti.definition-hash': options.definitionHash,
    'fti.run-id': options.runId,
    'fti.source-snapshots': JSON.stringify(options.sourceSnapshots),
    'fti.feature-dates': options.featureDates.join(','),
  };
}
