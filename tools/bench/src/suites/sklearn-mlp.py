# Peer of the `training` benchmark: scikit-learn's MLPClassifier on the same rows as fti.
# Protocol (stdin/stdout, one line each): loads data and imports sklearn, prints "ready"; on "go" it fits,
# scores the holdout and prints {"rows": n, "auc": a} as JSON. Only the part after "go" is timed.
# Arguments: <features.f32> <labels.u8> <train rows> <width> <seed>
import json
import sys

import numpy as np
from sklearn.metrics import roc_auc_score
from sklearn.neural_network import MLPClassifier

features, labels, train_rows, width, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
x = np.fromfile(features, dtype=np.float32).reshape(-1, width)
y = np.fromfile(labels, dtype=np.uint8).astype(np.int64)
print("ready", flush=True)
sys.stdin.readline()
model = MLPClassifier(
    hidden_layer_sizes=(64, 32),
    batch_size=512,
    max_iter=10,
    solver="adam",
    early_stopping=False,
    random_state=seed,
)
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # ConvergenceWarning: 10 epochs is the workload, not a mistake
    model.fit(x[:train_rows], y[:train_rows])
auc = roc_auc_score(y[train_rows:], model.predict_proba(x[train_rows:])[:, 1])
print(json.dumps({"rows": train_rows, "auc": float(auc)}), flush=True)
