import { expr } from '../definition/expr.js';
import type { FeatureInput } from '../definition/feature.js';
import { parseFeatureSetDefinition } from '../definition/parse-feature-set-definition.js';
import { parseLabelDefinition } from '../definition/parse-label-definition.js';
import type { SourceInput } from '../definition/source.js';

const { col, not } = expr;
const cancelled = col('is_cancellation');
const purchase = not(cancelled);

/**
 * The UCI Online Retail invoice lines (`examples/online-retail/data/online_retail.parquet`) as an event
 * source: one event per invoice line, keyed by customer, with net revenue and a cancellation flag.
 */
export const onlineRetailSource = {
  entityKey: 'CustomerID',
  eventTime: 'InvoiceDate',
  columns: {
    InvoiceNo: 'string',
    StockCode: 'string',
    Quantity: 'int',
    InvoiceDate: 'timestamp',
    UnitPrice: 'double',
    CustomerID: 'int',
    Country: 'string',
  },
  values: {
    /** Net line revenue in GBP (negative on returns and cancellations). */
    revenue: expr.mul(col('Quantity'), col('UnitPrice')),
    /** A leading `C` on the invoice number marks a cancellation. */
    is_cancellation: expr.startsWith(col('InvoiceNo'), 'C'),
  },
} satisfies SourceInput;

/** Customers with an invoice line in the 365 days before the feature date. */
const customer = { name: 'customer_id', activeWithinDays: 365 };

const windowed = [7, 30, 90, 365].flatMap((days): FeatureInput[] => [
  {
    kind: 'aggregate',
    name: `invoices_${days}d`,
    description: `Distinct non-cancelled invoices in the last ${days} days`,
    fn: 'countDistinct',
    of: col('InvoiceNo'),
    filter: purchase,
    windowDays: days,
  },
  {
    kind: 'aggregate',
    name: `revenue_${days}d`,
    description: `Net revenue (GBP, cancellations and returns subtracted) in the last ${days} days`,
    fn: 'sum',
    of: col('revenue'),
    windowDays: days,
  },
]);

/**
 * Customer features as of each feature date (RFM, 7/30/90/365-day invoices and revenue, distinct products,
 * cancellation share, days since last purchase, country, …), for the Online Retail example.
 */
export const onlineRetailFeatures = parseFeatureSetDefinition({
  name: 'customer_features',
  version: 1,
  description: 'Online Retail customers: purchase behaviour before the feature date',
  source: onlineRetailSource,
  entity: customer,
  features: [
    ...windowed,
    ...[90, 365].map(
      (days): FeatureInput => ({
        kind: 'aggregate',
        name: `distinct_products_${days}d`,
        description: `Distinct stock codes bought (not cancelled) in the last ${days} days`,
        fn: 'countDistinct',
        of: col('StockCode'),
        filter: purchase,
        windowDays: days,
      }),
    ),
    {
      kind: 'aggregate',
      name: 'lines_365d',
      description: 'Invoice lines (any) in the last 365 days',
      fn: 'count',
      windowDays: 365,
    },
    {
      kind: 'aggregate',
      name: 'avg_line_revenue_365d',
      description: 'Mean revenue of a purchased line in the last 365 days',
      fn: 'avg',
      of: col('revenue'),
      filter: purchase,
      windowDays: 365,
    },
    {
      kind: 'aggregate',
      name: 'max_line_revenue_365d',
      description: 'Largest revenue of a purchased line in the last 365 days',
      fn: 'max',
      of: col('revenue'),
      filter: purchase,
      windowDays: 365,
    },
    {
      kind: 'aggregate',
      name: 'stddev_line_revenue_365d',
      description: 'Sample standard deviation of purchased line revenue in the last 365 days',
      fn: 'stddev',
      of: col('revenue'),
      filter: purchase,
      windowDays: 365,
    },
    {
      kind: 'share',
      name: 'cancellation_share_365d',
      description: 'Share of invoices in the last 365 days that are cancellations',
      condition: cancelled,
      distinct: col('InvoiceNo'),
      windowDays: 365,
    },
    {
      kind: 'share',
      name: 'weekend_line_share_365d',
      description: 'Share of invoice lines in the last 365 days placed on a Saturday or Sunday',
      condition: expr.isWeekend(col('InvoiceDate')),
      windowDays: 365,
    },
    {
      kind: 'recency',
      name: 'days_since_last_purchase',
      description: 'Days from the last non-cancelled invoice line to the feature date (1 = the day before)',
      filter: purchase,
      windowDays: 365,
    },
    {
      kind: 'mostFrequent',
      name: 'country',
      description: 'Country of most of the customer’s lines in the last 365 days',
      of: col('Country'),
      windowDays: 365,
    },
    {
      kind: 'rfm',
      name: 'rfm',
      description: 'RFM quintiles over the last 365 days of purchases',
      windowDays: 365,
      filter: purchase,
      frequency: { of: col('InvoiceNo') },
      monetary: col('revenue'),
    },
    {
      kind: 'ratio',
      name: 'avg_invoice_value_365d',
      description: 'Net revenue per non-cancelled invoice over the last 365 days',
      numerator: 'revenue_365d',
      denominator: 'invoices_365d',
    },
    {
      kind: 'sql',
      name: 'revenue_momentum',
      description: 'Last 30 days of revenue against the monthly average of the last 365 days',
      sql: 'div(revenue_30d * 12, revenue_365d)',
      type: 'double',
    },
  ],
});

/** The label: does the customer place a non-cancelled invoice in the 90 days from the feature date? */
export const onlineRetailLabels = parseLabelDefinition({
  name: 'customer_labels',
  version: 1,
  description: 'Online Retail customers: purchases from the feature date on',
  source: onlineRetailSource,
  entity: customer,
  labels: [
    {
      kind: 'exists',
      name: 'purchases_next_90d',
      description: 'A non-cancelled invoice line within the next 90 days',
      horizonDays: 90,
      filter: purchase,
    },
    {
      kind: 'sum',
      name: 'revenue_next_90d',
      description: 'Net revenue within the next 90 days',
      horizonDays: 90,
      of: col('revenue'),
    },
  ],
});
