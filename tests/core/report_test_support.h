#pragma once
// Shared by the report builder tests (test_report_builder.cpp, test_report_signals.cpp): finding
// sections, blocks, tables, rows and values in a built ReportDocument, and quick build options.
#include "core/report/report_builder.h"
#include "core/report/report_document.h"

#include "core/project_store.h"

#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace marketlens::core::report::test {

inline const Section* findSection(const ReportDocument& doc, const std::string& id)
{
    for (const Section& s : doc.sections)
        if (s.id == id)
            return &s;
    return nullptr;
}

inline std::vector<std::string> sectionIds(const ReportDocument& doc)
{
    std::vector<std::string> ids;
    for (const Section& s : doc.sections)
        ids.push_back(s.id);
    return ids;
}

template <typename T> std::vector<const T*> blocksOf(const Section& s)
{
    std::vector<const T*> out;
    for (const Block& b : s.blocks)
        if (const T* t = std::get_if<T>(&b))
            out.push_back(t);
    return out;
}

inline const Table* tableStarting(const Section& s, const std::string& captionPrefix)
{
    for (const Table* t : blocksOf<Table>(s))
        if (t->caption.rfind(captionPrefix, 0) == 0)
            return t;
    return nullptr;
}

inline int column(const Table& t, const std::string& name)
{
    auto it = std::find(t.columns.begin(), t.columns.end(), name);
    return it == t.columns.end() ? -1 : int(it - t.columns.begin());
}

inline const std::vector<TableCell>* rowOf(const Table& t, const std::string& first)
{
    for (const auto& r : t.rows)
        if (!r.empty() && r.front().text == first)
            return &r;
    return nullptr;
}

// "12.34 %" -> 12.34
inline double percentValue(const std::string& text)
{
    bool ok = false;
    const double v = QString::fromStdString(text).remove(QStringLiteral(" %")).toDouble(&ok);
    return ok ? v : NAN;
}

inline std::string allText(const Section& s)
{
    std::string out;
    for (const Paragraph* p : blocksOf<Paragraph>(s))
        out += p->text + "\n";
    return out;
}

inline std::string valueOf(const KeyValues& kv, const std::string& key)
{
    for (const auto& [k, v] : kv.items)
        if (k == key)
            return v;
    return {};
}

inline ReportOptions quickOptions(std::vector<std::string> sections = {})
{
    ReportOptions o;
    o.sections = std::move(sections);
    o.risk.scenarios = 20000; // keep the Monte Carlo part short
    o.generator = "MarketLens test";
    return o;
}

// A copy of the project `source` named `name` in `dir` (replacing an earlier copy); "" when the
// copy fails.
inline std::string copyProject(const QTemporaryDir& dir, const std::string& source,
    const char* name)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile::remove(path);
    if (!QFile::copy(QString::fromStdString(source), path))
        return {};
    return path.toStdString();
}

// The report of the project file at `path`.
inline Result<ReportDocument> buildFromFile(
    const std::string& path, const ReportOptions& o, const Progress& progress = {})
{
    auto store = ProjectStore::open(path);
    if (!store)
        return store.error();
    return buildReport(*store, o, progress);
}

} // namespace marketlens::core::report::test
