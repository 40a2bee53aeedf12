WITH
"__fti_dates" AS (
  SELECT
    "__fti_feature_date",
    CAST("__fti_feature_date" AS TIMESTAMP) AS "__fti_as_of",
    date_add('day', -1, CAST("__fti_feature_date" AS TIMESTAMP)) AS "__fti_from"
  FROM (VALUES
    (DATE '2024-03-11')
  ) AS "__fti_date_list" ("__fti_feature_date")
),
"__fti_events" AS (
  SELECT
    "customer" AS "__fti_entity",
    "ts" AS "__fti_time",
    "country",
    "invoice",
    "note",
    "price",
    "qty",
    "sku",
    "ts"
  FROM one_row AS "__fti_source"
  WHERE "customer" IS NOT NULL
    AND "ts" IS NOT NULL
    AND "ts" >= date_add('day', -1, CAST(DATE '2024-03-11' AS TIMESTAMP))
    AND "ts" < CAST(DATE '2024-03-11' AS TIMESTAMP)
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
    "__fti_feature_date"
  FROM "__fti_history"
  GROUP BY "__fti_entity", "__fti_feature_date"
),
"__fti_most_frequent_0" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS BIGINT) AS "add_int"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", (CAST("qty" AS BIGINT) + 2) AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_1" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS BIGINT) AS "product_overflows_int32"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", (CAST("qty" AS BIGINT) * 2000000000) AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_2" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS DOUBLE) AS "sub_double"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", ("price" - 2.5E-1) AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_3" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS DOUBLE) AS "div_safe"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", (CAST("qty" AS DOUBLE) / NULLIF(CAST(2 AS DOUBLE), 0)) AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_4" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS DOUBLE) AS "div_by_zero"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", (CAST("qty" AS DOUBLE) / NULLIF(CAST(0 AS DOUBLE), 0)) AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_5" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS BIGINT) AS "neg"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", (- "qty") AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_6" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS DOUBLE) AS "abs"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", abs((- "price")) AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_7" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS BOOLEAN) AS "eq"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", ("sku" = 'O''Brien') AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_8" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS BOOLEAN) AS "ne"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", ("qty" <> 3) AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_9" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS BOOLEAN) AS "lt_le_gt_ge"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", (("qty" < 4) AND ("qty" <= 3) AND ("price" > 2) AND ("price" >= 2.5E0)) AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_10" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS BOOLEAN) AS "or_not"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", ((NOT ("qty" = 3)) OR ("note" IS NULL)) AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_11" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS BOOLEAN) AS "is_not_null"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", (NOT ("note" IS NULL)) AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_12" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS BOOLEAN) AS "in_strings"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", ("country" IN ('FR', 'UK')) AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_13" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS BOOLEAN) AS "starts_with"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", starts_with("invoice", 'C') AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_14" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS BIGINT) AS "day_of_week"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", day_of_week("ts") AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_15" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS BOOLEAN) AS "is_weekend"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", (day_of_week("ts") IN (6, 7)) AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_16" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS BIGINT) AS "hour"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", hour("ts") AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_17" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS BIGINT) AS "month"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", month("ts") AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_18" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS BIGINT) AS "year"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", year("ts") AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_19" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS VARCHAR) AS "coalesce"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", coalesce("note", 'none') AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_20" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS VARCHAR) AS "case_when"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", CASE WHEN ("qty" > 5) THEN 'big' WHEN ("qty" > 1) THEN 'some' ELSE 'one' END AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_21" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS VARCHAR) AS "cast_string"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", CAST("qty" AS VARCHAR) AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_22" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS BIGINT) AS "cast_long"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", CAST(round("price") AS BIGINT) AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
),
"__fti_most_frequent_23" AS (
  SELECT "__fti_entity", "__fti_feature_date", CAST("__fti_value" AS BIGINT) AS "cast_long_negative"
  FROM (
    SELECT "__fti_entity", "__fti_feature_date", "__fti_value",
      row_number() OVER (PARTITION BY "__fti_entity", "__fti_feature_date" ORDER BY "__fti_count" DESC, "__fti_value" ASC) AS "__fti_rank"
    FROM (
      SELECT "__fti_entity", "__fti_feature_date", "__fti_value", count(*) AS "__fti_count"
      FROM (
        SELECT "__fti_entity", "__fti_feature_date", CAST(round((- "price")) AS BIGINT) AS "__fti_value"
        FROM "__fti_history"
        WHERE "__fti_age" <= 1
      ) AS "__fti_values"
      WHERE "__fti_value" IS NOT NULL
      GROUP BY "__fti_entity", "__fti_feature_date", "__fti_value"
    ) AS "__fti_counts"
  ) AS "__fti_ranked"
  WHERE "__fti_rank" = 1
)
SELECT
  "f"."__fti_entity" AS "customer_id",
  "f"."__fti_feature_date" AS "feature_date",
  "most_frequent_0"."add_int" AS "add_int",
  "most_frequent_1"."product_overflows_int32" AS "product_overflows_int32",
  "most_frequent_2"."sub_double" AS "sub_double",
  "most_frequent_3"."div_safe" AS "div_safe",
  "most_frequent_4"."div_by_zero" AS "div_by_zero",
  "most_frequent_5"."neg" AS "neg",
  "most_frequent_6"."abs" AS "abs",
  "most_frequent_7"."eq" AS "eq",
  "most_frequent_8"."ne" AS "ne",
  "most_frequent_9"."lt_le_gt_ge" AS "lt_le_gt_ge",
  "most_frequent_10"."or_not" AS "or_not",
  "most_frequent_11"."is_not_null" AS "is_not_null",
  "most_frequent_12"."in_strings" AS "in_strings",
  "most_frequent_13"."starts_with" AS "starts_with",
  "most_frequent_14"."day_of_week" AS "day_of_week",
  "most_frequent_15"."is_weekend" AS "is_weekend",
  "most_frequent_16"."hour" AS "hour",
  "most_frequent_17"."month" AS "month",
  "most_frequent_18"."year" AS "year",
  "most_frequent_19"."coalesce" AS "coalesce",
  "most_frequent_20"."case_when" AS "case_when",
  "most_frequent_21"."cast_string" AS "cast_string",
  "most_frequent_22"."cast_long" AS "cast_long",
  "most_frequent_23"."cast_long_negative" AS "cast_long_negative"
