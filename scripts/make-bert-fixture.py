#!/usr/bin/python3
"""Makes the BERT-style sentiment fixture of tests/models/test_bert_sentiment.cpp and
tests/cli/test_cli_sentiment.cpp: a small BERT-like encoder written in plain PyTorch, trained
for a few seconds on template sentences so that its words carry sentiment, exported the way
docs/models.md tells users to export theirs (TorchScript + vocab.txt + JSON side file), and the
logits PyTorch computes for fixed texts.

Run with Debian's /usr/bin/python3 (python3-torch 1.13):

    scripts/make-bert-fixture.py [OUT_DIR]      (default tests/data/models/bert)

Writes into OUT_DIR:
  vocab.txt          the WordPiece vocabulary (derived here: special tokens, ASCII symbols, the
                     template words, a few "##" suffixes, single letters and "##" letters)
  tiny_bert.pt       torch.jit.script of the encoder: forward(input_ids, attention_mask,
                     token_type_ids) -> logits [batch, 3]
  tiny_bert.json     its side file (labels in FinBERT's order positive, negative, neutral)
  tiny_bert_traced.pt   torch.jit.trace of a wrapper: forward(input_ids, attention_mask) ->
                     (logits, pooled), i.e. no segment input and a tuple output
  tiny_bert_traced.json
  expected.json      for each text: the ids (tokenised here, by the rules of
                     tests/data/news/vocab_make_reference.py, independent of MarketLens' C++
                     tokenizer), the logits of both modules at the side file's max_length
                     (truncated, one window) and, with the side file's windows and stride, each
                     window's logits and the pieces-weighted mean of their softmax probabilities

Encoder: word + position + segment embeddings, LayerNorm, 2 post-LN layers of 4-head self-attention
(padding masked with -10000) and a GELU feed-forward, tanh pooler on [CLS], linear classifier.
Everything is seeded and runs on one thread, so a rerun with the same torch gives the same files.
"""

import json
import os
import random
import sys

import torch
from torch import nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "data", "news"))
from vocab_make_reference import basic_words, word_pieces  # noqa: E402
sys.path.insert(0, HERE)
from bert_encoder import Encoder  # noqa: E402

HIDDEN, LAYERS, HEADS, FFN, MAX_POSITIONS = 32, 2, 4, 64, 64
MAX_LENGTH, STRIDE = 32, 8
LABELS = ["positive", "negative", "neutral"]  # the logits' order (FinBERT's)

SUBJECTS = ["shares of acme", "the company", "apple", "the bank", "investors", "the stock",
            "oil prices", "quarterly profit", "revenue", "the market", "analysts", "the dollar",
            "ibm", "the retailer", "sales", "the index"]
POSITIVE = ["rose", "surged", "jumped", "gained", "soared", "rallied", "climbed", "strong",
            "record", "upgrade", "beat", "growth", "boosted", "optimistic"]
NEGATIVE = ["fell", "plunged", "dropped", "slumped", "tumbled", "missed", "weak", "loss",
            "downgrade", "lawsuit", "bankruptcy", "warned", "crashed", "layoffs"]
NEUTRAL = ["said", "reported", "announced", "held", "scheduled", "unchanged", "met", "filed",
           "listed", "published", "discussed", "expected"]
FILLERS = ["after", "the", "results", "on", "monday", "tuesday", "in", "early", "trading",
           "today", "this", "week", "as", "of", "its", "quarter", "report", "news", "and",
           "a", "meeting", "with", "shareholders", "percent", "by", "at", "close", "u", "s",
           "listed", "to", "for", "year"]
SUFFIXES = ["##s", "##ed", "##ing", "##ly", "##er", "##al", "##es", "##y"]
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]

