import type { FeaturePipelineConfigInput } from '@fti/feature-pipeline';

const EXAMPLES = '@fti/feature-pipeline/examples/online-retail';

/** Options of {@link onlineRetailJob}. */
export interface OnlineRetailJobOptions {
  /** Weekly feature dates: first and last (inclusive) and the step in days. */
  from: string;
  to: string;
  everyDays: number;
}

/**
 * The feature pipeline job of the loop: the Online Retail customer features and 90-day purchase label,
 * computed from the `retail.transactions` Iceberg table (its snapshot id goes into the lineage) with the
 * source's original column names restored for the example definitions, validated with the quarantine
 * policy (duplicate lines set aside, guest orders counted).
 */
export function onlineRetailJob(options: OnlineRetailJobOptions): FeaturePipelineConfigInput {
  return {
    sources: [
      { kind: 'table', name: 'transactions', namespace: 'retail', table: 'transactions' },
      {
        kind: 'sql',
        name: 'online_retail',
        sql: `SELECT invoice_no AS "InvoiceNo", stock_code AS "StockCode", description AS "Description",
          quantity AS "Quantity", invoice_date AS "InvoiceDate", unit_price AS "UnitPrice",
          CAST(customer_id AS INTEGER) AS "CustomerID", country AS "Country"
        FROM transactions`,
      },
    ],
    eventSource: 'online_retail',
    features: { module: EXAMPLES, export: 'onlineRetailFeatures' },
    labels: { module: EXAMPLES, export: 'onlineRetailLabels' },
    dates: { from: options.from, to: options.to, everyDays: options.everyDays },
    featureView: { ttl: 'P7D', owner: 'fti-examples' },
    validation: {
      policy: 'quarantine',
      input: { duplicateKey: 'all', allow: ['nullEntityKey'] },
      expectations: [
        { kind: 'uniqueKey' },
        { kind: 'rowCount', min: 100, max: 10_000 },
        { kind: 'freshness', maxAgeDays: 14, relativeTo: 'featureDate' },
        { kind: 'notNull', column: 'country' },
        { kind: 'range', column: 'cancellation_share_365d', min: 0, max: 1 },
        { kind: 'range', column: 'days_since_last_purchase', min: 1, max: 365 },
        { kind: 'distributionShift', column: 'revenue_365d', maxMeanShift: 0.5, maxNullShareShift: 0.05 },
      ],
    },
  };
}
