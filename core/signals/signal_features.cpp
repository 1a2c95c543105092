#include "signal_features.h"

#include "core/news/sentiment_index.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace marketlens::core::signals {

namespace {

// Column order of every dataset: allSignalFeatures() and the header's list.
constexpr const char* kFeatureNames[]
    = {"ret1", "ret2", "ret5", "ret10", "ret20", "vol20", "rsi14", "macd", "macd_hist", "bb_pctb",
        "volume_z", "ma20_dist", "ma50_dist", "mkt_ret1", "mkt_ret5", "sentiment"};
constexpr std::size_t kFeatureCount = std::size(kFeatureNames);

constexpr std::size_t kVolWindow = 20;
constexpr std::size_t kRsiPeriod = 14;
constexpr std::size_t kBollingerWindow = 20;
constexpr std::size_t kVolumeWindow = 20;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Error invalid(std::string message)
{
    return makeError(ErrorCode::InvalidArgument, std::move(message));
}

Error badData(std::string message)
{
    return makeError(ErrorCode::BadData, std::move(message));
}

std::string quoted(const std::string& s)
{
    return "'" + s + "'";
}

std::string tickerOr(const PriceSeries& s)
{
    return s.ticker.empty() ? std::string("the instrument") : s.ticker;
}

// PriceSeries::valueAt, tolerating price columns a loader left shorter than the dates.
double priceAt(const PriceSeries& s, std::size_t i)
{
    if (i < s.adjClose.size() && i < s.close.size())
        return s.valueAt(i);
    if (i < s.adjClose.size() && !isMissing(s.adjClose[i]))
        return s.adjClose[i];
    return i < s.close.size() ? s.close[i] : kMissing;
}

bool usablePrice(double p)
{
    return std::isfinite(p) && p > 0.0;
}

bool hasVolume(const PriceSeries& s)
{
    for (std::size_t i = 0; i < s.volume.size() && i < s.size(); ++i)
        if (!isMissing(s.volume[i]))
            return true;
    return false;
}

// The rows of a series with a usable price: their positions in the series and their prices.
struct Priced {
    std::vector<std::size_t> src;
    std::vector<double> p;
};

Priced pricedRows(const PriceSeries& s)
{
    Priced out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const double p = priceAt(s, i);
        if (!usablePrice(p))
            continue;
        out.src.push_back(i);
        out.p.push_back(p);
    }
    return out;
}

// First priced row (0-based) on which a feature is defined: the number of earlier prices it needs.
std::size_t firstDefinedRow(const std::string& name)
{
    if (name == "ret1")
        return 1;
    if (name == "ret2")
        return 2;
    if (name == "ret5")
        return 5;
    if (name == "ret10")
        return 10;
    if (name == "ret20")
        return 20;
    if (name == "vol20")
        return kVolWindow; // r[t-19] needs P[t-20]
    if (name == "rsi14")
        return kRsiPeriod; // the first average takes the changes 1..14
    if (name == "bb_pctb")
        return kBollingerWindow - 1;
    if (name == "volume_z")
        return kVolumeWindow - 1;
    if (name == "ma20_dist")
        return 19;
    if (name == "ma50_dist")
        return 49;
    return 0; // macd, macd_hist (EMAs from the first row on), mkt_*, sentiment
}

double mean(const std::vector<double>& v, std::size_t first, std::size_t n)
{
    double sum = 0.0;
    for (std::size_t i = first; i < first + n; ++i)
        sum += v[i];
    return sum / double(n);
}

bool allEqual(const std::vector<double>& v, std::size_t first, std::size_t n)
{
    for (std::size_t i = first + 1; i < first + n; ++i)
        if (v[i] != v[first])
            return false;
    return true;
}

