#include "price_import.h"

#include "import_file.h"
#include "price_writer.h"

#include "core/news/news_store.h"

#include <filesystem>

namespace marketlens::core {
namespace {

// SQLite page cache of the import connection (KiB): ample for the B-tree pages a bulk insert
// touches, and smaller than a 1M-row import fills, so that this cap rather than the file size
// sets peak memory (64 MiB made a 10M-row import peak 3 MB above a 1M-row one).
constexpr int kImportCacheKiB = 32 * 1024;

std::string upper(std::string_view s)
{
    std::string out(s);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

} // namespace

// ---- option parsing ----

bool parseImportKind(const std::string& text, ImportKind& kind, bool& pricesOnly)
{
    const std::string t = upper(text);
    pricesOnly = false;
    if (t == "AUTO")
        kind = ImportKind::Auto;
    else if (t == "PRICES") {
        kind = ImportKind::Auto;
        pricesOnly = true;
    } else if (t == "LONG" || t == "PRICES-LONG")
        kind = ImportKind::PricesLong;
    else if (t == "WIDE" || t == "PRICES-WIDE")
        kind = ImportKind::PricesWide;
    else if (t == "OHLCV")
        kind = ImportKind::Ohlcv;
    else if (t == "HOLDINGS" || t == "PORTFOLIO")
        kind = ImportKind::Holdings;
    else
        return false;
    return true;
}

bool parseDateFormat(const std::string& text, DateFormat& format)
{
    const std::string t = upper(trimBlanks(text));
    if (t == "AUTO")
        format = DateFormat::Auto;
    else if (t == "ISO" || t == "YYYY-MM-DD" || t == "YYYYMMDD")
        format = DateFormat::Iso;
    else if (t == "YMD" || t == "YYYY/MM/DD" || t == "YYYY.MM.DD")
        format = DateFormat::YmdSlash;
    else if (t == "MDY" || t == "MM/DD/YYYY" || t == "MM-DD-YYYY" || t == "MM.DD.YYYY")
        format = DateFormat::Mdy;
    else if (t == "DMY" || t == "DD/MM/YYYY" || t == "DD.MM.YYYY" || t == "DD-MM-YYYY")
        format = DateFormat::Dmy;
    else
        return false;
    return true;
}

const char* importKindName(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Auto: return "auto";
    case ImportKind::PricesLong: return "prices-long";
    case ImportKind::PricesWide: return "prices-wide";
    case ImportKind::Ohlcv: return "ohlcv";
    case ImportKind::Holdings: return "holdings";
    }
    return "auto";
}

std::int64_t ImportResult::rowsAccepted() const
{
    std::int64_t n = 0;
    for (const auto& f : files)
        n += f.rowsAccepted;
    return n;
}

std::int64_t ImportResult::rowsRejected() const
{
    std::int64_t n = 0;
    for (const auto& f : files)
        n += f.rowsRejected;
    return n;
}

// ---- session ----

struct ImportSession::Impl {
    ProjectStore store;
    std::unique_ptr<Transaction> tx;   // declared after the store: destroyed (rolled back) first
    std::unique_ptr<PriceWriter> writer;
};

ImportSession::ImportSession() = default;
ImportSession::~ImportSession() = default;
ImportSession::ImportSession(ImportSession&&) noexcept = default;
ImportSession& ImportSession::operator=(ImportSession&&) noexcept = default;

Result<ImportSession> ImportSession::begin(const std::string& projectPath)
{
    auto store = ProjectStore::open(projectPath);
    if (!store)
        return store.error();
    ImportSession s;
    s.m_impl = std::make_unique<Impl>();
    s.m_impl->store = std::move(store).value();
    // The import creates every instrument it references itself, on this private connection,
    // so the per-row foreign-key lookup is redundant; it can only be switched off outside a
    // transaction.
    if (auto st = s.m_impl->store.db().exec("PRAGMA foreign_keys = OFF"); !st)
        return st.error();
    s.m_impl->tx = std::make_unique<Transaction>(s.m_impl->store.db());
    if (auto st = s.m_impl->tx->begin(); !st)
        return st.error();
    if (auto st = s.m_impl->store.db().exec("PRAGMA cache_size = -"
                                             + std::to_string(kImportCacheKiB));
        !st)
        return st.error();
    s.m_impl->writer = std::make_unique<PriceWriter>(s.m_impl->store);
    return s;
}

Result<ImportResult> ImportSession::run(const std::vector<std::string>& files,
                                        const ImportOptions& options, const Progress& progress)
{
    if (!m_impl || !m_impl->tx || !m_impl->tx->active())
        return makeError(ErrorCode::InvalidArgument, "import session is not active");
    std::int64_t total = 0;
    for (const auto& f : files) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(f, ec);
        total += ec ? 0 : static_cast<std::int64_t>(size);
    }
    ImportResult result;
    std::int64_t offset = 0;
    for (const auto& path : files) {
        FileImportResult fr;
        const Progress fileProgress = [&](std::int64_t done, std::int64_t) {
            return reportProgress(progress, offset + done, total);
        };
        Status st = importOneFile(m_impl->store, *m_impl->writer, options, path, fileProgress, fr);
        if (!st) {
            rollback(); // nothing of a failed run may become visible
            Error e = st.error();
            if (e.file.empty())
                e.file = path;
            return e;
        }
        std::error_code ec;
        const auto size = std::filesystem::file_size(path, ec);
        offset += ec ? 0 : static_cast<std::int64_t>(size);
        result.files.push_back(std::move(fr));
    }
    // Instruments this import created may be what stored news named: link the news anew inside
    // the same transaction (so a rollback undoes it too).
    auto newsItems = news::newsCount(m_impl->store);
    if (newsItems && *newsItems > 0) {
        auto relinked = news::relinkNews(m_impl->store);
        if (!relinked) {
            rollback();
            return relinked.error();
        }
        result.newsRelinked = *relinked;
    }
    return result;
}

Status ImportSession::commit()
{
    if (!m_impl || !m_impl->tx || !m_impl->tx->active())
        return makeError(ErrorCode::InvalidArgument, "import session is not active");
    if (auto s = m_impl->writer->flush(); !s)
        return s;
    m_impl->writer.reset(); // finalize statements before the connection goes
    if (auto s = m_impl->tx->commit(); !s)
        return s;
    m_impl.reset();
    return {};
}

void ImportSession::rollback()
{
    if (!m_impl)
        return;
    m_impl->writer.reset();
    if (m_impl->tx)
        m_impl->tx->rollback();
    m_impl.reset();
}

Result<ImportResult> importFiles(const std::string& projectPath,
                                 const std::vector<std::string>& files,
                                 const ImportOptions& options, const Progress& progress)
{
    auto session = ImportSession::begin(projectPath);
    if (!session)
        return session.error();
    auto result = session->run(files, options, progress);
    if (!result)
        return result.error();
    if (auto s = session->commit(); !s)
        return s.error();
    return result;
}

} // namespace marketlens::core
