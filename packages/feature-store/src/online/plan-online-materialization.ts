import { quoteIdentifier } from '../engine/sql-quote.js';
import type { FeatureView } from '../features/feature-view.js';
import { parseTtl } from '../features/parse-ttl.js';
import type { Filter } from '../iceberg/filter.js';
import { EVENT_TIME_FIELD } from './online-record.js';
import type { OnlineWatermark } from './online-store.js';

const DAY_MS = 86_400_000;

/** What one materialisation run reads: printable and testable before anything runs. */
export interface OnlineMaterializationPlan {
  /** `full` on the first run (no watermark), `incremental` after. */
  mode: 'full' | 'incremental';
  /** Rows the scan keeps (pushed into file pruning): newer than the watermark and not expired. */
  filter: Filter;
  /** SQL over the snapshot's relation: the latest row per entity, every value encoded as an online record. */
  sql: (relation: string) => string;
}

/** Options of {@link planOnlineMaterialization}. */
export interface PlanOnlineMaterializationOptions {
  view: FeatureView;
  /** The view's watermark in the online store; null on the first run. */
  watermark: OnlineWatermark | null;
  /** Epoch ms of the run: rows with `eventTime <= now − ttl` are expired and never copied. */
  nowMs: number;
}

/**
 * Plans a materialisation of a feature view into an online store: the scan filter (event time after the
 * watermark and inside the TTL, so old files are pruned unopened) and a DuckDB query that keeps the latest
 * row per entity with `QUALIFY row_number()` and encodes keys and values as strings in SQL.
 */
export function planOnlineMaterialization(
  options: PlanOnlineMaterializationOptions,
): OnlineMaterializationPlan {
  const { view, watermark } = options;
  const event = view.eventTimeColumn;
  let cutoff = options.nowMs - parseTtl(view.ttl);
  // A date is midnight UTC: `date > cutoff` equals `date > midnight before cutoff`, a plain DATE literal.
  if (view.eventTimeType === 'date') cutoff = Math.floor(cutoff / DAY_MS) * DAY_MS;
  const predicates: Filter[] = [{ column: event, op: '>', value: new Date(cutoff) }];
  if (watermark) predicates.push({ column: event, op: '>', value: watermark.eventTime });

  const q = quoteIdentifier;
  const keys = view.entities.flatMap((e) => e.joinKeys.map((k) => k.name));
  const values = view.features.map((f) => {
    const column = `t.${q(f.name)}`;
    const text = f.type === 'timestamp' ? `epoch_us(${column})` : column;
    return `CAST(${text} AS VARCHAR) AS ${q(f.name)}`;
  });
  const sql = (relation: string): string =>
    [
      'SELECT',
      [
        ...keys.map((k) => `CAST(t.${q(k)} AS VARCHAR) AS ${q(k)}`),
        `CAST(epoch_ms(CAST(t.${q(event)} AS TIMESTAMP)) AS VARCHAR) AS ${EVENT_TIME_FIELD}`,
        ...values,
      ].join(', '),
      `FROM ${relation} AS t`,
      `QUALIFY row_number() OVER (PARTITION BY ${keys.map((k) => `t.${q(k)}`).join(', ')} ORDER BY t.${q(event)} DESC) = 1`,
    ].join('\n');
  return { mode: watermark ? 'incremental' : 'full', filter: { and: predicates }, sql };
}
