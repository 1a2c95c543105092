#!/usr/bin/python3
"""Independent reference for the tail-risk calibration maths (core/risk/tail_labels.h).

Draws fixed predictions and outcomes (with deliberate ties), computes the Brier score, the
10 equal-width reliability bins, ROC AUC (trapezoid over the ROC curve, which counts ties one
half) and the top-decile lift with numpy only, and writes tail_calibration_reference.csv:
    p,y                      one row per case
and tail_calibration_expected.csv:
    metric,value             brier, brier_base, skill, auc, lift, base_rate, test_rate,
                             bin<k>_count, bin<k>_mean, bin<k>_rate
Run from anywhere (Debian numpy): /usr/bin/python3 tests/data/risk/make_tail_reference.py
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261129)
n = 503
# Predictions rounded to 2 decimals (many ties), outcomes drawn from a miscalibrated truth.
p = np.round(rng.beta(1.5, 5.0, n), 2)
y = (rng.random(n) < np.clip(p * 1.3, 0, 1)).astype(int)
base_rate = 0.21

brier = np.mean((p - y) ** 2)
brier_base = np.mean((base_rate - y) ** 2)
skill = 1 - brier / brier_base

# ROC AUC as the area under the ROC curve: thresholds at every distinct prediction, trapezoids
# (a tied group moves diagonally, which is the one-half rule).
thresholds = np.unique(p)[::-1]
tpr = [0.0]
fpr = [0.0]
P = y.sum()
N = n - P
for t in thresholds:
    tpr.append(np.sum((p >= t) & (y == 1)) / P)
    fpr.append(np.sum((p >= t) & (y == 0)) / N)
auc = np.trapz(tpr, fpr)

# Top decile: k = ceil(n / 10) places; a tied group at the boundary fills the places left at its
# own positive rate.
k = int(np.ceil(n / 10))
thr = np.sort(p)[::-1][k - 1]
above = p > thr
tied = p == thr
expected = y[above].sum() + (k - above.sum()) * y[tied].mean()
lift = (expected / k) / y.mean()

edges = np.linspace(0, 1, 11)
idx = np.clip(np.floor(p * 10).astype(int), 0, 9)
rows = [("brier", brier), ("brier_base", brier_base), ("skill", skill), ("auc", auc),
        ("lift", lift), ("base_rate", base_rate), ("test_rate", y.mean())]
for b in range(10):
    m = idx == b
    rows.append((f"bin{b}_count", m.sum()))
    rows.append((f"bin{b}_mean", p[m].mean() if m.any() else 0.0))
    rows.append((f"bin{b}_rate", y[m].mean() if m.any() else 0.0))

with open(os.path.join(HERE, "tail_calibration_reference.csv"), "w") as f:
    f.write("p,y\n")
    for pi, yi in zip(p, y):
        f.write(f"{pi:.2f},{yi}\n")
with open(os.path.join(HERE, "tail_calibration_expected.csv"), "w") as f:
    f.write("metric,value\n")
    for name, v in rows:
        f.write(f"{name},{float(v):.15g}\n")
