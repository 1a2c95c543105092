#include "forecast_data.h"

#include "core/news/sentiment_index.h"

#include <QCryptographicHash>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace marketlens::core::forecast {

namespace {

constexpr std::size_t kVolWindow = 20;

Error invalid(std::string message)
{
    return makeError(ErrorCode::InvalidArgument, std::move(message));
}

Error badData(std::string message)
{
    return makeError(ErrorCode::BadData, std::move(message));
}

bool hasVolume(const PriceSeries& series)
{
    for (std::size_t i = 0; i < series.volume.size() && i < series.size(); ++i)
        if (!isMissing(series.volume[i]))
            return true;
    return false;
}

// PriceSeries::valueAt, tolerating price columns that a loader left shorter than the dates.
double priceAt(const PriceSeries& s, std::size_t i)
{
    if (i < s.adjClose.size() && !isMissing(s.adjClose[i]))
        return s.adjClose[i];
    return i < s.close.size() ? s.close[i] : kMissing;
}

// Sample standard deviation (n - 1) of v[first, first + n), two-pass so that a long quiet
// stretch of tiny returns keeps its precision.
double sampleStd(const std::vector<double>& v, std::size_t first, std::size_t n)
{
    double mean = 0.0;
    for (std::size_t i = first; i < first + n; ++i)
        mean += v[i];
    mean /= double(n);
    double ss = 0.0;
    for (std::size_t i = first; i < first + n; ++i)
        ss += (v[i] - mean) * (v[i] - mean);
    return std::sqrt(ss / double(n - 1));
}

// Appends the scaled rows endRow-W+1..endRow to `out` as floats.
void appendWindow(const FeatureMatrix& m, const Scaler& scaler, int window, std::size_t endRow,
    std::vector<float>& out)
{
    const std::size_t cols = m.cols();
    for (std::size_t r = endRow + 1 - std::size_t(window); r <= endRow; ++r)
        for (std::size_t c = 0; c < cols; ++c)
            out.push_back(float(scaler.apply(c, m.at(r, c))));
}

// Cumulative log returns log(P[t+h] / P[t]), h = 1..H, of the windows ending at [begin, end).
std::vector<double> targets(const FeatureMatrix& m, int horizon, std::size_t begin, std::size_t end)
{
    std::vector<double> out;
    out.reserve((end - begin) * std::size_t(horizon));
    for (std::size_t t = begin; t < end; ++t)
        for (int h = 1; h <= horizon; ++h)
            out.push_back(std::log(m.prices[t + std::size_t(h)] / m.prices[t]));
    return out;
}

WindowSet makeWindows(const FeatureMatrix& m, const Scaler& featureScaler,
    const Scaler& targetScaler, int window, int horizon, std::size_t begin, std::size_t end)
{
    WindowSet set;
    set.x.reserve((end - begin) * std::size_t(window) * m.cols());
    set.y.reserve((end - begin) * std::size_t(horizon));
    const std::vector<double> y = targets(m, horizon, begin, end);
    for (std::size_t t = begin; t < end; ++t) {
        appendWindow(m, featureScaler, window, t, set.x);
        set.endRow.push_back(t);
    }
    for (std::size_t i = 0; i < y.size(); ++i)
        set.y.push_back(float(targetScaler.apply(i % std::size_t(horizon), y[i])));
    return set;
}

void appendLe(QCryptographicHash& hash, std::uint64_t bits, int bytes)
{
    char buf[8];
    for (int i = 0; i < bytes; ++i)
        buf[i] = char((bits >> (8 * i)) & 0xffu);
    hash.addData(QByteArrayView(buf, bytes));
}

} // namespace

std::vector<std::string> knownFeatures()
{
    return {"logret", "vol20", "volume", "dow", "sentiment"};
}

std::vector<std::string> defaultFeatures(const PriceSeries& series)
{
    std::vector<std::string> out {"logret", "vol20"};
    if (hasVolume(series))
        out.push_back("volume");
    out.push_back("dow");
    return out;
}