// Standard deviation of v[first, first + n) around `m` with divisor n - ddof; exactly 0 when all
// values are equal (a rounded mean would otherwise leave a tiny spread that %B and the z-score
// divide by).
double stdDev(const std::vector<double>& v, std::size_t first, std::size_t n, double m, int ddof)
{
    if (allEqual(v, first, n))
        return 0.0;
    double ss = 0.0;
    for (std::size_t i = first; i < first + n; ++i)
        ss += (v[i] - m) * (v[i] - m);
    return std::sqrt(ss / double(n - std::size_t(ddof)));
}

// Every column below covers all priced rows; rows before the feature's first defined row hold NaN
// and are dropped by the warm-up. Each value of row t reads rows <= t only.

std::vector<double> laggedReturn(const std::vector<double>& p, std::size_t k)
{
    std::vector<double> out(p.size(), kNaN);
    for (std::size_t t = k; t < p.size(); ++t)
        out[t] = std::log(p[t] / p[t - k]);
    return out;
}

std::vector<double> rollingVolatility(const std::vector<double>& p)
{
    const std::vector<double> r = laggedReturn(p, 1);
    std::vector<double> out(p.size(), kNaN);
    for (std::size_t t = kVolWindow; t < p.size(); ++t) {
        const std::size_t first = t + 1 - kVolWindow;
        out[t] = stdDev(r, first, kVolWindow, mean(r, first, kVolWindow), 1);
    }
    return out;
}

// Wilder's RSI on the price changes P[t] - P[t-1].
std::vector<double> wilderRsi(const std::vector<double>& p)
{
    std::vector<double> out(p.size(), kNaN);
    if (p.size() <= kRsiPeriod)
        return out;
    double gain = 0.0, loss = 0.0;
    for (std::size_t t = 1; t <= kRsiPeriod; ++t) {
        const double d = p[t] - p[t - 1];
        gain += d > 0.0 ? d : 0.0;
        loss += d < 0.0 ? -d : 0.0;
    }
    gain /= double(kRsiPeriod);
    loss /= double(kRsiPeriod);
    const auto rsi
        = [](double g, double l) { return l == 0.0 ? 100.0 : 100.0 - 100.0 / (1.0 + g / l); };
    out[kRsiPeriod] = rsi(gain, loss);
    const double keep = double(kRsiPeriod - 1);
    for (std::size_t t = kRsiPeriod + 1; t < p.size(); ++t) {
        const double d = p[t] - p[t - 1];
        gain = (gain * keep + (d > 0.0 ? d : 0.0)) / double(kRsiPeriod);
        loss = (loss * keep + (d < 0.0 ? -d : 0.0)) / double(kRsiPeriod);
        out[t] = rsi(gain, loss);
    }
    return out;
}

// Exponential moving average seeded with the first value, alpha = 2 / (n + 1).
std::vector<double> ema(const std::vector<double>& x, int n)
{
    std::vector<double> out(x.size());
    const double alpha = 2.0 / (double(n) + 1.0);
    for (std::size_t t = 0; t < x.size(); ++t)
        out[t] = t == 0 ? x[0] : alpha * x[t] + (1.0 - alpha) * out[t - 1];
    return out;
}

void macdColumns(const std::vector<double>& p, std::vector<double>& macd, std::vector<double>& hist)
{
    const std::vector<double> fast = ema(p, 12), slow = ema(p, 26);
    std::vector<double> line(p.size());
    for (std::size_t t = 0; t < p.size(); ++t)
        line[t] = fast[t] - slow[t];
    const std::vector<double> signal = ema(line, 9);
    macd.resize(p.size());
    hist.resize(p.size());
    for (std::size_t t = 0; t < p.size(); ++t) {
        macd[t] = line[t] / p[t];
        hist[t] = (line[t] - signal[t]) / p[t];
    }
}

std::vector<double> bollingerPctB(const std::vector<double>& p)
{
    std::vector<double> out(p.size(), kNaN);
    for (std::size_t t = kBollingerWindow - 1; t < p.size(); ++t) {
        const std::size_t first = t + 1 - kBollingerWindow;
        const double m = mean(p, first, kBollingerWindow);
        const double s = stdDev(p, first, kBollingerWindow, m, 0);
        out[t] = s == 0.0 ? 0.5 : (p[t] - (m - 2.0 * s)) / (4.0 * s);
    }
    return out;
}

