import { type DuckDb, quoteIdentifier as q, quoteLiteral } from '@fti/feature-store';
import type { Source } from '../definition/source.js';
import type { CsvRejects } from '../extract/extract-context.js';
import { toSampleRow } from './to-sample-row.js';
import type { InputIssueKind, ValidationConfig } from './validation-config.js';
import type { InputIssueResult } from './validation-report.js';

/** Options of {@link checkInput}. */
export interface CheckInputOptions {
  /** The embedded database the source relation lives in. */
  db: DuckDb;
  /** The extracted source, a table expression (a view name). */
  relation: string;
  /** The definition's source: entity key, event time, declared columns. */
  source: Source;
  /** ISO date of the run: events at or after the next midnight are in the future. */
  runDate: string;
  /** The run's feature dates (ascending), for freshness per feature date. */
  featureDates: readonly string[];
  config: ValidationConfig;
  /** CSV lines extract rejected; default none. */
  rejects?: CsvRejects | undefined;
  /** Prefix of the tables this run creates (dropped by the caller). */
  scratchPrefix: string;
}

/** What {@link checkInput} found, and the relation the transform should read. */
export interface InputCheck {
  issues: InputIssueResult[];
  /** Input rows (after CSV rejects). */
  rowCount: number;
  /** Latest event time at or before the end of the run date (ISO), null without events. */
  latestEvent: string | null;
  /** Per feature date: latest event time before it (ISO), null without one. */
  latestEventBefore: Map<string, string | null>;
  /** Whether an issue that is not allowed was found. */
  failed: boolean;
  /** The relation to compute from: the source itself, or a table without the bad rows. */
  cleanRelation: string;
  /** Rows of bad input to quarantine: `record` (JSON), `reasons`, `entity_key`, `event_time`. */
  quarantineSql: string | undefined;
  /** Input rows selected by {@link InputCheck.quarantineSql}. */
  quarantinedRows: number;
}

/**
 * Counts and samples bad input in one pass over the source (null entity keys, null event times, events after
 * the run date, plus a grouping pass for duplicates when `duplicateKey` is set), adds the CSV lines extract
 * rejected, and decides per policy: `strict` fails on any issue that is not allowed; `quarantine` sets the bad
 * rows aside (their SQL is returned) and hands the transform a relation without them. Nothing is dropped
 * silently: every bad row is counted in the report.
 */
