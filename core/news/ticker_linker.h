#pragma once
// TickerLinker: which of the project's instruments a news item is about, and why.
//
// Rules, strongest first:
//  1. explicit: the item's own tickers (a ticker column, JSON "tickers", feed categories) that
//     are project instruments. When at least one is, nothing else is looked at. Explicit tickers
//     that are not instruments are reported as warnings (and the text is then searched).
//  2. exchange: "(NYSE: IBM)", "NASDAQ:MSFT", "(Nasdaq: AAPL)", "LSE: VOD", "TSX: RY", ... (the
//     exchange name case-insensitive). "LSE: VOD" also finds an instrument "VOD.L", "TSX: RY"
//     "RY.TO" (Yahoo-style suffixes, see exchangeSuffix).
//  3. cashtag: "$AAPL", "$BRK.B", "$aapl" (1-6 letters, optionally ".B"/"-B"); not "$5",
//     "$100m", "US$5".
//  4. alias: company names given per instrument ("Microsoft Corp", "Microsoft"), whole words,
//     case-insensitive (ASCII), blanks and line breaks in the text read as one space, longest
//     alias first (a shorter alias inside a longer match does not count again); "Apple" does
//     not match in "Pineapple" or "Applebee".
// Tickers compare case-insensitively with '.', '-' and '/' as the same separator (BRK.B ==
// BRK-B). Only the project's instruments are returned; unknown cashtags and exchange mentions
// become warnings. Pure and thread-safe after construction.

#include "core/news/news_item.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace marketlens::core {

enum class LinkReason : std::uint8_t { Explicit, Exchange, Cashtag, Alias };

// "explicit", "exchange", "cashtag", "alias".
const char* linkReasonKey(LinkReason reason);

struct InstrumentAliases {
    std::string ticker; // as the project spells it
    std::vector<std::string> aliases; // company names; may be empty
};

struct TickerLink {
    std::string ticker; // the project's ticker
    LinkReason reason = LinkReason::Explicit;
    std::string evidence; // the first text that matched: "$AAPL", "NYSE: IBM", "Microsoft Corp"
    int mentions = 1; // matches in headline and body (1 for explicit)
};

struct TickerLinks {
    std::vector<TickerLink> links; // strongest reason first, then order of first mention
    std::vector<std::string> warnings;
};

// A "$SYMBOL" found in text: the symbol upper-cased and the byte offset of the '$'.
struct TextMention {
    std::string symbol;
    std::string exchange; // exchange mentions only, upper-case ("NASDAQ")
    std::size_t offset = 0;
    std::string text; // the matched text
};

std::vector<TextMention> findCashtags(std::string_view text);
std::vector<TextMention> findExchangeMentions(std::string_view text);
// Yahoo-style suffix of an exchange ("LSE" -> "L", "TSX" -> "TO"); empty when none.
std::string exchangeSuffix(std::string_view exchange);

class TickerLinker {
public:
    explicit TickerLinker(const std::vector<InstrumentAliases>& instruments);

    TickerLinks link(const std::vector<std::string>& explicitTickers, std::string_view headline,
        std::string_view body) const;
    TickerLinks link(const NewsItem& item) const
    {
        return link(item.tickers, item.headline, item.body);
    }

    // The project's ticker for `symbol` (optionally on `exchange`), nullopt when unknown.
    std::optional<std::string> knownTicker(
        std::string_view symbol, std::string_view exchange = {}) const;

private:
    struct Alias {
        std::string text; // lower-case, single spaces
        std::vector<std::string> tickers;
    };
    std::unordered_map<std::string, std::string> m_byKey; // normalised ticker -> ticker
    std::vector<Alias> m_aliases; // longest first
    std::unordered_map<std::string, std::vector<std::size_t>> m_byFirstWord; // -> m_aliases
    std::vector<std::size_t> m_symbolAliases; // aliases that start with no letter or digit
};

} // namespace marketlens::core
