#pragma once
// Import of news files (CSV, JSON, JSON Lines, RSS/Atom, .txt; see news_parsers.h and
// docs/news.md) into a project: parse, link to the project's instruments (ticker_linker.h), drop
// items already in the project (same duplicate key), store (news_store.h), log (import_log, kind
// "news"). Same guarantees as the price import (price_import.h): one transaction for all files,
// every rejected item reported with file, line or item number and reason, progress in bytes over
// all files, Cancel rolls back, nothing half-written.

#include "core/news/news_item.h"
#include "core/progress.h"
#include "core/result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace marketlens::core::news {

// How numeric labels in a file are read (text labels such as "positive" are always classes).
enum class LabelScheme : std::uint8_t {
    Auto, // decided per file from its numeric labels: all in {0,1} -> Binary; all in {-1,0,1}
          // -> Ternary; otherwise Continuous
    Binary, // 0 negative, 1 positive
    Ternary, // -1 negative, 0 neutral, 1 positive
    Continuous, // value <= -0.05 negative, >= 0.05 positive, neutral between
};

struct NewsImportOptions {
    std::string format = "auto"; // news_parsers.h newsFormatKey names
    LabelScheme labelScheme = LabelScheme::Auto;
    // Tickers given on the command line / in the dialog, added to every item's explicit tickers.
    std::vector<std::string> tickers;
    bool strict = false; // any rejected item fails the import (nothing written)
};

struct NewsFileResult {
    std::string file;
    std::string format; // the format used ("csv", "feed", ...)
    std::int64_t itemsAccepted = 0; // stored
    std::int64_t itemsRejected = 0;
    std::int64_t duplicatesInFile = 0;
    std::int64_t duplicatesInProject = 0; // already stored (by an earlier import or file)
    std::int64_t itemsLinked = 0; // stored items linked to at least one instrument
    std::int64_t labelled = 0; // stored items with a label class
    std::vector<NewsRejected> rejected;
    std::vector<std::string> warnings; // parser and linker warnings (capped, with a count)
    std::string sha256;
};

struct NewsImportResult {
    std::vector<NewsFileResult> files;
    std::int64_t itemsAccepted() const;
    std::int64_t itemsRejected() const;
};

// An import on its own connection inside one transaction kept open until commit() or rollback()
// (the destructor rolls back), like core::ImportSession.
class NewsImportSession {
public:
    NewsImportSession();
    ~NewsImportSession();
    NewsImportSession(NewsImportSession&&) noexcept;
    NewsImportSession& operator=(NewsImportSession&&) noexcept;

    static Result<NewsImportSession> begin(const std::string& projectPath);
    // Cancelled when `progress` returns false; an Error for a file that cannot be read or is no
    // news file (or, with strict, for the first rejected item): the session has rolled back.
    Result<NewsImportResult> run(const std::vector<std::string>& files,
        const NewsImportOptions& options, const Progress& progress = {});
    Status commit();
    void rollback();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// begin + run + commit.
Result<NewsImportResult> importNewsFiles(const std::string& projectPath,
    const std::vector<std::string>& files, const NewsImportOptions& options,
    const Progress& progress = {});

// True when `path` looks like a news file rather than prices/holdings (by suffix .json .jsonl
// .ndjson .xml .rss .atom .txt, or a CSV whose header has a headline column).
bool looksLikeNewsFile(const std::string& path);

} // namespace marketlens::core::news