export async function checkInput(options: CheckInputOptions): Promise<InputCheck> {
  const { db, relation, source, runDate, featureDates, config } = options;
  const key = q(source.entityKey);
  const time = q(source.eventTime);
  const runEnd = `(DATE ${quoteLiteral(runDate)} + INTERVAL 1 DAY)`;
  const described = await db.query(`DESCRIBE SELECT * FROM ${relation}`);
  const columns = described.map((row) => String(row.column_name));
  const duplicateKey = config.input.duplicateKey === 'all' ? columns : config.input.duplicateKey;

  const conditions: Partial<Record<InputIssueKind, string>> = {
    nullEntityKey: `${key} IS NULL`,
    nullEventTime: `${time} IS NULL`,
    futureEvent: `${time} >= ${runEnd}`,
  };
  const latestBefore = featureDates.map(
    (date, i) =>
      `max(${time}) FILTER (WHERE ${time} < DATE ${quoteLiteral(date)}) AS ${q(`__fti_latest_${i}`)}`,
  );
  const counts = Object.entries(conditions).map(
    ([kind, condition]) => `count(*) FILTER (WHERE ${condition}) AS ${q(kind)}`,
  );
  const [row = {}] = await db.query(
    `SELECT count(*) AS ${q('__fti_rows')}, ${counts.join(', ')},
       max(${time}) FILTER (WHERE ${time} < ${runEnd}) AS ${q('__fti_latest')}${latestBefore.map((s) => `, ${s}`).join('')}
     FROM ${relation}`,
  );
  const found = new Map<InputIssueKind, number>(
    Object.keys(conditions).map((kind) => [kind as InputIssueKind, Number(row[kind] ?? 0)]),
  );

  // Duplicates: every row after the first of its group (rows ordered by all columns, so the kept one is
  // fixed); when every column is the key the rows of a group are identical and need no order.
  const duplicateRank = duplicateKey
    ? `row_number() OVER (PARTITION BY ${duplicateKey.map(q).join(', ')}${config.input.duplicateKey === 'all' ? '' : ` ORDER BY ${columns.map(q).join(', ')}`})`
    : undefined;
  const marked = q(`${options.scratchPrefix}input`);
  const reasons = [
    ...Object.entries(conditions).map(([kind, c]) => `CASE WHEN ${c} THEN '${kind}' END`),
    ...(duplicateRank ? [`CASE WHEN ${duplicateRank} > 1 THEN 'duplicateEvent' END`] : []),
  ];
  const markRows = async (): Promise<void> => {
    await db.run(
      `CREATE TABLE ${marked} AS SELECT *, list_filter([${reasons.join(', ')}], x -> x IS NOT NULL) AS ${q('__fti_reasons')} FROM ${relation}`,
    );
  };
  if (duplicateKey) {
    await markRows();
    const [dup = {}] = await db.query(
      `SELECT count(*) FILTER (WHERE list_contains(${q('__fti_reasons')}, 'duplicateEvent')) AS n FROM ${marked}`,
    );
    found.set('duplicateEvent', Number(dup.n ?? 0));
  }

  const allowed = new Set(config.input.allow);
  const quarantine = config.policy === 'quarantine';
  const actionOf = (kind: InputIssueKind, count: number): InputIssueResult['action'] =>
    count === 0 ? 'none' : allowed.has(kind) ? 'allowed' : quarantine ? 'quarantined' : 'rejected';

  const issues: InputIssueResult[] = [];
  const rejects = options.rejects;
  const rejectedLines = rejects?.lines ?? 0;
  issues.push({
    kind: 'rejectedLine',
    count: rejectedLines,
    action: actionOf('rejectedLine', rejectedLines),
    sample: (rejects?.sample ?? []).slice(0, config.sampleSize).map((r) => ({
      file: r.file,
      line: r.line,
      column: r.column,
      error: r.errorType,
      message: r.message,
      csv_line: r.csvLine,
    })),
    message:
      rejectedLines === 0
        ? 'no CSV line rejected'
        : `${rejectedLines} CSV lines rejected by extract (${summarizeErrors(rejects)})`,
  });
  const describeIssue: Record<Exclude<InputIssueKind, 'rejectedLine'>, string> = {
    nullEntityKey: `rows with a null entity key \`${source.entityKey}\``,
    nullEventTime: `rows with a null event time \`${source.eventTime}\``,
    futureEvent: `rows with an event time after the run date ${runDate}`,
    duplicateEvent: `duplicate rows (same ${config.input.duplicateKey === 'all' ? 'values in every column' : (duplicateKey ?? []).join(', ')})`,
  };
  for (const [kind, count] of found) {
    const condition =
      kind === 'duplicateEvent' ? `list_contains(${q('__fti_reasons')}, 'duplicateEvent')` : conditions[kind];
    const sample =
      count > 0 && config.sampleSize > 0
        ? (
            await db.query(
              kind === 'duplicateEvent'
                ? `SELECT * FROM ${marked} WHERE ${condition} LIMIT ${config.sampleSize}`
                : `SELECT * FROM ${relation} WHERE ${condition} LIMIT ${config.sampleSize}`,
            )
          ).map(toSampleRow)
        : [];
    const action = actionOf(kind, count);
    issues.push({
      kind,
      count,
      action,
      sample,
      message: `${count} ${describeIssue[kind as Exclude<InputIssueKind, 'rejectedLine'>]}${action === 'none' ? '' : ` (${action})`}`,
    });
  }
  const failed = issues.some((issue) => issue.action === 'rejected');

  // Rows the transform must not see beyond what it drops itself (null keys and times): future and duplicates.
  const excluded = issues.some(
    (i) => (i.kind === 'futureEvent' || i.kind === 'duplicateEvent') && i.count > 0,
  );
  const toQuarantine = issues.some((i) => i.action === 'quarantined' && i.kind !== 'rejectedLine');
  let cleanRelation = relation;
  let quarantineSql: string | undefined;
  let quarantinedRows = 0;
  if (!failed && (excluded || toQuarantine)) {
    if (!duplicateKey) await markRows();
    cleanRelation = `(SELECT * EXCLUDE (${q('__fti_reasons')}) FROM ${marked} WHERE len(${q('__fti_reasons')}) = 0)`;
    const quarantinedKinds = issues.filter((i) => i.action === 'quarantined').map((i) => `'${i.kind}'`);
    if (quarantinedKinds.length > 0) {
      const where = `len(list_intersect(${q('__fti_reasons')}, [${quarantinedKinds.join(', ')}])) > 0`;
      const record = `to_json(struct_pack(${columns.map((c) => `${q(c)} := ${q(c)}`).join(', ')}))::VARCHAR`;
      quarantineSql = `SELECT ${record} AS record, array_to_string(${q('__fti_reasons')}, '; ') AS reasons,
          CAST(${key} AS VARCHAR) AS entity_key, CAST(${time} AS TIMESTAMP) AS event_time
        FROM ${marked} WHERE ${where}`;
      const [n = {}] = await db.query(`SELECT count(*) AS n FROM ${marked} WHERE ${where}`);
      quarantinedRows = Number(n.n ?? 0);
    }
  }
  const iso = (value: unknown): string | null =>
    value instanceof Date ? value.toISOString() : value == null ? null : String(value);
  return {
    issues,
    rowCount: Number(row.__fti_rows ?? 0),
    latestEvent: iso(row.__fti_latest),
    latestEventBefore: new Map(featureDates.map((date, i) => [date, iso(row[`__fti_latest_${i}`])])),
    failed,
    cleanRelation,
    quarantineSql,
    quarantinedRows,
  };
}

function summarizeErrors(rejects: CsvRejects | undefined): string {
  const byType = new Map<string, number>();
  for (const r of rejects?.sample ?? []) byType.set(r.errorType, (byType.get(r.errorType) ?? 0) + 1);
  const parts = [...byType].map(([type, n]) => `${type} ${n}`);
  return parts.length === 0 ? 'no sample' : `sample: ${parts.join(', ')}`;
}
