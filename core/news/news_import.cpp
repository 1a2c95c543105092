// Import of news files into a project: parse (news_parsers.h), read labels by the file's scheme,
// link to the project's instruments (ticker_linker.h), store (news_store.h), log. Modelled on
// core::ImportSession (price_import.cpp): a private connection, one transaction for all files.
#include "core/news/news_import.h"

#include "core/csv_reader.h"
#include "core/import_detect.h"
#include "core/news/news_parsers.h"
#include "core/news/news_store.h"
#include "core/news/news_util.h"
#include "core/news/ticker_linker.h"
#include "core/project_store.h"
#include "core/text_parse.h"

#include <QCryptographicHash>
#include <QFile>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

namespace marketlens::core::news {
namespace {

constexpr std::size_t kMaxWarnings = 100; // per file; the rest are counted
constexpr std::int64_t kCancelCheckItems = 256; // items stored between two progress calls

std::string lowerAscii(std::string s)
{
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
}

std::string upperAscii(std::string s)
{
    for (char& c : s) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return s;
}

std::string lowerSuffix(const std::string& path)
{
    return lowerAscii(std::filesystem::path(path).extension().string());
}

std::int64_t fileSize(const std::string& path)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? 0 : static_cast<std::int64_t>(size);
}

Result<NewsFormat> formatFromKey(const std::string& key)
{
    const std::string k = lowerAscii(key);
    if (k.empty() || k == "auto")
        return NewsFormat::Auto;
    if (k == "csv" || k == "tsv")
        return NewsFormat::Csv;
    if (k == "json")
        return NewsFormat::Json;
    if (k == "jsonl" || k == "ndjson" || k == "json-lines")
        return NewsFormat::JsonLines;
    if (k == "feed" || k == "rss" || k == "atom" || k == "xml")
        return NewsFormat::Feed;
    if (k == "text" || k == "txt")
        return NewsFormat::Text;
    return makeError(ErrorCode::InvalidArgument,
        "unknown news format '" + key + "' (auto, csv, json, jsonl, feed or text)");
}

Result<std::string> fileSha256(const std::string& path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::Io, "cannot open the file: " + f.errorString().toStdString(), path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f))
        return makeError(ErrorCode::Io, "cannot read the file", path);
    return hash.result().toHex().toStdString();
}

// Warnings of one file: repeated texts once, at most kMaxWarnings, then a count.
class Warnings {
public:
    void add(const std::string& text)
    {
        if (!m_seen.insert(text).second)
            return;
        if (m_list.size() < kMaxWarnings)
            m_list.push_back(text);
        else
            ++m_more;
    }
    std::vector<std::string> take()
    {
        if (m_more > 0)
            m_list.push_back(std::to_string(m_more) + " more warnings not listed");
        return std::move(m_list);
    }

private:
    std::vector<std::string> m_list;
    std::set<std::string> m_seen;
    std::int64_t m_more = 0;
};

const char* schemeName(LabelScheme scheme)
{
    switch (scheme) {
    case LabelScheme::Binary:
        return "binary (0 negative, 1 positive)";
    case LabelScheme::Ternary:
        return "ternary (-1 negative, 0 neutral, 1 positive)";
    case LabelScheme::Continuous:
        return "continuous (<= -0.05 negative, >= 0.05 positive)";
    case LabelScheme::Auto:
        break;
    }
    return "auto";
}

// The scheme of a file's numeric labels (those that name no class).
LabelScheme decideScheme(const std::vector<NewsItem>& items, LabelScheme requested, bool& numeric)
{
    bool binary = true, ternary = true;
    numeric = false;
    for (const NewsItem& item : items) {
        if (!item.label || item.label->klass || !item.label->value)
            continue;
        numeric = true;
        const double v = *item.label->value;
        binary = binary && (v == 0.0 || v == 1.0);
        ternary = ternary && (v == -1.0 || v == 0.0 || v == 1.0);
    }
    if (requested != LabelScheme::Auto)
        return requested;
    if (!numeric)
        return LabelScheme::Continuous;
    return binary ? LabelScheme::Binary : ternary ? LabelScheme::Ternary : LabelScheme::Continuous;
}

