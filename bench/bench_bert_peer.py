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
import os
import random
import time

import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from bert_encoder import Encoder  # noqa: E402

VOCAB, HIDDEN, HEADS, FFN, POSITIONS = 30522, 768, 12, 3072, 512
LABELS = ["negative", "neutral", "positive"]


def build(layers):
    torch.manual_seed(0)
    model = Encoder(VOCAB, HIDDEN, HEADS, FFN, POSITIONS, layers, len(LABELS))
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
