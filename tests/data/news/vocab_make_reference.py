#!/usr/bin/python3
"""Reference BERT tokenisations for test_bert_tokenizer, computed with Python's own Unicode
tables (unicodedata, str.lower) instead of Qt's.

Written for MarketLens from the published description of BERT's tokenizer (google-research/bert
README, "Tokenization": text normalisation, punctuation splitting, WordPiece) and the rules in
core/news/bert_tokenizer.h; no tokenizer code was copied. Run with Debian's /usr/bin/python3:

    tests/data/news/vocab_make_reference.py /work/shared/data/reuters21578_acq_crude.csv

Writes, next to this script:
  vocab_reference.txt       a vocabulary generated from the texts (special tokens, the 400 most
                            frequent words, every character alone and as "##c", a few suffixes)
  vocab_reference_cases.json  texts (20 Reuters articles + Unicode stress cases) with their basic
                            tokens and word pieces (uncased, strip accents, CJK split, 100 chars)
"""

import collections
import csv
import json
import os
import sys
import unicodedata

SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
CJK_RANGES = [(0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F),
              (0x2B740, 0x2B81F), (0x2B820, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F)]


def is_cjk(ch):
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in CJK_RANGES)


def is_space(ch):
    return ch in " \t\n\r" or unicodedata.category(ch) == "Zs"


def is_control(ch):
    if ch in "\t\n\r":
        return False
    return unicodedata.category(ch).startswith("C")


def is_punct(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def basic_words(text):
    """Basic tokenizer without the special-token split (the texts here contain none)."""
    chars = []
    for ch in text:
        if ord(ch) == 0 or ord(ch) == 0xFFFD or is_control(ch):
            continue
        if is_space(ch):
            chars.append(" ")
        elif is_cjk(ch):
            chars.extend([" ", ch, " "])
        else:
            chars.append(ch)
    text = unicodedata.normalize("NFC", "".join(chars))
    out = []
    for word in text.split():
        word = word.lower()
        word = "".join(c for c in unicodedata.normalize("NFD", word)
                       if unicodedata.category(c) != "Mn")
        current = ""
        for c in word:
            if is_punct(c):
                if current:
                    out.append(current)
                out.append(c)
                current = ""
            else:
                current += c
        if current:
            out.append(current)
    return out


def word_pieces(word, vocab, max_chars=100):
    if len(word) > max_chars:
        return ["[UNK]"]
    pieces = []
    start = 0
    while start < len(word):
        match = None
        for end in range(len(word), start, -1):
            candidate = word[start:end] if start == 0 else "##" + word[start:end]
            if candidate in vocab:
                match = candidate
                start = end
                break
        if match is None:
            return ["[UNK]"]
        pieces.append(match)
    return pieces


STRESS = [
    "Caf\u00e9 d\u00e9j\u00e0 vu, na\u00efve co\u00f6perate \u00c5ngstr\u00f6m",
    "Cafe\u0301 \u1E9E\u00df Stra\u00dfe \u0130stanbul \u03a3\u03bf\u03c6\u03af\u03b1",
    "\u80a1\u7968\u4e0a\u6da8 Apple\u80a1\u4ef7 \u3053\u3093\u306b\u3061\u306f \ud55c\uad6d\uc5b4",
    "U.S.-listed $AAPL +5% (NYSE: IBM) 3.5bn\u20ac \u00a3120 \u00bd \u2014 \u201cquoted\u201d",
    "zero\u200bwidth soft\u00adhyphen tab\there nbsp\u00a0here\u3000ideo line\u2028sep",
    "ctrl\x07bell nul\x00x repl\ufffdy private\ue000use emoji\U0001F600x \U00020001\U0002A6D6",
    "\uff21\uff22\uff23 \uff11\uff12 \u2160 \u2168 \ufb01le \u00b2 \u2126hm",
    "x" * 101 + " " + "y" * 100,
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))[:20]
    texts = [row["heading"] + "\n" + row["text"] for row in rows] + STRESS
    counts = collections.Counter()
    chars = set()
    for t in texts:
        for w in basic_words(t):
            counts[w] += 1
            chars.update(w)
    vocab = list(SPECIAL)
    vocab += [w for w, _ in counts.most_common(400) if len(w) <= 100 and w not in vocab]
    for suffix in ["##s", "##ed", "##ing", "##ly", "##er", "##tion", "##al", "##es"]:
        if suffix not in vocab:
            vocab.append(suffix)
    # Some characters deliberately missing (every third in code point order), so [UNK] occurs.
    for i, c in enumerate(sorted(chars)):
        if i % 3 == 2:
            continue
        for tok in (c, "##" + c):
            if tok not in vocab:
                vocab.append(tok)
    vocab_set = set(vocab)
    cases = []
    for t in texts:
        words = basic_words(t)
        pieces = [p for w in words for p in word_pieces(w, vocab_set)]
        cases.append({"text": t, "basic": words, "pieces": pieces})
    with open(os.path.join(here, "vocab_reference.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(vocab) + "\n")
    with open(os.path.join(here, "vocab_reference_cases.json"), "w", encoding="utf-8") as f:
        json.dump({"unicode": unicodedata.unidata_version, "cases": cases}, f,
                  ensure_ascii=True, indent=0)


if __name__ == "__main__":
    main()
