export { LINES_PER_INVOICE, RETAIL_COUNTRIES, type RetailOptions, retailSql } from './retail-sql.js';
export { type SpineOptions, spineSql } from './spine-sql.js';
export { hashRandom, type SqlRandom } from './sql-random.js';
export {
  AMOUNT_RANGE,
  CATEGORIES,
  PAYMENT_METHODS,
  type TransactionsOptions,
  transactionsSql,
} from './transactions-sql.js';
export { type WriteParquetOptions, writeParquet } from './write-parquet.js';