std::vector<double> volumeZ(const PriceSeries& s, const Priced& rows)
{
    std::vector<double> v(rows.src.size());
    for (std::size_t t = 0; t < v.size(); ++t) {
        const std::size_t i = rows.src[t];
        const double x = i < s.volume.size() ? s.volume[i] : kMissing;
        v[t] = std::isfinite(x) ? x : 0.0; // a missing volume counts as 0
    }
    std::vector<double> out(v.size(), kNaN);
    for (std::size_t t = kVolumeWindow - 1; t < v.size(); ++t) {
        const std::size_t first = t + 1 - kVolumeWindow;
        const double m = mean(v, first, kVolumeWindow);
        const double sd = stdDev(v, first, kVolumeWindow, m, 1);
        out[t] = sd == 0.0 ? 0.0 : (v[t] - m) / sd;
    }
    return out;
}

std::vector<double> movingAverageDistance(const std::vector<double>& p, std::size_t n)
{
    std::vector<double> out(p.size(), kNaN);
    for (std::size_t t = n - 1; t < p.size(); ++t)
        out[t] = p[t] / mean(p, t + 1 - n, n) - 1.0;
    return out;
}

// The market's log return over its last k days up to and including each date (fewer at its
// start, 0 before its first date).
std::vector<double> marketReturn(
    const MarketReturns& market, const std::vector<Date>& dates, std::size_t k)
{
    std::vector<double> out;
    out.reserve(dates.size());
    std::size_t next = 0; // market days <= the current date are before `next`
    for (Date d : dates) {
        while (next < market.dates.size() && market.dates[next] <= d)
            ++next;
        double sum = 0.0;
        for (std::size_t j = next > k ? next - k : 0; j < next; ++j)
            sum += market.logReturns[j];
        out.push_back(sum);
    }
    return out;
}

Status checkMarket(const MarketReturns& m)
{
    if (m.dates.size() != m.logReturns.size())
        return invalid("market " + quoted(m.name) + " has " + std::to_string(m.dates.size())
            + " dates but " + std::to_string(m.logReturns.size()) + " returns");
    for (std::size_t i = 0; i < m.dates.size(); ++i) {
        if (i > 0 && !(m.dates[i - 1] < m.dates[i]))
            return invalid("market " + quoted(m.name) + ": dates are not strictly ascending at "
                + m.dates[i].toIso());
        if (!std::isfinite(m.logReturns[i]))
            return invalid("market " + quoted(m.name) + ": the return of " + m.dates[i].toIso()
                + " is not a finite number");
    }
    return {};
}

Status checkSentiment(const std::vector<news::DailySentiment>& index)
{
    for (std::size_t i = 0; i < index.size(); ++i) {
        if (i > 0 && !(index[i - 1].date < index[i].date))
            return invalid(
                "sentiment index: dates are not strictly ascending at " + index[i].date.toIso());
        if (!std::isfinite(index[i].decayed))
            return invalid("sentiment index: the value of " + index[i].date.toIso()
                + " is not a finite number");
    }
    return {};
}

Status checkLabel(const LabelSpec& label)
{
    if (label.horizon < 1)
        return invalid(
            "label horizon must be at least 1 day (got " + std::to_string(label.horizon) + ")");
    if (label.classes != 2 && label.classes != 3)
        return invalid("label classes must be 2 (up/down) or 3 (up/flat/down), got "
            + std::to_string(label.classes));
    if (!(label.threshold >= 0.0) || !std::isfinite(label.threshold))
        return invalid("label threshold must be a finite log return >= 0 (got "
            + std::to_string(label.threshold) + ")");
    return {};
}

