#!/usr/bin/python3
"""Golden vectors for @fti/monitoring, computed by SciPy.

Run with Debian's interpreter (python3-scipy 1.10.1, python3-numpy 1.24):
    /usr/bin/python3 packages/monitoring/test/golden/generate.py
Writes *.json beside this file. Small samples are stored inline; large ones as a generator spec that the
TypeScript tests rebuild bit-for-bit (32-bit LCG, sums of uniforms: only exact IEEE operations).
"""
import json
import math
import os
import sys

import numpy as np
import scipy
from scipy import special, stats
from scipy.spatial import distance

assert scipy.__version__ == "1.10.1", scipy.__version__
HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240611)


def lcg_sample(spec):
    """Sum of `terms` uniforms from a 32-bit LCG, centred, times scale plus shift; or integers below `levels`."""
    s = spec["seed"] & 0xFFFFFFFF
    out = np.empty(spec["n"])
    terms = spec.get("terms", 4)
    for i in range(spec["n"]):
        total = 0
        for _ in range(terms):
            s = (s * 1664525 + 1013904223) & 0xFFFFFFFF
            total += s
        if "levels" in spec:
            out[i] = float((total // terms) * spec["levels"] // 4294967296)
        else:
            out[i] = (total / 4294967296 - terms / 2) * spec["scale"] + spec["shift"]
    return out


def sample(x):
    if isinstance(x, dict):
        return lcg_sample(x)
    return np.asarray(x, dtype=float)


def floats(a):
    return [float(v) for v in a]


def encode(value):
    """JSON has no infinities: write them as the strings "Infinity" / "-Infinity" (the tests map them back)."""
    if isinstance(value, float) and math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [encode(v) for v in value]
    return value


def write(name, cases):
    with open(os.path.join(HERE, name + ".json"), "w") as f:
        json.dump(encode({"generator": "generate.py", "scipy": scipy.__version__, "numpy": np.__version__, "cases": cases}), f, allow_nan=False)
        f.write("\n")
    print(name, len(cases), file=sys.stderr)


def ks_cases():
    cases = []
    def add(name, a, b):
        x, y = sample(a), sample(b)
        r = stats.ks_2samp(x, y)
        cases.append({"name": name, "a": a if isinstance(a, dict) else floats(x), "b": b if isinstance(b, dict) else floats(y),
                      "statistic": float(r.statistic), "pvalue": float(r.pvalue), "location": float(r.statistic_location),
                      "sign": int(r.statistic_sign)})
    for n1, n2, shift in [(5, 5, 0.0), (5, 5, 3.0), (10, 10, 0.5), (30, 30, 0.3), (7, 13, 0.0), (13, 7, 1.0),
                          (50, 80, 0.2), (100, 37, 0.5), (200, 300, 0.1), (1000, 999, 0.05), (3000, 2000, 0.08),
                          (1, 1, 0.0), (1, 3, 1.0), (2, 9, 0.0), (64, 96, 0.0), (500, 500, 0.25)]:
        add(f"normal {n1} vs {n2} shift {shift}", floats(rng.normal(0, 1, n1)), floats(rng.normal(shift, 1, n2)))
    add("disjoint 20 vs 30", floats(rng.uniform(0, 1, 20)), floats(rng.uniform(2, 3, 30)))
    add("disjoint 400 vs 300", floats(rng.uniform(0, 1, 400)), floats(rng.uniform(2, 3, 300)))
    same = floats(rng.normal(0, 1, 60))
    add("identical 60", same, same)
    add("ties poisson 40 vs 60", floats(rng.poisson(3, 40)), floats(rng.poisson(3.5, 60)))
    add("ties poisson 700 vs 900", floats(rng.poisson(4, 700)), floats(rng.poisson(4, 900)))
    add("ties constant vs spread", [2.0] * 25, floats(rng.integers(0, 5, 35)))
    add("infinities", [-math.inf, 0.0, 1.0, math.inf], [0.5, 2.0, math.inf])
    add("signed zeros", [-0.0, 0.0, 1.0], [0.0, -0.0, -1.0])
    add("exact 10000 vs 9000", {"seed": 1, "n": 10000, "scale": 1.0, "shift": 0.0},
        {"seed": 2, "n": 9000, "scale": 1.0, "shift": 0.02})
    add("exact 10000 vs 10000", {"seed": 3, "n": 10000, "scale": 1.0, "shift": 0.0},
        {"seed": 4, "n": 10000, "scale": 1.0, "shift": 0.01})
    add("asymp 12000 vs 15000 null", {"seed": 5, "n": 12000, "scale": 1.0, "shift": 0.0},
        {"seed": 6, "n": 15000, "scale": 1.0, "shift": 0.0})
    add("asymp 20000 vs 20000 shifted", {"seed": 7, "n": 20000, "scale": 1.0, "shift": 0.0},
        {"seed": 8, "n": 20000, "scale": 1.0, "shift": 0.05})
    add("asymp 50000 vs 30000 null", {"seed": 9, "n": 50000, "scale": 2.0, "shift": 1.0},
        {"seed": 10, "n": 30000, "scale": 2.0, "shift": 1.0})
    add("asymp 300000 vs 250000 null (Pelz-Good)", {"seed": 11, "n": 300000, "scale": 1.0, "shift": 0.0},
        {"seed": 12, "n": 250000, "scale": 1.0, "shift": 0.0})
    add("asymp 200000 vs 200000 shifted (smirnov)", {"seed": 13, "n": 200000, "scale": 1.0, "shift": 0.0},
        {"seed": 14, "n": 200000, "scale": 1.0, "shift": 0.004})
    add("asymp 40000 vs 30000 ties", {"seed": 15, "n": 40000, "levels": 40}, {"seed": 16, "n": 30000, "levels": 40})
    add("asymp 15000 vs 100 shifted", {"seed": 17, "n": 15000, "scale": 1.0, "shift": 0.0},
        {"seed": 18, "n": 100, "scale": 1.0, "shift": 0.3})
    return cases


def special_cases():
    out = {"kstwo": [], "smirnov": [], "kolmogorov": [], "gammaincc": [], "gammainc": [], "gammaln": [],
           "chi2sf": [], "erfc": [], "normsf": []}
    for n in [1, 2, 3, 5, 10, 25, 50, 100, 140, 141, 500, 1000, 5000, 20000, 100000, 100001, 250000, 500000]:
        for x in [0.0005, 0.001, 0.003, 0.01, 0.02, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3, 0.45, 0.5, 0.6, 0.8, 0.95]:
            out["kstwo"].append([n, x, float(stats.kstwo.sf(x, n))])
            out["smirnov"].append([n, x, float(special.smirnov(n, x))])
    for n in [5, 12, 80, 140]:
        for k in range(1, 40):
            x = k / (4.0 * n) + 1e-3
            if x < 1:
                out["kstwo"].append([n, x, float(stats.kstwo.sf(x, n))])
    for x in [0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.82, 0.83, 1.0, 1.2, 1.5, 2.0, 3.0, 5.0, 8.0]:
        out["kolmogorov"].append([x, float(special.kolmogorov(x))])
    for a in [0.5, 1.0, 1.5, 2.5, 7.0, 10.0, 24.5, 100.0, 1000.5, 50000.0]:
        for r in [0.001, 0.1, 0.5, 0.9, 1.0, 1.1, 1.5, 2.0, 5.0, 20.0]:
            x = a * r
            out["gammaincc"].append([a, x, float(special.gammaincc(a, x))])
            out["gammainc"].append([a, x, float(special.gammainc(a, x))])
    for x in [1e-8, 0.1, 0.5, 1.0, 1.5, 2.0, 3.7, 10.0, 33.3, 171.5, 1000.0, 1e5, 1e7]:
        out["gammaln"].append([x, float(special.gammaln(x))])
    for dof in [1, 2, 3, 5, 10, 30, 99, 1000]:
        for x in [0.0, 0.01, 0.5, 1.0, 3.84, 10.0, 50.0, 200.0, 1500.0]:
            out["chi2sf"].append([x, dof, float(stats.chi2.sf(x, dof))])
    for x in [-5.0, -1.0, -0.3, 0.0, 1e-10, 0.2, 0.49, 0.5, 0.51, 1.0, 1.22, 2.0, 3.5, 5.0, 10.0, 20.0, 26.5]:
        out["erfc"].append([x, float(special.erfc(x))])
    for z in [0.0, 0.5, 1.0, 1.96, 3.0, 5.0, 8.0, 12.0, 20.0, 37.0]:
        out["normsf"].append([z, float(stats.norm.sf(z))])
    return out


def wasserstein_cases():
    cases = []
    def add(name, u, v):
        x, y = sample(u), sample(v)
        ref_std = float(np.std(x))
        cases.append({"name": name, "u": u if isinstance(u, dict) else floats(x), "v": v if isinstance(v, dict) else floats(y),
                      "distance": float(stats.wasserstein_distance(x, y)),
                      "normed": float(stats.wasserstein_distance(x, y) / max(ref_std, 0.001))})
    add("3 vs 3", [0.0, 1.0, 3.0], [5.0, 6.0, 8.0])
    add("weights-free scipy doc", [0.0, 1.0, 3.0], [5.0, 6.0, 8.0, 8.0])
    for n1, n2 in [(10, 10), (17, 40), (300, 200), (1000, 1500)]:
        add(f"normal {n1} vs {n2}", floats(rng.normal(0, 1, n1)), floats(rng.normal(0.3, 1.5, n2)))
    add("ties integers", floats(rng.integers(0, 6, 80)), floats(rng.integers(1, 7, 50)))
    add("constant reference", [4.0] * 30, floats(rng.normal(4, 0.1, 20)))
    add("identical", [1.0, 2.0, 2.0, 5.0], [5.0, 2.0, 1.0, 2.0])
    add("large 100000 vs 80000", {"seed": 21, "n": 100000, "scale": 3.0, "shift": 10.0},
        {"seed": 22, "n": 80000, "scale": 3.5, "shift": 10.5})
    return cases


def evidently_psi(ref, cur, is_numeric=True):
    """Evidently get_binned_data(feel_zeroes=True) + psi, re-implemented with numpy (evidently is not installed)."""
    ref_percents, cur_percents = evidently_binned(ref, cur, is_numeric)
    fill(ref_percents)
    fill(cur_percents)
    value = 0.0
    for r, c in zip(ref_percents, cur_percents):
        value += (r - c) * np.log(r / c)
    return float(value)


def evidently_binned(ref, cur, is_numeric=True):
    if is_numeric and len(np.unique(ref)) > 20:
        bins = np.histogram_bin_edges(np.concatenate([ref, cur]), bins="sturges")
        return np.histogram(ref, bins)[0] / len(ref), np.histogram(cur, bins)[0] / len(cur)
    keys = sorted(set(ref.tolist()) | set(cur.tolist()))
    r = np.array([np.sum(ref == k) / len(ref) for k in keys])
    c = np.array([np.sum(cur == k) / len(cur) for k in keys])
    return r, c


def fill(p):
    m = min(p[p != 0])
    np.place(p, p == 0, m / 10**6 if m <= 0.0001 else 0.0001)


def psi_cases():
    cases = []
    def add(name, ref, cur):
        x, y = sample(ref), sample(cur)
        r, c = evidently_binned(x, y)
        cases.append({"name": name, "reference": ref if isinstance(ref, dict) else floats(x),
                      "current": cur if isinstance(cur, dict) else floats(y), "psi": evidently_psi(x, y),
                      "jensenshannon2": float(distance.jensenshannon(r, c, 2.0)),
                      "bins": len(r)})
    add("normal 500 vs 400 shifted", floats(rng.normal(0, 1, 500)), floats(rng.normal(0.4, 1, 400)))
    add("normal 2000 vs 2000 same", floats(rng.normal(5, 2, 2000)), floats(rng.normal(5, 2, 2000)))
    add("wider current", floats(rng.normal(0, 1, 300)), floats(rng.normal(0, 3, 300)))
    add("few values (per-value bins)", floats(rng.integers(0, 8, 300)), floats(rng.integers(2, 12, 250)))
    add("empty bins filled", floats(rng.uniform(0, 1, 1000)), floats(rng.uniform(0.5, 3, 50)))
    add("large 200000 vs 150000", {"seed": 31, "n": 200000, "scale": 1.0, "shift": 0.0},
        {"seed": 32, "n": 150000, "scale": 1.2, "shift": 0.1})
    return cases


def categorical_cases():
    chi = []
    for table in [[[10, 20, 30], [12, 18, 35]], [[5, 0, 3], [1, 4, 2]], [[3, 7], [8, 2]], [[100, 3], [90, 12]],
                  [[1000, 2000, 3000, 10], [3000, 2000, 1000, 40]], [[7], [9]], [[0.5, 2.5], [3.0, 1.0]],
                  [[1, 1, 1, 1, 1, 1], [2, 0, 3, 1, 0, 5]], [[40000, 100], [39000, 1200]],
                  [list(range(1, 41)), list(range(40, 0, -1))]]:
        r = stats.chi2_contingency(np.array(table, dtype=float))
        chi.append({"table": table, "statistic": float(r[0]), "pvalue": float(r[1]), "dof": int(r[2])})
    js = []
    for p, q in [([1, 0, 0], [0, 1, 0]), ([1, 2, 3], [1, 2, 3]), ([10, 20, 30, 0], [5, 25, 25, 5]),
                 ([0.1, 0.9], [0.5, 0.5]), ([1, 1, 1, 1000], [1000, 1, 1, 1]), ([3, 0, 4], [0, 0, 7])]:
        js.append({"p": p, "q": q, "base_e": float(distance.jensenshannon(p, q)),
                   "base_2": float(distance.jensenshannon(p, q, 2.0))})
    z = []
    for x1, n1, x2, n2 in [(30, 100, 45, 120), (5, 1000, 9, 1000), (500, 1000, 300, 1000), (1, 3, 2, 3),
                           (0, 50, 10, 50), (2000, 100000, 2600, 100000), (10, 20, 10, 20)]:
        p1, p2 = x1 / n1, x2 / n2
        pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
        zz = (p1 - p2) / np.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2))
        z.append({"referenceHits": x1, "referenceTotal": n1, "currentHits": x2, "currentTotal": n2,
                  "statistic": float(zz), "pvalue": float(2 * stats.norm.sf(abs(zz)))})
    psi = []
    for r, c in [([10, 20, 30], [12, 18, 35]), ([100, 0, 5], [90, 10, 0]), ([1, 1], [1, 1]), ([50000, 1], [1, 50000])]:
        ra, ca = np.array(r, dtype=float) / sum(r), np.array(c, dtype=float) / sum(c)
        fill(ra)
        fill(ca)
        psi.append({"reference": r, "current": c, "psi": float(np.sum((ra - ca) * np.log(ra / ca)))})
    return {"chi2_contingency": chi, "jensenshannon": js, "ztest": z, "psi": psi}


write("ks-2samp", ks_cases())
write("special", special_cases())
write("wasserstein", wasserstein_cases())
write("psi-numeric", psi_cases())
write("categorical", categorical_cases())
