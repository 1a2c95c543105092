#pragma once
// Small readers for the risk oracle files in tests/data/risk (kept independent of the import
// engine so the risk tests check the maths only). Header-only, test use only.

#include <QFile>
#include <QString>
#include <QStringList>

#include <map>
#include <string>
#include <vector>

namespace marketlens::test {

inline QString riskDataPath(const char* name)
{
    return QStringLiteral(MARKETLENS_TEST_DATA "/risk/") + QString::fromLatin1(name);
}

inline QStringList splitCsvLine(const QByteArray& line)
{
    QStringList cells = QString::fromUtf8(line.trimmed()).split(QLatin1Char(','));
    for (QString& c : cells)
        if (c.startsWith(QLatin1Char('"')) && c.endsWith(QLatin1Char('"')) && c.size() >= 2)
            c = c.mid(1, c.size() - 2);
    return cells;
}

// Wide returns file: "Date", col1, col2... -> column name -> values (file order).
struct WideReturns {
    QStringList names;
    QStringList dates;
    std::vector<std::vector<double>> columns;
};

inline bool readWideReturns(const QString& path, WideReturns& out)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QStringList header = splitCsvLine(f.readLine());
    out.names = header.mid(1);
    out.columns.assign(std::size_t(out.names.size()), {});
    while (!f.atEnd()) {
        const QByteArray line = f.readLine();
        if (line.trimmed().isEmpty())
            continue;
        const QStringList cells = splitCsvLine(line);
        if (cells.size() != header.size())
            return false;
        out.dates << cells[0];
        for (int i = 1; i < cells.size(); ++i) {
            bool ok = false;
            out.columns[std::size_t(i - 1)].push_back(cells[i].toDouble(&ok));
            if (!ok)
                return false;
        }
    }
    return true;
}

// Oracle file: "metric", col1... -> metric -> column -> value.
using Oracle = std::map<std::string, std::map<std::string, double>>;

inline bool readOracle(const QString& path, Oracle& out, QStringList& columns)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QStringList header = splitCsvLine(f.readLine());
    columns = header.mid(1);
    while (!f.atEnd()) {
        const QStringList cells = splitCsvLine(f.readLine());
        if (cells.size() != header.size())
            continue;
        for (int i = 1; i < cells.size(); ++i) {
            bool ok = false;
            const double v = cells[i].toDouble(&ok);
            if (!ok)
                return false;
            out[cells[0].toStdString()][header[i].toStdString()] = v;
        }
    }
    return true;
}

} // namespace marketlens::test
