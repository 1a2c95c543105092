// A stored trainable sentiment classifier (models/text_classifier.h) as a SentimentScorer:
// class probabilities, score P(positive) - P(negative), and gradient x input explanations mapped
// back to the words of the text. Torch exceptions become core::Error here.
#include "models/text_classifier.h"
#include "models/text_classifier_torch.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace marketlens::models {

using core::ErrorCode;
using core::makeError;
using core::SentimentClass;
using namespace text_detail;

namespace {

class TextClassifierScorer final : public core::news::SentimentScorer {
public:
    TextClassifierScorer(torch::jit::Module module, TextModelSettings settings, Lexicons lexicons,
        std::string key, std::string name)
        : m_module(std::move(module))
        , m_settings(std::move(settings))
        , m_lexicons(std::move(lexicons))
        , m_key(std::move(key))
        , m_name(std::move(name))
    {
    }
    std::string modelKey() const override { return m_key; }
    std::string displayName() const override { return m_name; }
    core::Result<std::vector<core::news::StoredScore>> scoreTexts(
        const std::vector<QString>& texts, bool explain) const override;

private:
    void explainRows(const std::vector<std::vector<WordToken>>& words,
        const std::vector<std::vector<EncodedRow>>& encoded,
        const std::vector<LexiconFeatures>& lex, std::vector<core::news::StoredScore>& out) const;

    mutable torch::jit::Module m_module; // run() is not const in torch's API
    TextModelSettings m_settings;
    Lexicons m_lexicons;
    std::string m_key, m_name;
};

// Gradient x input of the score P(positive) - P(negative) (mean over a text's windows) with
// respect to the token embeddings, summed over the embedding and per word (a pair's share split
// between its two words); the lexicon inputs' share is spread over the words in proportion to
// their lexicon contributions.
void TextClassifierScorer::explainRows(const std::vector<std::vector<WordToken>>& words,
    const std::vector<std::vector<EncodedRow>>& encoded, const std::vector<LexiconFeatures>& lex,
    std::vector<core::news::StoredScore>& out) const
{
    torch::AutoGradMode grad(true);
    std::vector<const EncodedRow*> rows;
    std::vector<const float*> lexRows;
    std::vector<std::size_t> owner;
    std::vector<float> rowWeight;
    for (std::size_t t = 0; t < encoded.size(); ++t) {
        for (const EncodedRow& r : encoded[t]) {
            rows.push_back(&r);
            lexRows.push_back(lex[t].values);
            owner.push_back(t);
            rowWeight.push_back(1.f / float(encoded[t].size()));
        }
    }
    const Batch b = makeBatch(rows, lexRows);
    std::vector<float> values;
    for (SentimentClass c : m_settings.classes)
        values.push_back(float(int(c)));
    auto e = m_module.get_method("embed")({b.ids}).toTensor().detach().requires_grad_(true);
    auto lexIn = b.lex.clone().requires_grad_(true);
    const auto logits = m_module.get_method("classify")({e, b.mask, lexIn}).toTensor();
    const auto score = (torch::softmax(logits, 1) * torch::tensor(values)).sum(1);
    (score * torch::tensor(rowWeight)).sum().backward();
    const auto tokenAttr = (e.grad() * e).sum(2).contiguous();
    const auto lexAttr = (lexIn.grad() * lexIn).contiguous();
    auto ta = tokenAttr.accessor<float, 2>();
    auto la = lexAttr.accessor<float, 2>();

    std::vector<std::map<int, std::pair<int, double>>> byPos(encoded.size()); // pos -> len, w
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::size_t t = owner[i];
        const auto& w = words[t];
        for (std::size_t j = 0; j < rows[i]->ids.size(); ++j) {
            const double a = ta[std::int64_t(i)][std::int64_t(j)];
            const int first = rows[i]->firstWord[j], second = rows[i]->secondWord[j];
            for (int k : {first, second}) {
                if (k < 0)
                    continue;
                const WordToken& wt = w[std::size_t(k)];
                auto& slot = byPos[t][wt.position];
                slot.first = wt.length;
                slot.second += second >= 0 ? a / 2 : a;
            }
        }
        if (i + 1 < rows.size() && owner[i + 1] == t)
            continue; // the lexicon share once per text (its rows carry equal lex inputs)
        for (int k = 0; k < kLexiconFeatures; ++k) {
            double share = 0.0;
            for (std::size_t r = 0; r < rows.size(); ++r)
                share += owner[r] == t ? la[std::int64_t(r)][k] : 0.0;
            const double sum = lex[t].sums[k];
            if (std::abs(sum) < 1e-9)
                continue;
            for (const auto& c : lex[t].contributions[k]) {
                auto& slot = byPos[t][c.position];
                if (slot.first == 0)
                    slot.first = c.length;
                slot.second += share * c.contribution / sum;
            }
        }
    }
    for (std::size_t t = 0; t < encoded.size(); ++t) {
        auto& ex = out[t].explanation;
        for (const auto& [pos, lw] : byPos[t]) {
            if (lw.second != 0.0)
                ex.push_back({pos, lw.first, lw.second});
        }
        std::stable_sort(ex.begin(), ex.end(),
            [](const auto& a, const auto& c) { return std::abs(a.weight) > std::abs(c.weight); });
        if (ex.size() > 32)
            ex.resize(32);
    }
}

