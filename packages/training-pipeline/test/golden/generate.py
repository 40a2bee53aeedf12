#!/usr/bin/python3
"""Golden vectors for @fti/training-pipeline, computed by scikit-learn.

Run with Debian's interpreter (python3-sklearn 1.2.1, python3-numpy 1.24):
    /usr/bin/python3 packages/training-pipeline/test/golden/generate.py
Writes *.json beside this file. Inputs are stored inline (floats as shortest round-trip decimals, so the
TypeScript tests read back the same doubles). Infinities are written as "Infinity" / "-Infinity"; a metric
scikit-learn refuses (raises, or warns and returns NaN) is written as {"error": "<message>"}.
"""
import json
import math
import os
import warnings

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.impute import SimpleImputer
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    brier_score_loss,
    confusion_matrix,
    f1_score,
    log_loss,
    mean_absolute_error,
    mean_squared_error,
    precision_score,
    r2_score,
    recall_score,
    roc_auc_score,
)
from sklearn.preprocessing import MinMaxScaler, RobustScaler, StandardScaler
from sklearn.utils.class_weight import compute_class_weight

assert sklearn.__version__ == "1.2.1", sklearn.__version__
HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240612)
warnings.simplefilter("ignore")


def encode(value):
    if isinstance(value, (np.floating, np.integer)):
        value = value.item()
    if isinstance(value, float) and math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [encode(v) for v in value]
    return value


def write(name, payload):
    with open(os.path.join(HERE, f"{name}.json"), "w") as f:
        json.dump(encode(payload), f, separators=(",", ":"))
        f.write("\n")


def guarded(fn):
    """The metric, or {"error": message} where scikit-learn raises or answers NaN."""
    try:
        value = fn()
    except ValueError as error:
        return {"error": str(error)}
    if isinstance(value, float) and math.isnan(value):
        return {"error": "nan"}
    return float(value)


# ---------------------------------------------------------------- binary
def tuned(y, s, w, objective):
    """Brute force over thresholds [inf] + distinct scores descending: first strict best wins."""
    ww = np.ones_like(s) if w is None else w
    best = None
    for t in [math.inf] + sorted(set(s.tolist()), reverse=True):
        pred = s >= t
        tp = float(np.sum(ww[(y == 1) & pred]))
        fp = float(np.sum(ww[(y == 0) & pred]))
        fn = float(np.sum(ww[(y == 1) & ~pred]))
        if objective == "f1":
            key = f1_score(y, pred.astype(int), sample_weight=w, zero_division=0)
            better = best is None or key > best[0]
        else:
            key = fp * objective[0] + fn * objective[1]
            better = best is None or key < best[0]
        if better:
            best = (key, t, tp, fp, fn)
    return {"threshold": best[1], "value": float(best[0]), "tp": best[2], "fp": best[3], "fn": best[4]}


def binary_case(name, y, s, w=None, threshold=0.5, bins=10, cost=(1.0, 5.0)):
    y = np.asarray(y, dtype=int)
    s = np.asarray(s, dtype=float)
    pred = (s >= threshold).astype(int)
    cm = confusion_matrix(y, pred, labels=[0, 1], sample_weight=w)
    case = {
        "name": name,
        "yTrue": y.tolist(),
        "yScore": s.tolist(),
        "sampleWeight": None if w is None else np.asarray(w, dtype=float).tolist(),
        "threshold": threshold,
        "bins": bins,
        "cost": list(cost),
        "confusion": {"tn": cm[0, 0], "fp": cm[0, 1], "fn": cm[1, 0], "tp": cm[1, 1]},
        "accuracy": accuracy_score(y, pred, sample_weight=w),
        "precision": precision_score(y, pred, sample_weight=w),
        "recall": recall_score(y, pred, sample_weight=w),
        "f1": f1_score(y, pred, sample_weight=w),
        "rocAuc": guarded(lambda: roc_auc_score(y, s, sample_weight=w)),
        "averagePrecision": guarded(lambda: average_precision_score(y, s, sample_weight=w)),
        "logLoss": log_loss(y, s, sample_weight=w, labels=[0, 1]),
        "brierScore": guarded(lambda: brier_score_loss(y, s, sample_weight=w)),
        "tunedF1": tuned(y, s, w, "f1"),
        "tunedCost": tuned(y, s, w, cost),
    }
    if s.min() >= 0 and s.max() <= 1:
        for strategy in ("uniform", "quantile"):
            prob_true, prob_pred = calibration_curve(y, s, n_bins=bins, strategy=strategy)
            case[f"calibration_{strategy}"] = {"probTrue": prob_true, "probPred": prob_pred}
    return case


