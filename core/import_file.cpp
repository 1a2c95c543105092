#include "import_file.h"

#include "csv_reader.h"
#include "import_detect.h"
#include "text_parse.h"
#include "xlsx_reader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QTemporaryFile>

#ifdef MARKETLENS_HAVE_OPENSSL
#include <openssl/evp.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

namespace marketlens::core {
namespace {


constexpr std::size_t kSampleRows = 2000; // records read ahead to sniff decimal and date format
constexpr std::size_t kMaxWarnings = 100;

std::string formatNumber(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

std::string upper(std::string_view s)
{
    std::string out(s);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

const char* dateFormatPattern(DateFormat f)
{
    switch (f) {
    case DateFormat::Auto:
    case DateFormat::Iso: return "YYYY-MM-DD";
    case DateFormat::YmdSlash: return "YYYY/MM/DD";
    case DateFormat::Mdy: return "MM/DD/YYYY";
    case DateFormat::Dmy: return "DD/MM/YYYY";
    }
    return "YYYY-MM-DD";
}

// SHA-256 of a file's bytes as they stream by: OpenSSL when built with it (hardware SHA
// instructions), QCryptographicHash otherwise; both give the same digest.
class Sha256 {
public:
#ifdef MARKETLENS_HAVE_OPENSSL
    Sha256() : m_ctx(EVP_MD_CTX_new()) { EVP_DigestInit_ex(m_ctx, EVP_sha256(), nullptr); }
    ~Sha256() { EVP_MD_CTX_free(m_ctx); }
    void add(const char* data, std::size_t size) { EVP_DigestUpdate(m_ctx, data, size); }
    std::string hex()
    {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int n = 0;
        EVP_DigestFinal_ex(m_ctx, digest, &n);
        return QByteArray(reinterpret_cast<const char*>(digest), static_cast<qsizetype>(n))
            .toHex()
            .toStdString();
    }

private:
    EVP_MD_CTX* m_ctx;
#else
    void add(const char* data, std::size_t size)
    {
        m_hash.addData(QByteArrayView(data, static_cast<qsizetype>(size)));
    }
    std::string hex() { return m_hash.result().toHex().toStdString(); }

private:
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
#endif
public:
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
};

// Imports one file into the session's transaction.
class FileImporter {
public:
    FileImporter(ProjectStore& store, PriceWriter& writer, const ImportOptions& options,
                 FileImportResult& result)
        : m_store(store), m_writer(writer), m_options(options), m_result(result),
          m_seen([this](std::int64_t id) { return hasPrices(id); },
                 [this](std::int64_t id) { return writtenDates(id); })
    {
    }

    Status run(const std::string& path, const Progress& progress);

private:
    Status decideFormats(const std::vector<std::vector<std::string>>& sample, bool wholeFile,
                         const std::string& path);
    Status convertXlsx(const std::string& path, QTemporaryFile& csv, Sha256& hash,
                       const Progress& progress);
    Status setupColumns(const std::string& path);
    bool processRow(std::int64_t line, const std::vector<std::string_view>& f);
    bool checkFieldCount(std::int64_t line, const std::vector<std::string_view>& f);
    void rowPrices(std::int64_t line, const std::vector<std::string_view>& f);
    void rowWide(std::int64_t line, const std::vector<std::string_view>& f);
    void rowHolding(std::int64_t line, const std::vector<std::string_view>& f);
    void reject(std::int64_t line, std::string reason);
    void warn(std::string text);
    void noteDuplicate(std::int64_t line, std::int64_t id, Date date);
    Status finishHoldings(const std::string& path);
    std::string badNumber(int col, std::string_view text) const
    {
        return "unparsable number in column " + m_header[static_cast<std::size_t>(col)] + ": '"
               + std::string(text) + "'";
    }

    Result<bool> hasPrices(std::int64_t id);
    Result<std::vector<Date>> writtenDates(std::int64_t id);

    ProjectStore& m_store;
    PriceWriter& m_writer;
    const ImportOptions& m_options;
    FileImportResult& m_result;
    DateSeenSet m_seen; // duplicate (instrument, date) rows of this file
    std::string m_file;
    std::vector<std::string> m_header;
    ImportLayout m_layout;
    char m_decimal = '.';
    DateFormat m_dateFormat = DateFormat::Iso;
    int m_dateCol = -1, m_tickerCol = -1;
    int m_priceCols[kPriceFieldCount] = {-1, -1, -1, -1, -1, -1};
    std::int64_t m_fixedId = -1;             // OHLCV: the one instrument
    std::vector<std::int64_t> m_wideIds;     // PricesWide: instrument per wide column
    std::string m_lastTicker;                // PricesLong: files are usually grouped by ticker
    std::int64_t m_lastId = -1;
    std::unordered_set<std::int64_t> m_tickerIds; // PricesLong: instruments met in this file
    std::int64_t m_duplicates = 0;
    std::size_t m_warnings = 0;
    Status m_error;                          // fatal: database error or strict-mode rejection
    // holdings
    std::vector<Holding> m_holdings;
    std::unordered_map<std::string, std::size_t> m_holdingIndex;
    bool m_percentCell = false;
    bool m_xlsx = false; // an Excel workbook read through a temporary CSV copy of its first sheet
};

void FileImporter::warn(std::string text)
{
    if (++m_warnings <= kMaxWarnings)
        m_result.warnings.push_back(std::move(text));
}

void FileImporter::reject(std::int64_t line, std::string reason)
{
    ++m_result.rowsRejected;
    if (m_options.strict && m_error) {
        m_error = makeError(ErrorCode::BadData,
                            reason + " (strict import: nothing was imported)", m_file, line);
    }
    if (m_result.rejected.size() < kMaxRejectedDetails)
        m_result.rejected.push_back(RejectedRow{m_file, line, std::move(reason)});
}

void FileImporter::noteDuplicate(std::int64_t line, std::int64_t id, Date date)
{
    ++m_duplicates;
    std::string ticker;
    if (m_layout.kind == ImportKind::PricesLong)
        ticker = m_lastTicker;
    else if (m_layout.kind == ImportKind::Ohlcv)
        ticker = m_result.tickers.empty() ? std::string() : m_result.tickers.front();
    else
        for (std::size_t i = 0; i < m_wideIds.size(); ++i)
            if (m_wideIds[i] == id)
                ticker = m_layout.wideColumns[i].second;
    warn("line " + std::to_string(line) + ": " + upper(ticker) + " " + date.toIso()
         + " appears again in this file; the later row wins");
}

Result<bool> FileImporter::hasPrices(std::int64_t id)
{
    return m_writer.hasPrices(id); // no query: the parsing thread must not wait for the writer
}

Result<std::vector<Date>> FileImporter::writtenDates(std::int64_t id)
{
    if (auto s = m_writer.flush(); !s)
        return s.error();
    auto st = m_store.db().prepare("SELECT date FROM prices WHERE instrument_id = ?1");
    if (!st)
        return st.error();
    st->bind(1, id);
    std::vector<Date> out;
    const Status rows = st->forEachRow([&]() -> Status {
        if (auto d = Date::fromIso(st->columnTextView(0)))
            out.push_back(*d);
        return {};
    });
    if (!rows)
        return rows.error();
    return out;
}

bool FileImporter::checkFieldCount(std::int64_t line, const std::vector<std::string_view>& f)
{
    const std::size_t n = m_layout.fieldCount;
    if (f.size() == n)
        return true;
    if (f.size() > n) {
        bool extraEmpty = true;
        for (std::size_t i = n; i < f.size(); ++i)
            extraEmpty = extraEmpty && trimBlanks(f[i]).empty();
        if (extraEmpty)
            return true; // a trailing delimiter
    }
    reject(line, "wrong number of fields: expected " + std::to_string(n) + ", found "
                     + std::to_string(f.size()));
    return false;
}

void FileImporter::rowPrices(std::int64_t line, const std::vector<std::string_view>& f)
{
    if (!checkFieldCount(line, f))
        return;
    const std::string_view dateText = f[static_cast<std::size_t>(m_dateCol)];
    const auto date = parseDate(dateText, m_dateFormat);
    if (!date) {
        reject(line, "unparsable date '" + std::string(dateText) + "' (expected "
                         + dateFormatPattern(m_dateFormat) + ")");
        return;
    }
    std::int64_t id = m_fixedId;
    if (m_tickerCol >= 0) {
        const std::string_view t = trimBlanks(f[static_cast<std::size_t>(m_tickerCol)]);
        if (t.empty()) {
            reject(line, "empty ticker");
            return;
        }
        if (t != m_lastTicker) {
            auto r = m_writer.instrument(t);
            if (!r) {
                m_error = r.error();
                return;
            }
            m_lastTicker.assign(t.data(), t.size());
            m_lastId = *r;
            if (m_tickerIds.insert(m_lastId).second)
                m_result.tickers.push_back(upper(t));
        }
        id = m_lastId;
    }
    double v[kPriceFieldCount];
    bool any = false;
    for (int k = 0; k < kPriceFieldCount; ++k) {
        const int col = m_priceCols[k];
        v[k] = kMissing;
        if (col < 0)
            continue;
        const std::string_view text = f[static_cast<std::size_t>(col)];
        const ParseStatus st = parseNumber(text, m_decimal, v[k]);
        if (st == ParseStatus::Bad) {
            reject(line, badNumber(col, text));
            return;
        }
        if (st == ParseStatus::Missing) {
            v[k] = kMissing;
            continue;
        }
        if (v[k] < 0) {
            reject(line, std::string(k == kVolume ? "negative volume" : "negative price")
                             + " in column " + m_header[static_cast<std::size_t>(col)] + ": "
                             + formatNumber(v[k]));
            return;
        }
        any = true;
    }
    if (!any) {
        reject(line, "no values (every price column is empty or missing)");
        return;
    }
    if (v[kHigh] < v[kLow]) { // false when either is missing (NaN)
        reject(line, "high " + formatNumber(v[kHigh]) + " is below low " + formatNumber(v[kLow]));
        return;
    }
    if (m_seen.testAndSet(id, *date, m_error))
        noteDuplicate(line, id, *date);
    if (!m_error)
        return;
    if (auto s = m_writer.add(id, *date, v); !s) {
        m_error = s;
        return;
    }
    ++m_result.rowsAccepted;
    ++m_result.valuesWritten;
}

void FileImporter::rowWide(std::int64_t line, const std::vector<std::string_view>& f)
{
    if (!checkFieldCount(line, f))
        return;
    const std::string_view dateText = f[static_cast<std::size_t>(m_dateCol)];
    const auto date = parseDate(dateText, m_dateFormat);
    if (!date) {
        reject(line, "unparsable date '" + std::string(dateText) + "' (expected "
                         + dateFormatPattern(m_dateFormat) + ")");
        return;
    }
    for (std::size_t i = 0; i < m_wideIds.size(); ++i) {
        const int col = m_layout.wideColumns[i].first;
        const std::string_view text = f[static_cast<std::size_t>(col)];
        double v[kPriceFieldCount] = {kMissing, kMissing, kMissing, kMissing, kMissing, kMissing};
        const ParseStatus st = parseNumber(text, m_decimal, v[kClose]);
        if (st == ParseStatus::Missing)
            continue;
        // A bad cell is rejected on its own; the row's other cells are kept.
        if (st == ParseStatus::Bad) {
            reject(line, badNumber(col, text));
            continue;
        }
        if (v[kClose] < 0) {
            reject(line, "negative price in column " + m_header[static_cast<std::size_t>(col)]
                             + ": " + formatNumber(v[kClose]));
            continue;
        }
        if (m_seen.testAndSet(m_wideIds[i], *date, m_error))
            noteDuplicate(line, m_wideIds[i], *date);
        if (!m_error)
            return;
        if (auto s = m_writer.add(m_wideIds[i], *date, v); !s) {
            m_error = s;
            return;
        }
        ++m_result.valuesWritten;
    }
    ++m_result.rowsAccepted;
}

void FileImporter::rowHolding(std::int64_t line, const std::vector<std::string_view>& f)
{
    if (!checkFieldCount(line, f))
        return;
    auto cell = [&](ColumnRole role) {
        const int c = m_layout.col(role);
        return c < 0 ? std::string_view() : f[static_cast<std::size_t>(c)];
    };
    const std::string_view ticker = trimBlanks(cell(ColumnRole::Ticker));
    if (ticker.empty()) {
        reject(line, "empty ticker");
        return;
    }
    Holding h;
    h.ticker = upper(ticker);
    h.currency = upper(trimBlanks(cell(ColumnRole::Currency)));
    const ColumnRole roles[3] = {ColumnRole::Quantity, ColumnRole::Weight, ColumnRole::Cost};
    std::optional<double>* targets[3] = {&h.quantity, &h.weight, &h.costBasis};
    for (int k = 0; k < 3; ++k) {
        const int c = m_layout.col(roles[k]);
        if (c < 0)
            continue;
        double v = 0;
        bool pct = false;
        const std::string_view text = f[static_cast<std::size_t>(c)];
        const ParseStatus st = parseNumber(text, m_decimal, v,
                                           roles[k] == ColumnRole::Weight ? &pct : nullptr);
        if (st == ParseStatus::Bad) {
            reject(line, badNumber(c, text));
            return;
        }
        if (st == ParseStatus::Ok)
            *targets[k] = v;
        m_percentCell = m_percentCell || pct;
    }
    if (!h.quantity && !h.weight) {
        reject(line, "no quantity or weight");
        return;
    }
    if (h.costBasis && *h.costBasis < 0) {
        reject(line, "negative cost basis: " + formatNumber(*h.costBasis));
        return;
    }
    if (auto it = m_holdingIndex.find(h.ticker); it != m_holdingIndex.end()) {
        warn("line " + std::to_string(line) + ": " + h.ticker
             + " appears again in this file; the later row wins");
        m_holdings[it->second] = std::move(h);
    } else {
        m_holdingIndex.emplace(h.ticker, m_holdings.size());
        m_holdings.push_back(std::move(h));
    }
    ++m_result.rowsAccepted;
}

bool FileImporter::processRow(std::int64_t line, const std::vector<std::string_view>& f)
{
    switch (m_layout.kind) {
    case ImportKind::PricesWide: rowWide(line, f); break;
    case ImportKind::Holdings: rowHolding(line, f); break;
    default: rowPrices(line, f); break;
    }
    return m_error.ok();
}

Status FileImporter::finishHoldings(const std::string& path)
{
    Portfolio p;
    p.name = m_options.portfolio.empty() ? baseNameOf(path) : m_options.portfolio;
    m_result.portfolio = p.name;
    double sum = 0;
    for (const Holding& h : m_holdings)
        sum += h.weight.value_or(0.0);
    const bool sumsTo100 = sum > 50 && sum < 150;
    if (m_layout.weightPercentHeader || m_percentCell || sumsTo100) {
        for (Holding& h : m_holdings) {
            if (h.weight)
                *h.weight /= 100.0;
        }
        warn(std::string("weights read as percentages and divided by 100 (")
             + (m_layout.weightPercentHeader ? "the weight header says percent"
                : m_percentCell             ? "values carry a % sign"
                                            : "they sum to " + formatNumber(sum))
             + ")");
    }
    if (m_holdings.empty()) {
        warn("no holdings accepted: portfolio '" + p.name + "' left unchanged");
        return {};
    }
    p.holdings = m_holdings;
    for (const Holding& h : m_holdings)
        m_result.tickers.push_back(h.ticker);
    auto id = m_store.writePortfolio(p);
    if (!id)
        return id.error();
    m_result.valuesWritten = static_cast<std::int64_t>(m_holdings.size());
    return {};
}

Status FileImporter::decideFormats(const std::vector<std::vector<std::string>>& sample,
                                   bool wholeFile, const std::string& path)
{
    const std::vector<int> numeric = m_layout.numericColumns();
    if (m_options.decimalSeparator != 0 || m_xlsx) {
        m_decimal = m_xlsx ? '.' : m_options.decimalSeparator; // xlsx: written with '.' 
    } else {
        DecimalSniffer sniffer;
        for (const auto& row : sample) {
            for (int c : numeric) {
                if (static_cast<std::size_t>(c) < row.size())
                    sniffer.add(row[static_cast<std::size_t>(c)]);
            }
        }
        m_decimal = sniffer.decide(m_result.delimiter);
    }
    if (m_decimal == ',')
        warn("decimal comma: numbers such as 1.234,56 are read as 1234.56");
    m_result.decimalSeparator = m_decimal;
    m_dateFormat = m_options.dateFormat;
    if (m_dateCol < 0 || m_dateFormat != DateFormat::Auto)
        return {};
    DateSniffer dates;
    const auto col = static_cast<std::size_t>(m_dateCol);
    for (const auto& row : sample) {
        if (col < row.size())
            dates.add(row[col]);
    }
    if (!dates.decided() && !wholeFile) {
        // Only ambiguous day/month values so far: look at the rest of the file's dates.
        CsvOptions o;
        o.delimiter = m_result.delimiter;
        auto again = CsvReader::open(path, o); // the temporary CSV of an xlsx file
        if (!again)
            return again.error();
        again->next(); // header
        while (!dates.decided() && again->next()) {
            if (col < again->fields().size())
                dates.add(again->fields()[col]);
        }
    }
    std::string why;
    const auto format = dates.decide(why);
    if (!format)
        return makeError(ErrorCode::BadData, why, m_file);
    m_dateFormat = *format;
    return {};
}

Status FileImporter::setupColumns(const std::string& path)
{
    m_dateCol = m_layout.col(ColumnRole::Date);
    m_tickerCol = m_layout.kind == ImportKind::PricesLong ? m_layout.col(ColumnRole::Ticker) : -1;
    const ColumnRole priceRoles[kPriceFieldCount] = {ColumnRole::Open,  ColumnRole::High,
                                                     ColumnRole::Low,   ColumnRole::Close,
                                                     ColumnRole::AdjClose, ColumnRole::Volume};
    for (int k = 0; k < kPriceFieldCount; ++k)
        m_priceCols[k] = m_layout.col(priceRoles[k]);
    if (m_layout.kind == ImportKind::Ohlcv) {
        const std::string ticker = m_options.ticker.empty() ? tickerFromFileName(path)
                                                            : upper(m_options.ticker);
        auto id = m_writer.instrument(ticker);
        if (!id)
            return id.error();
        m_fixedId = *id;
        m_result.tickers.push_back(upper(trimBlanks(ticker)));
    } else if (m_layout.kind == ImportKind::PricesWide) {
        for (const auto& [col, ticker] : m_layout.wideColumns) {
            auto id = m_writer.instrument(ticker);
            if (!id)
                return id.error();
            m_wideIds.push_back(*id);
            m_result.tickers.push_back(upper(ticker));
        }
    }
    return {};
}

Status FileImporter::run(const std::string& path, const Progress& progress)
{
    m_file = path;
    m_result.file = path;
    // Earlier files (a holdings file's writePortfolio, say) may have added instruments.
    if (auto s = m_writer.sync(); !s)
        return s;
    Sha256 hash;
    CsvOptions options;
    options.delimiter = m_options.delimiter;
    options.onBlock = [&hash](const char* data, std::size_t size) { hash.add(data, size); };
    options.progress = progress;
    // An Excel workbook: its first sheet becomes a temporary CSV file with one line per sheet row
    // (xlsx_reader.h), read below like any CSV file, so every row rule, message and guarantee is
    // the same and "file:line" names the sheet row. The import log hashes the workbook's bytes.
    QTemporaryFile xlsxCsv(QDir::tempPath() + QStringLiteral("/marketlens-xlsx-XXXXXX.csv"));
    std::string csvPath = path;
    if (looksLikeXlsx(path)) {
        // Progress in the workbook's bytes: reading the sheet XML (the slow part) is the first
        // 90 %, the CSV pass the rest; Cancel works in both.
        std::error_code ec;
        const auto size = static_cast<std::int64_t>(std::filesystem::file_size(path, ec));
        auto scaled = [&progress, size](std::int64_t from, std::int64_t span) {
            return [&progress, size, from, span](std::int64_t done, std::int64_t total) {
                const std::int64_t part = total > 0 ? span * std::min(done, total) / total : 0;
                return reportProgress(progress, (from + part) * size / 100, size);
            };
        };
        if (auto s = convertXlsx(path, xlsxCsv, hash, scaled(0, 90)); !s)
            return s;
        csvPath = xlsxCsv.fileName().toStdString();
        options.delimiter = ',';
        options.onBlock = {};
        options.progress = scaled(90, 10);
    }
    auto opened = CsvReader::open(csvPath, std::move(options));
    if (!opened)
        return opened.error();
    CsvReader& reader = *opened;
    m_result.delimiter = reader.delimiter();
    const bool any = reader.next();
    if (auto skippedHeader = reader.takeSkipped(); !skippedHeader.empty())
        return skippedHeader.front(); // the header itself: no layout can be trusted
    if (!any) {
        if (!reader.status())
            return reader.status();
        return makeError(ErrorCode::BadData, "the file is empty", path);
    }
    for (auto f : reader.fields())
        m_header.emplace_back(trimBlanks(f));
    auto layout = detectLayout(m_header, m_options.kind, m_options.pricesOnly);
    if (!layout) {
        Error e = layout.error();
        e.file = path;
        return e;
    }
    m_layout = std::move(layout).value();
    m_result.kind = m_layout.kind;
    m_dateCol = m_layout.col(ColumnRole::Date);
    for (auto& w : m_layout.warnings)
        warn(std::move(w));

    // Read ahead a bounded sample to decide the decimal separator and the date format.
    std::vector<std::vector<std::string>> sample;
    std::vector<std::int64_t> sampleLines;
    std::vector<Error> skipped; // records the reader skipped (a field over its limit)
    const auto keepSkipped = [&] {
        for (Error& e : reader.takeSkipped())
            skipped.push_back(std::move(e));
    };
    bool more = true;
    while (sample.size() < kSampleRows && (more = reader.next())) {
        sample.emplace_back(reader.fields().begin(), reader.fields().end());
        sampleLines.push_back(reader.line());
        keepSkipped();
    }
    keepSkipped();
    if (!more && !reader.status() && reader.status().error().code != ErrorCode::BadData)
        return reader.status();
    if (auto s = decideFormats(sample, !more, csvPath); !s)
        return s;
    m_result.dateFormat = m_dateCol >= 0 ? m_dateFormat : DateFormat::Auto;
    if (auto s = setupColumns(path); !s)
        return s;

    std::vector<std::string_view> views;
    for (std::size_t i = 0; i < sample.size(); ++i) {
        views.assign(sample[i].begin(), sample[i].end());
        if (!processRow(sampleLines[i], views))
            return m_error;
    }
    sample.clear();
    sample.shrink_to_fit();
    const auto rejectSkipped = [&] {
        for (const Error& e : skipped)
            reject(e.line, e.message);
        skipped.clear();
        return bool(m_error);
    };
    if (!rejectSkipped())
        return m_error;
    if (more) {
        while (reader.next()) {
            keepSkipped();
            if (!rejectSkipped() || !processRow(reader.line(), reader.fields()))
                return m_error;
        }
        keepSkipped();
        if (!rejectSkipped())
            return m_error;
    }
    if (!reader.status()) {
        const Error& e = reader.status().error();
        if (e.code != ErrorCode::BadData)
            return e; // Io or Cancelled
        // An unterminated quote or an endless line: the rows before it stand; say that the rest
        // of the file was not read (it may hold rows the analyst expects).
        reject(e.line, e.message + "; the rest of the file was not read");
        if (!m_error)
            return m_error;
    }
    if (m_duplicates > 0)
        warn(std::to_string(m_duplicates) + " duplicate (ticker, date) rows in this file: the "
                                            "later row of each wins");
    if (m_layout.kind == ImportKind::Holdings) {
        if (auto s = finishHoldings(path); !s)
            return s;
    } else if (auto s = m_writer.flush(); !s) {
        return s;
    }
    m_result.sha256 = hash.hex();
    ImportLogEntry log;
    log.fileName = std::filesystem::path(path).filename().string();
    log.sha256 = m_result.sha256;
    log.kind = importKindName(m_layout.kind);
    log.rowsAccepted = m_result.rowsAccepted;
    log.rowsRejected = m_result.rowsRejected;
    return m_store.addImportLog(log);
}

Status FileImporter::convertXlsx(const std::string& path, QTemporaryFile& csv, Sha256& hash,
                                 const Progress& progress)
{
    m_xlsx = true;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
        return makeError(ErrorCode::Io, "cannot open the file", path);
    std::vector<char> block(std::size_t(1) << 20);
    std::size_t n = 0;
    while ((n = std::fread(block.data(), 1, block.size(), f)) > 0)
        hash.add(block.data(), n);
    std::fclose(f);
    if (!csv.open())
        return makeError(ErrorCode::Io, "cannot create a temporary file in "
                                            + QDir::tempPath().toStdString(), path);
    csv.close(); // xlsxSheetToCsv writes it by name; the object still removes it at the end
    return xlsxSheetToCsv(path, 0, csv.fileName().toStdString(), nullptr, progress);
}

} // namespace

Status importOneFile(ProjectStore& store, PriceWriter& writer, const ImportOptions& options,
                     const std::string& path, const Progress& progress, FileImportResult& result)
{
    FileImporter importer(store, writer, options, result);
    return importer.run(path, progress);
}

} // namespace marketlens::core