# The texts whose logits the tests compare (the last one is longer than MAX_LENGTH: windows).
TEXTS = [
    "Shares of Acme plunged after the weak results",
    "Apple rose 5% in early trading, a record!",
    "The company said it held a meeting with shareholders.",
    "IBM (NYSE: IBM) announced its quarterly report on Monday",
    "Café déjà vu: the STOCK soared",
    "Investors warned of layoffs and a lawsuit; the bank tumbled",
    "Revenue growth boosted the index, analysts were optimistic",
    "the dollar was unchanged 股票上涨 zzqx",
    "Unaffable sellers dumped U.S.-listed shares",
    "",
    ("Oil prices rallied on Monday as the market climbed in early trading. "
     "The company reported strong quarterly profit and analysts expected growth this year. "
     "But on Tuesday shares of Acme plunged after the bank warned of a loss, layoffs and a "
     "lawsuit; the stock tumbled and the index dropped at the close of the week."),
]


def make_vocab():
    vocab = list(SPECIAL)
    vocab += [chr(c) for c in range(33, 127) if not chr(c).isalnum()]
    words = []
    for group in (SUBJECTS, POSITIVE, NEGATIVE, NEUTRAL, FILLERS):
        for phrase in group:
            words += phrase.split()
    for w in words + ["cafe", "deja", "vu", "un", "##aff", "##able", "股", "票", "上"]:
        if w not in vocab:
            vocab.append(w)
    vocab += [s for s in SUFFIXES if s not in vocab]
    for c in "abcdefghijklmnopqrstuvwxyz0123456789":
        for tok in (c, "##" + c):
            if tok not in vocab:
                vocab.append(tok)
    return vocab


def pieces_of(text, vocab_set):
    return [p for w in basic_words(text) for p in word_pieces(w, vocab_set)]


def frame(ids, cls, sep, pad, length):
    """[CLS] ids [SEP], padded to `length`, with its attention mask."""
    row = [cls] + ids + [sep]
    mask = [1] * len(row) + [0] * (length - len(row))
    return row + [pad] * (length - len(row)), mask


def windows(piece_ids, max_length, stride):
    """(first, count) of each window, as core/news/bert_tokenizer.h documents them."""
    room = max_length - 2
    step = room - stride
    out = []
    first = 0
    while True:
        count = min(room, len(piece_ids) - first)
        out.append((first, count))
        if first + count >= len(piece_ids):
            return out
        first += step


class NoSegmentsTuple(nn.Module):
    """The traced variant: two inputs, a (logits, pooled) tuple as HF's return_dict=False."""

    def __init__(self, bert):
        super().__init__()
        self.bert = bert

    def forward(self, input_ids, attention_mask):
        pooled = self.bert.encode(input_ids, attention_mask, torch.zeros_like(input_ids))
        return self.bert.classifier(pooled), pooled


def training_set(rng):
    data = []
    for label, words in ((0, POSITIVE), (1, NEGATIVE), (2, NEUTRAL)):
        for _ in range(240):
            subject = rng.choice(SUBJECTS)
            fill = rng.sample(FILLERS, rng.randint(1, 6))
            cut = rng.randint(0, len(fill))
            text = " ".join([subject] + fill[:cut] + [rng.choice(words)] + fill[cut:])
            data.append((text, label))
    rng.shuffle(data)
    return data


def train(model, data, vocab_ids):
    cls, sep, pad = vocab_ids["[CLS]"], vocab_ids["[SEP]"], vocab_ids["[PAD]"]
    vocab_set = set(vocab_ids)
    rows, masks, labels = [], [], []
    for text, label in data:
        ids = [vocab_ids[p] for p in pieces_of(text, vocab_set)][:MAX_LENGTH - 2]
        row, mask = frame(ids, cls, sep, pad, MAX_LENGTH)
        rows.append(row)
        masks.append(mask)
        labels.append(label)
    x = torch.tensor(rows)
    m = torch.tensor(masks)
    y = torch.tensor(labels)
    types = torch.zeros_like(x)
    optimiser = torch.optim.Adam(model.parameters(), lr=3e-3)
    model.train()
    for epoch in range(12):
        order = torch.randperm(len(rows))
        for start in range(0, len(rows), 32):
            idx = order[start:start + 32]
            loss = F.cross_entropy(model(x[idx], m[idx], types[idx]), y[idx])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    model.eval()
    with torch.no_grad():
        accuracy = (model(x, m, types).argmax(1) == y).float().mean().item()
    print(f"training accuracy {accuracy:.3f}, last loss {loss.item():.4f}")