// The class of a label under `scheme`; nullopt (and `problem` set) when it has none.
std::optional<SentimentClass> labelClass(
    const NewsLabel& label, LabelScheme scheme, std::string& problem)
{
    if (label.klass)
        return label.klass;
    if (!label.value) {
        problem = "names no class (negative, neutral, positive or a number)";
        return std::nullopt;
    }
    const double v = *label.value;
    switch (scheme) {
    case LabelScheme::Binary:
        if (v == 0.0)
            return SentimentClass::Negative;
        if (v == 1.0)
            return SentimentClass::Positive;
        problem = "is not 0 or 1 (binary labels)";
        return std::nullopt;
    case LabelScheme::Ternary:
        if (v == -1.0)
            return SentimentClass::Negative;
        if (v == 0.0)
            return SentimentClass::Neutral;
        if (v == 1.0)
            return SentimentClass::Positive;
        problem = "is not -1, 0 or 1 (ternary labels)";
        return std::nullopt;
    case LabelScheme::Continuous:
    case LabelScheme::Auto:
        break;
    }
    if (!std::isfinite(v)) {
        problem = "is not a finite number";
        return std::nullopt;
    }
    if (v <= -0.05)
        return SentimentClass::Negative;
    if (v >= 0.05)
        return SentimentClass::Positive;
    return SentimentClass::Neutral;
}

std::string itemPlace(const NewsItem& item)
{
    return item.line > 0 ? "line " + std::to_string(item.line)
                         : "item " + std::to_string(item.itemNumber);
}

// The first non-empty lines of a text file (up to `count`), without line ends or a BOM.
std::vector<std::string> firstLines(const std::string& path, std::size_t count, std::string& sample)
{
    std::vector<std::string> lines;
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return lines;
    QByteArray head = f.read(64 * 1024);
    if (head.startsWith("\xEF\xBB\xBF"))
        head.remove(0, 3);
    sample.assign(head.constData(), static_cast<std::size_t>(head.size()));
    std::size_t b = 0;
    while (b < sample.size() && lines.size() < count) {
        auto e = sample.find('\n', b);
        if (e == std::string::npos)
            e = sample.size();
        std::string line = sample.substr(b, e - b);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") != std::string::npos)
            lines.push_back(std::move(line));
        b = e + 1;
    }
    return lines;
}

// Fields of one line split at `delimiter`, quotes and blanks around each field removed.
std::vector<std::string> splitLine(const std::string& line, char delimiter)
{
    std::vector<std::string> out;
    std::string field;
    bool quoted = false;
    for (char c : line) {
        if (c == '"')
            quoted = !quoted;
        else if (c == delimiter && !quoted) {
            out.emplace_back(trimBlanks(field));
            field.clear();
        } else
            field += c;
    }
    out.emplace_back(trimBlanks(field));
    return out;
}

bool isPriceColumn(ColumnRole role)
{
    switch (role) {
    case ColumnRole::Open:
    case ColumnRole::High:
    case ColumnRole::Low:
    case ColumnRole::Close:
    case ColumnRole::AdjClose:
    case ColumnRole::Volume:
    case ColumnRole::Quantity:
    case ColumnRole::Weight:
    case ColumnRole::Cost:
        return true;
    default:
        return false;
    }
}

// A delimited table of numbers (prices, holdings) rather than an article: the header fits a
// price/holdings layout, or the first two lines have the same number (>= 3) of fields and the
// second has at least two numbers.
bool looksLikeTable(const std::vector<std::string>& lines, const std::string& sample)
{
    if (lines.empty())
        return false;
    const char delimiter = CsvReader::sniffDelimiter(sample);
    const auto header = splitLine(lines[0], delimiter);
    if (header.size() >= 2 && detectLayout(header, ImportKind::Auto, false))
        return true;
    if (lines.size() < 2 || header.size() < 3)
        return false;
    const auto row = splitLine(lines[1], delimiter);
    if (row.size() != header.size())
        return false;
    int numbers = 0;
    for (const auto& f : row) {
        double v = 0;
        numbers += parseNumber(f, '.', v) == ParseStatus::Ok ? 1 : 0;
    }
    return numbers >= 2;
}

} // namespace

std::int64_t NewsImportResult::itemsAccepted() const
{
    std::int64_t n = 0;
    for (const auto& f : files)
        n += f.itemsAccepted;
    return n;
}

std::int64_t NewsImportResult::itemsRejected() const
{
    std::int64_t n = 0;
    for (const auto& f : files)
        n += f.itemsRejected;
    return n;
}

// ---- session ----

struct NewsImportSession::Impl {
    ProjectStore store;
    std::unique_ptr<Transaction> tx; // declared after the store: destroyed (rolled back) first

    Status importFile(const std::string& path, NewsFormat format, const NewsImportOptions& options,
        const TickerLinker& linker, const Progress& progress, std::int64_t offset,
        std::int64_t total, NewsFileResult& fr);
};

NewsImportSession::NewsImportSession() = default;
NewsImportSession::~NewsImportSession() = default;
NewsImportSession::NewsImportSession(NewsImportSession&&) noexcept = default;
NewsImportSession& NewsImportSession::operator=(NewsImportSession&&) noexcept = default;

