import type { ColumnDefinition, PartitionDefinition } from '@fti/feature-store';

/** The raw Online Retail event table: one row per invoice line, partitioned by month of the invoice. */
export const transactionsTable = {
  namespace: 'retail',
  name: 'transactions',
  columns: [
    {
      name: 'invoice_no',
      type: 'string',
      required: true,
      doc: 'invoice number; a leading C marks a cancellation',
    },
    { name: 'stock_code', type: 'string', required: true, doc: 'product code' },
    { name: 'description', type: 'string', doc: 'product name' },
    { name: 'quantity', type: 'int', required: true, doc: 'units; negative on returns' },
    {
      name: 'invoice_date',
      type: 'timestamp',
      required: true,
      doc: 'invoice time, UK local, minute precision',
    },
    { name: 'unit_price', type: 'double', required: true, doc: 'GBP per unit' },
    { name: 'customer_id', type: 'long', doc: 'customer id; null for guest orders' },
    { name: 'country', type: 'string', required: true, doc: "customer's country" },
  ] satisfies ColumnDefinition[],
  partition: [{ column: 'invoice_date', transform: 'month' }] satisfies PartitionDefinition,
};

/** Maps the source Parquet's columns onto the table's. */
export function transactionsSourceSql(parquetPath: string): string {
  const path = `'${parquetPath.replaceAll("'", "''")}'`;
  return `SELECT InvoiceNo AS invoice_no, StockCode AS stock_code, Description AS description,
    Quantity AS quantity, InvoiceDate AS invoice_date, UnitPrice AS unit_price,
    CAST(CustomerID AS BIGINT) AS customer_id, Country AS country
  FROM read_parquet(${path})`;
}
