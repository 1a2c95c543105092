#pragma once
// Shared by the news reader tests (test_news_parsers.cpp, test_news_feeds.cpp): fixture paths,
// a parse that must succeed, and files written into a temporary folder. Timestamps in those
// tests are hand-computed UTC seconds from kJun10.

#include "core/news/news_parsers.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <string>

namespace marketlens::core::news_test {

inline constexpr qint64 kJun10 = 1055217600; // 2003-06-10T04:00:00Z
inline constexpr qint64 kHour = 3600;

inline std::string fixture(const char* name)
{
    return std::string(MARKETLENS_TEST_DATA) + "/news/" + name;
}

inline NewsParseResult parseOk(const std::string& path, NewsFormat format = NewsFormat::Auto,
    const NewsParseOptions& options = {})
{
    auto r = parseNewsFile(path, format, options);
    if (!r)
        qFatal("parse failed: %s", r.error().toString().c_str());
    return std::move(r).value();
}

inline QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

// Writes test inputs as numbered files ("f1.csv", "f2.json", ...) into a temporary folder.
class ScratchFiles {
public:
    std::string write(const QByteArray& bytes, const char* suffix)
    {
        const QString path = m_dir.filePath(QStringLiteral("f%1.%2").arg(++m_n).arg(suffix));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write fixture");
        f.write(bytes);
        return path.toStdString();
    }
    // A path in the folder that no write() uses.
    QString path(const QString& name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    int m_n = 0;
};

} // namespace marketlens::core::news_test