core::Result<std::vector<core::news::StoredScore>> TextClassifierScorer::scoreTexts(
    const std::vector<QString>& texts, bool explain) const
{
    try {
        std::vector<std::vector<WordToken>> words;
        std::vector<std::vector<EncodedRow>> encoded;
        std::vector<LexiconFeatures> lex;
        for (const QString& t : texts) {
            words.push_back(wordTokens(t));
            encoded.push_back(encodeText(words.back(), m_settings));
            lex.push_back(m_lexicons.features(t, explain));
        }
        const auto probs = predictTexts(m_module, encoded, lex, m_settings.classes.size());
        std::vector<core::news::StoredScore> out(texts.size());
        for (std::size_t t = 0; t < texts.size(); ++t) {
            auto& s = out[t];
            s.probabilities.assign(3, 0.0);
            for (std::size_t c = 0; c < m_settings.classes.size(); ++c)
                s.probabilities[std::size_t(int(m_settings.classes[c]) + 1)] = probs[t][c];
            s.score = std::clamp(s.probabilities[2] - s.probabilities[0], -1.0, 1.0);
            s.label = m_settings.classes[std::size_t(predictedIndex(probs[t]))];
        }
        if (explain && !texts.empty())
            explainRows(words, encoded, lex, out);
        return out;
    } catch (const std::exception& e) {
        return makeError(ErrorCode::BadData, "sentiment model failed: " + torchMessage(e));
    }
}

} // namespace

core::Result<std::unique_ptr<core::news::SentimentScorer>> textClassifierScorer(
    const core::forecast::ModelRecord& record)
{
    if (record.kind != "sentiment_bow" && record.kind != "sentiment_transformer")
        return makeError(ErrorCode::BadData,
            "model " + std::to_string(record.id) + " is not a trained sentiment classifier");
    auto settings = settingsFromJson(record.hyperParamsJson);
    if (!settings)
        return settings.error();
    auto lexicons = Lexicons::builtIn();
    if (!lexicons)
        return lexicons.error();
    auto model = ScriptModel::fromBytes(record.weights);
    if (!model)
        return model.error();
    auto& module = model->impl()->module;
    if (!module.find_method("embed") || !module.find_method("classify"))
        return makeError(ErrorCode::BadData, "the stored sentiment model lacks embed/classify");
    module.eval();
    return std::unique_ptr<core::news::SentimentScorer>(
        std::make_unique<TextClassifierScorer>(module, std::move(*settings), std::move(*lexicons),
            "model:" + std::to_string(record.id), record.name));
}

} // namespace marketlens::models
