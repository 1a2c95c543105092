#include "bert_tokenizer.h"

#include <QChar>
#include <QFile>

#include <algorithm>

namespace marketlens::core::news {
namespace {

// Python iterates strings by code point; so does everything here.
std::u32string toCodePoints(const QString& text)
{
    std::u32string out;
    out.reserve(static_cast<std::size_t>(text.size()));
    const QList<uint> ucs4 = text.toUcs4();
    for (uint cp : ucs4)
        out.push_back(static_cast<char32_t>(cp));
    return out;
}

QString fromCodePoints(const std::u32string& cps, std::size_t begin, std::size_t end)
{
    return QString::fromUcs4(cps.data() + begin, static_cast<qsizetype>(end - begin));
}

QString fromCodePoints(const std::u32string& cps)
{
    return fromCodePoints(cps, 0, cps.size());
}

// BERT's _is_whitespace: the four ASCII ones and category Zs.
bool isBertWhitespace(char32_t cp)
{
    if (cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r')
        return true;
    return QChar::category(cp) == QChar::Separator_Space;
}

// BERT's _is_control: category C* except \t \n \r (which are whitespace).
bool isBertControl(char32_t cp)
{
    if (cp == U'\t' || cp == U'\n' || cp == U'\r')
        return false;
    switch (QChar::category(cp)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
        return true;
    default:
        return false;
    }
}

// BERT's _is_punctuation: all non-alphanumeric ASCII symbols, and Unicode category P*.
bool isBertPunctuation(char32_t cp)
{
    if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96)
        || (cp >= 123 && cp <= 126))
        return true;
    switch (QChar::category(cp)) {
    case QChar::Punctuation_Connector:
    case QChar::Punctuation_Dash:
    case QChar::Punctuation_Open:
    case QChar::Punctuation_Close:
    case QChar::Punctuation_InitialQuote:
    case QChar::Punctuation_FinalQuote:
    case QChar::Punctuation_Other:
        return true;
    default:
        return false;
    }
}

// BERT's _is_chinese_char: the CJK Unified Ideographs blocks and their extensions/compatibility
// blocks. Japanese kana and Korean Hangul are deliberately not in these ranges.
bool isCjkIdeograph(char32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x20000 && cp <= 0x2A6DF) || (cp >= 0x2A700 && cp <= 0x2B73F)
        || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

// Python's str.split() with no argument: runs of whitespace separate, none kept. After the
// clean-up only ' ' and the few whitespace characters that are neither Zs nor C* (U+2028, U+2029)
// can remain; QChar::isSpace covers both.
std::vector<std::u32string> splitWhitespace(const std::u32string& text)
{
    std::vector<std::u32string> words;
    std::u32string current;
    for (char32_t cp : text) {
        if (QChar::isSpace(cp)) {
            if (!current.empty())
                words.push_back(std::move(current));
            current.clear();
        } else {
            current.push_back(cp);
        }
    }
    if (!current.empty())
        words.push_back(std::move(current));
    return words;
}

std::u32string stripAccents(const std::u32string& word)
{
    const std::u32string nfd
        = toCodePoints(fromCodePoints(word).normalized(QString::NormalizationForm_D));
    std::u32string out;
    out.reserve(nfd.size());
    for (char32_t cp : nfd) {
        if (QChar::category(cp) != QChar::Mark_NonSpacing)
            out.push_back(cp);
    }
    return out;
}

} // namespace

Result<BertTokenizer> BertTokenizer::fromVocabFile(
    const QString& path, const BertTokenizerOptions& options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
            "cannot read the vocabulary: " + file.errorString().toStdString(), path.toStdString());
    return fromVocabData(file.readAll(), path, options);
}

