# Peer of the `training-quality` benchmark: scikit-learn's HistGradientBoostingClassifier on the same
# point-in-time-joined Online Retail rows as fti (train.csv before the cutoff, validation.csv after it).
# Protocol (stdin/stdout, one line each): loads the CSVs and imports sklearn, prints "ready"; on "go" it fits
# with default hyper-parameters (country as a native categorical feature, NaN as missing), scores the
# validation rows and prints {"rows": n_train, "auc": a} as JSON. Only the part after "go" is timed.
# Arguments: <train.csv> <validation.csv> <seed>
import json
import sys

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score

train_path, validation_path, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
train = pd.read_csv(train_path, keep_default_na=False, na_values=[""])
validation = pd.read_csv(validation_path, keep_default_na=False, na_values=[""])
features = [c for c in train.columns if c != "label"]
categorical = [c for c in features if train[c].dtype == object]
for column in categorical:
    categories = sorted(train[column].dropna().unique())
    for frame in (train, validation):
        codes = pd.Categorical(frame[column], categories=categories).codes.astype(float)
        codes[codes < 0] = np.nan  # missing or unseen: HistGradientBoosting's missing-value bin
        frame[column] = codes
print("ready", flush=True)
sys.stdin.readline()
model = HistGradientBoostingClassifier(
    categorical_features=[features.index(c) for c in categorical],
    random_state=seed,
)
model.fit(train[features], train["label"])
auc = roc_auc_score(validation["label"], model.predict_proba(validation[features])[:, 1])
print(json.dumps({"rows": int(len(train)), "auc": float(auc)}), flush=True)
