WITH
"__fti_dates" AS (
  SELECT
    "__fti_feature_date",
    CAST("__fti_feature_date" AS TIMESTAMP) AS "__fti_as_of",
    date_add('day', -365, CAST("__fti_feature_date" AS TIMESTAMP)) AS "__fti_from",
    date_add('day', 90, CAST("__fti_feature_date" AS TIMESTAMP)) AS "__fti_until"
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
    starts_with("InvoiceNo", 'C') AS "is_cancellation",
    (CAST("Quantity" AS BIGINT) * "UnitPrice") AS "revenue"
  FROM "fti_examples"."online_retail" AS "__fti_source"
  WHERE "CustomerID" IS NOT NULL
    AND "InvoiceDate" IS NOT NULL
    AND "InvoiceDate" >= date_add('day', -365, CAST(DATE '2011-09-04' AS TIMESTAMP))
    AND "InvoiceDate" < date_add('day', 90, CAST(DATE '2011-09-18' AS TIMESTAMP))
),
"__fti_population" AS (
  SELECT "e"."__fti_entity", "d"."__fti_feature_date"
  FROM "__fti_events" AS "e"
  JOIN "__fti_dates" AS "d"
    ON "e"."__fti_time" < "d"."__fti_as_of"
   AND "e"."__fti_time" >= "d"."__fti_from"
  GROUP BY "e"."__fti_entity", "d"."__fti_feature_date"
),
"__fti_future" AS (
  SELECT "e".*, "d"."__fti_feature_date", date_diff('day', "d"."__fti_feature_date", CAST("e"."__fti_time" AS DATE)) AS "__fti_ahead"
  FROM "__fti_events" AS "e"
  JOIN "__fti_dates" AS "d"
    ON "e"."__fti_time" >= "d"."__fti_as_of"
   AND "e"."__fti_time" < "d"."__fti_until"
),
"__fti_labels" AS (
  SELECT
    "__fti_entity",
    "__fti_feature_date",
    count(CASE WHEN "__fti_ahead" < 90 AND (NOT "is_cancellation") THEN 1 END) > 0 AS "purchases_next_90d",
    coalesce(sum(CASE WHEN "__fti_ahead" < 90 THEN "revenue" END), 0E0) AS "revenue_next_90d"
  FROM "__fti_future"
  GROUP BY "__fti_entity", "__fti_feature_date"
)
SELECT
  "p"."__fti_entity" AS "customer_id",
  "p"."__fti_feature_date" AS "feature_date",
  coalesce("l"."purchases_next_90d", FALSE) AS "purchases_next_90d",
  coalesce("l"."revenue_next_90d", 0E0) AS "revenue_next_90d"
FROM "__fti_population" AS "p"
LEFT JOIN "__fti_labels" AS "l"
  ON "l"."__fti_entity" = "p"."__fti_entity"
 AND "l"."__fti_feature_date" = "p"."__fti_feature_date"
ORDER BY "feature_date", "customer_id"