Result<NewsImportSession> NewsImportSession::begin(const std::string& projectPath)
{
    auto store = ProjectStore::open(projectPath);
    if (!store)
        return store.error();
    NewsImportSession s;
    s.m_impl = std::make_unique<Impl>();
    s.m_impl->store = std::move(store).value();
    s.m_impl->tx = std::make_unique<Transaction>(s.m_impl->store.db());
    if (auto st = s.m_impl->tx->begin(); !st)
        return st.error();
    return s;
}

Status NewsImportSession::Impl::importFile(const std::string& path, NewsFormat format,
    const NewsImportOptions& options, const TickerLinker& linker, const Progress& progress,
    std::int64_t offset, std::int64_t total, NewsFileResult& fr)
{
    fr.file = path;
    if (format == NewsFormat::Auto) {
        auto detected = detectNewsFormat(path);
        if (!detected)
            return detected.error();
        format = *detected;
    }
    fr.format = newsFormatKey(format);
    NewsParseOptions parseOptions;
    parseOptions.progress = [&](std::int64_t done, std::int64_t) {
        return reportProgress(progress, offset + done, total);
    };
    auto parsed = parseNewsFile(path, format, parseOptions);
    if (!parsed)
        return parsed.error();
    auto sha = fileSha256(path);
    if (!sha)
        return sha.error();
    fr.sha256 = *sha;

    Warnings warnings;
    // The result is per file: the readers' "FILE: " prefix would only repeat it.
    const std::string prefix = path + ": ";
    for (const auto& w : parsed->warnings)
        warnings.add(w.rfind(prefix, 0) == 0 ? w.substr(prefix.size()) : w);
    bool numericLabels = false;
    const LabelScheme scheme = decideScheme(parsed->items, options.labelScheme, numericLabels);
    if (numericLabels && options.labelScheme == LabelScheme::Auto)
        warnings.add(std::string("numeric labels read as ") + schemeName(scheme));

    std::vector<std::string> extraTickers;
    for (const auto& t : options.tickers) {
        std::string u = upperAscii(std::string(trimBlanks(t)));
        if (!u.empty()
            && std::find(extraTickers.begin(), extraTickers.end(), u) == extraTickers.end())
            extraTickers.push_back(std::move(u));
    }
    const std::string fileName = std::filesystem::path(path).filename().string();
    const std::int64_t size = fileSize(path);
    std::int64_t n = 0;
    for (NewsItem& item : parsed->items) {
        if (++n % kCancelCheckItems == 0 && !reportProgress(progress, offset + size, total))
            return makeError(ErrorCode::Cancelled, "import cancelled", path);
        StoredNews sn;
        sn.timestamp = item.timestamp;
        sn.dateOnly = item.dateOnly;
        sn.headline = std::move(item.headline);
        sn.body = std::move(item.body);
        sn.source = std::move(item.source);
        sn.url = std::move(item.url);
        sn.externalId = std::move(item.id);
        sn.sourceFile = fileName;
        sn.itemNumber = item.itemNumber;
        sn.explicitTickers = std::move(item.tickers);
        for (const auto& t : extraTickers) {
            if (std::find(sn.explicitTickers.begin(), sn.explicitTickers.end(), t)
                == sn.explicitTickers.end())
                sn.explicitTickers.push_back(t);
        }
        if (item.label) {
            sn.labelText = item.label->text;
            std::string problem;
            sn.labelClass = labelClass(*item.label, scheme, problem);
            if (!problem.empty())
                warnings.add(itemPlace(item) + ": label '" + item.label->text + "' " + problem
                    + "; the item is stored without a label class");
        }
        const TickerLinks links = linker.link(sn.explicitTickers, sn.headline, sn.body);
        for (const auto& w : links.warnings)
            warnings.add(w);
        for (const TickerLink& l : links.links)
            sn.tickers.push_back(StoredTickerLink {l.ticker, l.reason, l.evidence, l.mentions});
        auto id = insertNews(store, sn);
        if (!id) {
            Error e = id.error();
            e.message = itemPlace(item) + ": " + e.message;
            return e;
        }
        if (*id == 0) {
            ++fr.duplicatesInProject;
            continue;
        }
        ++fr.itemsAccepted;
        fr.itemsLinked += sn.tickers.empty() ? 0 : 1;
        fr.labelled += sn.labelClass ? 1 : 0;
    }
    if (fr.duplicatesInProject > 0)
        warnings.add(std::to_string(fr.duplicatesInProject)
            + " items are already in the project (same headline and time): not added again");
    fr.itemsRejected = parsed->itemsRejected;
    fr.duplicatesInFile = parsed->duplicatesDropped;
    fr.rejected = std::move(parsed->rejected);
    for (auto& r : fr.rejected) {
        if (r.file.empty())
            r.file = path;
    }
    fr.warnings = warnings.take();
    if (options.strict && fr.itemsRejected > 0 && !fr.rejected.empty()) {
        const NewsRejected& first = fr.rejected.front();
        std::string where = first.itemNumber > 0 ? "item " + std::to_string(first.itemNumber) + ": "
                                                 : std::string();
        return makeError(ErrorCode::BadData,
            where + first.reason + " (--strict: " + std::to_string(fr.itemsRejected)
                + " items rejected, nothing was imported)",
            first.file, first.line);
    }
    ImportLogEntry log;
    log.fileName = fileName;
    log.sha256 = fr.sha256;
    log.kind = "news";
    log.rowsAccepted = fr.itemsAccepted;
    log.rowsRejected = fr.itemsRejected;
    return store.addImportLog(log);
}

