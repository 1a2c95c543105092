#pragma once
// Shared fixtures of the import tests: temporary projects and files, table dumps that compare a
// project before and after an operation, and a generated long-format price file.
#include "core/price_import.h"
#include "core/project_store.h"

#include <QDir>
#include <QFile>
#include <QStringList>
#include <QTemporaryDir>
#include <QtGlobal>

#include <string>

namespace import_test {

using namespace marketlens::core;

inline const QString kData = QStringLiteral(MARKETLENS_TEST_DATA);

inline std::string dataFile(const char* name)
{
    return (kData + "/" + name).toStdString();
}

// Every row of every table as text: the "project exactly as before" reference.
inline QStringList dump(const std::string& project)
{
    auto store = ProjectStore::open(project);
    if (!store)
        qFatal("cannot open project: %s", store.error().toString().c_str());
    QStringList out;
    auto tables = store->db().prepare("SELECT name FROM sqlite_master WHERE type = 'table' "
                                      "ORDER BY name");
    std::vector<std::string> names;
    while (*tables->step())
        names.push_back(tables->columnText(0));
    for (const auto& t : names) {
        auto st = store->db().prepare("SELECT * FROM " + t + " ORDER BY 1, 2");
        while (*st->step()) {
            QString row = QString::fromStdString(t) + ":";
            for (int c = 0; c < st->columnCount(); ++c)
                row += "|"
                    + (st->isNull(c) ? QStringLiteral("NULL")
                                     : QString::fromStdString(st->columnText(c)));
            out << row;
        }
    }
    return out;
}

inline std::int64_t count(const std::string& project, const std::string& sql)
{
    auto store = ProjectStore::open(project);
    return *store->db().queryInt(sql);
}

inline PriceSeries prices(const std::string& project, const std::string& ticker)
{
    auto store = ProjectStore::open(project);
    auto s = store->prices(ticker);
    if (!s)
        qFatal("no prices for %s: %s", ticker.c_str(), s.error().toString().c_str());
    return *s;
}

inline bool contains(const std::string& haystack, const char* needle)
{
    return haystack.find(needle) != std::string::npos;
}

// Base of the import test classes: one temporary folder, numbered projects and fixture files.
class ImportFixture {
protected:
    QTemporaryDir m_dir;
    int m_n = 0;

    std::string newProject()
    {
        const std::string path
            = m_dir.filePath(QStringLiteral("p%1.mlens").arg(++m_n)).toStdString();
        auto s = ProjectStore::create(path);
        if (!s)
            qFatal("create failed");
        return path;
    }

    std::string write(const QString& name, const QByteArray& bytes)
    {
        QDir().mkpath(m_dir.filePath(QString::number(++m_n)));
        const QString path = m_dir.filePath(QString::number(m_n) + "/" + name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write fixture");
        f.write(bytes);
        return path.toStdString();
    }

    // A long file of `tickers` x `days` rows, ticker-major, closes 100 + t + d/100.
    QByteArray generateLong(int tickers, int days)
    {
        QByteArray out = "date,ticker,open,high,low,close,volume\n";
        for (int t = 0; t < tickers; ++t) {
            for (int d = 0; d < days; ++d) {
                const double c = 100 + t + d / 100.0;
                out += QByteArray::fromStdString(Date(18000 + d).toIso()) + ",T"
                    + QByteArray::number(t) + "," + QByteArray::number(c - 0.5) + ","
                    + QByteArray::number(c + 1) + "," + QByteArray::number(c - 1) + ","
                    + QByteArray::number(c) + "," + QByteArray::number(1000 + d) + "\n";
            }
        }
        return out;
    }
};

} // namespace import_test
