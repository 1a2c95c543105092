#pragma once
// BERT's tokenisation, exactly as HuggingFace's (slow, Python) BertTokenizer does it, so that a
// FinBERT-like TorchScript model exported from PyTorch sees the same input ids in MarketLens.
//
//   1. Special tokens ([UNK] [SEP] [PAD] [CLS] [MASK], those the vocabulary has) written in the
//   text
//      are kept whole, never split or lower-cased (HF's never_split / added-token split).
//   2. Basic tokenizer, on the rest:
//      - clean-up: U+0000, U+FFFD and every "control" character (Unicode category C*: Cc, Cf, Cn,
//        Co, Cs, except \t \n \r) are removed; \t \n \r, ' ' and category Zs become ' ';
//      - CJK ideographs get a space on both sides (so each is its own token) when
//        tokenizeChineseChars: U+4E00-9FFF, 3400-4DBF, 20000-2A6DF, 2A700-2B73F, 2B740-2B81F,
//        2B820-2CEAF, F900-FAFF, 2F800-2FA1F (BERT's blocks; Hiragana, Katakana, Hangul are not);
//      - NFC normalisation, then split on whitespace;
//      - per word: lower-casing when doLowerCase; accent stripping (NFD, then drop category Mn)
//        when stripAccents, which defaults to doLowerCase;
//      - punctuation split: every punctuation character becomes a token of its own. Punctuation =
//        ASCII 33-47, 58-64, 91-96, 123-126 (so $ + < = > ^ ` | ~ count too) and category P*.
//   3. WordPiece per word: greedy longest-match-first from the left, pieces after the first are
//      looked up with a "##" prefix; a word with a part that no piece matches, or longer than
//      maxInputCharsPerWord code points, becomes a single [UNK].
// Lengths are counted in Unicode code points, as Python does.
//
// encode() frames the pieces as [CLS] ... [SEP], truncated to maxLength and padded with [PAD];
// encodeWindows() instead covers a long text with overlapping windows of at most maxLength ids
// (each framed by [CLS]/[SEP]) so a long article can be scored window by window and aggregated.

#include "core/result.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace marketlens::core::news {

struct BertTokenizerOptions {
    bool doLowerCase = true;
    std::optional<bool> stripAccents; // unset: follow doLowerCase (HF's strip_accents=None)
    bool tokenizeChineseChars = true;
    int maxInputCharsPerWord = 100;
};

// One model input: ids, attention mask (1 = real token, 0 = padding) and segment ids (all 0 for a
// single text), each exactly maxLength long.
struct BertEncoding {
    std::vector<std::int64_t> inputIds;
    std::vector<std::int64_t> attentionMask;
    std::vector<std::int64_t> tokenTypeIds;
    int tokenCount = 0; // ids that are not [PAD], [CLS] and [SEP] included
    int firstPiece = 0; // index of this window's first word piece in the text's piece list
    int pieceCount = 0; // word pieces of the text in this window
};

struct BertWindows {
    std::vector<BertEncoding> windows;
    int totalPieces = 0; // word pieces of the whole text
};

// One article score from its windows' class probabilities (windowProbs[k] for windows[k], each
// the same number of classes): the mean weighted by the pieces each window covers (an empty text's
// single window weighs 1). InvalidArgument when the counts or the class numbers do not match.
Result<std::vector<double>> aggregateWindows(
    const BertWindows& windows, const std::vector<std::vector<double>>& windowProbs);

class BertTokenizer {
public:
    // Reads a BERT vocab.txt: UTF-8, one token per line, id = 0-based line number; a final line
    // break is optional, "\r\n" is accepted. Errors (BadData with file and 1-based line): an empty
    // line, a token that appears twice; (NotFound) a missing [UNK], [CLS], [SEP] or [PAD]; (Io)
    // an unreadable file.
    static Result<BertTokenizer> fromVocabFile(
        const QString& path, const BertTokenizerOptions& options = {});
    // The same from the file's bytes; `sourceName` is used in error messages.
    static Result<BertTokenizer> fromVocabData(const QByteArray& data, const QString& sourceName,
        const BertTokenizerOptions& options = {});

    const BertTokenizerOptions& options() const { return m_options; }
    int vocabSize() const { return static_cast<int>(m_idToToken.size()); }
    // -1 when the token is not in the vocabulary.
    int tokenId(const QString& token) const { return m_vocab.value(token, -1); }
    QString idToken(int id) const;
    int unkId() const { return m_unkId; }
    int clsId() const { return m_clsId; }
    int sepId() const { return m_sepId; }
    int padId() const { return m_padId; }

    // Step 1 and 2 only: the words after the basic tokenizer (before WordPiece).
    QStringList basicTokenize(const QString& text) const;
    // Steps 1 to 3: the word pieces ("un", "##aff", "##able", "[UNK]"...).
    QStringList tokenize(const QString& text) const;
    // The pieces' ids.
    std::vector<std::int64_t> tokenIds(const QString& text) const;

    // [CLS] pieces [SEP] [PAD]..., truncated to maxLength ids (the end of a long text is dropped).
    // InvalidArgument when maxLength < 2.
    Result<BertEncoding> encode(const QString& text, int maxLength) const;
    // Windows of at most maxLength - 2 pieces each, consecutive windows sharing `stride` pieces
    // (HF's stride with return_overflowing_tokens): window k starts at piece k * (maxLength - 2 -
    // stride); the last one ends at the text's last piece. A text that fits gives one window; an
    // empty text one window of [CLS] [SEP]. InvalidArgument unless maxLength >= 3 and
    // 0 <= stride < maxLength - 2.
    Result<BertWindows> encodeWindows(const QString& text, int maxLength, int stride) const;

private:
    BertTokenizer() = default;
    // The text cut into plain parts (false) and special tokens written in it (true).
    std::vector<std::pair<QString, bool>> splitSpecial(const QString& text) const;
    void basicTokenizeSegment(const QString& segment, QStringList& words) const;
    void wordPiece(const QString& word, QStringList& out) const;
    BertEncoding frame(
        const std::vector<std::int64_t>& pieces, int first, int count, int maxLength) const;

    BertTokenizerOptions m_options;
    QHash<QString, int> m_vocab;
    QStringList m_idToToken;
    QStringList m_specialTokens; // those of [UNK] [SEP] [PAD] [CLS] [MASK] the vocabulary has
    int m_unkId = -1;
    int m_clsId = -1;
    int m_sepId = -1;
    int m_padId = -1;
};

} // namespace marketlens::core::news
