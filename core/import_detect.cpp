#include "import_detect.h"

#include "text_parse.h"

#include <algorithm>
#include <filesystem>

namespace marketlens::core {
namespace {

// Lower case, '_' '-' '.' as blanks, blanks collapsed and trimmed.
std::string normalize(std::string_view name)
{
    std::string out;
    out.reserve(name.size());
    for (char c : name) {
        if (c == '_' || c == '-' || c == '.' || c == '\t')
            c = ' ';
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        if (c == ' ' && (out.empty() || out.back() == ' '))
            continue;
        out.push_back(c);
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

struct Synonyms {
    ColumnRole role;
    std::initializer_list<std::string_view> names;
};

const Synonyms kSynonyms[] = {
    {ColumnRole::Date, {"date", "datum", "timestamp", "time", "day", "trade date", "trading date"}},
    {ColumnRole::Ticker, {"ticker", "symbol", "instrument", "code", "security", "ric"}},
    {ColumnRole::Open, {"open", "opening", "open price", "opening price"}},
    {ColumnRole::High, {"high", "high price"}},
    {ColumnRole::Low, {"low", "low price"}},
    {ColumnRole::Close,
     {"close", "closing", "last", "price", "close price", "closing price", "last price"}},
    {ColumnRole::AdjClose,
     {"adj close", "adjusted close", "adjclose", "adj close price", "adjusted close price"}},
    {ColumnRole::Volume, {"volume", "vol", "qty traded", "quantity traded"}},
    {ColumnRole::Quantity, {"quantity", "qty", "shares", "units", "position"}},
    {ColumnRole::Weight,
     {"weight", "weight %", "weight (%)", "weight pct", "allocation", "allocation %",
      "allocation (%)", "pct", "percent", "%"}},
    {ColumnRole::Cost,
     {"cost", "cost basis", "avg cost", "average cost", "price paid", "unit cost"}},
    {ColumnRole::Currency, {"currency", "ccy"}},
};

bool isPriceRole(ColumnRole r)
{
    return r == ColumnRole::Open || r == ColumnRole::High || r == ColumnRole::Low
           || r == ColumnRole::Close || r == ColumnRole::AdjClose || r == ColumnRole::Volume;
}

std::string quoteList(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "'" : ", '") + n + "'";
    return out;
}

} // namespace

ColumnRole classifyHeader(std::string_view name, bool* percent)
{
    const std::string n = normalize(trimBlanks(name));
    for (const Synonyms& s : kSynonyms) {
        if (std::find(s.names.begin(), s.names.end(), n) != s.names.end()) {
            if (percent)
                *percent = s.role == ColumnRole::Weight
                           && (n.find('%') != std::string::npos || n.find("pct") != std::string::npos
                               || n == "percent");
            return s.role;
        }
    }
    return ColumnRole::Unknown;
}

std::vector<int> ImportLayout::numericColumns() const
{
    std::vector<int> out;
    for (std::size_t r = 0; r < column.size(); ++r) {
        const auto role = static_cast<ColumnRole>(r);
        if (column[r] >= 0 && role != ColumnRole::Date && role != ColumnRole::Ticker
            && role != ColumnRole::Currency)
            out.push_back(column[r]);
    }
    for (const auto& w : wideColumns)
        out.push_back(w.first);
    return out;
}

Result<ImportLayout> detectLayout(const std::vector<std::string>& header, ImportKind requested,
                                  bool pricesOnly)
{
    ImportLayout l;
    l.fieldCount = header.size();
    l.column.fill(-1);
    std::vector<int> unknown;
    for (std::size_t i = 0; i < header.size(); ++i) {
        bool pct = false;
        const ColumnRole role = classifyHeader(header[i], &pct);
        if (role == ColumnRole::Unknown) {
            unknown.push_back(static_cast<int>(i));
            continue;
        }
        int& slot = l.column[static_cast<std::size_t>(role)];
        if (slot >= 0) {
            l.warnings.push_back("column '" + header[i] + "' ignored: column '"
                                 + header[static_cast<std::size_t>(slot)] + "' has the same meaning");
            continue;
        }
        slot = static_cast<int>(i);
        if (role == ColumnRole::Weight)
            l.weightPercentHeader = pct;
    }
    const bool hasDate = l.col(ColumnRole::Date) >= 0;
    const bool hasTicker = l.col(ColumnRole::Ticker) >= 0;
    const bool hasHolding = l.col(ColumnRole::Quantity) >= 0 || l.col(ColumnRole::Weight) >= 0;
    bool hasPrice = false;
    for (std::size_t r = 0; r < l.column.size(); ++r)
        hasPrice = hasPrice || (l.column[r] >= 0 && isPriceRole(static_cast<ColumnRole>(r)));

    ImportKind kind = requested;
    if (kind == ImportKind::Auto) {
        if (!hasDate && hasTicker && hasHolding && !pricesOnly)
            kind = ImportKind::Holdings;
        else if (hasDate && hasTicker && hasPrice)
            kind = ImportKind::PricesLong;
        else if (hasDate && !hasTicker && hasPrice)
            kind = ImportKind::Ohlcv;
        else if (hasDate && !hasTicker && !hasHolding && !unknown.empty())
            kind = ImportKind::PricesWide;
    }
    auto fail = [&](const std::string& why) -> Error {
        return makeError(ErrorCode::BadData,
                         why + " (columns: " + quoteList(header)
                             + "); expected prices (date, ticker, close...), one instrument's "
                               "date/open/high/low/close, a date column plus one column per "
                               "ticker, or holdings (ticker plus quantity or weight)",
                         {}, 1);
    };
    switch (kind) {
    case ImportKind::Auto: return fail("cannot recognise the layout of the file");
    case ImportKind::Holdings:
        if (!hasTicker || !hasHolding)
            return fail("a holdings file needs a ticker column and a quantity or weight column");
        break;
    case ImportKind::PricesLong:
        if (!hasDate || !hasTicker || !hasPrice)
            return fail("a long price file needs date, ticker and price columns");
        break;
    case ImportKind::Ohlcv:
        if (!hasDate || !hasPrice)
            return fail("an OHLCV file needs a date column and price columns");
        break;
    case ImportKind::PricesWide: {
        if (!hasDate)
            return fail("a wide price file needs a date column");
        // Detected wide: the columns without a known name are tickers. Forced wide: every
        // column but the date is a ticker, whatever its name.
        const bool forced = requested == ImportKind::PricesWide;
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (static_cast<int>(i) == l.col(ColumnRole::Date))
                continue;
            if (!forced && std::find(unknown.begin(), unknown.end(), int(i)) == unknown.end()) {
                l.warnings.push_back("column '" + header[i] + "' ignored");
                continue;
            }
            const std::string t(trimBlanks(header[i]));
            if (t.empty())
                l.warnings.push_back("column " + std::to_string(i + 1) + " has no name: ignored");
            else
                l.wideColumns.emplace_back(static_cast<int>(i), t);
        }
        if (l.wideColumns.empty())
            return fail("a wide price file needs at least one ticker column");
        const int date = l.col(ColumnRole::Date);
        l.column.fill(-1);
        l.column[static_cast<std::size_t>(ColumnRole::Date)] = date;
        unknown.clear();
        break;
    }
    }
    l.kind = kind;
    if (kind == ImportKind::Holdings) {
        // Price columns in a holdings file mean nothing to the import.
        for (auto role : {ColumnRole::Date, ColumnRole::Open, ColumnRole::High, ColumnRole::Low,
                          ColumnRole::Close, ColumnRole::AdjClose, ColumnRole::Volume}) {
            int& slot = l.column[static_cast<std::size_t>(role)];
            if (slot >= 0)
                unknown.push_back(slot);
            slot = -1;
        }
    } else {
        for (auto role : {ColumnRole::Quantity, ColumnRole::Weight, ColumnRole::Cost,
                          ColumnRole::Currency}) {
            int& slot = l.column[static_cast<std::size_t>(role)];
            if (slot >= 0)
                unknown.push_back(slot);
            slot = -1;
        }
        if (kind == ImportKind::Ohlcv && hasTicker) {
            unknown.push_back(l.col(ColumnRole::Ticker));
            l.column[static_cast<std::size_t>(ColumnRole::Ticker)] = -1;
        }
    }
    std::sort(unknown.begin(), unknown.end());
    for (int i : unknown)
        l.warnings.push_back("column '" + header[static_cast<std::size_t>(i)] + "' ignored");
    return l;
}

std::string baseNameOf(const std::string& path)
{
    return std::filesystem::path(path).stem().string();
}

std::string tickerFromFileName(const std::string& path)
{
    std::string t = baseNameOf(path);
    for (char& c : t) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return t;
}

} // namespace marketlens::core
