// The feature set of the feature-pipeline benchmark over tools/datagen's synthetic transactions
// (customer_id, ts, amount, category, payment_method), and the feature date it is computed for.
import { expr, type FeatureInput, parseFeatureSetDefinition } from '@fti/feature-pipeline';

const { col } = expr;

/** The benchmark's one feature date: mid-way through datagen's default two years (2023-01-01 + 730 days). */
export const BENCH_FEATURE_DATE = '2024-07-01';

const windows = [7, 30, 90, 365].flatMap((days): FeatureInput[] => [
  { kind: 'aggregate', name: `txn_count_${days}d`, fn: 'count', windowDays: days },
  { kind: 'aggregate', name: `amount_sum_${days}d`, fn: 'sum', of: col('amount'), windowDays: days },
]);

/**
 * Customer features as of a date: counts and sums over 7/30/90/365 days, mean/max/standard deviation of the
 * amount over 365 days, distinct categories and the most frequent category over 90 days, days since the
 * last transaction, weekend share and card share over 365 days. The pandas peer computes the same.
 */
export const syntheticFeatures = parseFeatureSetDefinition({
  name: 'bench_customer_features',
  version: 1,
  source: {
    entityKey: 'customer_id',
    eventTime: 'ts',
    columns: {
      customer_id: 'long',
      ts: 'timestamp',
      amount: 'double',
      category: 'string',
      payment_method: 'string',
    },
  },
  entity: { name: 'customer', activeWithinDays: 365 },
  features: [
    ...windows,
    { kind: 'aggregate', name: 'amount_avg_365d', fn: 'avg', of: col('amount'), windowDays: 365 },
    { kind: 'aggregate', name: 'amount_max_365d', fn: 'max', of: col('amount'), windowDays: 365 },
    { kind: 'aggregate', name: 'amount_sd_365d', fn: 'stddev', of: col('amount'), windowDays: 365 },
    { kind: 'aggregate', name: 'categories_90d', fn: 'countDistinct', of: col('category'), windowDays: 90 },
    { kind: 'mostFrequent', name: 'top_category_90d', of: col('category'), windowDays: 90 },
    { kind: 'recency', name: 'days_since_last', windowDays: 365 },
    { kind: 'share', name: 'weekend_share_365d', condition: expr.isWeekend(col('ts')), windowDays: 365 },
    {
      kind: 'share',
      name: 'card_share_365d',
      condition: expr.eq(col('payment_method'), 'card'),
      windowDays: 365,
    },
  ],
});
