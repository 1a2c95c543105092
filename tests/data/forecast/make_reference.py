#!/usr/bin/python3
"""Independent reference values for the forecasting tests (tests/core/test_forecast_*.cpp).

Written from the conventions in docs/forecasting.md with plain numpy (numpy.linalg.lstsq for the
autoregression), not translated from the C++ code. Run with Debian's python3 (numpy 1.24):

    /usr/bin/python3 tests/data/forecast/make_reference.py

It reads ../msft_ohlcv.csv and ../dowjones30_prices.csv and rewrites the JSON files next to it.
The tests only read the JSON files; they never run Python.
"""
import csv
import datetime
import hashlib
import json
import math
import os
import struct

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
Z80 = 1.2815515655446004  # standard normal quantile 0.90
Z95 = 1.9599639845400540  # standard normal quantile 0.975


def read_csv(name):
    with open(os.path.join(DATA, name), newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], [r for r in rows[1:] if r]
    cols = {h: [r[i] for r in body] for i, h in enumerate(header)}
    return header, cols


def features(dates, prices, volume, names):
    """Feature matrix of docs/forecasting.md: rows dropped until vol20 is defined."""
    p = np.asarray(prices, dtype=float)
    lr = np.concatenate([[0.0], np.diff(np.log(p))])
    first = 20 if "vol20" in names else 0
    cols = {}
    rows = range(first, len(p))
    for name in names:
        if name == "logret":
            cols[name] = [lr[u] for u in rows]
        elif name == "vol20":
            cols[name] = [float(np.std(lr[u - 19:u + 1], ddof=1)) for u in rows]
        elif name == "volume":
            cols[name] = [math.log1p(volume[u]) if volume[u] > 0 else 0.0 for u in rows]
        elif name == "dow":
            cols[name] = [min(1.0, dates[u].weekday() / 4.0) for u in rows]
    matrix = np.column_stack([np.asarray(cols[n], dtype=float) for n in names])
    return [dates[u] for u in rows], p[first:], matrix


def prepare(prices, matrix, window, horizon, train=0.70, validation=0.15):
    n = matrix.shape[0]
    u = n - window - horizon + 1
    n_train, n_val = math.floor(u * train), math.floor(u * validation)
    vs = window - 1 + n_train
    ts = vs + n_val
    parts = {"train": range(window - 1, vs - horizon), "validation": range(vs, ts - horizon),
             "test": range(ts, n - horizon)}
    f_mean = matrix[:vs].mean(axis=0)
    f_std = matrix[:vs].std(axis=0, ddof=1)  # sample std
    f_std[f_std == 0] = 1.0
    logp = np.log(prices)

    def targets(ends):
        return np.array([[logp[t + h] - logp[t] for h in range(1, horizon + 1)] for t in ends])

    y_train = targets(parts["train"])
    t_mean, t_std = y_train.mean(axis=0), y_train.std(axis=0, ddof=1)

    def x_of(t):
        return ((matrix[t - window + 1:t + 1] - f_mean) / f_std).ravel()

    out = {"window": window, "horizon": horizon, "validationStartRow": vs, "testStartRow": ts,
           "counts": {k: len(v) for k, v in parts.items()},
           "featureMean": f_mean.tolist(), "featureStd": f_std.tolist(),
           "targetMean": t_mean.tolist(), "targetStd": t_std.tolist()}
    for part, ends in parts.items():
        first, last = ends[0], ends[-1]
        out[part] = {"firstEnd": first, "lastEnd": last,
                     "firstX": x_of(first).tolist(),
                     "firstY": ((targets([first])[0] - t_mean) / t_std).tolist(),
                     "lastY": ((targets([last])[0] - t_mean) / t_std).tolist()}
    return out


def data_hash(ticker, dates, prices):
    h = hashlib.sha256(ticker.encode() + b"\0")
    epoch = datetime.date(1970, 1, 1)
    for d, p in zip(dates, prices):
        h.update(struct.pack("<i", (d - epoch).days) + struct.pack("<d", p))
    return h.hexdigest()


def fit_baseline(kind, train, season=5, ma_window=20, order=5):
    r = np.diff(np.log(train))
    fit = {"kind": kind, "sigma": float(np.std(r, ddof=1)), "drift": 0.0, "arCoef": []}
    if kind == "drift":
        fit["drift"] = float(np.mean(r))
    if kind == "linear_ar":
        design = np.column_stack([np.ones(len(r) - order)]
                                 + [r[order - k:len(r) - k] for k in range(1, order + 1)])
        target = r[order:]
        coef, ssr, _, _ = np.linalg.lstsq(design, target, rcond=None)
        resid = target - design @ coef
        fit["arCoef"] = coef.tolist()
        fit["sigma"] = float(math.sqrt(resid @ resid / (len(target) - order - 1)))
    fit.update(season=season, maWindow=ma_window)
    return fit


