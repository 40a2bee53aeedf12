/** A metric the performance checks know, and whether a higher value is better. */
export const METRIC_DIRECTION = {
  accuracy: 'higher',
  precision: 'higher',
  recall: 'higher',
  f1: 'higher',
  rocAuc: 'higher',
  r2: 'higher',
  logLoss: 'lower',
  brier: 'lower',
  mae: 'lower',
  rmse: 'lower',
} as const;

/** A metric name of {@link METRIC_DIRECTION}. */
export type MetricName = keyof typeof METRIC_DIRECTION;

/** How far a metric may worsen: by `maxDrop` in its own units (`absolute`) or as a share of the baseline (`relative`). */
export interface DegradationRule {
  maxDrop: number;
  kind: 'absolute' | 'relative';
}

/** Default rules: 0.05 absolute for bounded scores, 10% relative for losses and errors. */
export const DEFAULT_DEGRADATION_RULES: Readonly<Record<MetricName, DegradationRule>> = {
  accuracy: { maxDrop: 0.05, kind: 'absolute' },
  precision: { maxDrop: 0.05, kind: 'absolute' },
  recall: { maxDrop: 0.05, kind: 'absolute' },
  f1: { maxDrop: 0.05, kind: 'absolute' },
  rocAuc: { maxDrop: 0.05, kind: 'absolute' },
  r2: { maxDrop: 0.05, kind: 'absolute' },
  logLoss: { maxDrop: 0.1, kind: 'relative' },
  brier: { maxDrop: 0.1, kind: 'relative' },
  mae: { maxDrop: 0.1, kind: 'relative' },
  rmse: { maxDrop: 0.1, kind: 'relative' },
};

/** One metric against its registered baseline. */
export interface MetricComparison {
  metric: MetricName;
  baseline: number;
  current: number | null;
  /** How much worse than the baseline (positive = worse), in the rule's units; null when not computed. */
  drop: number | null;
  rule: DegradationRule;
  degraded: boolean;
}

/**
 * Compares current metrics with the registered ones (only metrics present in both are compared; a current
 * value of null is reported, never degraded). `drop` is baseline − current for higher-is-better metrics and
 * current − baseline otherwise, divided by |baseline| for relative rules.
 */
export function detectDegradation(options: {
  baseline: Partial<Record<MetricName, number>>;
  current: Partial<Record<MetricName, number | null>>;
  /** Per-metric rules; default {@link DEFAULT_DEGRADATION_RULES}. */
  rules?: Partial<Record<MetricName, DegradationRule>>;
}): MetricComparison[] {
  const comparisons: MetricComparison[] = [];
  for (const [name, baseline] of Object.entries(options.baseline)) {
    const metric = name as MetricName;
    if (!(metric in METRIC_DIRECTION) || baseline === undefined || !(metric in options.current)) continue;
    const rule = options.rules?.[metric] ?? DEFAULT_DEGRADATION_RULES[metric];
    const current = options.current[metric] ?? null;
    let drop: number | null = null;
    if (current !== null) {
      const worse = METRIC_DIRECTION[metric] === 'higher' ? baseline - current : current - baseline;
      // A relative rule against a zero baseline falls back to the absolute drop (no Infinity in reports).
      drop = rule.kind === 'relative' && baseline !== 0 ? worse / Math.abs(baseline) : worse;
    }
    comparisons.push({
      metric,
      baseline,
      current,
      drop,
      rule,
      degraded: drop !== null && drop > rule.maxDrop,
    });
  }
  return comparisons;
}
