#pragma once
// Internal to the model command files (cli_models.cpp, cli_model_files.cpp): helpers shared by
// their commands. The public entry points are in cli_models.h.

#include "core/cli_support.h"
#include "core/forecast/model_store.h"
#include "core/news/news_store.h"
#include "core/project_store.h"
#include "core/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace marketlens::models::cli_detail {

// A table whose columns are as wide as their widest cell; the first column left-aligned.
class Table {
public:
    explicit Table(QStringList header) { m_rows.push_back(std::move(header)); }
    void add(QStringList row) { m_rows.push_back(std::move(row)); }
    void print(QTextStream& out) const
    {
        std::vector<qsizetype> width;
        for (const QStringList& r : m_rows)
            for (qsizetype c = 0; c < r.size(); ++c) {
                if (std::size_t(c) >= width.size())
                    width.push_back(0);
                width[std::size_t(c)] = std::max(width[std::size_t(c)], r[c].size());
            }
        for (const QStringList& r : m_rows) {
            out << "  ";
            for (qsizetype c = 0; c < r.size(); ++c) {
                const int w = int(width[std::size_t(c)]);
                out << (c == 0 ? r[c].leftJustified(w)
                               : QStringLiteral("  ") + r[c].rightJustified(w));
            }
            out << '\n';
        }
    }

private:
    std::vector<QStringList> m_rows;
};

// A number with `decimals` places, "-" when not finite; JSON null for a non-finite number.
QString num(double v, int decimals);
QJsonValue jsonNumber(double v);
QString dateText(const std::optional<core::Date>& d);
// A stored JSON text (metrics) as an object; empty when it is not one.
QJsonObject parsedObject(const std::string& json);
// The project of a command, opened; nullopt after reporting the error (exit code in `code`).
std::optional<core::ProjectStore> openProject(
    const QString& arg, bool json, QTextStream& out, QTextStream& err, int& code);
// A model id given on the command line; 0 when it is not a positive whole number.
qint64 modelId(const QString& text);
// The ticker's daily news sentiment index of the lexicon (what `marketlens sentiment` stores);
// NotFound, saying what to do, when there is none (cli_models.cpp).
core::Result<std::vector<core::news::DailySentiment>> sentimentIndexOf(
    core::ProjectStore& store, const std::string& ticker);

// cli_model_files.cpp
int cmdModels(const QStringList& args, QTextStream& out, QTextStream& err);
int cmdExportModel(const QStringList& args, QTextStream& out, QTextStream& err);
int cmdImportModel(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace marketlens::models::cli_detail
