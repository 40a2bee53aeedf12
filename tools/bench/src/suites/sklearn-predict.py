# Peer of the `inference` benchmark's scoring step: scikit-learn's MLPClassifier.predict_proba with fti's
# weights (MLP 64-32, relu, logistic output) on the rows fti preprocessed, in chunks of the same size.
# Protocol (stdin/stdout, one line each): loads data and weights, imports sklearn, prints "ready"; on "go" it
# scores every row and prints {"rows": n, "auc": checksum} as JSON. Only the part after "go" is timed.
# Arguments: <matrix.f32> <weights.json> <width> <chunk rows>
import json
import sys
import warnings

import numpy as np
from sklearn.neural_network import MLPClassifier

matrix, weights, width, chunk = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
x = np.fromfile(matrix, dtype=np.float32).reshape(-1, width)
layers = json.load(open(weights))
model = MLPClassifier(hidden_layer_sizes=tuple(layer["units"] for layer in layers[:-1]), activation="relu", max_iter=1)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # ConvergenceWarning: fitted only to set up the estimator's shapes
    model.fit(x[:64], np.arange(64) % 2)
# fti's kernels are row-major inputs × units, as scikit-learn's coefs_.
model.coefs_ = [np.array(layer["kernel"], dtype=np.float32).reshape(layer["inputs"], layer["units"]) for layer in layers]
model.intercepts_ = [np.array(layer["bias"], dtype=np.float32) for layer in layers]
print("ready", flush=True)
sys.stdin.readline()
checksum = 0.0
for start in range(0, len(x), chunk):
    checksum += float(model.predict_proba(x[start : start + chunk])[:, 1].sum())
print(json.dumps({"rows": len(x), "auc": checksum}), flush=True)
