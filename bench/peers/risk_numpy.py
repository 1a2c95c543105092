#!/usr/bin/python3
"""numpy peer of bench/bench_risk.cpp: the same measures on the same data, timed the same way.

Usage: risk_numpy.py DATA.bin MC.bin
DATA.bin: int64 n_series, int64 n_days, then n_series * n_days float64 (series-major).
MC.bin:   int64 k, int64 scenarios, then mu (k), cov (k*k), weights (k) float64.
Prints "name seconds checksum" lines; only the computation is timed (best of 3).
"""
import sys
import time

import numpy as np

P = 252.0


def read(path):
    raw = np.fromfile(path, dtype=np.float64)
    return raw


def measures(R, bench):
    # R: (n_series, n_days). PerformanceAnalytics conventions, as the C++ engine.
    n = R.shape[1]
    mean = R.mean(axis=1)
    d = R - mean[:, None]
    d2 = d * d
    m2 = d2.mean(axis=1)
    m3 = (d2 * d).mean(axis=1)
    m4 = (d2 * d2).mean(axis=1)
    sd = np.sqrt(m2 * n / (n - 1))
    vol = sd * np.sqrt(P)
    wealth = np.cumprod(1.0 + R, axis=1)
    peak = np.maximum.accumulate(np.maximum(wealth, 1.0), axis=1)
    mdd_g = -(wealth / peak - 1.0).min(axis=1)
    wa = 1.0 + np.cumsum(R, axis=1)
    pa = np.maximum.accumulate(np.maximum(wa, 1.0), axis=1)
    mdd_a = -(wa / pa - 1.0).min(axis=1)
    ret_g = wealth[:, -1] ** (P / n) - 1.0
    ret_a = mean * P
    sharpe_g = ret_g / vol
    sharpe_a = ret_a / vol
    sharpe_d = mean / sd
    dd = np.sqrt((np.minimum(R, 0.0) ** 2).mean(axis=1))
    sortino = mean / dd
    skew = m3 / m2 ** 1.5
    skew_s = n * n / ((n - 1) * (n - 2)) * skew
    kurt = m4 / m2 ** 2 - 3.0
    s2 = m2 * n / (n - 1)
    kurt_s = n * (n + 1) / ((n - 1) * (n - 2) * (n - 3)) * (m4 * n / s2 ** 2) \
        - 3 * (n - 1) ** 2 / ((n - 2) * (n - 3))
    sigma = np.sqrt(m2)
    out = {}
    from math import erf, exp, pi, sqrt  # noqa: F401
    from statistics import NormalDist
    for p in (0.95, 0.99):
        a = 1.0 - p
        q = np.quantile(R, a, axis=1)  # type 7
        below = R < q[:, None]
        es_h = (R * below).sum(axis=1) / below.sum(axis=1)
        z = NormalDist().inv_cdf(a)
        phi = exp(-0.5 * z * z) / sqrt(2 * pi)
        var_g = mean + z * sigma
        es_g = mean - phi * sigma / a
        h = z + (z * z - 1) * skew / 6 + (z ** 3 - 3 * z) * kurt / 24 - (2 * z ** 3 - 5 * z) * skew ** 2 / 36
        var_m = mean + h * sigma
        tail = np.exp(-0.5 * h * h) / sqrt(2 * pi) * (1 + h ** 3 * skew / 6 + (h ** 6 - 9 * h ** 4 + 9 * h ** 2 + 3) * skew ** 2 / 72 + (h ** 4 - 2 * h ** 2 - 1) * kurt / 24)
        es_m = mean + sigma * np.minimum(-tail / a, h)
        out[p] = (q, es_h, var_g, es_g, var_m, es_m)
    # EWMA (lambda 0.94, initialised with the mean square of the first 30 returns)
    v = (R[:, :30] ** 2).mean(axis=1)
    for t in range(n):
        v = 0.94 * v + 0.06 * R[:, t] ** 2
    ewma = np.sqrt(v * P)
    # beta/alpha against the benchmark (OLS)
    bd = bench - bench.mean()
    beta = (d @ bd) / (bd @ bd)
    alpha = mean - beta * bench.mean()
    return out, (vol, mdd_g, mdd_a, sharpe_g, sharpe_a, sharpe_d, sortino, skew_s, kurt_s,
                 ewma, beta, alpha)


def best_of(fn, repeat=3):
    best = float("inf")
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main():
    raw = read(sys.argv[1])
    ns, nd = int(raw[:2].view(np.int64)[0]), int(raw[:2].view(np.int64)[1])
    R = raw[2:].reshape(ns, nd)
    bench = R.mean(axis=0)
    t, (tails, rest) = best_of(lambda: measures(R, bench))
    print("measures %.6f %.12g" % (t, tails[0.99][0].sum()))
    t, C = best_of(lambda: np.corrcoef(R))
    print("correlation %.6f %.12g" % (t, C.sum()))

    mc = read(sys.argv[2])
    k, scen = int(mc[:2].view(np.int64)[0]), int(mc[:2].view(np.int64)[1])
    mu = mc[2:2 + k]
    cov = mc[2 + k:2 + k + k * k].reshape(k, k)
    w = mc[2 + k + k * k:2 + 2 * k + k * k]
    block = 100000

    def full():
        rng = np.random.default_rng(42)
        L = np.linalg.cholesky(cov)
        pnl = np.empty(scen)
        for s in range(0, scen, block):
            m = min(block, scen - s)
            x = rng.standard_normal((m, k)) @ L.T + mu  # asset scenarios, one block at a time
            pnl[s:s + m] = x @ w
        var = np.quantile(pnl, 0.01)
        return var, pnl[pnl < var].mean()

    def projected():
        rng = np.random.default_rng(42)
        L = np.linalg.cholesky(cov)
        b = L.T @ w
        mp = mu @ w
        pnl = np.empty(scen)
        for s in range(0, scen, block):
            m = min(block, scen - s)
            pnl[s:s + m] = rng.standard_normal((m, k)) @ b + mp
        var = np.quantile(pnl, 0.01)
        return var, pnl[pnl < var].mean()

    t, (var, es) = best_of(full)
    print("mc_full %.6f %.12g %.12g" % (t, var, es))
    t, (var, es) = best_of(projected)
    print("mc_projected %.6f %.12g %.12g" % (t, var, es))


if __name__ == "__main__":
    main()
