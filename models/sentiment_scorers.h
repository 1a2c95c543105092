#pragma once
// Opening any sentiment model by its key (torch-free header): "lexicon", "lexicon:vader" (core
// lexicon scorers), or "model:<id>" for a stored sentiment_bow / sentiment_transformer /
// sentiment_bert record. The CLI and the UI controllers go through here.

#include "core/news/sentiment_scoring.h"
#include "core/result.h"

#include <memory>
#include <string>
#include <vector>

namespace marketlens::core {
class ProjectStore;
}

namespace marketlens::models {

// True for the kinds of models table rows that are sentiment models.
bool isSentimentModelKind(const std::string& kind);

// "lexicon", "lexicon:vader", "model:12" or a bare id "12". NotFound for an unknown key or id,
// InvalidArgument for a model that is not a sentiment model.
core::Result<std::unique_ptr<core::news::SentimentScorer>> openSentimentScorer(
    core::ProjectStore& store, const std::string& modelKey);

struct SentimentModelInfo {
    std::string modelKey; // "lexicon", "lexicon:vader", "model:<id>"
    std::string displayName;
    std::string kind; // "lexicon", "sentiment_bow", "sentiment_transformer", "sentiment_bert"
};
// The lexicons and every stored sentiment model, lexicons first.
core::Result<std::vector<SentimentModelInfo>> availableSentimentModels(core::ProjectStore& store);

} // namespace marketlens::models
