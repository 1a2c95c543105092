#pragma once
// Pretrained BERT-style sentiment models (FinBERT-like) loaded from TorchScript, torch-free
// header (LibTorch in bert_sentiment.cpp). docs/models.md describes the files users export:
//   M.pt       torch.jit.script / torch.jit.trace of a module whose forward takes
//              (input_ids, attention_mask[, token_type_ids]) as int64 [batch, seq] and returns
//              logits [batch, classes] (a tuple/dict whose first/"logits" entry is that is fine)
//   vocab.txt  BERT WordPiece vocabulary (core/news/bert_tokenizer.h)
//   M.json     {"format": "marketlens-sentiment", "version": 1, "labels": ["positive",
//              "negative", "neutral"] (the logits' order, any of negative/neutral/positive),
//              "do_lower_case": true, "max_length": 128, "stride": 32 (optional),
//              "token_type_ids": true (optional: whether forward takes the third input),
//              "name": "..." (optional)}
// Texts longer than max_length are split into windows (BertTokenizer::encodeWindows with the
// stride) and their softmax probabilities aggregated (aggregateWindows); score = P(pos) - P(neg).
// Explanations: integrated gradients are not possible through an opaque TorchScript forward that
// takes ids, so word weights come from occlusion: each word's pieces replaced by [MASK] (or
// [UNK]) and the drop in score recorded (documented as such).
// Stored as a ModelRecord of kind "sentiment_bert", origin "imported": weights = the .pt bytes,
// hyperParamsJson = the side file plus the vocabulary text.

#include "core/forecast/model_store.h"
#include "core/news/sentiment_scoring.h"
#include "core/result.h"

#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace marketlens::models {

inline constexpr const char* kSentimentMetaFormat = "marketlens-sentiment";

// Reads and checks M.pt, M.json and vocab.txt, runs one forward pass on a short text and checks
// the logits' shape against the labels. Errors name the file and the field/reason (Io, BadData).
core::Result<core::forecast::ModelRecord> importBertModel(
    const std::string& ptPath, const std::string& metaPath, const std::string& vocabPath);

// A stored sentiment_bert record as a scorer (key "model:<record.id>").
core::Result<std::unique_ptr<core::news::SentimentScorer>> bertScorer(
    const core::forecast::ModelRecord& record);

// Raw logits per text (one window per text, truncated; for tests and the benchmark).
core::Result<std::vector<std::vector<float>>> bertLogits(
    const core::forecast::ModelRecord& record, const std::vector<QString>& texts);

} // namespace marketlens::models
