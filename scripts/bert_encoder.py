"""A BERT-like encoder in plain PyTorch, shared by scripts/make-bert-fixture.py (the small test
fixture) and bench/bench_bert_peer.py (the BERT-base-sized benchmark model).

Word + position + segment embeddings, LayerNorm, post-LN layers of multi-head self-attention
(padding masked with -10000) and a GELU feed-forward, tanh pooler on [CLS], linear classifier:
forward(input_ids, attention_mask, token_type_ids) -> logits [batch, labels]. Parameters are
created in a fixed order, so a seeded build gives the same weights every time.
"""
import math

import torch
from torch import nn
import torch.nn.functional as F


class Layer(nn.Module):
    def __init__(self, hidden, heads, ffn):
        super().__init__()
        self.heads = heads
        self.head_dim = hidden // heads
        self.query = nn.Linear(hidden, hidden)
        self.key = nn.Linear(hidden, hidden)
        self.value = nn.Linear(hidden, hidden)
        self.out = nn.Linear(hidden, hidden)
        self.norm1 = nn.LayerNorm(hidden, eps=1e-12)
        self.ffn_in = nn.Linear(hidden, ffn)
        self.ffn_out = nn.Linear(ffn, hidden)
        self.norm2 = nn.LayerNorm(hidden, eps=1e-12)

    def split(self, x: torch.Tensor) -> torch.Tensor:
        return x.view(x.size(0), x.size(1), self.heads, self.head_dim).transpose(1, 2)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        q, k, v = self.split(self.query(x)), self.split(self.key(x)), self.split(self.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(self.head_dim) + bias
        ctx = torch.matmul(torch.softmax(scores, dim=-1), v).transpose(1, 2)
        ctx = ctx.reshape(x.size(0), x.size(1), self.heads * self.head_dim)
        x = self.norm1(x + self.out(ctx))
        return self.norm2(x + self.ffn_out(F.gelu(self.ffn_in(x))))


class Encoder(nn.Module):
    def __init__(self, vocab_size, hidden, heads, ffn, positions, layers, labels):
        super().__init__()
        self.word = nn.Embedding(vocab_size, hidden)
        self.position = nn.Embedding(positions, hidden)
        self.segment = nn.Embedding(2, hidden)
        self.norm = nn.LayerNorm(hidden, eps=1e-12)
        self.layers = nn.ModuleList([Layer(hidden, heads, ffn) for _ in range(layers)])
        self.pooler = nn.Linear(hidden, hidden)
        self.classifier = nn.Linear(hidden, labels)

    def encode(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
               token_type_ids: torch.Tensor) -> torch.Tensor:
        positions = torch.arange(input_ids.size(1), device=input_ids.device).unsqueeze(0)
        x = self.word(input_ids) + self.position(positions) + self.segment(token_type_ids)
        x = self.norm(x)
        bias = (1.0 - attention_mask.to(x.dtype)).unsqueeze(1).unsqueeze(2) * -10000.0
        for layer in self.layers:
            x = layer(x, bias)
        return torch.tanh(self.pooler(x[:, 0]))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                token_type_ids: torch.Tensor) -> torch.Tensor:
        return self.classifier(self.encode(input_ids, attention_mask, token_type_ids))
