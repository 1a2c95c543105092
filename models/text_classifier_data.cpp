// The torch-free half of the trainable sentiment classifiers: word tokens, vocabulary, n-gram
// encoding, lexicon features, stratified folds, metrics and the stored settings.
#include "models/text_classifier_detail.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>
#include <random>
#include <set>

namespace marketlens::models::text_detail {

using core::ErrorCode;
using core::makeError;
using core::SentimentClass;

std::vector<WordToken> wordTokens(const QString& text)
{
    std::vector<WordToken> out;
    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        while (i < n && !text.at(i).isLetterOrNumber())
            ++i;
        const int start = i;
        while (i < n && text.at(i).isLetterOrNumber())
            ++i;
        if (i > start)
            out.push_back({text.mid(start, i - start).toLower(), start, i - start});
    }
    return out;
}

Vocabulary::Vocabulary(std::vector<QString> words)
    : m_words(std::move(words))
{
    for (std::size_t i = 0; i < m_words.size(); ++i)
        m_index.emplace(m_words[i].toStdU16String(), int(i) + 2);
}

int Vocabulary::id(const QString& word) const
{
    const auto it = m_index.find(word.toStdU16String());
    return it == m_index.end() ? kUnkId : it->second;
}

Vocabulary buildVocabulary(const std::vector<std::vector<WordToken>>& tokens,
    const std::vector<std::size_t>& rows, int minCount)
{
    std::unordered_map<std::u16string, int> counts;
    std::vector<QString> order;
    for (std::size_t r : rows) {
        for (const WordToken& t : tokens[r]) {
            if (counts[t.word.toStdU16String()]++ == 0)
                order.push_back(t.word);
        }
    }
    std::vector<QString> words;
    for (const QString& w : order) {
        if (counts[w.toStdU16String()] >= std::max(1, minCount))
            words.push_back(w);
    }
    return Vocabulary(std::move(words));
}

std::size_t distinctBigrams(
    const std::vector<std::vector<WordToken>>& tokens, const std::vector<std::size_t>& rows)
{
    std::set<std::uint64_t> seen;
    for (std::size_t r : rows) {
        for (std::size_t i = 0; i + 1 < tokens[r].size(); ++i)
            seen.insert(bigramHash(tokens[r][i].word, tokens[r][i + 1].word));
    }
    return seen.size();
}

std::uint64_t bigramHash(const QString& a, const QString& b)
{
    std::uint64_t h = 14695981039346656037ULL;
    auto add = [&h](char16_t c) {
        h ^= std::uint64_t(c & 0xFF);
        h *= 1099511628211ULL;
        h ^= std::uint64_t(c >> 8);
        h *= 1099511628211ULL;
    };
    for (QChar c : a)
        add(c.unicode());
    add(u' ');
    for (QChar c : b)
        add(c.unicode());
    return h;
}

const char* className(SentimentClass c)
{
    switch (c) {
    case SentimentClass::Negative:
        return "negative";
    case SentimentClass::Neutral:
        return "neutral";
    case SentimentClass::Positive:
        return "positive";
    }
    return "neutral";
}

bool parseClassName(const QString& name, SentimentClass& c)
{
    for (SentimentClass k :
        {SentimentClass::Negative, SentimentClass::Neutral, SentimentClass::Positive}) {
        if (name == QLatin1String(className(k))) {
            c = k;
            return true;
        }
    }
    return false;
}

