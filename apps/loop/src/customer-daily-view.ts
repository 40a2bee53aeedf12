import { defineFeatureView } from '@fti/feature-store';

/**
 * Daily purchase activity per customer, known at the end of each day it happened. A first feature view for
 * the point-in-time join; the feature pipeline grows it into windowed RFM features.
 */
export const customerDailyView = defineFeatureView({
  name: 'customer_daily',
  version: 1,
  entities: [
    { name: 'customer', joinKeys: [{ name: 'customer_id', type: 'long' }], description: 'a retail customer' },
  ],
  eventTimeColumn: 'feature_date',
  features: [
    { name: 'invoices', type: 'long', description: 'distinct non-cancelled invoices that day' },
    { name: 'lines', type: 'long', description: 'invoice lines that day' },
    { name: 'revenue', type: 'double', description: 'sum of quantity × unit price that day, GBP' },
    { name: 'distinct_products', type: 'long', description: 'distinct stock codes that day' },
  ],
  ttl: 'P90D',
  owner: 'fti-examples',
  description: 'Online Retail purchase activity per customer and day',
});

/** The view's rows computed from the transactions relation; the date is the day after (known at its end). */
export function customerDailySql(transactions: string): string {
  return `SELECT customer_id,
      CAST(invoice_date AS DATE) + 1 AS feature_date,
      CAST(count(DISTINCT invoice_no) FILTER (WHERE NOT starts_with(invoice_no, 'C')) AS BIGINT) AS invoices,
      CAST(count(*) AS BIGINT) AS lines,
      sum(quantity * unit_price) AS revenue,
      CAST(count(DISTINCT stock_code) AS BIGINT) AS distinct_products
    FROM ${transactions} AS t
    WHERE customer_id IS NOT NULL
    GROUP BY customer_id, CAST(invoice_date AS DATE)`;
}
