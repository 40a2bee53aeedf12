WITH
"__fti_dates" AS (
  SELECT
    "__fti_feature_date",
    CAST("__fti_feature_date" AS TIMESTAMP) AS "__fti_as_of"
  FROM (VALUES
    (DATE '2024-03-11')
  ) AS "__fti_date_list" ("__fti_feature_date")
),
"__fti_events" AS (
  SELECT
    "customer" AS "__fti_entity",
    "ts" AS "__fti_time",
    (CAST("qty" AS BIGINT) * "price") AS "amount",
    starts_with("invoice", 'C') AS "cancelled",
    "country",
    "invoice",
    "qty",
    "sku",
    "ts"
  FROM shop_events AS "__fti_source"
  WHERE "customer" IS NOT NULL
    AND "ts" IS NOT NULL
    AND "ts" < CAST(DATE '2024-03-11' AS TIMESTAMP)
),
"__fti_history" AS (
  SELECT "e".*, "d"."__fti_feature_date", date_diff('day', CAST("e"."__fti_time" AS DATE), "d"."__fti_feature_date") AS "__fti_age"
  FROM "__fti_events" AS "e"
  JOIN "__fti_dates" AS "d"
    ON "e"."__fti_time" < "d"."__fti_as_of"
),
"__fti_features" AS (
  SELECT
    "__fti_entity",
    "__fti_feature_date",
    count(CASE WHEN "__fti_age" <= 7 THEN 1 END) AS "n_7d",
    count(CASE WHEN "__fti_age" <= 30 AND (NOT "cancelled") THEN 1 END) AS "n_purchases_30d",
    coalesce(sum(CASE WHEN "__fti_age" <= 30 THEN "amount" END), 0E0) AS "amount_sum_30d",
    avg(CASE WHEN "__fti_age" <= 30 AND (NOT "cancelled") THEN "amount" END) AS "amount_avg_30d",
    min(CASE WHEN "__fti_age" <= 30 THEN "amount" END) AS "amount_min_30d",
    max(CASE WHEN "__fti_age" <= 30 THEN "amount" END) AS "amount_max_30d",
    stddev_samp(CASE WHEN "__fti_age" <= 30 AND (NOT "cancelled") THEN "amount" END) AS "amount_sd_30d",
    count(DISTINCT CASE WHEN "__fti_age" <= 30 AND (NOT "cancelled") THEN "sku" END) AS "skus_30d",
    min(CASE WHEN (NOT "cancelled") THEN "__fti_age" END) AS "recency_days",
    CAST(count(CASE WHEN "__fti_age" <= 30 AND (day_of_week("ts") IN (6, 7)) THEN 1 END) AS DOUBLE) / NULLIF(CAST(count(CASE WHEN "__fti_age" <= 30 THEN 1 END) AS DOUBLE), 0) AS "weekend_share_30d",
    CAST(count(DISTINCT CASE WHEN "__fti_age" <= 30 AND "cancelled" THEN "invoice" END) AS DOUBLE) / NULLIF(CAST(count(DISTINCT CASE WHEN "__fti_age" <= 30 THEN "invoice" END) AS DOUBLE), 0) AS "cancel_share_30d",
    min(CASE WHEN "__fti_age" <= 30 AND (NOT "cancelled") THEN "__fti_age" END) AS "__fti_rfm_13_recency",
    count(DISTINCT CASE WHEN "__fti_age" <= 30 AND (NOT "cancelled") THEN "invoice" END) AS "__fti_rfm_13_frequency",
    coalesce(sum(CASE WHEN "__fti_age" <= 30 AND (NOT "cancelled") THEN "amount" END), 0E0) AS "__fti_rfm_13_monetary"
  FROM "__fti_history"
  GROUP BY "__fti_entity", "__fti_feature_date"
  HAVING min("__fti_age") <= 60
),
"__fti_most_frequent_11" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS VARCHAR) AS "top_country_30d"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", "country" AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 30
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_12" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS BIGINT) AS "top_qty_30d"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", "qty" AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 30 AND (NOT "cancelled")
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_rfm_13" AS (
  SELECT "__fti_entity", "__fti_feature_date",
    CASE WHEN "__fti_active" = 0 THEN NULL ELSE 1 + CAST(floor(5E0 * (rank() OVER (PARTITION BY "__fti_feature_date", "__fti_active" ORDER BY "__fti_rfm_13_recency" DESC) - 1) / count(*) OVER (PARTITION BY "__fti_feature_date", "__fti_active")) AS INTEGER) END AS "rfm_r",
    CASE WHEN "__fti_active" = 0 THEN NULL ELSE 1 + CAST(floor(5E0 * (rank() OVER (PARTITION BY "__fti_feature_date", "__fti_active" ORDER BY "__fti_rfm_13_frequency" ASC) - 1) / count(*) OVER (PARTITION BY "__fti_feature_date", "__fti_active")) AS INTEGER) END AS "rfm_f",
    CASE WHEN "__fti_active" = 0 THEN NULL ELSE 1 + CAST(floor(5E0 * (rank() OVER (PARTITION BY "__fti_feature_date", "__fti_active" ORDER BY "__fti_rfm_13_monetary" ASC) - 1) / count(*) OVER (PARTITION BY "__fti_feature_date", "__fti_active")) AS INTEGER) END AS "rfm_m"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_rfm_13_recency", "__fti_rfm_13_frequency", "__fti_rfm_13_monetary",
      CASE WHEN "__fti_rfm_13_recency" IS NULL THEN 0 ELSE 1 END AS "__fti_active"
    FROM "__fti_features"
  ) AS "__fti_rfm_input"
)
SELECT
  "f"."__fti_entity" AS "customer_id",
  "f"."__fti_feature_date" AS "feature_date",
  "f"."n_7d" AS "n_7d",
  "f"."n_purchases_30d" AS "n_purchases_30d",
  "f"."amount_sum_30d" AS "amount_sum_30d",
  "f"."amount_avg_30d" AS "amount_avg_30d",
  "f"."amount_min_30d" AS "amount_min_30d",
  "f"."amount_max_30d" AS "amount_max_30d",
  "f"."amount_sd_30d" AS "amount_sd_30d",
  "f"."skus_30d" AS "skus_30d",
  "f"."recency_days" AS "recency_days",
  "f"."weekend_share_30d" AS "weekend_share_30d",
  "f"."cancel_share_30d" AS "cancel_share_30d",
  "most_frequent_11"."top_country_30d" AS "top_country_30d",
  "most_frequent_12"."top_qty_30d" AS "top_qty_30d",
  "rfm_13"."rfm_r" AS "rfm_r",
  "rfm_13"."rfm_f" AS "rfm_f",
  "rfm_13"."rfm_m" AS "rfm_m",
  (CAST("f"."amount_sum_30d" AS DOUBLE) / NULLIF(CAST("f"."n_purchases_30d" AS DOUBLE), 0)) AS "amount_per_purchase",
  CAST(CASE WHEN CAST("f"."n_7d" AS DOUBLE) > 0 THEN 1 ELSE 0 END AS BIGINT) AS "active_7d",
  CAST(round((CAST(CAST("f"."amount_sum_30d" AS DOUBLE) AS DOUBLE) / NULLIF(CAST(CAST("f"."skus_30d" AS DOUBLE) AS DOUBLE), 0)), 2) AS DOUBLE) AS "amount_per_sku"
FROM "__fti_features" AS "f"
LEFT JOIN "__fti_most_frequent_11" AS "most_frequent_11"
  ON "most_frequent_11"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_11"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_12" AS "most_frequent_12"
  ON "most_frequent_12"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_12"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_rfm_13" AS "rfm_13"
  ON "rfm_13"."__fti_entity" = "f"."__fti_entity"
 AND "rfm_13"."__fti_feature_date" = "f"."__fti_feature_date"
ORDER BY "feature_date", "customer_id"
