#!/usr/bin/python3
"""PyTorch peer of bench/bench_train.cpp: the same networks, data shapes and training step
(shuffled mini-batch gather, forward, pinball loss over 5 quantiles x 5 horizons, backward,
gradient clipping, AdamW with a per-step learning rate, loss.item()), written as idiomatic
eager PyTorch (nn.LSTM, nn.TransformerEncoder).

Usage: train_pytorch.py --threads N --warm W --steps S [--models lstm,transformer]
Prints one "name steps_per_second steps_per_cpu_second final_loss" line per model: the S steps
after W warm-up steps, timed by wall clock and by process CPU time.
"""
import argparse
import math
import time

import torch
from torch import nn

WINDOW, FEATURES, HORIZON, BATCH, HIDDEN = 60, 5, 5, 64, 64
QUANTILES = [0.025, 0.10, 0.50, 0.90, 0.975]
DROPOUT = 0.1


class Lstm(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(FEATURES, HIDDEN, 1, batch_first=True)
        self.drop = nn.Dropout(DROPOUT)
        self.head = nn.Linear(HIDDEN, HORIZON * len(QUANTILES))

    def forward(self, x):
        out, _ = self.lstm(x)
        y = self.head(self.drop(out[:, -1]))
        return y.reshape(x.size(0), HORIZON, len(QUANTILES))


def sinusoidal(window, dim):
    pe = torch.zeros(window, dim)
    pos = torch.arange(window, dtype=torch.float64).unsqueeze(1)
    freq = torch.exp(-math.log(10000.0) * torch.arange(0, dim, 2, dtype=torch.float64) / dim)
    pe[:, 0::2] = torch.sin(pos * freq).float()
    pe[:, 1::2] = torch.cos(pos * freq).float()
    return pe


class Transformer(nn.Module):
    def __init__(self, layers=2, heads=4):
        super().__init__()
        self.inp = nn.Linear(FEATURES, HIDDEN)
        self.register_buffer("pos", sinusoidal(WINDOW, HIDDEN))
        self.drop = nn.Dropout(DROPOUT)
        layer = nn.TransformerEncoderLayer(HIDDEN, heads, 4 * HIDDEN, DROPOUT, activation="gelu",
                                           batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, layers, norm=nn.LayerNorm(HIDDEN),
                                             enable_nested_tensor=False)
        self.head = nn.Linear(HIDDEN, HORIZON * len(QUANTILES))

    def forward(self, x):
        h = self.drop(self.inp(x) + self.pos[: x.size(1)])
        h = self.encoder(h)[:, -1]
        y = self.head(self.drop(h))
        return y.reshape(x.size(0), HORIZON, len(QUANTILES))


def pinball(pred, y, q):
    diff = y.unsqueeze(-1) - pred
    return torch.maximum(q * diff, (q - 1.0) * diff).mean()


def rate(base, step, warmup, total):
    if step < warmup:
        return base * (step + 1) / warmup
    low = base / 20.0
    t = min(1.0, (step - warmup) / max(1, total - warmup))
    return low + 0.5 * (base - low) * (1.0 + math.cos(math.pi * t))


def bench(name, warm, steps):
    torch.manual_seed(42)
    model = Lstm() if name == "lstm" else Transformer()
    model.train()
    n = BATCH * (warm + steps + 1)
    g = torch.Generator().manual_seed(7)
    x = torch.randn(n, WINDOW, FEATURES, generator=g)
    y = torch.randn(n, HORIZON, generator=g)
    q = torch.tensor(QUANTILES)
    params = list(model.parameters())
    opt = torch.optim.AdamW(params, lr=1e-3, weight_decay=1e-4)
    order = torch.randperm(n, generator=g)
    total = warm + steps + 1
    t0 = None
    loss_value = 0.0
    for step in range(total):
        if step == warm:
            t0 = time.perf_counter()
            c0 = time.process_time()
        idx = order[step * BATCH:(step + 1) * BATCH]
        for group in opt.param_groups:
            group["lr"] = rate(1e-3, step, total, total)
        opt.zero_grad(set_to_none=True)
        loss = pinball(model(x.index_select(0, idx)), y.index_select(0, idx), q)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        loss_value = loss.item()
        if step == warm + steps - 1:
            elapsed = time.perf_counter() - t0
            cpu = time.process_time() - c0
    return steps / elapsed, steps / cpu, loss_value


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--warm", type=int, default=10)
    ap.add_argument("--steps", type=int, default=50)
    ap.add_argument("--models", default="lstm,transformer")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    for name in a.models.split(","):
        sps, cps, loss = bench(name, a.warm, a.steps)
        print("%s %.4f %.4f %.6f" % (name, sps, cps, loss), flush=True)


if __name__ == "__main__":
    main()
