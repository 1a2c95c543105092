#!/usr/bin/python3
"""scikit-learn peer of bench/bench_signals.cpp: the same walk-forward folds with
HistGradientBoostingClassifier on the feature file bench_signals writes.

  bench_signals_peer.py FILE [--threads T]

FILE (little-endian): int64 tickers, rows, cols, folds; folds x int64 (train_begin, train_end,
test_begin, test_end); then per ticker rows x cols float64 features (row-major) and rows int32
labels (1 = next day up). Per ticker and fold: fit on the training rows, predict the test rows.
Prints "time WALL_SECONDS CPU_SECONDS" (fits and predictions only, reading not included) and
"accuracy MEAN" (the mean over tickers and folds of the test accuracy).
"""
import argparse
import os
import time


def main():
    p = argparse.ArgumentParser()
    p.add_argument("file")
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args()
    os.environ["OMP_NUM_THREADS"] = str(args.threads)  # before sklearn loads OpenMP

    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_limits

    raw = open(args.file, "rb").read()
    tickers, rows, cols, nfolds = np.frombuffer(raw, dtype="<i8", count=4)
    offset = 32
    folds = np.frombuffer(raw, dtype="<i8", count=4 * nfolds, offset=offset).reshape(nfolds, 4)
    offset += 32 * int(nfolds)
    data = []
    for _ in range(tickers):
        x = np.frombuffer(raw, dtype="<f8", count=rows * cols, offset=offset).reshape(rows, cols)
        offset += 8 * int(rows * cols)
        y = np.frombuffer(raw, dtype="<i4", count=rows, offset=offset)
        offset += 4 * int(rows)
        data.append((x, y))

    accuracies = []
    with threadpool_limits(limits=args.threads):
        w0, c0 = time.perf_counter(), time.process_time()
        for x, y in data:
            for train_begin, train_end, test_begin, test_end in folds:
                model = HistGradientBoostingClassifier(
                    max_iter=100, max_depth=3, learning_rate=0.1, max_bins=255,
                    max_leaf_nodes=None, early_stopping=False, random_state=0)
                model.fit(x[train_begin:train_end], y[train_begin:train_end])
                predicted = model.predict(x[test_begin:test_end])
                accuracies.append(float(np.mean(predicted == y[test_begin:test_end])))
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    print(f"time {wall:.4f} {cpu:.4f}", flush=True)
    print(f"accuracy {np.mean(accuracies):.6f}", flush=True)


if __name__ == "__main__":
    main()
