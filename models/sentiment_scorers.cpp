// Opening any sentiment model by its key (models/sentiment_scorers.h): the core lexicons, or a
// stored model record handed to the scorer of its kind.
#include "models/sentiment_scorers.h"

#include "core/forecast/model_store.h"
#include "core/project_store.h"
#include "models/bert_sentiment.h"
#include "models/text_classifier.h"

namespace marketlens::models {

using core::ErrorCode;
using core::makeError;

namespace {

// "model:12" or "12" -> 12; 0 when the key is neither.
std::int64_t idOfKey(const std::string& key)
{
    std::string digits = key;
    if (digits.rfind("model:", 0) == 0)
        digits = digits.substr(6);
    if (digits.empty() || digits.size() > 18
        || digits.find_first_not_of("0123456789") != std::string::npos)
        return 0;
    return std::stoll(digits);
}

} // namespace

bool isSentimentModelKind(const std::string& kind)
{
    return kind == "sentiment_bow" || kind == "sentiment_transformer" || kind == "sentiment_bert";
}

core::Result<std::unique_ptr<core::news::SentimentScorer>> openSentimentScorer(
    core::ProjectStore& store, const std::string& modelKey)
{
    if (modelKey.rfind("lexicon", 0) == 0)
        return core::news::openLexiconScorer(modelKey);
    const std::int64_t id = idOfKey(modelKey);
    if (id <= 0)
        return makeError(ErrorCode::NotFound,
            "unknown sentiment model '" + modelKey
                + "' (lexicon, lexicon:vader, or a model id from 'marketlens models')");
    auto record = core::forecast::loadModel(store, id);
    if (!record)
        return record.error();
    if (record->kind == "sentiment_bert")
        return bertScorer(*record);
    if (isSentimentModelKind(record->kind))
        return textClassifierScorer(*record);
    return makeError(ErrorCode::InvalidArgument,
        "model " + std::to_string(id) + " (" + record->name + ") is a '" + record->kind
            + "' model, not a sentiment model");
}

core::Result<std::vector<SentimentModelInfo>> availableSentimentModels(core::ProjectStore& store)
{
    std::vector<SentimentModelInfo> out;
    for (const auto& [key, name] : core::news::builtInLexiconScorers())
        out.push_back({key, name, "lexicon"});
    auto models = core::forecast::listModels(store);
    if (!models)
        return models.error();
    for (const core::forecast::ModelRecord& r : *models) {
        if (isSentimentModelKind(r.kind))
            out.push_back({"model:" + std::to_string(r.id), r.name, r.kind});
    }
    return out;
}

} // namespace marketlens::models
