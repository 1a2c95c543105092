#!/usr/bin/python3
"""Makes the model interchange fixtures of tests/models/test_interchange.cpp with Debian's
python3-torch (run: /usr/bin/python3 tests/data/models/make_fixtures.py from the repository root
or anywhere). The generated files are committed: the tests never need Python to import them.

Good fixtures follow the tensor contract of docs/models.md:
  input  float32 [batch, window, features], scaled features in the order of the side file
  output float32 [batch, horizon, quantiles], scaled cumulative log returns per horizon
  scripted.pt / scripted.json  torch.jit.script of an MLP forecaster
  traced.pt   / traced.json    torch.jit.trace of a GRU forecaster
  expected.json                a fixed input and each good model's outputs for it
Bad fixtures (each must be rejected with a message naming the problem):
  bad_truncated.pt     the first half of scripted.pt
  bad_random.pt        4096 random bytes
  bad_shape.pt/.json   a valid module whose output has 4 quantiles where its meta lists 5
  bad_feature.json     scripted.json with a misspelt feature name ("logreturn")
  bad_nan.pt/.json     a valid module whose output is NaN
"""
import json
import os
import random

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
WINDOW = 20
FEATURES = ["logret", "vol20", "dow"]
HORIZON = 3
QUANTILES = [0.025, 0.10, 0.50, 0.90, 0.975]


class MlpForecaster(torch.nn.Module):
    def __init__(self, window: int, features: int, horizon: int, quantiles: int):
        super().__init__()
        self.horizon = horizon
        self.quantiles = quantiles
        self.hidden = torch.nn.Linear(window * features, 16)
        self.out = torch.nn.Linear(16, horizon * quantiles)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = torch.relu(self.hidden(x.flatten(1)))
        # Sorting keeps the quantiles from crossing (not required by the contract).
        y = self.out(h).view(x.size(0), self.horizon, self.quantiles)
        return torch.sort(y, dim=2).values


class GruForecaster(torch.nn.Module):
    def __init__(self, features: int, horizon: int, quantiles: int):
        super().__init__()
        self.horizon = horizon
        self.quantiles = quantiles
        self.gru = torch.nn.GRU(features, 8, num_layers=1, batch_first=True)
        self.out = torch.nn.Linear(8, horizon * quantiles)

    def forward(self, x):
        seq, _ = self.gru(x)
        y = self.out(seq[:, -1, :])
        return y.reshape(x.size(0), self.horizon, self.quantiles)


class NanForecaster(torch.nn.Module):
    def __init__(self, horizon: int, quantiles: int):
        super().__init__()
        self.horizon = horizon
        self.quantiles = quantiles

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        zeros = torch.zeros(x.size(0), self.horizon, self.quantiles)
        return zeros + float("nan")


def meta(kind, name):
    """A side file in the documented schema (format_version 1)."""
    return {
        "format": "marketlens-forecaster",
        "format_version": 1,
        "name": name,
        "kind": kind,
        "ticker": "MSFT",
        "features": FEATURES,
        "window": WINDOW,
        "horizon": HORIZON,
        "quantiles": QUANTILES,
        "feature_scaler": {"mean": [0.0004, 0.018, 0.5], "std": [0.02, 0.007, 0.35]},
        "target_scaler": {"mean": [0.0004, 0.0008, 0.0012],
                          "std": [0.02, 0.028, 0.035]},
        "input": {"shape": ["batch", WINDOW, len(FEATURES)], "dtype": "float32"},
        "output": {"shape": ["batch", HORIZON, len(QUANTILES)], "dtype": "float32"},
        "training": {"first": "2000-10-25", "last": "2001-06-29", "seed": 7,
                     "data_hash": "made-by-make_fixtures.py"},
        "metrics": {},
        "hyper_params": {"made_by": "tests/data/models/make_fixtures.py"},
    }


def fixed_input(batch):
    """The fixed input of expected.json: x[b, t, f] = sin(0.37 * i) with i the flat index."""
    n = batch * WINDOW * len(FEATURES)
    return torch.sin(0.37 * torch.arange(n, dtype=torch.float64)).float().view(
        batch, WINDOW, len(FEATURES))


def write_json(name, obj):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=2)
        f.write("\n")


def main():
    torch.manual_seed(20240611)
    torch.set_num_threads(1)
    nq = len(QUANTILES)

    scripted = torch.jit.script(MlpForecaster(WINDOW, len(FEATURES), HORIZON, nq).eval())
    scripted.save(os.path.join(HERE, "scripted.pt"))
    write_json("scripted.json", meta("mlp", "scripted MLP fixture"))

    gru = GruForecaster(len(FEATURES), HORIZON, nq).eval()
    traced = torch.jit.trace(gru, fixed_input(1))
    traced.save(os.path.join(HERE, "traced.pt"))
    write_json("traced.json", meta("gru", "traced GRU fixture"))

    x = fixed_input(2)
    with torch.no_grad():
        expected = {
            "shape": list(x.shape),
            "input": x.flatten().tolist(),
            "scripted": scripted(x).flatten().tolist(),
            "traced": traced(x).flatten().tolist(),
            "output_shape": [2, HORIZON, nq],
        }
    write_json("expected.json", expected)

    with open(os.path.join(HERE, "scripted.pt"), "rb") as f:
        data = f.read()
    with open(os.path.join(HERE, "bad_truncated.pt"), "wb") as f:
        f.write(data[: len(data) // 2])
    rng = random.Random(4)
    with open(os.path.join(HERE, "bad_random.pt"), "wb") as f:
        f.write(bytes(rng.randrange(256) for _ in range(4096)))

    wrong = torch.jit.script(MlpForecaster(WINDOW, len(FEATURES), HORIZON, nq - 1).eval())
    wrong.save(os.path.join(HERE, "bad_shape.pt"))
    write_json("bad_shape.json", meta("mlp", "output shape mismatch"))

    bad_feature = meta("mlp", "misspelt feature")
    bad_feature["features"] = ["logreturn", "vol20", "dow"]
    write_json("bad_feature.json", bad_feature)

    torch.jit.script(NanForecaster(HORIZON, nq)).save(os.path.join(HERE, "bad_nan.pt"))
    write_json("bad_nan.json", meta("imported", "NaN output"))


if __name__ == "__main__":
    main()