int labelOf(double r, const LabelSpec& label)
{
    if (label.classes == 2)
        return r > 0.0 ? 1 : 0;
    if (r > label.threshold)
        return 2;
    return r < -label.threshold ? 0 : 1;
}

} // namespace

std::vector<std::string> allSignalFeatures()
{
    return {std::begin(kFeatureNames), std::end(kFeatureNames)};
}

MarketReturns marketFromSeries(const PriceSeries& series)
{
    MarketReturns m;
    m.name = series.ticker;
    const Priced rows = pricedRows(series);
    for (std::size_t t = 1; t < rows.p.size(); ++t) {
        m.dates.push_back(series.dates[rows.src[t]]);
        m.logReturns.push_back(std::log(rows.p[t] / rows.p[t - 1]));
    }
    return m;
}

MarketReturns equalWeightedMarket(
    const std::vector<PriceSeries>& series, const std::string& exclude)
{
    // date -> (sum of the instruments' returns that day, how many)
    std::map<Date, std::pair<double, int>> days;
    for (const PriceSeries& s : series) {
        if (!exclude.empty() && s.ticker == exclude)
            continue;
        const Priced rows = pricedRows(s);
        for (std::size_t t = 1; t < rows.p.size(); ++t) {
            auto& day = days[s.dates[rows.src[t]]];
            day.first += std::log(rows.p[t] / rows.p[t - 1]);
            ++day.second;
        }
    }
    MarketReturns m;
    if (days.empty())
        return m;
    m.name = "equal-weighted";
    m.dates.reserve(days.size());
    m.logReturns.reserve(days.size());
    for (const auto& [date, day] : days) {
        m.dates.push_back(date);
        m.logReturns.push_back(day.first / double(day.second));
    }
    return m;
}

std::size_t SignalDataset::labelledRows() const
{
    std::size_t n = 0;
    while (n < labels.size() && n < rows() && labels[n] >= 0)
        ++n;
    return n;
}

