#!/usr/bin/python3
"""PyTorch peer of bench/bench_bert.cpp: a BERT-base-sized encoder (12 layers, hidden 768, 12
heads, feed-forward 3072, 30522-token vocabulary, 512 positions, 3 labels; about 110 M
parameters) written in plain PyTorch like scripts/make-bert-fixture.py's small one.

  bench_bert_peer.py make DIR [--layers L] [--sentences S] [--seq N]
      builds the encoder (seed 0), saves DIR/bert.pt (torch.jit.script), DIR/bert.json (side
      file, max_length N), DIR/vocab.txt and DIR/texts.txt: S sentences of N - 2 words, each word
      a whole vocabulary token, so every sentence is exactly N ids with [CLS] and [SEP]
  bench_bert_peer.py time DIR --threads T [--reps R] [--batch B] [--layers L]
      times the same sentences in PyTorch with T threads: the eager module (rebuilt from the same
      seed, so the same weights) and the saved TorchScript file (torch.jit.load), both under
      torch.inference_mode() in batches of B; prints per repetition
        eager|jit SENTENCES_PER_SECOND SENTENCES_PER_CPU_SECOND
      and finally "logits" and the first sentence's logits (a cross-check of MarketLens' output)

Nothing here is committed as data: DIR is a temporary folder of bench_bert (bert.pt is ~420 MB).
"""
import argparse
import json
import math
import os
import random
import time

import torch
from torch import nn
import torch.nn.functional as F

VOCAB, HIDDEN, HEADS, FFN, POSITIONS = 30522, 768, 12, 3072, 512
LABELS = ["negative", "neutral", "positive"]


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.heads = HEADS
        self.head_dim = HIDDEN // HEADS
        self.query = nn.Linear(HIDDEN, HIDDEN)
        self.key = nn.Linear(HIDDEN, HIDDEN)
        self.value = nn.Linear(HIDDEN, HIDDEN)
        self.out = nn.Linear(HIDDEN, HIDDEN)
        self.norm1 = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.ffn_in = nn.Linear(HIDDEN, FFN)
        self.ffn_out = nn.Linear(FFN, HIDDEN)
        self.norm2 = nn.LayerNorm(HIDDEN, eps=1e-12)

    def split(self, x: torch.Tensor) -> torch.Tensor:
        return x.view(x.size(0), x.size(1), self.heads, self.head_dim).transpose(1, 2)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        q, k, v = self.split(self.query(x)), self.split(self.key(x)), self.split(self.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(self.head_dim) + bias
        ctx = torch.matmul(torch.softmax(scores, dim=-1), v).transpose(1, 2)
        ctx = ctx.reshape(x.size(0), x.size(1), self.heads * self.head_dim)
        x = self.norm1(x + self.out(ctx))
        return self.norm2(x + self.ffn_out(F.gelu(self.ffn_in(x))))


class Bert(nn.Module):
    def __init__(self, layers):
        super().__init__()
        self.word = nn.Embedding(VOCAB, HIDDEN)
        self.position = nn.Embedding(POSITIONS, HIDDEN)
        self.segment = nn.Embedding(2, HIDDEN)
        self.norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.layers = nn.ModuleList([Layer() for _ in range(layers)])
        self.pooler = nn.Linear(HIDDEN, HIDDEN)
        self.classifier = nn.Linear(HIDDEN, len(LABELS))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                token_type_ids: torch.Tensor) -> torch.Tensor:
        positions = torch.arange(input_ids.size(1), device=input_ids.device).unsqueeze(0)
        x = self.word(input_ids) + self.position(positions) + self.segment(token_type_ids)
        x = self.norm(x)
        bias = (1.0 - attention_mask.to(x.dtype)).unsqueeze(1).unsqueeze(2) * -10000.0
        for layer in self.layers:
            x = layer(x, bias)
        return self.classifier(torch.tanh(self.pooler(x[:, 0])))


def build(layers):
    torch.manual_seed(0)
    model = Bert(layers)
    model.eval()
    return model


def vocabulary():
    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    return special + [f"w{i}" for i in range(VOCAB - len(special))]


def make(args):
    os.makedirs(args.dir, exist_ok=True)
    torch.jit.script(build(args.layers)).save(os.path.join(args.dir, "bert.pt"))
    vocab = vocabulary()
    with open(os.path.join(args.dir, "vocab.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(vocab) + "\n")
    with open(os.path.join(args.dir, "bert.json"), "w", encoding="utf-8") as f:
        json.dump({"format": "marketlens-sentiment", "version": 1, "labels": LABELS,
                   "do_lower_case": True, "max_length": args.seq, "token_type_ids": True,
                   "name": f"bench BERT ({args.layers} layers)"}, f)
    rng = random.Random(1)
    with open(os.path.join(args.dir, "texts.txt"), "w", encoding="utf-8") as f:
        for _ in range(args.sentences):
            f.write(" ".join(rng.choice(vocab[5:]) for _ in range(args.seq - 2)) + "\n")


def timed(fn, reps):
    rates = []
    for _ in range(reps):
        w0, c0 = time.perf_counter(), time.process_time()
        n = fn()
        rates.append((n / (time.perf_counter() - w0), n / (time.process_time() - c0)))
    return rates


def run_time(args):
    torch.set_num_threads(args.threads)
    ids_of = {t: i for i, t in enumerate(vocabulary())}
    with open(os.path.join(args.dir, "texts.txt"), encoding="utf-8") as f:
        rows = [[2] + [ids_of[w] for w in line.split()] + [3] for line in f if line.strip()]
    ids = torch.tensor(rows)
    mask = torch.ones_like(ids)
    types = torch.zeros_like(ids)
    eager = build(args.layers)
    jit = torch.jit.load(os.path.join(args.dir, "bert.pt"))
    jit.eval()

    def run(model):
        with torch.inference_mode():
            for start in range(0, len(rows), args.batch):
                end = start + args.batch
                model(ids[start:end], mask[start:end], types[start:end])
        return len(rows)

    for name, model in (("eager", eager), ("jit", jit)):
        run(model)  # warm-up (TorchScript profiles its first runs)
        for wall, cpu in timed(lambda: run(model), args.reps):
            print(f"{name} {wall:.4f} {cpu:.4f}", flush=True)
    with torch.inference_mode():
        first = eager(ids[:1], mask[:1], types[:1])[0].tolist()
    print("logits " + " ".join(f"{v:.6f}" for v in first), flush=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["make", "time"])
    p.add_argument("dir")
    p.add_argument("--layers", type=int, default=12)
    p.add_argument("--sentences", type=int, default=32)
    p.add_argument("--seq", type=int, default=128)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--batch", type=int, default=32)
    args = p.parse_args()
    make(args) if args.mode == "make" else run_time(args)


if __name__ == "__main__":
    main()