binary = []
for n, prevalence in [(50, 0.5), (500, 0.3), (2000, 0.1), (3000, 0.01)]:
    y = (rng.random(n) < prevalence).astype(int)
    y[0] = 1
    s = np.clip(rng.normal(0.35 + 0.3 * y, 0.2), 0, 1)
    binary.append(binary_case(f"random n={n} prevalence={prevalence}", y, s))
y = (rng.random(400) < 0.4).astype(int)
s = np.round(np.clip(rng.normal(0.4 + 0.2 * y, 0.25), 0, 1), 1)
binary.append(binary_case("ties: scores rounded to 0.1, threshold on a tie", y, s, threshold=0.5))
binary.append(binary_case("ties: every score equal", [0, 1, 1, 0, 1, 0], [0.5] * 6))
binary.append(binary_case("ties: quantile edges on repeated values", y, np.round(s * 4) / 4, bins=8))
binary.append(binary_case("perfect ranking", [0, 0, 0, 1, 1], [0.1, 0.2, 0.3, 0.8, 0.9]))
binary.append(binary_case("reversed ranking", [1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9]))
binary.append(binary_case("exact 0 and 1 probabilities (log loss clipping)", [0, 1, 1, 0, 1], [0.0, 1.0, 0.0, 1.0, 0.7]))
binary.append(binary_case("near-0 and near-1 probabilities", [1, 0, 1, 0], [1e-17, 1 - 1e-16, 1e-300, 0.3]))
binary.append(binary_case("all negative (ROC AUC undefined, AP 0)", [0] * 8, rng.random(8)))
binary.append(binary_case("all positive (ROC AUC undefined)", [1] * 8, rng.random(8)))
binary.append(binary_case("nothing predicted positive (precision 0/0 -> 0)", [0, 1, 0, 1], [0.1, 0.2, 0.3, 0.4]))
binary.append(binary_case("single row", [1], [0.8]))
y = (rng.random(1000) < 0.2).astype(int)
s = rng.beta(2 + 3 * y, 5 - 2 * y)
w = rng.exponential(1.0, 1000)
w[rng.random(1000) < 0.05] = 0.0
binary.append(binary_case("weighted with zero weights", y, s, w, threshold=0.35, cost=(2.0, 7.5)))
y = (rng.random(300) < 0.5).astype(int)
s = np.round(rng.random(300), 1)
binary.append(binary_case("weighted with ties", y, s, rng.integers(1, 4, 300).astype(float), threshold=0.3))
binary.append(binary_case("scores outside [0, 1] (ranking metrics only)", [0, 1, 0, 1, 1], [-2.0, 3.5, 0.7, 3.5, 10.0]))
write("binary", {"sklearn": sklearn.__version__, "cases": binary})

# ---------------------------------------------------------------- multiclass
def multiclass_case(name, y, p, k, w=None):
    y = np.asarray(y, dtype=int)
    p = np.asarray(p, dtype=float)
    pred = np.argmax(p, axis=1)
    return {
        "name": name,
        "numClasses": k,
        "yTrue": y.tolist(),
        "yProba": p.ravel().tolist(),
        "sampleWeight": None if w is None else np.asarray(w, dtype=float).tolist(),
        "accuracy": accuracy_score(y, pred, sample_weight=w),
        "macroF1": f1_score(y, pred, average="macro", sample_weight=w),
        "weightedF1": f1_score(y, pred, average="weighted", sample_weight=w),
        "logLoss": log_loss(y, p, labels=list(range(k)), sample_weight=w),
        "confusion": confusion_matrix(y, pred, labels=list(range(k)), sample_weight=w).ravel().tolist(),
    }


multiclass = []
for n, k in [(30, 3), (600, 4), (2000, 5)]:
    y = rng.integers(0, k, n)
    logits = rng.normal(0, 1, (n, k))
    logits[np.arange(n), y] += 1.0
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    multiclass.append(multiclass_case(f"random n={n} k={k}", y, p, k))
    multiclass.append(multiclass_case(f"weighted n={n} k={k}", y, p, k, rng.exponential(1.0, n)))
multiclass.append(
    multiclass_case(
        "class 3 never true nor predicted, exact zeros",
        [0, 1, 2, 2, 1, 0],
        [[1, 0, 0, 0], [0.2, 0.8, 0, 0], [0, 0, 1, 0], [0.5, 0.2, 0.3, 0], [0.3, 0.3, 0.4, 0], [0.25, 0.25, 0.25, 0.25]],
        4,
    )
)
multiclass.append(multiclass_case("unnormalised rows", [0, 1, 2], [[2, 1, 1], [0.1, 0.1, 0.1], [0.5, 0.5, 3]], 3))
write("multiclass", {"sklearn": sklearn.__version__, "cases": multiclass})

