"""Flask + scikit-learn peer of the serving benchmark (tools/bench/src/suites/serving.ts).

Served by gunicorn (`--preload`, 2 gthread workers × 16 threads: one worker per core, threads so every
connection of the load test is served with keep-alive; a common production setup for a Flask app): the master trains a StandardScaler + MLPClassifier(64, 32) on the benchmark's synthetic data
(the same rows fti's model was trained on), then forks the workers. `POST /predict` takes the same JSON as
fti's server, `{"features": {"f0": ..., ...}}`, checks the feature names and types, and answers
`{"score": P(y = 1), "predictedClass": 0 | 1}`.

Environment: SERVING_PEER_FEATURES (float32 rows × width file), SERVING_PEER_LABELS (uint8 file),
SERVING_PEER_WIDTH, SERVING_PEER_SEED.
"""
import math
import os

import numpy as np
from flask import Flask, jsonify, request
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

WIDTH = int(os.environ["SERVING_PEER_WIDTH"])
SEED = int(os.environ["SERVING_PEER_SEED"])
NAMES = [f"f{i}" for i in range(WIDTH)]

x = np.fromfile(os.environ["SERVING_PEER_FEATURES"], dtype=np.float32).reshape(-1, WIDTH)
y = np.fromfile(os.environ["SERVING_PEER_LABELS"], dtype=np.uint8)
model = make_pipeline(
    StandardScaler(),
    MLPClassifier(hidden_layer_sizes=(64, 32), batch_size=512, max_iter=5, random_state=SEED),
).fit(x, y)

app = Flask(__name__)


def bad_request(message):
    return jsonify(error="invalid_request", message=message), 400


@app.get("/health")
def health():
    return jsonify(status="ok")


@app.post("/predict")
def predict():
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("features"), dict):
        return bad_request('send {"features": {...}}')
    features = body["features"]
    if len(features) != WIDTH or any(name not in features for name in NAMES):
        return bad_request(f"send exactly the features {', '.join(NAMES)}")
    row = []
    for name in NAMES:
        value = features[name]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            return bad_request(f"features.{name} must be a finite number")
        row.append(value)
    score = float(model.predict_proba(np.array([row], dtype=np.float64))[0, 1])
    return jsonify(score=score, predictedClass=int(score >= 0.5))
