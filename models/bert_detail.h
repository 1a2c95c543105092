#pragma once
// Private to bert_sentiment.cpp and bert_explain.cpp (pulls in LibTorch): a loaded BERT-style
// model (side file, tokenizer, TorchScript module) and what scoring and occlusion share.

#include "core/news/bert_tokenizer.h"
#include "core/news/news_store.h"
#include "models/torch_detail.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace marketlens::models::bert_detail {

// One window as the model sees it: [CLS] pieces [SEP], no padding.
using Row = std::vector<std::int64_t>;

struct BertMeta {
    std::vector<core::SentimentClass> labels; // class of each logit
    core::news::BertTokenizerOptions tokenizer;
    int maxLength = 0;
    int stride = 0;
    std::optional<bool> tokenTypeIds; // unset: taken from forward()'s arity
    std::string name;
};

struct BertRuntime {
    BertMeta meta;
    std::optional<core::news::BertTokenizer> tokenizer;
    torch::jit::Module module;
    bool tokenTypes = true; // forward takes token_type_ids
    bool padToMax = false; // every input padded to max_length (a fixed-length traced model)

    // Logits (the model's label order) of each row, in batches of similar lengths.
    core::Result<std::vector<std::vector<float>>> logits(const std::vector<Row>& rows) const;
    // One forward pass over `rows` padded to the longest (or to max_length).
    core::Result<std::vector<std::vector<float>>> forward(const std::vector<Row>& rows) const;
};

Row rowOf(const core::news::BertEncoding& e);
std::vector<double> softmax(const std::vector<float>& logits);
// Probabilities in the model's order -> a StoredScore (negative, neutral, positive), its label
// the most probable class and its score P(positive) - P(negative).
core::news::StoredScore toScore(
    const std::vector<double>& probs, const std::vector<core::SentimentClass>& labels);

// bert_explain.cpp: word weights of `text` by occlusion. `windows` and `pieces` are the text's
// windows and word pieces, `windowProbs` each window's probabilities, `baseScore` the text's
// score; largest |weight| first, at most 32.
core::Result<std::vector<core::news::WordWeight>> occlusionWeights(const BertRuntime& rt,
    const QString& text, const core::news::BertWindows& windows, const Row& pieces,
    const std::vector<std::vector<double>>& windowProbs, double baseScore);

} // namespace marketlens::models::bert_detail