Result<FeatureMatrix> computeFeatures(const PriceSeries& series,
    const std::vector<std::string>& features, const std::vector<news::DailySentiment>* sentiment)
{
    if (features.empty())
        return invalid("no feature selected");
    const std::vector<std::string> known = knownFeatures();
    for (std::size_t i = 0; i < features.size(); ++i) {
        const std::string& f = features[i];
        if (f == "sentiment" && !sentiment)
            return invalid("feature 'sentiment' needs the daily news sentiment index of "
                + (series.ticker.empty() ? std::string("the instrument") : series.ticker)
                + " (score the project's news first)");
        if (std::find(known.begin(), known.end(), f) == known.end())
            return invalid(
                "unknown feature '" + f + "' (known: logret, vol20, volume, dow, sentiment)");
        if (std::find(features.begin(), features.begin() + std::ptrdiff_t(i), f)
            != features.begin() + std::ptrdiff_t(i))
            return invalid("feature '" + f + "' is listed twice");
    }

    // The rows with a price, their log returns (0 for the first).
    std::vector<std::size_t> src;
    std::vector<double> price, ret;
    for (std::size_t i = 0; i < series.size(); ++i) {
        const double p = priceAt(series, i);
        if (std::isnan(p))
            continue;
        if (!(p > 0.0) || !std::isfinite(p))
            return badData(series.ticker + " " + series.dates[i].toIso() + ": price "
                + std::to_string(p) + " is not a positive number");
        ret.push_back(price.empty() ? 0.0 : std::log(p / price.back()));
        price.push_back(p);
        src.push_back(i);
    }

    const bool needsVol = std::find(features.begin(), features.end(), "vol20") != features.end();
    // vol20 at row u uses the returns of rows u-19..u, which exist from u = 20 on.
    const std::size_t first = needsVol ? kVolWindow : 0;
    if (price.size() < first + 2)
        return badData(series.ticker + ": " + std::to_string(price.size())
            + " rows with a price; the features need at least " + std::to_string(first + 2));

    FeatureMatrix m;
    m.names = features;
    m.ticker = series.ticker;
    const std::size_t rows = price.size() - first;
    m.dates.reserve(rows);
    m.prices.reserve(rows);
    m.values.reserve(rows * features.size());
    for (std::size_t u = first; u < price.size(); ++u) {
        m.dates.push_back(series.dates[src[u]]);
        m.prices.push_back(price[u]);
    }
    // Row t sees the index through the day before t (UTC), never news of day t itself: an item
    // published after t's close would otherwise leak into the features of t (look-ahead).
    std::vector<double> mood;
    if (sentiment) {
        std::vector<Date> dayBefore;
        dayBefore.reserve(m.dates.size());
        for (Date d : m.dates)
            dayBefore.push_back(Date(d.days() - 1));
        mood = news::sentimentOnDates(*sentiment, dayBefore);
    }
    for (std::size_t u = first; u < price.size(); ++u) {
        const std::size_t i = src[u];
        for (const std::string& f : features) {
            double v = 0.0;
            if (f == "logret") {
                v = ret[u];
            } else if (f == "vol20") {
                v = sampleStd(ret, u + 1 - kVolWindow, kVolWindow);
            } else if (f == "volume") {
                const double vol = i < series.volume.size() ? series.volume[i] : kMissing;
                v = std::isfinite(vol) && vol > 0.0 ? std::log1p(vol) : 0.0;
            } else if (f == "sentiment") {
                v = mood[u - first];
            } else { // dow: Monday 0 .. Friday 1; a weekend date counts as Friday
                v = std::min(1.0, double(series.dates[i].dayOfWeek() - 1) / 4.0);
            }
            m.values.push_back(v);
        }
    }
    return m;
}

Scaler Scaler::fit(const std::vector<double>& values, std::size_t cols, std::size_t rowEnd)
{
    Scaler s;
    s.mean.assign(cols, 0.0);
    s.std.assign(cols, 1.0);
    if (cols == 0)
        return s;
    rowEnd = std::min(rowEnd, values.size() / cols);
    if (rowEnd < 2)
        return s; // mean 0 and std 1 rather than an undefined sample std
    for (std::size_t c = 0; c < cols; ++c) {
        double mean = 0.0;
        for (std::size_t r = 0; r < rowEnd; ++r)
            mean += values[r * cols + c];
        mean /= double(rowEnd);
        double ss = 0.0;
        for (std::size_t r = 0; r < rowEnd; ++r) {
            const double d = values[r * cols + c] - mean;
            ss += d * d;
        }
        const double sd = std::sqrt(ss / double(rowEnd - 1));
        s.mean[c] = mean;
        // A constant column (sd 0, or rounding noise of its mean) is only centred.
        s.std[c] = (sd > 1e-12 * std::abs(mean) && sd > 0.0 && std::isfinite(sd)) ? sd : 1.0;
    }
    return s;
}