std::string settingsToJson(const TextModelSettings& s, const TextClassifierOptions& o)
{
    QJsonObject j;
    j[QStringLiteral("format")] = QStringLiteral("marketlens-text-classifier");
    j[QStringLiteral("format_version")] = 1;
    j[QStringLiteral("kind")] = QString::fromLatin1(textModelKindKey(s.kind));
    QJsonArray classes;
    for (SentimentClass c : s.classes)
        classes.append(QString::fromLatin1(className(c)));
    j[QStringLiteral("classes")] = classes;
    j[QStringLiteral("tokenizer")] = QStringLiteral("lower-cased runs of letters/digits");
    j[QStringLiteral("lexicon_features")]
        = QJsonArray {QStringLiteral("lexicon"), QStringLiteral("lexicon:vader")};
    j[QStringLiteral("embedding_dim")] = s.embeddingDim;
    if (s.kind == TextModelKind::Bow) {
        j[QStringLiteral("hash_buckets")] = s.hashBuckets;
    } else {
        j[QStringLiteral("max_length")] = s.maxLength;
        j[QStringLiteral("layers")] = s.layers;
        j[QStringLiteral("heads")] = s.heads;
        j[QStringLiteral("dropout")] = s.dropout;
    }
    j[QStringLiteral("epochs")] = o.epochs;
    j[QStringLiteral("batch_size")] = o.batchSize;
    j[QStringLiteral("learning_rate")] = o.learningRate;
    j[QStringLiteral("weight_decay")] = o.weightDecay;
    j[QStringLiteral("min_word_count")] = o.minWordCount;
    QJsonArray words;
    for (const QString& w : s.vocabulary.words())
        words.append(w);
    j[QStringLiteral("vocabulary")] = words;
    return QJsonDocument(j).toJson(QJsonDocument::Compact).toStdString();
}

core::Result<TextModelSettings> settingsFromJson(const std::string& json)
{
    auto bad = [](const std::string& what) {
        return makeError(ErrorCode::BadData, "sentiment model settings: " + what);
    };
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return bad("not a JSON object");
    const QJsonObject j = doc.object();
    if (j.value(QStringLiteral("format")).toString() != QLatin1String("marketlens-text-classifier"))
        return bad("not a text classifier");
    TextModelSettings s;
    if (!parseTextModelKind(j.value(QStringLiteral("kind")).toString().toStdString(), s.kind))
        return bad("unknown kind");
    for (const QJsonValue& v : j.value(QStringLiteral("classes")).toArray()) {
        SentimentClass c;
        if (!parseClassName(v.toString(), c))
            return bad("unknown class '" + v.toString().toStdString() + "'");
        s.classes.push_back(c);
    }
    if (s.classes.size() < 2)
        return bad("fewer than two classes");
    std::vector<QString> words;
    for (const QJsonValue& v : j.value(QStringLiteral("vocabulary")).toArray())
        words.push_back(v.toString());
    s.vocabulary = Vocabulary(std::move(words));
    s.embeddingDim = j.value(QStringLiteral("embedding_dim")).toInt(64);
    s.hashBuckets = j.value(QStringLiteral("hash_buckets")).toInt(0);
    s.maxLength = j.value(QStringLiteral("max_length")).toInt(128);
    s.layers = j.value(QStringLiteral("layers")).toInt(2);
    s.heads = j.value(QStringLiteral("heads")).toInt(4);
    s.dropout = j.value(QStringLiteral("dropout")).toDouble(0.1);
    if (s.embeddingDim < 1 || (s.kind == TextModelKind::Bow && s.hashBuckets < 1)
        || (s.kind == TextModelKind::Transformer && s.maxLength < 1))
        return bad("sizes must be positive");
    return s;
}

std::vector<EncodedRow> encodeText(const std::vector<WordToken>& words, const TextModelSettings& s)
{
    std::vector<EncodedRow> rows;
    if (s.kind == TextModelKind::Bow) {
        EncodedRow r;
        const int n = int(words.size());
        for (int i = 0; i < n; ++i) {
            const int id = s.vocabulary.id(words[std::size_t(i)].word);
            if (id == kUnkId)
                continue; // fastText: unknown words leave the bag
            r.ids.push_back(id);
            r.firstWord.push_back(i);
            r.secondWord.push_back(-1);
        }
        const std::uint64_t base = std::uint64_t(s.vocabulary.size());
        for (int i = 0; i + 1 < n; ++i) {
            const auto h = bigramHash(words[std::size_t(i)].word, words[std::size_t(i) + 1].word);
            r.ids.push_back(std::int64_t(base + h % std::uint64_t(s.hashBuckets)));
            r.firstWord.push_back(i);
            r.secondWord.push_back(i + 1);
        }
        rows.push_back(std::move(r));
        return rows;
    }
    const int n = int(words.size());
    for (int start = 0; start < n || rows.empty(); start += s.maxLength) {
        EncodedRow r;
        for (int i = start; i < std::min(n, start + s.maxLength); ++i) {
            r.ids.push_back(s.vocabulary.id(words[std::size_t(i)].word));
            r.firstWord.push_back(i);
            r.secondWord.push_back(-1);
        }
        rows.push_back(std::move(r));
        if (n == 0)
            break;
    }
    return rows;
}

