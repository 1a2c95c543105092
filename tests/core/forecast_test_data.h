#pragma once
// Readers for the forecasting reference files in tests/data/forecast (made by
// make_reference.py there with numpy) and the real series they were computed from. Header-only,
// test use only.

#include "core/types.h"
#include "risk_test_data.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <vector>

namespace marketlens::test {

inline QJsonObject forecastReference(const char* name)
{
    QFile f(QStringLiteral(MARKETLENS_TEST_DATA "/forecast/") + QString::fromLatin1(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

inline std::vector<double> doubles(const QJsonValue& v)
{
    std::vector<double> out;
    for (const QJsonValue& x : v.toArray())
        out.push_back(x.toDouble());
    return out;
}

// tests/data/msft_ohlcv.csv as a PriceSeries "MSFT" (no adjusted close: valueAt is Close).
inline bool readMsft(core::PriceSeries& s)
{
    WideReturns w;
    if (!readWideReturns(QStringLiteral(MARKETLENS_TEST_DATA "/msft_ohlcv.csv"), w))
        return false;
    s = {};
    s.ticker = "MSFT";
    for (const QString& d : w.dates) {
        const auto date = core::Date::fromIso(d.toStdString());
        if (!date)
            return false;
        s.dates.push_back(*date);
    }
    const auto col
        = [&](const char* name) { return w.columns[std::size_t(w.names.indexOf(name))]; };
    s.open = col("Open");
    s.high = col("High");
    s.low = col("Low");
    s.close = col("Close");
    s.volume = col("Volume");
    s.adjClose.assign(s.size(), core::kMissing);
    return true;
}

// One column of tests/data/dowjones30_prices.csv.
inline std::vector<double> dowJonesColumn(const char* ticker)
{
    WideReturns w;
    if (!readWideReturns(QStringLiteral(MARKETLENS_TEST_DATA "/dowjones30_prices.csv"), w))
        return {};
    const auto i = w.names.indexOf(QString::fromLatin1(ticker));
    return i < 0 ? std::vector<double> {} : w.columns[std::size_t(i)];
}

// |a - b| <= tol * max(1, |b|).
inline bool near(double a, double b, double tol = 1e-10)
{
    return std::abs(a - b) <= tol * std::max(1.0, std::abs(b));
}

} // namespace marketlens::test