Result<BertTokenizer> BertTokenizer::fromVocabData(
    const QByteArray& data, const QString& sourceName, const BertTokenizerOptions& options)
{
    if (options.maxInputCharsPerWord < 1)
        return makeError(ErrorCode::InvalidArgument, "maxInputCharsPerWord must be at least 1");
    BertTokenizer tok;
    tok.m_options = options;
    const std::string file = sourceName.toStdString();
    QByteArrayList lines = data.split('\n');
    // A final line break ends the last token; it does not start an empty one.
    if (!lines.isEmpty() && lines.back().isEmpty())
        lines.removeLast();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        if (i == 0 && line.startsWith("\xEF\xBB\xBF"))
            line.remove(0, 3);
        const std::int64_t lineNo = i + 1;
        if (line.isEmpty())
            return makeError(ErrorCode::BadData, "empty token in the vocabulary", file, lineNo);
        const QString token = QString::fromUtf8(line);
        const auto it = tok.m_vocab.constFind(token);
        if (it != tok.m_vocab.constEnd())
            return makeError(ErrorCode::BadData,
                "duplicate token '" + token.toStdString() + "' (first on line "
                    + std::to_string(it.value() + 1) + ")",
                file, lineNo);
        tok.m_vocab.insert(token, static_cast<int>(i));
        tok.m_idToToken.append(token);
    }
    const auto require = [&](const char* name, int& id) -> Status {
        id = tok.m_vocab.value(QString::fromLatin1(name), -1);
        if (id < 0)
            return makeError(
                ErrorCode::NotFound, std::string("the vocabulary has no ") + name + " token", file);
        tok.m_specialTokens.append(QString::fromLatin1(name));
        return {};
    };
    for (auto [name, id] : {std::pair<const char*, int*> {"[UNK]", &tok.m_unkId},
             {"[SEP]", &tok.m_sepId}, {"[PAD]", &tok.m_padId}, {"[CLS]", &tok.m_clsId}}) {
        if (Status s = require(name, *id); !s)
            return s.error();
    }
    if (tok.m_vocab.contains(QStringLiteral("[MASK]")))
        tok.m_specialTokens.append(QStringLiteral("[MASK]"));
    return tok;
}

QString BertTokenizer::idToken(int id) const
{
    if (id < 0 || id >= m_idToToken.size())
        return {};
    return m_idToToken[id];
}

// HF splits the special tokens out of the text first (its added-token trie; the leftmost match
// wins, the longer one at the same place), and never lower-cases or splits them.
std::vector<std::pair<QString, bool>> BertTokenizer::splitSpecial(const QString& text) const
{
    std::vector<std::pair<QString, bool>> parts;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype best = -1;
        qsizetype bestLen = 0;
        for (const QString& special : m_specialTokens) {
            const qsizetype at = text.indexOf(special, pos);
            if (at >= 0 && (best < 0 || at < best || (at == best && special.size() > bestLen))) {
                best = at;
                bestLen = special.size();
            }
        }
        if (best < 0)
            break;
        if (best > pos)
            parts.emplace_back(text.mid(pos, best - pos), false);
        parts.emplace_back(text.mid(best, bestLen), true);
        pos = best + bestLen;
    }
    if (pos < text.size())
        parts.emplace_back(text.mid(pos), false);
    return parts;
}

void BertTokenizer::basicTokenizeSegment(const QString& segment, QStringList& words) const
{
    // Clean-up and CJK spacing in one pass.
    std::u32string cleaned;
    const std::u32string cps = toCodePoints(segment);
    cleaned.reserve(cps.size());
    for (char32_t cp : cps) {
        if (cp == 0 || cp == 0xFFFD || isBertControl(cp))
            continue;
        if (isBertWhitespace(cp)) {
            cleaned.push_back(U' ');
        } else if (m_options.tokenizeChineseChars && isCjkIdeograph(cp)) {
            cleaned.push_back(U' ');
            cleaned.push_back(cp);
            cleaned.push_back(U' ');
        } else {
            cleaned.push_back(cp);
        }
    }
    // NFC first, as HF does since transformers 4.3x, so that the same character written
    // precomposed or decomposed gives the same token when nothing strips accents.
    const std::u32string nfc
        = toCodePoints(fromCodePoints(cleaned).normalized(QString::NormalizationForm_C));
    const bool strip = m_options.stripAccents.value_or(m_options.doLowerCase);
    for (std::u32string word : splitWhitespace(nfc)) {
        if (m_options.doLowerCase)
            word = toCodePoints(fromCodePoints(word).toLower());
        if (strip)
            word = stripAccents(word);
        // Punctuation split: each punctuation character alone, the runs between kept together.
        std::size_t start = 0;
        for (std::size_t i = 0; i < word.size(); ++i) {
            if (!isBertPunctuation(word[i]))
                continue;
            if (i > start)
                words.append(fromCodePoints(word, start, i));
            words.append(fromCodePoints(word, i, i + 1));
            start = i + 1;
        }
        if (start < word.size())
            words.append(fromCodePoints(word, start, word.size()));
    }
}

QStringList BertTokenizer::basicTokenize(const QString& text) const
{
    QStringList words;
    for (const auto& [part, special] : splitSpecial(text)) {
        if (special)
            words.append(part);
        else
            basicTokenizeSegment(part, words);
    }
    return words;
}

