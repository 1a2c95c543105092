// Fuzz target "vocab": a BERT vocab.txt read by BertTokenizer::fromVocabData
// (core/news/bert_tokenizer.h); when it is accepted, the same bytes are also tokenised as a text
// (basic tokenizer, WordPiece, special tokens) and the first 300 characters encoded, whole and in
// windows, so the tokenizer meets arbitrary UTF-8 (and invalid UTF-8) with a vocabulary made of
// that same text.
#include "core/news/bert_tokenizer.h"

#include <QByteArray>
#include <QString>

#include <cstdlib>

using namespace marketlens;
using core::news::BertTokenizer;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    auto tok = BertTokenizer::fromVocabData(bytes, QStringLiteral("fuzz-vocab.txt"));
    if (!tok) {
        if (tok.error().message.empty())
            std::abort();
        return 0;
    }
    const int n = tok->vocabSize();
    const QString text = QString::fromUtf8(bytes);
    for (std::int64_t id : tok->tokenIds(text))
        if (id < 0 || id >= n)
            std::abort();
    // encode and encodeWindows tokenise their text again: a prefix is enough to reach their own
    // code (truncation, special tokens, window strides) and keeps an execution cheap.
    const QString head = text.left(300);
    auto enc = tok->encode(head, 32);
    if (!enc || enc->inputIds.size() != 32)
        std::abort();
    auto windows = tok->encodeWindows(head, 12, 3);
    if (!windows || windows->windows.empty())
        std::abort();
    for (const auto& w : windows->windows)
        if (w.inputIds.size() != 12)
            std::abort();
    return 0;
}
