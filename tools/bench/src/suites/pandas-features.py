"""The pandas peer of the feature-pipeline benchmark: the features of synthetic-features.ts, computed with
pandas from data already in memory.

Protocol (one line each, over stdin/stdout): loads the CSV given as argv[1] and prints `ready <rows>`; on
`go` computes the features as of argv[2] and prints `done <rows>`; on `write <path>` writes them as CSV
(17 significant digits) and prints `written`; on `quit` exits.
"""
import sys

import numpy as np
import pandas as pd


def load(path):
    frame = pd.read_csv(
        path,
        dtype={"customer_id": np.int64, "amount": np.float64, "category": "category", "payment_method": "category"},
        parse_dates=["ts"],
    )
    return frame


def compute(df, date):
    as_of = pd.Timestamp(date)
    hist = df[(df.ts >= as_of - pd.Timedelta(days=365)) & (df.ts < as_of)]
    customer = hist.customer_id.to_numpy()
    age = (as_of - hist.ts.dt.normalize()).dt.days.to_numpy()
    amount = hist.amount.to_numpy()
    keys = pd.Index(np.unique(customer), name="customer")
    out = pd.DataFrame(index=keys)

    def by_customer(values):
        return pd.Series(values).groupby(customer)

    for days in (7, 30, 90, 365):
        inside = age <= days
        out[f"txn_count_{days}d"] = by_customer(inside.astype(np.int64)).sum()
        out[f"amount_sum_{days}d"] = by_customer(np.where(inside, amount, 0.0)).sum()
    grouped = by_customer(amount)
    out["amount_avg_365d"] = grouped.mean()
    out["amount_max_365d"] = grouped.max()
    out["amount_sd_365d"] = grouped.std(ddof=1)
    recent = hist[age <= 90]
    out["categories_90d"] = recent.groupby("customer_id").category.nunique().reindex(keys, fill_value=0)
    counts = recent.groupby(["customer_id", "category"], observed=True).size().reset_index(name="n")
    counts["category"] = counts.category.astype(str)
    counts = counts.sort_values(["customer_id", "n", "category"], ascending=[True, False, True])
    top = counts.drop_duplicates("customer_id").set_index("customer_id").category
    out["top_category_90d"] = top.reindex(keys)
    out["days_since_last"] = by_customer(age).min()
    out["weekend_share_365d"] = by_customer((hist.ts.dt.dayofweek >= 5).to_numpy().astype(np.float64)).mean()
    out["card_share_365d"] = by_customer((hist.payment_method == "card").to_numpy().astype(np.float64)).mean()
    return out


def main():
    path, date = sys.argv[1], sys.argv[2]
    df = load(path)
    print(f"ready {len(df)}", flush=True)
    result = None
    for line in sys.stdin:
        command = line.strip()
        if command == "go":
            result = compute(df, date)
            print(f"done {len(result)}", flush=True)
        elif command.startswith("write "):
            result.to_csv(command[6:], float_format="%.17g")
            print("written", flush=True)
        elif command == "quit":
            return


if __name__ == "__main__":
    main()