def forecast(fit, history, horizon):
    origin = history[-1]
    if fit["kind"] == "naive":
        point = [origin] * horizon
    elif fit["kind"] == "drift":
        point = [origin * math.exp(h * fit["drift"]) for h in range(1, horizon + 1)]
    elif fit["kind"] == "seasonal_naive":
        m = fit["season"]
        t = len(history) - 1
        point = [history[t + h - m * math.ceil(h / m)] for h in range(1, horizon + 1)]
    elif fit["kind"] == "moving_average":
        point = [float(np.mean(history[-fit["maWindow"]:]))] * horizon
    else:
        coef = fit["arCoef"]
        p = len(coef) - 1
        r = list(np.diff(np.log(history[-(p + 1):])))
        path = []
        for _ in range(horizon):
            r.append(coef[0] + sum(coef[k] * r[-k] for k in range(1, p + 1)))
            path.append(sum(r[p:]))
        point = [origin * math.exp(c) for c in path]
    s = [fit["sigma"] * math.sqrt(h) for h in range(1, horizon + 1)]
    return {"point": point,
            "lo80": [f * math.exp(-Z80 * x) for f, x in zip(point, s)],
            "hi80": [f * math.exp(Z80 * x) for f, x in zip(point, s)],
            "lo95": [f * math.exp(-Z95 * x) for f, x in zip(point, s)],
            "hi95": [f * math.exp(Z95 * x) for f, x in zip(point, s)]}


def metrics(rows, scale):
    """rows: (origin, actual, point, lo80, hi80, lo95, hi95)."""
    a = np.array(rows, dtype=float)
    o, y, f = a[:, 0], a[:, 1], a[:, 2]
    e = f - y
    moved = y != o
    return {"count": len(a), "mae": float(np.mean(np.abs(e))),
            "rmse": float(np.sqrt(np.mean(e ** 2))),
            "mape": float(100 * np.mean(np.abs(e / y))),
            "smape": float(200 * np.mean(np.abs(e) / (np.abs(y) + np.abs(f)))),
            "mase": float(np.mean(np.abs(e)) / scale),
            "directional": float(np.mean(np.sign(f[moved] - o[moved]) == np.sign(y[moved] - o[moved]))),
            "coverage80": float(np.mean((a[:, 3] <= y) & (y <= a[:, 4]))),
            "coverage95": float(np.mean((a[:, 5] <= y) & (y <= a[:, 6])))}


def write(name, obj):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")


def main():
    _, msft = read_csv("msft_ohlcv.csv")
    dates = [datetime.date.fromisoformat(d) for d in msft["Date"]]
    close = [float(x) for x in msft["Close"]]
    volume = [float(x) for x in msft["Volume"]]

    names = ["logret", "vol20", "volume", "dow"]
    fdates, fprices, matrix = features(dates, close, volume, names)
    prepared = prepare(fprices, matrix, window=10, horizon=3)
    vs = prepared["validationStartRow"]
    write("features_msft.json", {
        "source": "msft_ohlcv.csv (Close, Volume), ticker MSFT",
        "names": names, "dates": [d.isoformat() for d in fdates], "prices": fprices.tolist(),
        "values": matrix.tolist(), "prepared_w10_h3": prepared,
        "dataHashTrain": data_hash("MSFT", fdates[:vs], fprices[:vs]),
        "dataHashAll": data_hash("MSFT", fdates, fprices)})

    # Baselines fitted on the first 150 closes, forecasts from every 10th origin after.
    horizon, n_train = 5, 150
    train = np.asarray(close[:n_train])
    scale = float(np.mean(np.abs(np.diff(train))))
    out = {"source": "msft_ohlcv.csv Close", "trainCount": n_train, "horizon": horizon,
           "origins": list(range(n_train, 241, 10)), "maseScale": scale, "baselines": {}}
    for kind in ["naive", "drift", "seasonal_naive", "moving_average", "linear_ar"]:
        fit = fit_baseline(kind, train)
        paths, rows = [], []
        for t in out["origins"]:
            path = forecast(fit, np.asarray(close[:t + 1]), horizon)
            paths.append(path)
            for h in range(horizon):
                rows.append((close[t], close[t + 1 + h], path["point"][h], path["lo80"][h],
                             path["hi80"][h], path["lo95"][h], path["hi95"][h]))
        out["baselines"][kind] = {"sigma": fit["sigma"], "drift": fit["drift"],
                                  "arCoef": fit["arCoef"], "forecasts": paths,
                                  "metrics": metrics(rows, scale)}
    write("baselines_msft.json", out)

    # A longer real series for the autoregression: DowJones30 MSFT, first 2000 prices, AR(5).
    _, dj = read_csv("dowjones30_prices.csv")
    prices = np.asarray([float(x) for x in dj["MSFT"]])
    fit = fit_baseline("linear_ar", prices[:2000])
    write("ar_dowjones30_msft.json", {
        "source": "dowjones30_prices.csv column MSFT, prices 1..2000, AR(5) with intercept",
        "arCoef": fit["arCoef"], "sigma": fit["sigma"],
        "forecast": forecast(fit, prices[:2000], 10)["point"]})


if __name__ == "__main__":
    main()
