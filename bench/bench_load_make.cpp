// Load test data (issue 8, "Load"): writes a realistic synthetic project through the project's
// own writer APIs, in one transaction: N instruments with random-walk daily OHLCV prices over D
// business days (core::PriceWriter, as the import uses it), one portfolio holding every
// instrument (ProjectStore::writePortfolio) and M news items with tickers, times and headlines
// (news::insertNews, so that the schema, duplicate keys and links are the real ones).
//
//   bench_load_make OUT.mlens [--tickers 5000] [--days 5000] [--news 1000000] [--seed 7]
//
// Prints the time of each part, the file size and the peak RSS. OUT must not exist. The default
// is the load case (25 million prices, 1 million news); see docs/performance-load.md.

#include "core/news/news_store.h"
#include "core/price_writer.h"
#include "core/project_store.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace marketlens;

namespace {

long peakRssKb()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

// A ticker of 3 or 4 letters, distinct for every index below 26^4 - 26^3.
std::string tickerFor(int index)
{
    std::string t;
    int v = index * 7919 % (26 * 26 * 26 * 26 - 26 * 26 * 26) + 26 * 26 * 26;
    while (v > 0) {
        t.insert(t.begin(), char('A' + v % 26));
        v /= 26;
    }
    return t;
}

constexpr std::array kCompanyWords {"Northern", "Pacific", "Global", "United", "Atlas", "Summit",
    "Harbor", "Vertex", "Granite", "Silver", "Cedar", "Falcon", "Orion", "Beacon", "Meridian"};
constexpr std::array kCompanyKinds {"Holdings", "Energy", "Systems", "Bank", "Pharma",
    "Logistics", "Foods", "Motors", "Networks", "Materials"};
constexpr std::array kEvents {"beats earnings estimates", "misses revenue forecast",
    "raises full-year guidance", "cuts dividend", "announces share buyback",
    "wins regulatory approval", "faces antitrust probe", "names new chief executive",
    "agrees to acquire rival", "reports record quarterly sales", "recalls products",
    "downgraded by analysts", "upgraded to buy", "opens new plant", "settles lawsuit"};
constexpr std::array kMoves {"rise", "fall", "jump", "slip", "surge", "drop", "edge higher",
    "edge lower"};
constexpr std::array kSources {"Wire", "Daily Markets", "Finance Today", "Ticker Times"};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::string out;
    int tickers = 5000, days = 5000, seed = 7;
    long newsCount = 1000000;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool more = i + 1 < argc;
        if (a == "--tickers" && more)
            tickers = std::atoi(argv[++i]);
        else if (a == "--days" && more)
            days = std::atoi(argv[++i]);
        else if (a == "--news" && more)
            newsCount = std::atol(argv[++i]);
        else if (a == "--seed" && more)
            seed = std::atoi(argv[++i]);
        else if (!a.empty() && a[0] != '-' && out.empty())
            out = a;
        else {
            std::fprintf(stderr,
                "usage: bench_load_make OUT.mlens [--tickers N] [--days N] [--news N] "
                "[--seed N]\n");
            return 2;
        }
    }
    if (out.empty() || tickers < 1 || days < 2 || newsCount < 0) {
        std::fprintf(stderr, "usage: bench_load_make OUT.mlens [--tickers N] [--days N] ...\n");
        return 2;
    }
    QElapsedTimer total;
    total.start();
    auto store = core::ProjectStore::create(out);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().message.c_str());
        return 1;
    }
    core::Transaction tx(store->db());
    if (auto s = tx.begin(); !s) {
        std::fprintf(stderr, "%s\n", s.error().message.c_str());
        return 1;
    }

    // Business days ending at 2025-12-31.
    std::vector<core::Date> dates;
    for (std::int32_t d = core::Date::fromYmd(2025, 12, 31)->days(); int(dates.size()) < days; --d) {
        if (core::Date(d).dayOfWeek() <= 5)
            dates.emplace_back(d);
    }
    std::reverse(dates.begin(), dates.end());

    std::mt19937_64 rng(static_cast<std::uint64_t>(seed));
    std::normal_distribution<double> market(0.0003, 0.009);
    std::normal_distribution<double> idio(0.0, 0.012);
    std::uniform_real_distribution<double> unit(0.0, 1.0);

    // Prices: one factor (the market) plus an idiosyncratic part, so that correlations are
    // realistic (about 0.3) rather than zero. The market path is shared by all tickers.
    std::vector<double> marketRet(dates.size());
    for (double& r : marketRet)
        r = market(rng);
    QElapsedTimer timer;
    timer.start();
    std::vector<std::string> names(tickers);
    {
        core::PriceWriter writer(*store);
        for (int t = 0; t < tickers; ++t) {
            names[t] = tickerFor(t);
            auto id = writer.instrument(names[t]);
            if (!id) {
                std::fprintf(stderr, "%s\n", id.error().message.c_str());
                return 1;
            }
            const double beta = 0.5 + unit(rng);
            double close = 10 + 190 * unit(rng);
            for (std::size_t i = 0; i < dates.size(); ++i) {
                const double open = close * (1 + 0.003 * (unit(rng) - 0.5));
                close = std::max(0.01, close * (1 + beta * marketRet[i] + idio(rng)));
                double v[core::kPriceFieldCount];
                v[core::kOpen] = open;
                v[core::kHigh] = std::max(open, close) * (1 + 0.01 * unit(rng));
                v[core::kLow] = std::min(open, close) * (1 - 0.01 * unit(rng));
                v[core::kClose] = close;
                v[core::kAdjClose] = close;
                v[core::kVolume] = std::floor(1e5 + 5e6 * unit(rng));
                if (auto s = writer.add(*id, dates[i], v); !s) {
                    std::fprintf(stderr, "%s\n", s.error().message.c_str());
                    return 1;
                }
            }
        }
        if (auto s = writer.flush(); !s) {
            std::fprintf(stderr, "%s\n", s.error().message.c_str());
            return 1;
        }
    }
    const double priceSeconds = timer.elapsed() / 1000.0;

    timer.restart();
    core::Portfolio portfolio;
    portfolio.name = "All instruments";
    portfolio.baseCurrency = "USD";
    for (const std::string& t : names) {
        core::Holding h;
        h.ticker = t;
        h.quantity = std::floor(10 + 990 * unit(rng));
        h.currency = "USD";
        portfolio.holdings.push_back(std::move(h));
    }
    if (auto s = store->writePortfolio(portfolio); !s) {
        std::fprintf(stderr, "%s\n", s.error().message.c_str());
        return 1;
    }
    const double portfolioSeconds = timer.elapsed() / 1000.0;

    // News: times spread over the price range (business hours, UTC), one to three tickers each.
    timer.restart();
    const std::int64_t firstSecond = std::int64_t(dates.front().days()) * 86400;
    const std::int64_t spanSeconds = std::int64_t(dates.back().days() - dates.front().days() + 1)
                                     * 86400;
    std::uniform_int_distribution<std::int64_t> when(0, spanSeconds - 1);
    std::uniform_int_distribution<int> pickTicker(0, tickers - 1);
    long stored = 0, duplicates = 0;
    for (long n = 0; n < newsCount; ++n) {
        core::news::StoredNews item;
        item.timestamp = firstSecond + when(rng);
        const int t = pickTicker(rng);
        const std::string company = std::string(kCompanyWords[t % kCompanyWords.size()]) + " "
                                    + kCompanyKinds[(t / 15) % kCompanyKinds.size()];
        const char* event = kEvents[rng() % kEvents.size()];
        const char* move = kMoves[rng() % kMoves.size()];
        const double pct = 0.1 + 9.9 * unit(rng);
        char headline[256];
        std::snprintf(headline, sizeof headline, "%s (%s) shares %s %.1f%% as company %s",
            company.c_str(), names[t].c_str(), move, pct, event);
        item.headline = headline;
        item.body = std::string("Shares of ") + company + " " + move + " in trading after the "
                    + "company " + event + ". Analysts said the move reflected the wider sector.";
        item.source = kSources[n % kSources.size()];
        item.url = "https://news.example/" + std::to_string(n);
        item.externalId = std::to_string(n);
        item.sourceFile = "load-news.jsonl";
        item.itemNumber = n + 1;
        item.tickers.push_back({names[t], core::LinkReason::Explicit, names[t], 1});
        const int extra = int(rng() % 3); // 0..2 more tickers
        for (int e = 0; e < extra; ++e) {
            const int u = pickTicker(rng);
            if (u != t)
                item.tickers.push_back({names[u], core::LinkReason::Cashtag, "$" + names[u], 1});
        }
        auto id = core::news::insertNews(*store, item);
        if (!id) {
            std::fprintf(stderr, "news %ld: %s\n", n, id.error().message.c_str());
            return 1;
        }
        if (*id == 0)
            ++duplicates;
        else
            ++stored;
        if ((n + 1) % 200000 == 0)
            std::fprintf(stderr, "  %ld news (%.0f s)\n", n + 1, timer.elapsed() / 1000.0);
    }
    const double newsSeconds = timer.elapsed() / 1000.0;

    timer.restart();
    if (auto s = tx.commit(); !s) {
        std::fprintf(stderr, "%s\n", s.error().message.c_str());
        return 1;
    }
    const double commitSeconds = timer.elapsed() / 1000.0;
    store->close();
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(out, ec);
    std::printf("project        %s\n", out.c_str());
    std::printf("instruments    %d x %zu days = %lld prices (%.1f s)\n", tickers, dates.size(),
        static_cast<long long>(tickers) * static_cast<long long>(dates.size()), priceSeconds);
    std::printf("portfolio      %d holdings (%.2f s)\n", tickers, portfolioSeconds);
    std::printf("news           %ld stored, %ld duplicates skipped (%.1f s)\n", stored, duplicates,
        newsSeconds);
    std::printf("commit         %.1f s\n", commitSeconds);
    std::printf("total          %.1f s\n", total.elapsed() / 1000.0);
    std::printf("file size      %.2f GB\n", ec ? -1.0 : double(bytes) / 1e9);
    std::printf("peak RSS       %.0f MB\n", peakRssKb() / 1024.0);
    return 0;
}