Result<SignalDataset> buildSignalDataset(const PriceSeries& series, const LabelSpec& label,
    const FeatureOptions& options, const MarketReturns* market,
    const std::vector<news::DailySentiment>* sentiment)
{
    if (Status st = checkLabel(label); !st)
        return st.error();

    // A market without dates or an empty index counts as none: it would only give zero columns.
    if (market && market->dates.empty() && market->logReturns.empty())
        market = nullptr;
    if (sentiment && sentiment->empty())
        sentiment = nullptr;
    if (market)
        if (Status st = checkMarket(*market); !st)
            return st.error();
    if (sentiment)
        if (Status st = checkSentiment(*sentiment); !st)
            return st.error();

    const bool volume = hasVolume(series);
    const auto available = [&](const std::string& f) {
        if (f == "volume_z")
            return volume;
        if (f == "mkt_ret1" || f == "mkt_ret5")
            return market != nullptr;
        if (f == "sentiment")
            return sentiment != nullptr;
        return true;
    };

    // The selected columns, always in the canonical order.
    std::vector<bool> selected(kFeatureCount, options.features.empty());
    for (std::size_t i = 0; i < options.features.size(); ++i) {
        const std::string& f = options.features[i];
        const auto* it = std::find(std::begin(kFeatureNames), std::end(kFeatureNames), f);
        if (it == std::end(kFeatureNames)) {
            std::string known;
            for (const char* n : kFeatureNames)
                known += (known.empty() ? "" : ", ") + std::string(n);
            return invalid("unknown signal feature " + quoted(f) + " (known: " + known + ")");
        }
        const auto col = std::size_t(it - std::begin(kFeatureNames));
        if (selected[col])
            return invalid("signal feature " + quoted(f) + " is listed twice");
        if (!available(f)) {
            const std::string why = f == "volume_z" ? tickerOr(series) + " has no volume"
                : f == "sentiment" ? "no daily sentiment index of " + tickerOr(series)
                    + " was given (score the project's news first)"
                                   : "no market (benchmark or portfolio) returns were given";
            return invalid("signal feature " + quoted(f) + " is unavailable: " + why);
        }
        selected[col] = true;
    }
    if (options.features.empty())
        for (std::size_t c = 0; c < kFeatureCount; ++c)
            selected[c] = available(kFeatureNames[c]);

    SignalDataset ds;
    ds.ticker = series.ticker;
    ds.market = market ? market->name : std::string();
    ds.label = label;
    std::size_t warmUp = 0;
    for (std::size_t c = 0; c < kFeatureCount; ++c)
        if (selected[c]) {
            ds.names.emplace_back(kFeatureNames[c]);
            warmUp = std::max(warmUp, firstDefinedRow(ds.names.back()));
        }

    const Priced rows = pricedRows(series);
    const std::vector<double>& p = rows.p;
    const std::size_t h = std::size_t(label.horizon);
    const std::size_t kept = p.size() > warmUp ? p.size() - warmUp : 0;
    if (kept < h + 2)
        return badData(tickerOr(series) + ": " + std::to_string(p.size())
            + " rows with a price leave " + std::to_string(kept) + " after the warm-up of "
            + std::to_string(warmUp) + " rows; horizon " + std::to_string(label.horizon)
            + " needs at least " + std::to_string(h + 2));

    std::vector<Date> dates(p.size());
    for (std::size_t t = 0; t < p.size(); ++t)
        dates[t] = series.dates[rows.src[t]];

    // The columns over all priced rows, then the rows after the warm-up.
    std::vector<std::vector<double>> columns;
    columns.reserve(ds.names.size());
    std::vector<double> macd, macdHist;
    for (const std::string& f : ds.names) {
        if (f.rfind("ret", 0) == 0) {
            columns.push_back(laggedReturn(p, firstDefinedRow(f)));
        } else if (f == "vol20") {
            columns.push_back(rollingVolatility(p));
        } else if (f == "rsi14") {
            columns.push_back(wilderRsi(p));
        } else if (f == "macd" || f == "macd_hist") {
            if (macd.empty())
                macdColumns(p, macd, macdHist);
            columns.push_back(f == "macd" ? macd : macdHist);
        } else if (f == "bb_pctb") {
            columns.push_back(bollingerPctB(p));
        } else if (f == "volume_z") {
            columns.push_back(volumeZ(series, rows));
        } else if (f == "ma20_dist" || f == "ma50_dist") {
            columns.push_back(movingAverageDistance(p, f == "ma20_dist" ? 20 : 50));
        } else if (f == "mkt_ret1" || f == "mkt_ret5") {
            columns.push_back(marketReturn(*market, dates, f == "mkt_ret1" ? 1 : 5));
        } else { // sentiment: the index of the day before (news of day t may follow its close)
            std::vector<Date> dayBefore;
            dayBefore.reserve(dates.size());
            for (Date d : dates)
                dayBefore.push_back(Date(d.days() - 1));
            columns.push_back(news::sentimentOnDates(*sentiment, dayBefore));
        }
    }

    ds.dates.assign(dates.begin() + std::ptrdiff_t(warmUp), dates.end());
    ds.prices.assign(p.begin() + std::ptrdiff_t(warmUp), p.end());
    ds.values.reserve(kept * ds.names.size());
    ds.labels.reserve(kept);
    ds.nextReturns.reserve(kept);
    for (std::size_t t = warmUp; t < p.size(); ++t) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const double v = columns[c][t];
            if (!std::isfinite(v))
                return badData(tickerOr(series) + " " + dates[t].toIso() + ": feature "
                    + quoted(ds.names[c]) + " is not a finite number");
            ds.values.push_back(v);
        }
        ds.labels.push_back(t + h < p.size() ? labelOf(std::log(p[t + h] / p[t]), label) : -1);
        ds.nextReturns.push_back(t + 1 < p.size() ? p[t + 1] / p[t] - 1.0 : kNaN);
    }
    return ds;
}

} // namespace marketlens::core::signals
