import { quoteIdentifier as q, quoteLiteral } from '@fti/feature-store';
import { FEATURE_DATE_COLUMN } from '../definition/resolve-source.js';
import type { InputIssueResult } from '../validate/validation-report.js';

/** Options of {@link quarantineSql}. */
export interface QuarantineSqlOptions {
  runId: string;
  /** Bad input rows (`record`, `reasons`, `entity_key`, `event_time`), from the input check. */
  inputSql: string | undefined;
  /** Rejected CSV lines to set aside (the sample extract kept), when the policy quarantines them. */
  rejectedLines: InputIssueResult['sample'];
  /** The computed features with their `__fti_reasons` list, and the rows failing a row-level expectation. */
  features: { relation: string; entityKey: string; columns: readonly string[] } | undefined;
}

/**
 * One query returning every row a run sets aside, in the quarantine table's columns (`run_id`, `stage`,
 * `reasons`, `entity_key`, `feature_date`, `event_time`, `record`), so they land in one append. Undefined
 * when there is nothing to quarantine.
 */
export function quarantineSql(options: QuarantineSqlOptions): string | undefined {
  const run = quoteLiteral(options.runId);
  const parts: string[] = [];
  if (options.inputSql)
    parts.push(
      `SELECT ${run} AS run_id, 'input' AS stage, reasons, entity_key, CAST(NULL AS DATE) AS feature_date, event_time, record FROM (${options.inputSql})`,
    );
  for (const line of options.rejectedLines) {
    const text = typeof line.csv_line === 'string' ? line.csv_line : JSON.stringify(line);
    const reason = `rejectedLine: ${line.error ?? ''} ${line.column ?? ''}`.trim();
    parts.push(
      `SELECT ${run} AS run_id, 'input' AS stage, ${quoteLiteral(reason)} AS reasons, CAST(NULL AS VARCHAR) AS entity_key, CAST(NULL AS DATE) AS feature_date, CAST(NULL AS TIMESTAMP) AS event_time, ${quoteLiteral(text)} AS record`,
    );
  }
  if (options.features) {
    const { relation, entityKey, columns } = options.features;
    const record = `to_json(struct_pack(${columns.map((c) => `${q(c)} := ${q(c)}`).join(', ')}))::VARCHAR`;
    parts.push(
      `SELECT ${run} AS run_id, 'features' AS stage, array_to_string("__fti_reasons", '; ') AS reasons, CAST(${q(entityKey)} AS VARCHAR) AS entity_key, ${q(FEATURE_DATE_COLUMN)} AS feature_date, CAST(NULL AS TIMESTAMP) AS event_time, ${record} AS record
       FROM ${relation} WHERE len("__fti_reasons") > 0`,
    );
  }
  return parts.length === 0 ? undefined : parts.join('\nUNION ALL\n');
}
