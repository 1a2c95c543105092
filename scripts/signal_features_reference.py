#!/usr/bin/python3
"""Independent reference values for tests/core/test_signal_features.cpp.

Run with Debian's /usr/bin/python3 (pandas 1.5, numpy 1.24) from the repository root:
    /usr/bin/python3 scripts/signal_features_reference.py
It follows the definitions of core/signals/signal_features.h without looking at the C++ code
(pandas rolling/ewm, Wilder's RSI written out from its textbook definition) and writes
tests/data/signals/: the tests read these files and never run Python.

- sentiment_index.csv   a made-up daily sentiment index (date, decayed), with gaps
- features_reference.csv  every feature of tests/data/msft_ohlcv.csv (Close, Volume) with the
                        market = NYSE composite (tests/data/nyse_composite.csv, dates from
                        2000-01-01) and the index above; labels (h=1 2 classes; h=5 3 classes,
                        threshold 0.01) and the next simple return
- market_reference.csv  the equal-weighted mean log return of tests/data/dowjones30_prices.csv
                        without MSFT, first 300 return dates
"""

import math
import os

import numpy as np
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "tests", "data")
OUT = os.path.join(DATA, "signals")
FMT = "%.17g"


def wilder_rsi(p, n=14):
    """RSI as Wilder defines it: price changes split into gains and losses; the first averages
    are simple means of the first n changes, then smoothed: avg = (prev * (n-1) + x) / n."""
    out = [math.nan] * len(p)
    ch = [p[i] - p[i - 1] for i in range(1, len(p))]
    if len(ch) < n:
        return out
    gains = [max(c, 0.0) for c in ch]
    losses = [max(-c, 0.0) for c in ch]
    ag = sum(gains[:n]) / n
    al = sum(losses[:n]) / n

    def rsi(g, l):
        if l == 0.0:
            return 100.0
        rs = g / l
        return 100.0 - 100.0 / (1.0 + rs)

    out[n] = rsi(ag, al)
    for i in range(n, len(ch)):
        ag = (ag * (n - 1) + gains[i]) / n
        al = (al * (n - 1) + losses[i]) / n
        out[i + 1] = rsi(ag, al)
    return out


def make_sentiment_index():
    start = pd.Timestamp("2000-09-25")
    rows = []
    for k in range(380):
        if k % 3 == 1:  # gaps: the feature carries the latest earlier day forward
            continue
        value = 0.8 * math.sin(0.05 * k) + 0.1 * math.cos(0.31 * k)
        rows.append((start + pd.Timedelta(days=k), round(value, 6)))
    return pd.DataFrame(rows, columns=["date", "decayed"])


def main():
    os.makedirs(OUT, exist_ok=True)
    msft = pd.read_csv(os.path.join(DATA, "msft_ohlcv.csv"), parse_dates=["Date"])
    p = msft["Close"].astype(float)
    v = msft["Volume"].astype(float).fillna(0.0)
    dates = msft["Date"]
    r = np.log(p / p.shift(1))

    f = pd.DataFrame({"date": dates})
    for k in (1, 2, 5, 10, 20):
        f["ret%d" % k] = np.log(p / p.shift(k))
    f["vol20"] = r.rolling(20).std(ddof=1)
    f["rsi14"] = wilder_rsi(list(p))
    line = p.ewm(span=12, adjust=False).mean() - p.ewm(span=26, adjust=False).mean()
    f["macd"] = line / p
    f["macd_hist"] = (line - line.ewm(span=9, adjust=False).mean()) / p
    m = p.rolling(20).mean()
    s = p.rolling(20).std(ddof=0)
    f["bb_pctb"] = np.where(s == 0, 0.5, (p - (m - 2 * s)) / (4 * s))
    f.loc[s.isna(), "bb_pctb"] = np.nan
    vm = v.rolling(20).mean()
    vs = v.rolling(20).std(ddof=1)
    f["volume_z"] = np.where(vs == 0, 0.0, (v - vm) / vs)
    f.loc[vs.isna(), "volume_z"] = np.nan
    f["ma20_dist"] = p / p.rolling(20).mean() - 1
    f["ma50_dist"] = p / p.rolling(50).mean() - 1

    # Market: NYSE composite log returns; the latest market day <= t (asof).
    nyse = pd.read_csv(os.path.join(DATA, "nyse_composite.csv"), parse_dates=["Date"])
    nyse = nyse[nyse["Date"] >= "2000-01-01"].reset_index(drop=True)
    mret = np.log(nyse["NYSE"] / nyse["NYSE"].shift(1))
    mk = pd.DataFrame({"date": nyse["Date"], "mkt_ret1": mret,
                       "mkt_ret5": mret.rolling(5, min_periods=1).sum()}).iloc[1:]
    f = pd.merge_asof(f, mk, on="date", direction="backward")
    f[["mkt_ret1", "mkt_ret5"]] = f[["mkt_ret1", "mkt_ret5"]].fillna(0.0)

    # Sentiment: the index of the latest day <= t - 1 day, 0 before its first day.
    idx = make_sentiment_index()
    idx.to_csv(os.path.join(OUT, "sentiment_index.csv"), index=False,
               date_format="%Y-%m-%d", float_format=FMT)
    before = pd.DataFrame({"date": dates - pd.Timedelta(days=1)})
    sent = pd.merge_asof(before, idx, on="date", direction="backward")["decayed"].fillna(0.0)
    f["sentiment"] = sent.values

    # Labels and next returns, on the full series.
    r1 = np.log(p.shift(-1) / p)
    r5 = np.log(p.shift(-5) / p)
    f["label2_h1"] = np.where(r1.isna(), -1, np.where(r1 > 0, 1, 0))
    f["label3_h5"] = np.where(r5.isna(), -1,
                              np.where(r5 > 0.01, 2, np.where(r5 < -0.01, 0, 1)))
    f["next_return"] = p.shift(-1) / p - 1
    f["price"] = p

    warm = 49  # ma50_dist needs 50 prices
    out = f.iloc[warm:].copy()
    assert not out.drop(columns=["next_return"]).isna().any().any()
    out.to_csv(os.path.join(OUT, "features_reference.csv"), index=False,
               date_format="%Y-%m-%d", float_format=FMT, na_rep="nan")

    dj = pd.read_csv(os.path.join(DATA, "dowjones30_prices.csv"), parse_dates=["Date"])
    dj = dj.set_index("Date").drop(columns=["MSFT"])
    ew = np.log(dj / dj.shift(1)).mean(axis=1, skipna=True).iloc[1:301]
    pd.DataFrame({"date": ew.index, "log_return": ew.values}).to_csv(
        os.path.join(OUT, "market_reference.csv"), index=False, date_format="%Y-%m-%d",
        float_format=FMT)
    print("rows", len(out), "first", out["date"].iloc[0].date(), "last", out["date"].iloc[-1].date())


if __name__ == "__main__":
    main()
