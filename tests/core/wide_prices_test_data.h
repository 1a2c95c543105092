#pragma once
// Reads a wide price file of tests/data (e.g. dowjones30_prices.csv: "Date", one column per
// ticker) straight into PriceSeries, without the import engine, so that model tests depend on the
// maths under test only. Header-only, test use only.

#include "core/date.h"
#include "core/types.h"

#include <QFile>
#include <QString>
#include <QStringList>

#include <vector>

namespace marketlens::test {

inline std::vector<core::PriceSeries> readWidePrices(const QString& path)
{
    std::vector<core::PriceSeries> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    auto cellsOf = [](const QByteArray& line) {
        QStringList cells = QString::fromUtf8(line.trimmed()).split(QLatin1Char(','));
        for (QString& c : cells)
            c.remove(QLatin1Char('"'));
        return cells;
    };
    const QStringList header = cellsOf(f.readLine());
    for (int i = 1; i < header.size(); ++i) {
        core::PriceSeries s;
        s.ticker = header[i].toStdString();
        out.push_back(std::move(s));
    }
    while (!f.atEnd()) {
        const QStringList cells = cellsOf(f.readLine());
        if (cells.size() != header.size())
            continue;
        const auto date = core::Date::fromIso(cells[0].toStdString());
        if (!date)
            continue;
        for (int i = 1; i < cells.size(); ++i) {
            core::PriceSeries& s = out[std::size_t(i - 1)];
            bool ok = false;
            const double v = cells[i].toDouble(&ok);
            s.dates.push_back(*date);
            s.close.push_back(ok ? v : core::kMissing);
            s.adjClose.push_back(core::kMissing);
            s.open.push_back(core::kMissing);
            s.high.push_back(core::kMissing);
            s.low.push_back(core::kMissing);
            s.volume.push_back(core::kMissing);
        }
    }
    return out;
}

} // namespace marketlens::test