void BertTokenizer::wordPiece(const QString& word, QStringList& out) const
{
    const std::u32string cps = toCodePoints(word);
    if (cps.size() > static_cast<std::size_t>(m_options.maxInputCharsPerWord)) {
        out.append(m_idToToken[m_unkId]);
        return;
    }
    QStringList pieces;
    std::size_t start = 0;
    while (start < cps.size()) {
        std::size_t end = cps.size();
        QString found;
        while (start < end) {
            QString candidate = fromCodePoints(cps, start, end);
            if (start > 0)
                candidate.prepend(QStringLiteral("##"));
            if (m_vocab.contains(candidate)) {
                found = std::move(candidate);
                break;
            }
            --end;
        }
        if (found.isEmpty()) {
            // One unmatched part makes the whole word unknown, not just that part.
            out.append(m_idToToken[m_unkId]);
            return;
        }
        pieces.append(found);
        start = end;
    }
    out.append(pieces);
}

QStringList BertTokenizer::tokenize(const QString& text) const
{
    QStringList pieces;
    for (const auto& [part, special] : splitSpecial(text)) {
        if (special) {
            pieces.append(part);
            continue;
        }
        QStringList words;
        basicTokenizeSegment(part, words);
        for (const QString& word : words)
            wordPiece(word, pieces);
    }
    return pieces;
}

std::vector<std::int64_t> BertTokenizer::tokenIds(const QString& text) const
{
    const QStringList pieces = tokenize(text);
    std::vector<std::int64_t> ids;
    ids.reserve(static_cast<std::size_t>(pieces.size()));
    for (const QString& piece : pieces)
        ids.push_back(m_vocab.value(piece, m_unkId));
    return ids;
}

BertEncoding BertTokenizer::frame(
    const std::vector<std::int64_t>& pieces, int first, int count, int maxLength) const
{
    BertEncoding enc;
    enc.firstPiece = first;
    enc.pieceCount = count;
    enc.tokenCount = count + 2;
    const auto n = static_cast<std::size_t>(maxLength);
    enc.inputIds.assign(n, m_padId);
    enc.attentionMask.assign(n, 0);
    enc.tokenTypeIds.assign(n, 0);
    enc.inputIds[0] = m_clsId;
    std::copy(pieces.begin() + first, pieces.begin() + first + count, enc.inputIds.begin() + 1);
    enc.inputIds[static_cast<std::size_t>(count) + 1] = m_sepId;
    std::fill(enc.attentionMask.begin(), enc.attentionMask.begin() + count + 2, 1);
    return enc;
}

Result<BertEncoding> BertTokenizer::encode(const QString& text, int maxLength) const
{
    if (maxLength < 2)
        return makeError(ErrorCode::InvalidArgument,
            "maxLength must leave room for [CLS] and [SEP] (at least 2)");
    const std::vector<std::int64_t> pieces = tokenIds(text);
    const int count = std::min(static_cast<int>(pieces.size()), maxLength - 2);
    return frame(pieces, 0, count, maxLength);
}

Result<BertWindows> BertTokenizer::encodeWindows(
    const QString& text, int maxLength, int stride) const
{
    if (maxLength < 3)
        return makeError(ErrorCode::InvalidArgument,
            "maxLength must be at least 3 for windows ([CLS], a piece, [SEP])");
    const int room = maxLength - 2;
    if (stride < 0 || stride >= room)
        return makeError(ErrorCode::InvalidArgument,
            "stride must be at least 0 and below maxLength - 2 (" + std::to_string(room) + ")");
    const std::vector<std::int64_t> pieces = tokenIds(text);
    BertWindows out;
    out.totalPieces = static_cast<int>(pieces.size());
    const int step = room - stride;
    for (int first = 0;; first += step) {
        const int count = std::min(room, out.totalPieces - first);
        out.windows.push_back(frame(pieces, first, count, maxLength));
        if (first + count >= out.totalPieces)
            break;
    }
    return out;
}

Result<std::vector<double>> aggregateWindows(
    const BertWindows& windows, const std::vector<std::vector<double>>& windowProbs)
{
    if (windows.windows.empty() || windowProbs.size() != windows.windows.size())
        return makeError(ErrorCode::InvalidArgument,
            "one probability vector per window is needed (" + std::to_string(windows.windows.size())
                + " windows, " + std::to_string(windowProbs.size()) + " vectors)");
    const std::size_t classes = windowProbs.front().size();
    std::vector<double> mean(classes, 0.0);
    double total = 0.0;
    for (std::size_t k = 0; k < windowProbs.size(); ++k) {
        if (windowProbs[k].size() != classes || classes == 0)
            return makeError(ErrorCode::InvalidArgument,
                "every window needs the same, non-zero number of classes");
        const double weight = std::max(windows.windows[k].pieceCount, 1);
        for (std::size_t c = 0; c < classes; ++c)
            mean[c] += weight * windowProbs[k][c];
        total += weight;
    }
    for (double& m : mean)
        m /= total;
    return mean;
}

} // namespace marketlens::core::news
