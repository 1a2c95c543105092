// News from CSV files: any column order, header synonyms (news_util.cpp), quoted multi-line
// bodies, BOM and delimiter detection by core/csv_reader.h.
#include "core/csv_reader.h"
#include "core/news/news_parsers.h"
#include "core/news/news_util.h"

#include <array>

namespace marketlens::core {

using newsdetail::Field;

Result<NewsParseResult> parseNewsCsv(const std::string& path, const NewsParseOptions& options)
{
    CsvOptions csvOptions;
    csvOptions.progress = options.progress;
    auto opened = CsvReader::open(path, std::move(csvOptions));
    if (!opened)
        return opened.error();
    CsvReader& reader = *opened;
    const bool any = reader.next();
    if (auto skippedHeader = reader.takeSkipped(); !skippedHeader.empty())
        return skippedHeader.front(); // the header itself: no column can be trusted
    if (!any) {
        if (!reader.status())
            return reader.status().error();
        return makeError(ErrorCode::BadData, "the file is empty", path);
    }
    NewsParseResult result;
    newsdetail::ItemSink sink(result, path, options);

    std::array<int, static_cast<std::size_t>(Field::Count)> col;
    col.fill(-1);
    auto at = [&](Field f) -> int& { return col[static_cast<std::size_t>(f)]; };
    std::string ignored, names;
    const auto& header = reader.fields();
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string name = newsdetail::sanitizeUtf8(header[i]);
        names += (names.empty() ? "" : ", ") + name;
        const Field f = newsdetail::classifyKey(name);
        if (f == Field::Unknown) {
            ignored += (ignored.empty() ? "" : ", ") + name;
        } else if (at(f) >= 0) {
            sink.warn(path + ": column '" + name + "' is a second " + newsdetail::fieldName(f)
                + " column; ignored");
        } else {
            at(f) = int(i);
        }
    }
    if (at(Field::Date) < 0 && at(Field::Time) >= 0)
        std::swap(at(Field::Date), at(Field::Time)); // a lone "time" column is the date
    if (at(Field::Headline) < 0)
        return makeError(ErrorCode::BadData,
            "no headline column (headline, title, heading, subject) among: " + names, path,
            reader.line());
    if (at(Field::Date) < 0)
        return makeError(ErrorCode::BadData,
            "no date column (date, datetime, time, published, timestamp) among: " + names, path,
            reader.line());
    if (!ignored.empty())
        sink.warn(path + ": columns not used: " + ignored);

    std::int64_t itemNumber = 0;
    const auto rejectSkipped = [&] { // records the reader skipped (a field over its limit)
        for (const Error& e : reader.takeSkipped())
            sink.reject(e.line, ++itemNumber, e.message);
    };
    while (reader.next()) {
        rejectSkipped();
        const auto& fields = reader.fields();
        auto get = [&](Field f) -> std::string {
            const int c = at(f);
            return c >= 0 && std::size_t(c) < fields.size() ? std::string(fields[std::size_t(c)])
                                                            : std::string();
        };
        newsdetail::RawItem raw;
        raw.line = reader.line();
        raw.itemNumber = ++itemNumber;
        raw.date = get(Field::Date);
        raw.time = get(Field::Time);
        raw.headline = get(Field::Headline);
        raw.body = get(Field::Body);
        raw.source = get(Field::Source);
        raw.label = get(Field::Label);
        raw.url = get(Field::Url);
        raw.id = get(Field::Id);
        const std::string tickers = get(Field::Tickers);
        if (tickers.size() > options.maxFieldBytes) {
            sink.reject(raw.line, raw.itemNumber, "tickers field is longer than the limit");
            continue;
        }
        raw.tickers = newsdetail::splitTickers(tickers);
        sink.add(std::move(raw));
    }
    rejectSkipped();
    if (!reader.status()) {
        const Error& e = reader.status().error();
        if (e.code != ErrorCode::BadData)
            return e; // Io or Cancelled
        // An unterminated quote: the rows before it stand, the rest of the file is one rejection.
        sink.reject(e.line, itemNumber + 1, e.message + "; the rest of the file was not read");
    }
    dropDuplicateNews(result);
    return result;
}

} // namespace marketlens::core
