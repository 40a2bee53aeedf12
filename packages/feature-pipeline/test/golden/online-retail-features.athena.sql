WITH
"__fti_dates" AS (
  SELECT
    "__fti_feature_date",
    CAST("__fti_feature_date" AS TIMESTAMP) AS "__fti_as_of",
    date_add('day', -365, CAST("__fti_feature_date" AS TIMESTAMP)) AS "__fti_from"
  FROM (VALUES
    (DATE '2011-09-04'),
    (DATE '2011-09-11'),
    (DATE '2011-09-18')
  ) AS "__fti_date_list" ("__fti_feature_date")
),
"__fti_events" AS (
  SELECT
    "CustomerID" AS "__fti_entity",
    "InvoiceDate" AS "__fti_time",
    "Country",
    "InvoiceDate",
    "InvoiceNo",
    "StockCode",
    starts_with("InvoiceNo", 'C') AS "is_cancellation",
    (CAST("Quantity" AS BIGINT) * "UnitPrice") AS "revenue"
  FROM "fti_examples"."online_retail" AS "__fti_source"
  WHERE "CustomerID" IS NOT NULL
    AND "InvoiceDate" IS NOT NULL
    AND "InvoiceDate" >= date_add('day', -365, CAST(DATE '2011-09-04' AS TIMESTAMP))
    AND "InvoiceDate" < CAST(DATE '2011-09-18' AS TIMESTAMP)
),
"__fti_history" AS (
  SELECT "e".*, "d"."__fti_feature_date", date_diff('day', CAST("e"."__fti_time" AS DATE), "d"."__fti_feature_date") AS "__fti_age"
  FROM "__fti_events" AS "e"
  JOIN "__fti_dates" AS "d"
    ON "e"."__fti_time" < "d"."__fti_as_of"
   AND "e"."__fti_time" >= "d"."__fti_from"
),
"__fti_features" AS (
  SELECT
    "__fti_entity",
    "__fti_feature_date",
    count(DISTINCT CASE WHEN "__fti_age" <= 7 AND (NOT "is_cancellation") THEN "InvoiceNo" END) AS "invoices_7d",
    coalesce(sum(CASE WHEN "__fti_age" <= 7 THEN "revenue" END), 0E0) AS "revenue_7d",
    count(DISTINCT CASE WHEN "__fti_age" <= 30 AND (NOT "is_cancellation") THEN "InvoiceNo" END) AS "invoices_30d",
    coalesce(sum(CASE WHEN "__fti_age" <= 30 THEN "revenue" END), 0E0) AS "revenue_30d",
    count(DISTINCT CASE WHEN "__fti_age" <= 90 AND (NOT "is_cancellation") THEN "InvoiceNo" END) AS "invoices_90d",
    coalesce(sum(CASE WHEN "__fti_age" <= 90 THEN "revenue" END), 0E0) AS "revenue_90d",
    count(DISTINCT CASE WHEN "__fti_age" <= 365 AND (NOT "is_cancellation") THEN "InvoiceNo" END) AS "invoices_365d",
    coalesce(sum(CASE WHEN "__fti_age" <= 365 THEN "revenue" END), 0E0) AS "revenue_365d",
    count(DISTINCT CASE WHEN "__fti_age" <= 90 AND (NOT "is_cancellation") THEN "StockCode" END) AS "distinct_products_90d",
    count(DISTINCT CASE WHEN "__fti_age" <= 365 AND (NOT "is_cancellation") THEN "StockCode" END) AS "distinct_products_365d",
    count(CASE WHEN "__fti_age" <= 365 THEN 1 END) AS "lines_365d",
    avg(CASE WHEN "__fti_age" <= 365 AND (NOT "is_cancellation") THEN "revenue" END) AS "avg_line_revenue_365d",
    max(CASE WHEN "__fti_age" <= 365 AND (NOT "is_cancellation") THEN "revenue" END) AS "max_line_revenue_365d",
    stddev_samp(CASE WHEN "__fti_age" <= 365 AND (NOT "is_cancellation") THEN "revenue" END) AS "stddev_line_revenue_365d",
    CAST(count(DISTINCT CASE WHEN "__fti_age" <= 365 AND "is_cancellation" THEN "InvoiceNo" END) AS DOUBLE) / NULLIF(CAST(count(DISTINCT CASE WHEN "__fti_age" <= 365 THEN "InvoiceNo" END) AS DOUBLE), 0) AS "cancellation_share_365d",
    CAST(count(CASE WHEN "__fti_age" <= 365 AND (day_of_week("InvoiceDate") IN (6, 7)) THEN 1 END) AS DOUBLE) / NULLIF(CAST(count(CASE WHEN "__fti_age" <= 365 THEN 1 END) AS DOUBLE), 0) AS "weekend_line_share_365d",
    min(CASE WHEN "__fti_age" <= 365 AND (NOT "is_cancellation") THEN "__fti_age" END) AS "days_since_last_purchase",
    min(CASE WHEN "__fti_age" <= 365 AND (NOT "is_cancellation") THEN "__fti_age" END) AS "__fti_rfm_18_recency",
    count(DISTINCT CASE WHEN "__fti_age" <= 365 AND (NOT "is_cancellation") THEN "InvoiceNo" END) AS "__fti_rfm_18_frequency",
    coalesce(sum(CASE WHEN "__fti_age" <= 365 AND (NOT "is_cancellation") THEN "revenue" END), 0E0) AS "__fti_rfm_18_monetary"
  FROM "__fti_history"
  GROUP BY "__fti_entity", "__fti_feature_date"
),
"__fti_most_frequent_17" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS VARCHAR) AS "country"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", "Country" AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 365
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_rfm_18" AS (
  SELECT "__fti_entity", "__fti_feature_date",
    CASE WHEN "__fti_active" = 0 THEN NULL ELSE 1 + CAST(floor(5E0 * (rank() OVER (PARTITION BY "__fti_feature_date", "__fti_active" ORDER BY "__fti_rfm_18_recency" DESC) - 1) / count(*) OVER (PARTITION BY "__fti_feature_date", "__fti_active")) AS INTEGER) END AS "rfm_r",
    CASE WHEN "__fti_active" = 0 THEN NULL ELSE 1 + CAST(floor(5E0 * (rank() OVER (PARTITION BY "__fti_feature_date", "__fti_active" ORDER BY "__fti_rfm_18_frequency" ASC) - 1) / count(*) OVER (PARTITION BY "__fti_feature_date", "__fti_active")) AS INTEGER) END AS "rfm_f",
    CASE WHEN "__fti_active" = 0 THEN NULL ELSE 1 + CAST(floor(5E0 * (rank() OVER (PARTITION BY "__fti_feature_date", "__fti_active" ORDER BY "__fti_rfm_18_monetary" ASC) - 1) / count(*) OVER (PARTITION BY "__fti_feature_date", "__fti_active")) AS INTEGER) END AS "rfm_m"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_rfm_18_recency", "__fti_rfm_18_frequency", "__fti_rfm_18_monetary",
      CASE WHEN "__fti_rfm_18_recency" IS NULL THEN 0 ELSE 1 END AS "__fti_active"
    FROM "__fti_features"
  ) AS "__fti_rfm_input"
)
SELECT
  "f"."__fti_entity" AS "customer_id",
  "f"."__fti_feature_date" AS "feature_date",
  "f"."invoices_7d" AS "invoices_7d",
  "f"."revenue_7d" AS "revenue_7d",
  "f"."invoices_30d" AS "invoices_30d",
  "f"."revenue_30d" AS "revenue_30d",
  "f"."invoices_90d" AS "invoices_90d",
  "f"."revenue_90d" AS "revenue_90d",
  "f"."invoices_365d" AS "invoices_365d",
  "f"."revenue_365d" AS "revenue_365d",
  "f"."distinct_products_90d" AS "distinct_products_90d",
  "f"."distinct_products_365d" AS "distinct_products_365d",
  "f"."lines_365d" AS "lines_365d",
  "f"."avg_line_revenue_365d" AS "avg_line_revenue_365d",
  "f"."max_line_revenue_365d" AS "max_line_revenue_365d",
  "f"."stddev_line_revenue_365d" AS "stddev_line_revenue_365d",
  "f"."cancellation_share_365d" AS "cancellation_share_365d",
  "f"."weekend_line_share_365d" AS "weekend_line_share_365d",
  "f"."days_since_last_purchase" AS "days_since_last_purchase",
  "most_frequent_17"."country" AS "country",
  "rfm_18"."rfm_r" AS "rfm_r",
  "rfm_18"."rfm_f" AS "rfm_f",
  "rfm_18"."rfm_m" AS "rfm_m",
  (CAST("f"."revenue_365d" AS DOUBLE) / NULLIF(CAST("f"."invoices_365d" AS DOUBLE), 0)) AS "avg_invoice_value_365d",
  CAST((CAST(CAST("f"."revenue_30d" AS DOUBLE) * 12 AS DOUBLE) / NULLIF(CAST(CAST("f"."revenue_365d" AS DOUBLE) AS DOUBLE), 0)) AS DOUBLE) AS "revenue_momentum"
FROM "__fti_features" AS "f"
LEFT JOIN "__fti_most_frequent_17" AS "most_frequent_17"
  ON "most_frequent_17"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_17"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_rfm_18" AS "rfm_18"
  ON "rfm_18"."__fti_entity" = "f"."__fti_entity"
 AND "rfm_18"."__fti_feature_date" = "f"."__fti_feature_date"
ORDER BY "feature_date", "customer_id"