# ---------------------------------------------------------------- regression
def regression_case(name, y, p, w=None):
    y = np.asarray(y, dtype=float)
    p = np.asarray(p, dtype=float)
    return {
        "name": name,
        "yTrue": y.tolist(),
        "yPred": p.tolist(),
        "sampleWeight": None if w is None else np.asarray(w, dtype=float).tolist(),
        "mae": mean_absolute_error(y, p, sample_weight=w),
        "rmse": mean_squared_error(y, p, sample_weight=w, squared=False),
        "r2": guarded(lambda: r2_score(y, p, sample_weight=w)),
    }


regression = []
for n in [10, 500, 3000]:
    y = rng.normal(50, 20, n)
    p = y + rng.normal(0, 8, n)
    regression.append(regression_case(f"random n={n}", y, p))
    regression.append(regression_case(f"weighted n={n}", y, p, rng.exponential(1.0, n)))
regression.append(regression_case("worse than the mean (negative R2)", [1, 2, 3, 4], [4, 3, 2, 1]))
regression.append(regression_case("constant y_true, perfect predictions (R2 = 1)", [3.0] * 5, [3.0] * 5))
regression.append(regression_case("constant y_true, imperfect predictions (R2 = 0)", [3.0] * 5, [3.0, 3.0, 2.5, 3.0, 4.0]))
regression.append(regression_case("single row (R2 undefined)", [2.0], [1.0]))
regression.append(regression_case("large offsets", 1e6 + rng.normal(0, 1, 200), 1e6 + rng.normal(0, 1, 200)))
write("regression", {"sklearn": sklearn.__version__, "cases": regression})

# ---------------------------------------------------------------- preprocessing
def scaler_case(name, x):
    x = np.asarray(x, dtype=float)
    col = x.reshape(-1, 1)
    std = StandardScaler().fit(col)
    mm = MinMaxScaler().fit(col)
    rb = RobustScaler().fit(col)
    case = {
        "name": name,
        "x": x.tolist(),
        "standard": {"mean": std.mean_[0], "scale": std.scale_[0], "out": std.transform(col).ravel()},
        "minmax": {"scale": mm.scale_[0], "min": mm.min_[0], "out": mm.transform(col).ravel()},
        "robust": {"center": rb.center_[0], "scale": rb.scale_[0], "out": rb.transform(col).ravel()},
    }
    if np.isnan(x).any():
        for strategy in ("mean", "median"):
            imp = SimpleImputer(strategy=strategy, add_indicator=True).fit(col)
            out = imp.transform(col)
            case[f"impute_{strategy}"] = {"statistic": imp.statistics_[0], "out": out[:, 0], "indicator": out[:, 1]}
        # Pipeline: median imputation -> log1p -> StandardScaler, fitted on the same column.
        imputed = SimpleImputer(strategy="median").fit_transform(col)
        logged = np.log1p(imputed)
        ss = StandardScaler().fit(logged)
        case["pipeline_median_log1p_standard"] = {"mean": ss.mean_[0], "scale": ss.scale_[0], "out": ss.transform(logged).ravel()}
    return case


preprocessing = []
preprocessing.append(scaler_case("small integers", [1, 2, 3, 4, 10]))
preprocessing.append(scaler_case("even count median", [4.0, 1.0, 3.0, 2.0]))
preprocessing.append(scaler_case("normal n=1000", rng.normal(10, 3, 1000)))
preprocessing.append(scaler_case("lognormal n=777", rng.lognormal(2, 1, 777)))
preprocessing.append(scaler_case("constant column (scale 1)", [2.5] * 6))
x = rng.exponential(5, 301)
x[rng.random(301) < 0.2] = np.nan
preprocessing.append(scaler_case("with NaN (imputation)", x))
x = np.round(rng.exponential(3, 64))
x[[3, 9, 27]] = np.nan
preprocessing.append(scaler_case("with NaN and ties", x))
write("preprocessing", {"sklearn": sklearn.__version__, "cases": preprocessing})

# ---------------------------------------------------------------- class weights
class_weights = []
for name, y in [
    ("binary imbalanced", (rng.random(1000) < 0.07).astype(int)),
    ("three classes", rng.integers(0, 3, 301)),
    ("five classes skewed", np.minimum(rng.geometric(0.4, 500) - 1, 4)),
]:
    classes = np.unique(y)
    weights = compute_class_weight("balanced", classes=classes, y=y)
    class_weights.append({"name": name, "y": y.tolist(), "classes": classes.tolist(), "weights": weights.tolist()})
write("class-weights", {"sklearn": sklearn.__version__, "cases": class_weights})
print("wrote", len(binary), len(multiclass), len(regression), len(preprocessing), len(class_weights))
