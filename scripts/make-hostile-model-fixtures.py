#!/usr/bin/python3
"""Makes the hostile TorchScript fixtures of tests/models/test_hostile_models.cpp and
tests/cli/test_cli_hostile.cpp in tests/data/models/hostile/ with Debian's python3-torch 1.13
(run: /usr/bin/python3 scripts/make-hostile-model-fixtures.py from anywhere). The files are
committed (each under 100 KB); the tests never need Python. Each must be refused with a clear
error naming the file, in bounded memory, and none may crash the process:

  classifier.pt      a text classifier, forward(input_ids, attention_mask) -> [batch, 3]: the wrong
                     architecture when imported as a forecaster
  no_forward.pt      a module with an exported predict() and no forward()
  huge_param.pt      a module whose parameter's shape was rewritten from 7 x 11 to
                     1000000 x 1000000 (1e12 elements) over its 77 stored floats
  huge_constant.pt   the same for a tensor constant of the code (constants.pkl)
  huge_record.pt     scripted.pt whose zip directory says data/0 holds 2 GB (local header too)
  deep_code.pt       code with 30000 nested brackets (torch 1.13's parser overflows its stack)
  long_chain.pt      code with a statement of 30000 '+' (the same)
The forecaster fixtures they derive from are tests/data/models/scripted.pt and the ones built here.
"""
import io
import os
import struct
import zipfile

import torch

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "models", "hostile")
SCRIPTED = os.path.join(ROOT, "tests", "data", "models", "scripted.pt")
SMALL = b"(K\x07K\x0bt"  # the pickled size tuple (7, 11): MARK, BININT1 7, BININT1 11, TUPLE
HUGE = b"(J\x40\x42\x0f\x00J\x40\x42\x0f\x00t"  # (1000000, 1000000) with BININT


class Classifier(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = torch.nn.Embedding(50, 4)
        self.out = torch.nn.Linear(4, 3)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        h = self.embed(input_ids) * attention_mask.unsqueeze(-1).float()
        return self.out(h.mean(dim=1))


class NoForward(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.w = torch.nn.Parameter(torch.zeros(3))

    @torch.jit.export
    def predict(self, x: torch.Tensor) -> torch.Tensor:
        return x * self.w.sum()


class Small(torch.nn.Module):
    """A forecaster-shaped module (input [batch, 20, 3] -> [batch, 3, 5]) with a 7 x 11 weight."""

    def __init__(self):
        super().__init__()
        self.w = torch.nn.Parameter(torch.full((7, 11), 0.5))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.zeros(x.size(0), 3, 5) + self.w.sum()


class WithConstant(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.c = torch.full((7, 11), 0.25)  # not a parameter or buffer: traced as a constant

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.zeros(x.size(0), 3, 5) + self.c.sum()


def save(module, name):
    buf = io.BytesIO()
    torch.jit.save(module, buf)
    return buf.getvalue()


def rewrite(data, change):
    """The zip `data` with each record passed through change(name, bytes)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out_buf = io.BytesIO()
    out = zipfile.ZipFile(out_buf, "w")
    for info in src.infolist():
        body = change(info.filename, src.read(info.filename))
        out.writestr(info, body, compress_type=info.compress_type)
    out.close()
    return out_buf.getvalue()


def patch_pickle(data, record):
    def change(name, body):
        if name.endswith("/" + record):
            assert body.count(SMALL) == 1, (record, body)
            return body.replace(SMALL, HUGE)
        return body
    return rewrite(data, change)


def patch_code(data, old, new):
    def change(name, body):
        if name.endswith("code/__torch__.py"):
            text = body.decode()
            assert old in text, text
            return text.replace(old, new).encode()
        if name.endswith("code/__torch__.py.debug_pkl"):
            return body  # source ranges may be off; torch only uses them in messages
        return body
    return rewrite(data, change)


def patch_record_size(data, record, size):
    """Sets the sizes of `record` in its central and local headers to `size`."""
    b = bytearray(data)
    at = b.find(b"PK\x01\x02")
    while at >= 0:
        name_len = struct.unpack_from("<H", b, at + 28)[0]
        name = bytes(b[at + 46:at + 46 + name_len]).decode()
        if name.endswith("/" + record):
            struct.pack_into("<II", b, at + 20, size, size)
            local = struct.unpack_from("<I", b, at + 42)[0]
            struct.pack_into("<II", b, local + 18, size, size)
            return bytes(b)
        at = b.find(b"PK\x01\x02", at + 4)
    raise KeyError(record)


def write(name, data):
    assert len(data) < 100_000, (name, len(data))
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def main():
    torch.manual_seed(8)
    os.makedirs(OUT, exist_ok=True)
    write("classifier.pt", save(torch.jit.script(Classifier().eval()), "classifier"))
    write("no_forward.pt", save(torch.jit.script(NoForward()), "no_forward"))
    write("huge_param.pt", patch_pickle(save(torch.jit.script(Small()), "small"), "data.pkl"))
    traced = torch.jit.trace(WithConstant(), torch.zeros(2, 20, 3))
    write("huge_constant.pt", patch_pickle(save(traced, "constant"), "constants.pkl"))
    with open(SCRIPTED, "rb") as f:
        scripted = f.read()
    write("huge_record.pt", patch_record_size(scripted, "data/0", 2_000_000_000))
    write("deep_code.pt", patch_code(scripted, "    return _3\n",
                                     "    return " + "(" * 30000 + "_3" + ")" * 30000 + "\n"))
    write("long_chain.pt", patch_code(scripted, "    return _3\n",
                                      "    b = 1" + " + 1" * 30000 + "\n    return _3\n"))


if __name__ == "__main__":
    main()
