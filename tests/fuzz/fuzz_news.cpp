// Fuzz target "news": every news reader of core/news/news_parsers.h on the same bytes: format
// sniffing (detectNewsFormat on a neutral suffix), CSV, JSON, JSON Lines, RSS/Atom feeds and
// plain text, then the duplicate filter. Each parser must return a value or an error, never
// crash, and every kept item must have a headline.
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
    core::NewsParseOptions options;
    // Small limits reach the capping code with small inputs; the defaults are MiB.
    options.maxFieldBytes = 256;
    options.maxItemBytes = 1024;
    options.maxJsonDepth = 16;
    (void)core::detectNewsFormat(input.path());
    check(core::parseNewsFile(input.path(), core::NewsFormat::Auto));
    check(core::parseNewsCsv(input.path(), options));
    check(core::parseNewsJson(input.path(), options));
    check(core::parseNewsJsonLines(input.path(), options));
    check(core::parseNewsFeed(input.path(), options));
    check(core::parseNewsText(input.path(), options));
    return 0;
}
