import { quoteIdentifier, snapshotRelation, type TableEnv } from '@fti/feature-store';
import { computeFairness, type FairnessReport } from '../fairness/compute-fairness.js';
import { computeBinaryMetrics } from '../performance/binary-metrics.js';
import { detectDegradation } from '../performance/detect-degradation.js';
import { computeRegressionMetrics } from '../performance/regression-metrics.js';
import type { PerformanceSection } from '../report/monitoring-report.js';
import { openSourceTable, windowFilter } from './load-frame.js';
import type { MonitoringConfig } from './monitoring-config.js';
import { readSqlColumns } from './read-sql-columns.js';

/**
 * Joins labels to logged predictions in DuckDB (entity key and prediction time; one label per pair) and
 * computes the metrics, their comparison with the registered ones and, with a segment column, fairness.
 * Returns null sections and a warning when no prediction has a label yet.
 */
export async function computePerformanceSection(options: {
  env: TableEnv;
  config: NonNullable<MonitoringConfig['performance']>;
}): Promise<{ performance: PerformanceSection | null; fairness: FairnessReport | null; warnings: string[] }> {
  const { env, config } = options;
  const p = config.predictions;
  const l = config.labels;
  const predictions = await snapshotRelation(
    await openSourceTable(env, p.table),
    p.window ? { filter: windowFilter(p.window) } : {},
  );
  const labels = await snapshotRelation(await openSourceTable(env, l.table));
  const q = quoteIdentifier;
  const segment = p.segmentColumn ? `, CAST(p.${q(p.segmentColumn)} AS VARCHAR) AS segment` : '';
  const sql = `SELECT CAST(p.${q(p.scoreColumn)} AS DOUBLE) AS score, CAST(l.label AS DOUBLE) AS label${segment}
    FROM ${predictions.relation} AS p
    LEFT JOIN (SELECT CAST(${q(l.keyColumn)} AS VARCHAR) AS k, ${q(l.timeColumn)} AS ts, any_value(${q(l.labelColumn)}) AS label
               FROM ${labels.relation} AS t GROUP BY 1, 2) AS l
      ON CAST(p.${q(p.keyColumn)} AS VARCHAR) = l.k AND p.${q(p.timeColumn)} = l.ts
    ORDER BY p.${q(p.timeColumn)}, CAST(p.${q(p.keyColumn)} AS VARCHAR)`;
  const read = await readSqlColumns({ db: env.db, sql, numeric: new Set(['score', 'label']) });
  const score = read.columns.score as Float64Array;
  const label = read.columns.label as Float64Array;
  const keep: number[] = [];
  for (let i = 0; i < read.rows; i++) if (!Number.isNaN(label[i]!) && !Number.isNaN(score[i]!)) keep.push(i);
  const unlabelled = read.rows - keep.length;
  if (keep.length === 0) {
    return {
      performance: null,
      fairness: null,
      warnings: [
        `performance: none of the ${read.rows} predictions in \`${p.table}\` has a label in \`${l.table}\` yet; metrics skipped`,
      ],
    };
  }
  const predicted = Float64Array.from(keep, (i) => score[i]!);
  const actual = Float64Array.from(keep, (i) => label[i]!);
  const metrics: Record<string, number | null> =
    config.task === 'binary'
      ? { ...computeBinaryMetrics({ actual, probabilities: predicted, threshold: config.threshold }) }
      : { ...computeRegressionMetrics({ actual, predicted }) };
  delete metrics.rows;
  const comparisons = detectDegradation({
    baseline: config.baseline,
    current: metrics,
    ...(config.rules ? { rules: config.rules } : {}),
  });
  let fairness: FairnessReport | null = null;
  if (p.segmentColumn && config.task === 'binary') {
    const segments = read.columns.segment!;
    const names =
      segments instanceof Float64Array
        ? []
        : keep.map((i) => {
            const code = segments.codes[i]!;
            return code < 0 ? null : segments.dictionary[code]!;
          });
    fairness = computeFairness({
      column: p.segmentColumn,
      groups: names,
      actual,
      predicted: predicted.map((s) => (s >= config.threshold ? 1 : 0)),
      probabilities: predicted,
    });
  }
  return {
    performance: {
      task: config.task,
      labelledRows: keep.length,
      unlabelledRows: unlabelled,
      metrics,
      comparisons,
      degraded: comparisons.some((c) => c.degraded),
    },
    fairness,
    warnings: [],
  };
}
