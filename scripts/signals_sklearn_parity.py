#!/usr/bin/python3
"""scikit-learn side of tests/models/test_signal_sklearn_parity.cpp.

Usage: signals_sklearn_parity.py IN.csv OUT.json

IN.csv (written by the test): columns split (train|test), y (0..K-1), x0..x{d-1} (features,
already standardised), and for the test rows our models' probabilities (ours_<kind>_p<class>; empty
on training rows). The file holds one problem; K is max(y) + 1.

The script fits, on the training rows only, and scores on the test rows:
- LogisticRegression(C=1), multinomial loss for K = 3 (sklearn 1.2's default): solved to the
  optimum by newton-cg (tol=1e-12), and with the default lbfgs solver as the everyday reference;
- RandomForestClassifier with settings comparable to our XGBoost random forest (200 trees,
  max_depth 8, 80% of the rows per tree, 80% of the columns per split, random_state=0);
and computes sklearn's metrics (accuracy_score, precision/recall/f1_score with average='binary'
for 2 classes or 'macro' for 3, zero_division=0, roc_auc_score of P(up) or multi_class='ovr'
macro) for the sklearn models and for our probabilities (argmax predictions), so the test
checks our metric definitions as well as the models. Writes everything to OUT.json.
"""
import json
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score, roc_auc_score


def metrics(y, proba, k):
    pred = np.argmax(proba, axis=1)
    avg = "binary" if k == 2 else "macro"
    auc = (roc_auc_score(y, proba[:, 1]) if k == 2
           else roc_auc_score(y, proba, multi_class="ovr", average="macro"))
    return {
        "accuracy": float(accuracy_score(y, pred)),
        "precision": float(precision_score(y, pred, average=avg, zero_division=0)),
        "recall": float(recall_score(y, pred, average=avg, zero_division=0)),
        "f1": float(f1_score(y, pred, average=avg, zero_division=0)),
        "rocAuc": float(auc),
        "predicted": [int(v) for v in pred],
    }


def main():
    data = pd.read_csv(sys.argv[1])
    features = [c for c in data.columns if c.startswith("x")]
    train = data[data["split"] == "train"]
    test = data[data["split"] == "test"]
    x_train, y_train = train[features].to_numpy(float), train["y"].to_numpy(int)
    x_test, y_test = test[features].to_numpy(float), test["y"].to_numpy(int)
    k = int(data["y"].max()) + 1
    out = {"sklearn": sklearn.__version__, "classes": k, "train_rows": len(train),
           "test_rows": len(test)}

    # The reference optimum: newton-cg stops on the gradient (max |g| <= tol). sklearn's default
    # lbfgs also stops when the objective changes by less than 64 machine epsilons (its ftol),
    # which leaves its multinomial coefficients ~1e-5 short of the optimum even with a tiny
    # tol, so it is reported next to the reference rather than used as it.
    logit = LogisticRegression(C=1.0, solver="newton-cg", tol=1e-12, max_iter=1000)
    logit.fit(x_train, y_train)
    p = logit.predict_proba(x_test)
    lbfgs = LogisticRegression(C=1.0).fit(x_train, y_train)
    out["logit"] = {"coef": logit.coef_.tolist(), "intercept": logit.intercept_.tolist(),
                    "proba_up": p[:, k - 1].tolist(), "metrics": metrics(y_test, p, k),
                    "lbfgs_coef": lbfgs.coef_.tolist(), "lbfgs_intercept": lbfgs.intercept_.tolist(),
                    "lbfgs_vs_newton_max_coef_diff": float(np.max(np.abs(lbfgs.coef_ - logit.coef_)))}

    rf = RandomForestClassifier(n_estimators=200, max_depth=8, max_samples=0.8, max_features=0.8,
                                random_state=0, n_jobs=1).fit(x_train, y_train)
    out["rf"] = {"metrics": metrics(y_test, rf.predict_proba(x_test), k)}

    # Our probabilities (columns ours_<kind>_p<class>) scored by sklearn.
    kinds = sorted({c.rsplit("_p", 1)[0] for c in data.columns if c.startswith("ours_")})
    for kind in kinds:
        proba = test[[f"{kind}_p{c}" for c in range(k)]].to_numpy(float)
        out[kind] = {"metrics": metrics(y_test, proba, k)}

    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
