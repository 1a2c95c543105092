#!/usr/bin/python3
"""Reference classification metrics for tests/core/test_signal_metrics.cpp, from scikit-learn.

Run with Debian's /usr/bin/python3 (scikit-learn 1.2.1, numpy 1.24):

    scripts/signal_metrics_reference.py [tests/data/signals/metrics_reference.json]

Writes a few deterministic cases (binary and 3-class; ties in the probabilities, a class that is
never predicted, imbalanced truth, predictions from a threshold rather than the argmax) with their
inputs and sklearn's accuracy_score, precision/recall/f1 (average='binary' for 2 classes, 'macro'
for 3, zero_division=0), roc_auc_score (binary; multi_class='ovr', average='macro' for 3) and
confusion_matrix. `labels=range(K)` is passed so every class counts in the macro mean and the
matrix is K x K, as signal_metrics.h defines them. The test never runs Python.
"""
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score, precision_score,
                             recall_score, roc_auc_score)

# Probabilities are multiples of 1/20 so that rows sum to 1 and ties are frequent.
STEPS = 20


def binary_proba(up_steps):
    return [[(STEPS - k) / STEPS, k / STEPS] for k in up_steps]


def three_proba(steps):
    return [[a / STEPS, b / STEPS, (STEPS - a - b) / STEPS] for a, b in steps]


def argmax_low(proba):
    # argmax, ties to the lower class (numpy's argmax also returns the first maximum)
    return [int(np.argmax(row)) for row in proba]


def case(name, classes, truth, predicted, proba):
    labels = list(range(classes))
    y = np.asarray(truth)
    p = np.asarray(predicted)
    s = np.asarray(proba, dtype=float)
    average = 'binary' if classes == 2 else 'macro'
    kw = dict(average=average, zero_division=0)
    if classes == 2:
        kw['pos_label'] = 1
    else:
        kw['labels'] = labels
    if classes == 2:
        auc = roc_auc_score(y, s[:, 1])
    else:
        auc = roc_auc_score(y, s, multi_class='ovr', average='macro', labels=labels)
    return {
        'name': name,
        'classes': classes,
        'truth': [int(v) for v in truth],
        'predicted': [int(v) for v in predicted],
        'proba': [float(v) for v in s.reshape(-1)],  # rows x classes, row-major
        'accuracy': float(accuracy_score(y, p)),
        'precision': float(precision_score(y, p, **kw)),
        'recall': float(recall_score(y, p, **kw)),
        'f1': float(f1_score(y, p, **kw)),
        'roc_auc': float(auc),
        'confusion': confusion_matrix(y, p, labels=labels).tolist(),
    }


def cases():
    out = []
    # Binary, many ties (including 0.5/0.5 rows that argmax sends to the lower class, down).
    truth = [1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1]
    up = [12, 10, 10, 14, 8, 10, 16, 12, 8, 12, 6, 10]
    proba = binary_proba(up)
    out.append(case('binary ties', 2, truth, argmax_low(proba), proba))

    # Binary, imbalanced (3 ups in 20), predictions from a 0.6 threshold on the up probability.
    truth = [0] * 20
    for i in (4, 11, 17):
        truth[i] = 1
    up = [6, 9, 4, 13, 15, 6, 9, 2, 13, 9, 6, 11, 4, 9, 7, 13, 6, 9, 3, 12]
    proba = binary_proba(up)
    out.append(case('binary imbalanced threshold', 2, truth,
                    [1 if k / STEPS > 0.6 else 0 for k in up], proba))

    # Binary, up never predicted: precision 0 by zero_division, recall 0, F1 0; AUC still exists.
    truth = [0, 1, 1, 0, 1, 0, 0, 1]
    up = [3, 9, 7, 9, 5, 1, 8, 9]
    proba = binary_proba(up)
    out.append(case('binary never up', 2, truth, argmax_low(proba), proba))

    # Binary, seeded random with ties (probabilities on the 1/20 grid), 200 rows.
    rng = np.random.default_rng(20261130)
    truth = rng.integers(0, 2, 200)
    up = np.clip(rng.integers(4, 13, 200) + 3 * truth - 1, 0, STEPS)
    proba = binary_proba(int(k) for k in up)
    out.append(case('binary random 200', 2, truth.tolist(), argmax_low(proba), proba))

    # 3 classes with ties across classes (argmax to the lower class).
    truth = [2, 0, 1, 2, 2, 0, 1, 0, 2, 1, 0, 2, 1, 2, 0]
    steps = [(5, 5), (8, 8), (6, 8), (4, 8), (10, 5), (10, 2), (5, 10), (7, 7), (2, 9),
             (4, 12), (12, 4), (5, 5), (8, 4), (3, 3), (6, 6)]
    proba = three_proba(steps)
    out.append(case('three ties', 3, truth, argmax_low(proba), proba))

    # 3 classes, the flat class (1) never predicted.
    truth = [0, 1, 2, 1, 0, 2, 2, 1, 0, 2]
    steps = [(12, 3), (9, 6), (2, 6), (6, 5), (4, 6), (3, 4), (11, 2), (5, 7), (9, 2), (6, 6)]
    proba = three_proba(steps)
    predicted = argmax_low(proba)
    assert 1 not in predicted
    out.append(case('three never flat', 3, truth, predicted, proba))

    # 3 classes, imbalanced (mostly up), seeded random, 60 rows.
    rng = np.random.default_rng(6)
    truth = rng.choice(3, 60, p=[0.15, 0.2, 0.65])
    steps = []
    for y in truth:
        a = int(rng.integers(0, 11))
        b = int(rng.integers(0, STEPS - a + 1))
        if y == 0:
            a = min(STEPS, a + 4)
            b = min(b, STEPS - a)
        steps.append((a, b))
    proba = three_proba(steps)
    out.append(case('three imbalanced 60', 3, truth.tolist(), argmax_low(proba), proba))
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    target = (sys.argv[1] if len(sys.argv) > 1 else
              os.path.join(here, '..', 'tests', 'data', 'signals', 'metrics_reference.json'))
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    doc = {
        'generator': 'scripts/signal_metrics_reference.py',
        'sklearn': sklearn.__version__,
        'numpy': np.__version__,
        'cases': cases(),
    }
    with open(target, 'w', encoding='utf-8') as f:
        json.dump(doc, f, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()
