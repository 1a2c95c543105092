// Fuzz target "news": the news readers of core/news/news_parsers.h. Every input goes through
// parseNewsFile(Auto) (format sniffing, then the reader it picks, with the default limits) and
// through one reader forced on it whatever the bytes look like, chosen by the first byte (CSV,
// JSON, JSON Lines, RSS/Atom feed or plain text), with small field/item/depth limits so that the
// capping code is reached with small inputs; each reader ends with the duplicate filter. One
// forced reader per input rather than all five keeps an execution cheap: libFuzzer flips the
// first byte to try the others. Each parser must return a value or an error, never crash, and
// every kept item must have a headline and valid UTF-8 text.
#include "fuzz_support.h"

#include "core/news/news_parsers.h"

#include <cstdlib>

using namespace marketlens;

namespace {

// The contract says invalid UTF-8 is replaced by U+FFFD: kept text must be valid UTF-8.
bool validUtf8(const std::string& s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
        if (n < 0 || i + n >= s.size() + (n == 0 ? 1 : 0))
            return false;
        for (int k = 1; k <= n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2)
                return false;
        i += std::size_t(n) + 1;
    }
    return true;
}

void check(const core::Result<core::NewsParseResult>& r)
{
    if (!r) {
        if (r.error().message.empty())
            std::abort();
        return;
    }
    for (const core::NewsItem& item : r->items)
        if (item.headline.empty() || !validUtf8(item.headline) || !validUtf8(item.body))
            std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const fuzz::ScratchFile input("news.dat");
    if (!input.write(data, size))
        std::abort();
    check(core::parseNewsFile(input.path(), core::NewsFormat::Auto));
    core::NewsParseOptions options;
    // Small limits reach the capping code with small inputs; the defaults are MiB.
    options.maxFieldBytes = 256;
    options.maxItemBytes = 1024;
    options.maxJsonDepth = 16;
    switch (size > 0 ? data[0] % 5 : 0) {
    case 0:
        check(core::parseNewsCsv(input.path(), options));
        break;
    case 1:
        check(core::parseNewsJson(input.path(), options));
        break;
    case 2:
        check(core::parseNewsJsonLines(input.path(), options));
        break;
    case 3:
        check(core::parseNewsFeed(input.path(), options));
        break;
    default:
        check(core::parseNewsText(input.path(), options));
        break;
    }
    return 0;
}