Result<PreparedData> prepareWindows(
    const FeatureMatrix& features, int window, int horizon, const SplitFractions& fractions)
{
    if (window < 1)
        return invalid("window must be at least 1 (got " + std::to_string(window) + ")");
    if (horizon < 1)
        return invalid("horizon must be at least 1 (got " + std::to_string(horizon) + ")");
    const double tr = fractions.train, va = fractions.validation;
    if (!(tr > 0.0) || !(va > 0.0) || !(tr + va < 1.0))
        return invalid("split fractions must be positive and leave a test part (train "
            + std::to_string(tr) + ", validation " + std::to_string(va) + ")");
    const std::size_t n = features.rows(), cols = features.cols();
    if (cols == 0 || features.values.size() != n * cols || features.prices.size() != n)
        return invalid("feature matrix is inconsistent (names, rows, values, prices)");
    for (double p : features.prices)
        if (!(p > 0.0) || !std::isfinite(p))
            return badData("feature matrix has a non-positive price");
    const std::size_t w = std::size_t(window), h = std::size_t(horizon);
    const std::size_t candidates = n >= w + h ? n - w - h + 1 : 0;
    const auto nTrain = std::size_t(std::floor(double(candidates) * tr));
    const auto nVal = std::size_t(std::floor(double(candidates) * va));
    const std::size_t nTest = candidates - std::min(candidates, nTrain + nVal);
    const std::size_t trainCount = nTrain > h ? nTrain - h : 0;
    const std::size_t valCount = nVal > h ? nVal - h : 0;
    if (trainCount == 0 || valCount == 0 || nTest == 0)
        return badData(std::to_string(n) + " rows give " + std::to_string(trainCount)
            + " training, " + std::to_string(valCount) + " validation and " + std::to_string(nTest)
            + " test windows for window " + std::to_string(window) + " and horizon "
            + std::to_string(horizon)
            + "; every part needs at least one (training and validation lose "
            + std::to_string(horizon) + " windows each to the gap)");

    PreparedData d;
    d.window = window;
    d.horizon = horizon;
    d.features = features.names;
    d.validationStartRow = w - 1 + nTrain;
    d.testStartRow = d.validationStartRow + nVal;
    const std::size_t trainBegin = w - 1, trainEnd = d.validationStartRow - h;
    d.featureScaler = Scaler::fit(features.values, cols, d.validationStartRow);
    d.targetScaler
        = Scaler::fit(targets(features, horizon, trainBegin, trainEnd), h, trainEnd - trainBegin);
    d.train = makeWindows(
        features, d.featureScaler, d.targetScaler, window, horizon, trainBegin, trainEnd);
    d.validation = makeWindows(features, d.featureScaler, d.targetScaler, window, horizon,
        d.validationStartRow, d.testStartRow - h);
    d.test = makeWindows(
        features, d.featureScaler, d.targetScaler, window, horizon, d.testStartRow, n - h);
    return d;
}

std::vector<float> windowAt(
    const FeatureMatrix& features, const Scaler& featureScaler, int window, std::size_t endRow)
{
    std::vector<float> out;
    if (window < 1 || endRow + 1 < std::size_t(window) || endRow >= features.rows()
        || featureScaler.mean.size() != features.cols()
        || featureScaler.std.size() != features.cols())
        return out;
    out.reserve(std::size_t(window) * features.cols());
    appendWindow(features, featureScaler, window, endRow, out);
    return out;
}

std::string dataHash(const FeatureMatrix& features, std::size_t rowEnd)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView(features.ticker.data(), qsizetype(features.ticker.size())));
    appendLe(hash, 0, 1);
    const std::size_t end = std::min({rowEnd, features.rows(), features.prices.size()});
    for (std::size_t r = 0; r < end; ++r) {
        appendLe(hash, std::uint32_t(features.dates[r].days()), 4);
        std::uint64_t bits = 0;
        static_assert(sizeof bits == sizeof(double));
        std::memcpy(&bits, &features.prices[r], sizeof bits);
        appendLe(hash, bits, 8);
    }
    return hash.result().toHex().toStdString();
}

} // namespace marketlens::core::forecast