def logits_of(module, rows, masks, with_types):
    x = torch.tensor(rows)
    m = torch.tensor(masks)
    with torch.no_grad():
        out = module(x, m, torch.zeros_like(x)) if with_types else module(x, m)
    if isinstance(out, tuple):
        out = out[0]
    return out.tolist()


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "tests", "data", "models",
                                                                 "bert")
    os.makedirs(out_dir, exist_ok=True)
    torch.manual_seed(20261129)
    torch.set_num_threads(1)
    rng = random.Random(5)

    vocab = make_vocab()
    vocab_ids = {t: i for i, t in enumerate(vocab)}
    with open(os.path.join(out_dir, "vocab.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(vocab) + "\n")

    model = Encoder(len(vocab), HIDDEN, HEADS, FFN, MAX_POSITIONS, LAYERS, len(LABELS))
    train(model, training_set(rng), vocab_ids)

    scripted = torch.jit.script(model)
    scripted.save(os.path.join(out_dir, "tiny_bert.pt"))
    example = torch.tensor([frame([vocab_ids["apple"], vocab_ids["rose"]], 2, 3, 0, 8)[0]])
    traced = torch.jit.trace(NoSegmentsTuple(model),
                             (example, (example != 0).long()), check_trace=False)
    traced.save(os.path.join(out_dir, "tiny_bert_traced.pt"))

    meta = {"format": "marketlens-sentiment", "version": 1, "name": "tiny-bert (test fixture)",
            "labels": LABELS, "do_lower_case": True, "max_length": MAX_LENGTH,
            "stride": STRIDE, "token_type_ids": True}
    with open(os.path.join(out_dir, "tiny_bert.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")
    meta_traced = dict(meta, name="tiny-bert traced (test fixture)", token_type_ids=False)
    with open(os.path.join(out_dir, "tiny_bert_traced.json"), "w", encoding="utf-8") as f:
        json.dump(meta_traced, f, indent=2)
        f.write("\n")

    # Expected values from the saved files, as a user would load them.
    loaded = torch.jit.load(os.path.join(out_dir, "tiny_bert.pt"))
    loaded_traced = torch.jit.load(os.path.join(out_dir, "tiny_bert_traced.pt"))
    cls, sep, pad = vocab_ids["[CLS]"], vocab_ids["[SEP]"], vocab_ids["[PAD]"]
    vocab_set = set(vocab)
    cases = []
    for text in TEXTS:
        pieces = pieces_of(text, vocab_set)
        ids = [vocab_ids[p] for p in pieces]
        row, mask = frame(ids[:MAX_LENGTH - 2], cls, sep, pad, MAX_LENGTH)
        case = {"text": text, "pieces": pieces, "input_ids": row, "attention_mask": mask,
                "logits": logits_of(loaded, [row], [mask], True)[0],
                "logits_traced": logits_of(loaded_traced, [row], [mask], False)[0]}
        spans = windows(ids, MAX_LENGTH, STRIDE)
        rows, masks = zip(*[frame(ids[a:a + n], cls, sep, pad, MAX_LENGTH) for a, n in spans])
        window_logits = logits_of(loaded, list(rows), list(masks), True)
        weights = [max(n, 1) for _, n in spans]
        probs = [0.0] * len(LABELS)
        for w, lg in zip(weights, window_logits):
            p = torch.softmax(torch.tensor(lg, dtype=torch.float64), 0).tolist()
            probs = [a + w * b for a, b in zip(probs, p)]
        case["windows"] = [{"first": a, "count": n, "logits": lg}
                           for (a, n), lg in zip(spans, window_logits)]
        case["probabilities"] = [p / sum(weights) for p in probs]  # in LABELS order
        cases.append(case)
        print(f"{len(pieces):3d} pieces, {len(spans)} window(s), logits "
              f"{[round(v, 3) for v in case['logits']]}: {text[:50]!r}")
    with open(os.path.join(out_dir, "expected.json"), "w", encoding="utf-8") as f:
        json.dump({"torch": torch.__version__, "labels": LABELS, "max_length": MAX_LENGTH,
                   "stride": STRIDE, "cases": cases}, f, ensure_ascii=True, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
