# Peer of the `inference` benchmark's scoring step: what a scikit-learn user runs to score raw feature rows,
# a Pipeline of the same preprocessing as fti's (per numeric column: constant imputation, a missing indicator
# where fti has one, log1p for amounts, standard scaling with fti's centres and scales; the category one-hot
# encoded over fti's categories, a missing value in the unseen slot) and an MLPClassifier with fti's weights,
# applied to pandas chunks of the same size as fti's.
# Protocol (stdin/stdout, one line each): loads the raw columns into a DataFrame, builds and checks the
# pipeline (its first 1,000 scores against fti's float64 reference), prints "ready"; on "go" it scores every
# row and prints {"rows": n, "auc": checksum} as JSON. Only the part after "go" is timed.
# Arguments: <numeric.f64> <categories.txt> <preprocessing.json> <weights.json> <reference.json> <chunk rows>
import json
import sys
import warnings

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import MissingIndicator, SimpleImputer
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

numeric_path, categories_path, spec_path, weights_path, reference_path = sys.argv[1:6]
chunk = int(sys.argv[6])
spec = json.load(open(spec_path))
numeric = spec["numeric"]
category = spec["category"]

raw = np.fromfile(numeric_path, dtype=np.float64).reshape(len(numeric), -1)
with open(categories_path) as f:
    labels = [line if line else None for line in f.read().split("\n")]
frame = pd.DataFrame({c["column"]: raw[i] for i, c in enumerate(numeric)})
frame[category["column"]] = pd.Series(labels[: len(frame)], dtype=object)
UNSEEN = "__unseen__"

transformers = []
for c in numeric:
    steps = [SimpleImputer(strategy="constant", fill_value=c["fill"])]
    if c["log1p"]:
        steps.append(FunctionTransformer(np.log1p))
    steps.append(StandardScaler())
    transformers.append((c["column"], make_pipeline(*steps), [c["column"]]))
    if c["indicator"]:
        transformers.append((c["column"] + "_missing", MissingIndicator(features="all"), [c["column"]]))
transformers.append(
    (
        category["column"],
        make_pipeline(
            SimpleImputer(missing_values=None, strategy="constant", fill_value=UNSEEN),
            OneHotEncoder(categories=[category["categories"] + [UNSEEN]], handle_unknown="ignore", sparse_output=False),
        ),
        [category["column"]],
    )
)
preprocess = ColumnTransformer(transformers)
preprocess.fit(frame.iloc[:1000])
# fti's fitted scaling: the scalers take its centres and scales (fitting only set their shapes).
for c in numeric:
    scaler = preprocess.named_transformers_[c["column"]].steps[-1][1]
    scaler.mean_ = np.array([c["center"]])
    scaler.scale_ = np.array([c["scale"]])

layers = json.load(open(weights_path))
width = layers[0]["inputs"]
mlp = MLPClassifier(hidden_layer_sizes=tuple(layer["units"] for layer in layers[:-1]), activation="relu", max_iter=1)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # ConvergenceWarning: fitted only to set up the estimator's shapes
    mlp.fit(np.zeros((64, width), dtype=np.float32), np.arange(64) % 2)
mlp.coefs_ = [np.array(layer["kernel"], dtype=np.float32).reshape(layer["inputs"], layer["units"]) for layer in layers]
mlp.intercepts_ = [np.array(layer["bias"], dtype=np.float32) for layer in layers]
# float32 into the MLP, as fti's matrix (the faster path for scikit-learn too).
pipeline = Pipeline([("preprocess", preprocess), ("float32", FunctionTransformer(lambda x: x.astype(np.float32))), ("mlp", mlp)])

reference = np.array(json.load(open(reference_path)))
first = pipeline.predict_proba(frame.iloc[: len(reference)])[:, 1]
worst = float(np.max(np.abs(first - reference)))
if not worst < 1e-5:
    sys.exit(f"the pipeline's first {len(reference)} scores differ from fti's float64 reference by {worst}")
print("ready", flush=True)
sys.stdin.readline()
checksum = 0.0
for start in range(0, len(frame), chunk):
    checksum += float(pipeline.predict_proba(frame.iloc[start : start + chunk])[:, 1].sum())
print(json.dumps({"rows": len(frame), "auc": checksum}), flush=True)
