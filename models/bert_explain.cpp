// Explanations of BERT-style scores by occlusion (models/bert_sentiment.h, docs/models.md):
// gradients cannot be taken through an opaque TorchScript forward that starts from token ids, so
// each word's pieces are masked in turn and the change of the score is the word's weight.
#include "models/bert_detail.h"

#include <algorithm>
#include <cmath>

namespace marketlens::models::bert_detail {

using core::news::BertTokenizer;
using core::news::BertWindows;
using core::news::WordWeight;

namespace {

constexpr int kMaxOcclusions = 64; // words (or groups of words) occluded per text
constexpr std::size_t kMaxExplanation = 32; // word weights kept (news_store.h)

struct Word {
    int position = 0, length = 0; // in the text, UTF-16 units
    int firstPiece = 0, pieceCount = 0;
};

bool isPunct(char32_t cp)
{
    if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96)
        || (cp >= 123 && cp <= 126))
        return true;
    const auto c = QChar::category(cp);
    return c >= QChar::Punctuation_Connector && c <= QChar::Punctuation_Other;
}

bool isCjk(char32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x20000 && cp <= 0x2CEAF) || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

// The text's words (runs between whitespace and punctuation; a CJK ideograph alone) with the
// pieces each gives. Each run is tokenised alone and the concatenation checked against the whole
// text's pieces, so the mapping is exact or (odd Unicode) no explanation is given.
std::vector<Word> wordsOf(const BertTokenizer& tok, const QString& text, const Row& pieces)
{
    struct Run {
        int position, length;
        bool word;
    };
    std::vector<Run> runs;
    int start = -1;
    for (int i = 0; i < text.size();) {
        const char32_t cp = text.at(i).isHighSurrogate() && i + 1 < text.size()
            ? QChar::surrogateToUcs4(text.at(i), text.at(i + 1))
            : char32_t(text.at(i).unicode());
        const int units = cp > 0xFFFF ? 2 : 1;
        const bool space = QChar::isSpace(cp) || cp == U'\t' || cp == U'\n' || cp == U'\r';
        const bool alone = isPunct(cp) || (tok.options().tokenizeChineseChars && isCjk(cp));
        if ((space || alone) && start >= 0) {
            runs.push_back({start, i - start, true});
            start = -1;
        }
        if (alone)
            runs.push_back({i, units, !isPunct(cp)});
        else if (!space && start < 0)
            start = i;
        i += units;
    }
    if (start >= 0)
        runs.push_back({start, int(text.size()) - start, true});
    std::vector<Word> words;
    Row joined;
    for (const Run& r : runs) {
        const Row ids = tok.tokenIds(text.mid(r.position, r.length));
        if (r.word && !ids.empty())
            words.push_back({r.position, r.length, int(joined.size()), int(ids.size())});
        joined.insert(joined.end(), ids.begin(), ids.end());
    }
    if (joined != pieces)
        return {};
    return words;
}

} // namespace

// Each word's (or, in a long text, each group of neighbouring words') pieces replaced by [MASK] in
// the windows that hold them; weight = score with the word - score without it.
core::Result<std::vector<WordWeight>> occlusionWeights(const BertRuntime& rt, const QString& text,
    const BertWindows& windows, const Row& pieces,
    const std::vector<std::vector<double>>& windowProbs, double baseScore)
{
    const BertTokenizer& tok = *rt.tokenizer;
    const std::vector<Word> words = wordsOf(tok, text, pieces);
    if (words.empty())
        return std::vector<WordWeight>();
    const int perGroup = (int(words.size()) + kMaxOcclusions - 1) / kMaxOcclusions;
    std::vector<Word> groups;
    for (std::size_t i = 0; i < words.size(); i += std::size_t(perGroup)) {
        const Word& last = words[std::min(words.size(), i + std::size_t(perGroup)) - 1];
        groups.push_back({words[i].position, last.position + last.length - words[i].position,
            words[i].firstPiece, last.firstPiece + last.pieceCount - words[i].firstPiece});
    }
    const int maskId = tok.tokenId(QStringLiteral("[MASK]")) >= 0
        ? tok.tokenId(QStringLiteral("[MASK]"))
        : tok.unkId();
    std::vector<Row> rows;
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> touched(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const Word& w = groups[g];
        for (std::size_t k = 0; k < windows.windows.size(); ++k) {
            const auto& e = windows.windows[k];
            const int a = std::max(w.firstPiece, e.firstPiece);
            const int b = std::min(w.firstPiece + w.pieceCount, e.firstPiece + e.pieceCount);
            if (a >= b)
                continue;
            Row row = rowOf(e);
            for (int p = a; p < b; ++p)
                row[std::size_t(1 + p - e.firstPiece)] = maskId;
            touched[g].push_back({k, rows.size()});
            rows.push_back(std::move(row));
        }
    }
    auto logits = rt.logits(rows);
    if (!logits)
        return logits.error();
    std::vector<WordWeight> weights;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        std::vector<std::vector<double>> probs = windowProbs;
        for (const auto& [k, r] : touched[g])
            probs[k] = softmax((*logits)[r]);
        auto mean = core::news::aggregateWindows(windows, probs);
        if (!mean)
            return mean.error();
        const double weight = baseScore - toScore(*mean, rt.meta.labels).score;
        if (std::abs(weight) > 1e-6)
            weights.push_back({groups[g].position, groups[g].length, weight});
    }
    std::stable_sort(weights.begin(), weights.end(), [](const WordWeight& a, const WordWeight& b) {
        return std::abs(a.weight) > std::abs(b.weight);
    });
    if (weights.size() > kMaxExplanation)
        weights.resize(kMaxExplanation);
    return weights;
}

} // namespace marketlens::models::bert_detail
