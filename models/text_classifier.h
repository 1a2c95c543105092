#pragma once
// Trainable news sentiment classifiers (torch-free header; LibTorch in text_classifier.cpp).
//
// Two architectures, both on word-level tokens of the text (lower-cased, split at non-letters/
// digits, vocabulary from the training texts with a minimum count; unknown words -> one UNK id):
//   - Bow: an EmbeddingBag (mean) over hashed word uni- and bi-grams (fastText-style), then a
//     linear layer to the classes. Fast, strong on short texts.
//   - Transformer: token + learned position embeddings, a small pre-LN Transformer encoder
//     (2 layers, 4 heads, d 64 by default), mean pooling over real tokens, linear head.
// Classes: the labels present in the training data (2 = negative/positive, or 3 with neutral);
// labelled items are those with a label class (news_store.h StoredNews::labelClass).
// Training: AdamW, mini-batches shuffled with the seed, cross-entropy, fixed epochs, deterministic
// for a seed on the CPU; progress and cancel as models/trainer.h.
// Evaluation: stratified k-fold cross-validation (folds drawn with the seed); in each fold the
// model is trained on k-1 parts and scored on the held-out part, and the lexicon (market-news
// AFINN and VADER, lexicon_sentiment.h thresholds; with 2 classes by sign, compound > 0
// positive, as the recorded UCI accuracies are) is scored on the same held-out part. Accuracy
// and macro-F1 per fold and their means.
// Explanations: gradient x input on the token embeddings, summed per word, mapped back to the
// word's place in the text (WordWeight, positive = towards positive).
// Storage: a ModelRecord (kind "sentiment_bow" / "sentiment_transformer", origin "trained";
// weights = TorchScript bytes; hyperParamsJson holds the vocabulary and settings; metricsJson the
// cross-validation result) so it scores again after reopening the project.

#include "core/forecast/model_store.h"
#include "core/news/news_item.h"
#include "core/news/sentiment_scoring.h"
#include "core/result.h"
#include "models/trainer.h"

#include <QString>

#include <atomic>
#include <functional>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace marketlens::models {

enum class TextModelKind { Bow, Transformer };
const char* textModelKindKey(TextModelKind kind); // "bow", "transformer"
bool parseTextModelKind(const std::string& text, TextModelKind& kind);

struct TextExample {
    QString text;
    core::SentimentClass label = core::SentimentClass::Neutral;
};

struct TextClassifierOptions {
    TextModelKind kind = TextModelKind::Bow;
    int epochs = 0; // 0: the kind's default
    int batchSize = 32;
    double learningRate = 0; // 0: the kind's default
    double weightDecay = 1e-4;
    int embeddingDim = 64;
    int minWordCount = 1;
    int maxLength = 128; // tokens (Transformer)
    int hashBuckets = 1 << 18; // bi-gram buckets (Bow)
    std::uint64_t seed = 42;
    int threads = 0; // 0: torch_runtime default
};

struct FoldMetrics {
    double accuracy = 0, macroF1 = 0; // the model
    double lexiconAccuracy = 0, lexiconMacroF1 = 0; // market-news lexicon, same fold
    double vaderAccuracy = 0, vaderMacroF1 = 0; // VADER lexicon, same fold
    std::int64_t testSize = 0;
};

struct CrossValidation {
    int folds = 0;
    std::vector<FoldMetrics> perFold;
    FoldMetrics mean; // means over folds (testSize = total)
    std::string toJson() const;
};

struct TextTrainProgress {
    int fold = 0; // 1-based; 0 for the final fit on all data
    int folds = 0;
    int epoch = 0, epochs = 0;
    double loss = 0;
    double fraction = 0; // of the whole job (folds + final fit), 0..1
    double etaSeconds = -1;
};
using TextProgressFn = std::function<void(const TextTrainProgress&)>;

struct TrainedTextClassifier {
    core::forecast::ModelRecord record; // complete, id 0
    CrossValidation validation; // empty (folds 0) when trained without CV
    double seconds = 0;
};

// Cross-validates with `folds` (>= 2; 0 = skip) and then fits on all examples. InvalidArgument
// with fewer than 2 classes or fewer examples than 2 * folds; Cancelled on cancel.
core::Result<TrainedTextClassifier> trainTextClassifier(const std::vector<TextExample>& examples,
    const TextClassifierOptions& options, int folds, const TextProgressFn& progress = {},
    const std::atomic_bool* cancel = nullptr);

// A stored classifier record as a scorer (key "model:<record.id>"). BadData for a record that
// is not a sentiment_bow/sentiment_transformer model or whose weights do not load.
core::Result<std::unique_ptr<core::news::SentimentScorer>> textClassifierScorer(
    const core::forecast::ModelRecord& record);

} // namespace marketlens::models