Result<NewsImportResult> NewsImportSession::run(const std::vector<std::string>& files,
    const NewsImportOptions& options, const Progress& progress)
{
    if (!m_impl || !m_impl->tx || !m_impl->tx->active())
        return makeError(ErrorCode::InvalidArgument, "news import session is not active");
    auto fail = [&](Error e, const std::string& file) -> Result<NewsImportResult> {
        rollback(); // nothing of a failed run may become visible
        if (e.file.empty())
            e.file = file;
        return e;
    };
    auto format = formatFromKey(options.format);
    if (!format)
        return fail(format.error(), {});
    // Tickers named for the import are meant: they become instruments when they are not yet.
    for (const auto& t : options.tickers) {
        const std::string ticker(trimBlanks(t));
        if (ticker.empty())
            continue;
        if (auto id = m_impl->store.instrumentId(ticker, true); !id)
            return fail(id.error(), {});
    }
    auto aliases = instrumentAliases(m_impl->store);
    if (!aliases)
        return fail(aliases.error(), {});
    const TickerLinker linker(*aliases);

    std::int64_t total = 0;
    for (const auto& f : files)
        total += fileSize(f);
    NewsImportResult result;
    std::int64_t offset = 0;
    for (const auto& path : files) {
        NewsFileResult fr;
        if (auto s
            = m_impl->importFile(path, *format, options, linker, progress, offset, total, fr);
            !s)
            return fail(s.error(), path);
        offset += fileSize(path);
        result.files.push_back(std::move(fr));
    }
    if (!reportProgress(progress, total, total))
        return fail(makeError(ErrorCode::Cancelled, "import cancelled"), {});
    return result;
}

Status NewsImportSession::commit()
{
    if (!m_impl || !m_impl->tx || !m_impl->tx->active())
        return makeError(ErrorCode::InvalidArgument, "news import session is not active");
    if (auto s = m_impl->tx->commit(); !s)
        return s;
    m_impl.reset();
    return {};
}

void NewsImportSession::rollback()
{
    if (!m_impl)
        return;
    if (m_impl->tx)
        m_impl->tx->rollback();
    m_impl.reset();
}

Result<NewsImportResult> importNewsFiles(const std::string& projectPath,
    const std::vector<std::string>& files, const NewsImportOptions& options,
    const Progress& progress)
{
    auto session = NewsImportSession::begin(projectPath);
    if (!session)
        return session.error();
    auto result = session->run(files, options, progress);
    if (!result)
        return result.error();
    if (auto s = session->commit(); !s)
        return s.error();
    return result;
}

bool looksLikeNewsFile(const std::string& path)
{
    const std::string suffix = lowerSuffix(path);
    if (suffix == ".json" || suffix == ".jsonl" || suffix == ".ndjson" || suffix == ".xml"
        || suffix == ".rss" || suffix == ".atom")
        return true;
    const bool text = suffix == ".txt";
    if (!text && suffix != ".csv" && suffix != ".tsv")
        return false;
    std::string sample;
    const auto lines = firstLines(path, 2, sample);
    if (lines.empty())
        return false;
    if (text)
        return !looksLikeTable(lines, sample);
    // CSV: a headline column and no price or holdings column.
    bool headline = false;
    for (const auto& name : splitLine(lines[0], CsvReader::sniffDelimiter(sample))) {
        if (isPriceColumn(classifyHeader(name)))
            return false;
        headline = headline || newsdetail::classifyKey(name) == newsdetail::Field::Headline;
    }
    return headline;
}

} // namespace marketlens::core::news
