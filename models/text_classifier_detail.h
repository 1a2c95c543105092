#pragma once
// Private to text_classifier*.cpp: the torch-free half of the trainable sentiment classifiers
// (word tokens, vocabulary, n-gram encoding, lexicon features, folds, metrics, the settings kept
// in a record's hyperParamsJson). text_classifier.cpp holds the LibTorch half.

#include "core/news/lexicon_sentiment.h"
#include "core/news/news_item.h"
#include "core/news/news_store.h"
#include "core/result.h"
#include "models/text_classifier.h"

#include <QString>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace marketlens::models::text_detail {

inline constexpr int kPadId = 0;
inline constexpr int kUnkId = 1;
inline constexpr int kLexiconFeatures = 2; // market-news compound, VADER compound

// One word of a text: lower-cased, a maximal run of letters/digits; where it is (UTF-16 units).
struct WordToken {
    QString word;
    int position = 0;
    int length = 0;
};
std::vector<WordToken> wordTokens(const QString& text);

// Word -> id (0 PAD, 1 UNK, the words from 2 in order of first appearance).
class Vocabulary {
public:
    Vocabulary() = default;
    explicit Vocabulary(std::vector<QString> words);
    int size() const { return int(m_words.size()) + 2; }
    int id(const QString& word) const; // kUnkId when unknown
    const std::vector<QString>& words() const { return m_words; }

private:
    std::vector<QString> m_words;
    std::unordered_map<std::u16string, int> m_index;
};
// Words of `rows` of the tokenised texts that occur at least `minCount` times.
Vocabulary buildVocabulary(const std::vector<std::vector<WordToken>>& tokens,
    const std::vector<std::size_t>& rows, int minCount);

// Distinct adjacent word pairs in `rows` (to size the Bow hash table).
std::size_t distinctBigrams(
    const std::vector<std::vector<WordToken>>& tokens, const std::vector<std::size_t>& rows);
// FNV-1a (64 bits) of the two words' UTF-16 code units with a separator.
std::uint64_t bigramHash(const QString& a, const QString& b);

// The settings a stored model needs to encode text again (hyperParamsJson).
struct TextModelSettings {
    TextModelKind kind = TextModelKind::Bow;
    std::vector<core::SentimentClass> classes; // in logit order
    Vocabulary vocabulary;
    int hashBuckets = 0; // Bow
    int embeddingDim = 64;
    int maxLength = 128; // Transformer
    int layers = 2, heads = 4;
    double dropout = 0.1;
};
std::string settingsToJson(const TextModelSettings& s, const TextClassifierOptions& options);
core::Result<TextModelSettings> settingsFromJson(const std::string& json);

// One model input row: ids and, for each id, the word(s) it stands for (indexes into the text's
// WordToken list; -1 none).
struct EncodedRow {
    std::vector<std::int64_t> ids;
    std::vector<int> firstWord, secondWord;
};
// Bow: the known words' ids, then one hashed id per adjacent word pair (unknown words take part
// in pairs). Transformer: one id per word (UNK for unknown), split into windows of maxLength.
std::vector<EncodedRow> encodeText(
    const std::vector<WordToken>& words, const TextModelSettings& settings);

// The two lexicon features of a text (market-news and VADER compound, the app's default scoring
// options) and, for explanations, the contributions behind each.
struct LexiconFeatures {
    float values[kLexiconFeatures] = {0.f, 0.f};
    std::vector<core::news::TokenContribution> contributions[kLexiconFeatures];
    double sums[kLexiconFeatures] = {0.0, 0.0};
};
class Lexicons {
public:
    static core::Result<Lexicons> builtIn();
    LexiconFeatures features(const QString& text, bool withContributions) const;
    // Label of lexicon `which` (0 market news, 1 VADER) for a text.
    // With three classes the lexicon thresholds (lexicon_sentiment.h) decide; with only
    // negative/positive (`binary`) the sign does (compound > 0 is positive), the convention of the
    // accuracies recorded for the UCI sentences, so the same-fold comparison is like for like.
    core::SentimentClass label(const LexiconFeatures& f, int which, bool binary) const;

private:
    std::vector<core::news::LexiconSentiment> m_lexicons;
};

// Stratified fold (0..k-1) of every example, drawn with the seed.
std::vector<int> stratifiedFolds(const std::vector<int>& labels, int k, std::uint64_t seed);

// Accuracy and macro-F1 over `classes` classes; a prediction of -1 (a class the model does not
// know) is wrong for its item.
void classMetrics(const std::vector<int>& truth, const std::vector<int>& predicted, int classes,
    double& accuracy, double& macroF1);

const char* className(core::SentimentClass c);
bool parseClassName(const QString& name, core::SentimentClass& c);

} // namespace marketlens::models::text_detail
