#pragma once
// Private to text_classifier.cpp and text_classifier_scorer.cpp: the torch side the two share
// (batches of encoded rows, class probabilities of texts). Includes LibTorch.

#include "models/text_classifier_detail.h"
#include "models/torch_detail.h"

#include <vector>

namespace marketlens::models::text_detail {

struct Batch {
    torch::Tensor ids, mask, lex; // [B, T] int64, [B, T] float, [B, 2] float
};

// Rows padded to the longest (at least one column); `lex` points at each row's 2 features.
Batch makeBatch(const std::vector<const EncodedRow*>& rows, const std::vector<const float*>& lex);

// Class probabilities of texts (each one or more rows; windows averaged), in eval mode.
std::vector<std::vector<double>> predictTexts(torch::jit::Module& module,
    const std::vector<std::vector<EncodedRow>>& texts, const std::vector<LexiconFeatures>& lex,
    std::size_t classes);

// Index of the largest probability.
int predictedIndex(const std::vector<double>& p);

} // namespace marketlens::models::text_detail