core::Result<Lexicons> Lexicons::builtIn()
{
    Lexicons l;
    for (auto kind :
        {core::news::SentimentLexicon::MarketNews, core::news::SentimentLexicon::Vader}) {
        auto lex = core::news::LexiconSentiment::builtIn(kind);
        if (!lex)
            return lex.error();
        l.m_lexicons.push_back(std::move(*lex));
    }
    return l;
}

LexiconFeatures Lexicons::features(const QString& text, bool withContributions) const
{
    LexiconFeatures f;
    for (int k = 0; k < kLexiconFeatures; ++k) {
        auto score = m_lexicons[std::size_t(k)].score(text);
        f.values[k] = float(score.compound);
        f.sums[k] = score.sum;
        if (withContributions)
            f.contributions[k] = std::move(score.contributions);
    }
    return f;
}

SentimentClass Lexicons::label(const LexiconFeatures& f, int which, bool binary) const
{
    if (binary)
        return f.values[which] > 0 ? SentimentClass::Positive : SentimentClass::Negative;
    switch (core::news::sentimentLabel(f.values[which])) {
    case core::news::SentimentLabel::Negative:
        return SentimentClass::Negative;
    case core::news::SentimentLabel::Positive:
        return SentimentClass::Positive;
    case core::news::SentimentLabel::Neutral:
        break;
    }
    return SentimentClass::Neutral;
}

std::vector<int> stratifiedFolds(const std::vector<int>& labels, int k, std::uint64_t seed)
{
    std::map<int, std::vector<std::size_t>> byClass;
    for (std::size_t i = 0; i < labels.size(); ++i)
        byClass[labels[i]].push_back(i);
    std::vector<int> fold(labels.size(), 0);
    std::mt19937_64 rng(seed ^ 0xF01DF01DULL);
    int next = 0; // continue the round robin across classes so fold sizes stay balanced
    for (auto& [label, rows] : byClass) {
        for (std::size_t i = rows.size(); i > 1; --i)
            std::swap(rows[i - 1], rows[rng() % i]);
        for (std::size_t r : rows) {
            fold[r] = next;
            next = (next + 1) % k;
        }
    }
    return fold;
}

void classMetrics(const std::vector<int>& truth, const std::vector<int>& predicted, int classes,
    double& accuracy, double& macroF1)
{
    std::vector<double> tp(std::size_t(classes), 0), fp(tp), fn(tp);
    std::size_t correct = 0;
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const int t = truth[i], p = predicted[i];
        if (t == p) {
            ++correct;
            tp[std::size_t(t)] += 1;
            continue;
        }
        fn[std::size_t(t)] += 1;
        if (p >= 0)
            fp[std::size_t(p)] += 1;
    }
    accuracy = truth.empty() ? 0.0 : double(correct) / double(truth.size());
    double f1 = 0.0;
    for (int c = 0; c < classes; ++c) {
        const double d = 2 * tp[std::size_t(c)] + fp[std::size_t(c)] + fn[std::size_t(c)];
        f1 += d > 0 ? 2 * tp[std::size_t(c)] / d : 0.0;
    }
    macroF1 = classes > 0 ? f1 / classes : 0.0;
}

} // namespace marketlens::models::text_detail