FROM "__fti_features" AS "f"
LEFT JOIN "__fti_most_frequent_0" AS "most_frequent_0"
  ON "most_frequent_0"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_0"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_1" AS "most_frequent_1"
  ON "most_frequent_1"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_1"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_2" AS "most_frequent_2"
  ON "most_frequent_2"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_2"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_3" AS "most_frequent_3"
  ON "most_frequent_3"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_3"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_4" AS "most_frequent_4"
  ON "most_frequent_4"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_4"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_5" AS "most_frequent_5"
  ON "most_frequent_5"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_5"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_6" AS "most_frequent_6"
  ON "most_frequent_6"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_6"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_7" AS "most_frequent_7"
  ON "most_frequent_7"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_7"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_8" AS "most_frequent_8"
  ON "most_frequent_8"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_8"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_9" AS "most_frequent_9"
  ON "most_frequent_9"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_9"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_10" AS "most_frequent_10"
  ON "most_frequent_10"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_10"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_11" AS "most_frequent_11"
  ON "most_frequent_11"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_11"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_12" AS "most_frequent_12"
  ON "most_frequent_12"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_12"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_13" AS "most_frequent_13"
  ON "most_frequent_13"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_13"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_14" AS "most_frequent_14"
  ON "most_frequent_14"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_14"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_15" AS "most_frequent_15"
  ON "most_frequent_15"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_15"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_16" AS "most_frequent_16"
  ON "most_frequent_16"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_16"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_17" AS "most_frequent_17"
  ON "most_frequent_17"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_17"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_18" AS "most_frequent_18"
  ON "most_frequent_18"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_18"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_19" AS "most_frequent_19"
  ON "most_frequent_19"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_19"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_20" AS "most_frequent_20"
  ON "most_frequent_20"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_20"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_21" AS "most_frequent_21"
  ON "most_frequent_21"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_21"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_22" AS "most_frequent_22"
  ON "most_frequent_22"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_22"."__fti_feature_date" = "f"."__fti_feature_date"
LEFT JOIN "__fti_most_frequent_23" AS "most_frequent_23"
  ON "most_frequent_23"."__fti_entity" = "f"."__fti_entity"
 AND "most_frequent_23"."__fti_feature_date" = "f"."__fti_feature_date"
ORDER BY "feature_date", "customer_id"
