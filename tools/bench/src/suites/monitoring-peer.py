"""SciPy/NumPy peer of the monitoring benchmark (Debian /usr/bin/python3, SciPy 1.10, NumPy 1.24).

Usage: monitoring-peer.py <reference.f64> <current.f64> <features> <rows> <mode>
Loads both column-major float64 files and imports SciPy, prints "ready", waits for "go" on stdin, runs the
timed work, prints "done <rows> <peak RSS KiB>". Modes: "ks-psi" (scipy.stats.ks_2samp + NumPy PSI on
Evidently's bins) and "all" (also wasserstein_distance / reference std and jensenshannon, base 2).
"""
import resource
import sys

import numpy as np
from scipy.spatial.distance import jensenshannon
from scipy.stats import ks_2samp, wasserstein_distance

reference_path, current_path, features, rows, mode = sys.argv[1:6]
features = int(features)
rows = int(rows)
reference = np.fromfile(reference_path, dtype=np.float64).reshape(features, rows)
current = np.fromfile(current_path, dtype=np.float64).reshape(features, rows)


def binned_shares(ref, cur):
    # Evidently get_binned_data: Sturges equal-width bins over the pooled range (> 20 distinct values).
    edges = np.histogram_bin_edges(np.concatenate([ref, cur]), bins="sturges")
    return np.histogram(ref, edges)[0] / len(ref), np.histogram(cur, edges)[0] / len(cur)


def psi(ref_shares, cur_shares):
    # Evidently feel_zeroes: empty bins get (smallest non-zero share)/1e6 when that is <= 1e-4, else 1e-4.
    def floor(shares):
        nonzero = shares[shares > 0]
        small = nonzero.min() if len(nonzero) else 1e-4
        fill = small / 1e6 if small <= 1e-4 else 1e-4
        return np.where(shares == 0, fill, shares)

    r, c = floor(ref_shares), floor(cur_shares)
    return float(np.sum((c - r) * np.log(c / r)))


print("ready", flush=True)
sys.stdin.readline()
checksum = 0.0
for f in range(features):
    ref, cur = reference[f], current[f]
    checksum += ks_2samp(ref, cur).pvalue
    ref_shares, cur_shares = binned_shares(ref, cur)
    checksum += psi(ref_shares, cur_shares)
    if mode == "all":
        checksum += wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)
        checksum += jensenshannon(ref_shares, cur_shares, base=2)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"done {features * rows * 2} {peak} {checksum}", flush=True)
