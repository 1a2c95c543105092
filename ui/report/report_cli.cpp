// `marketlens report`: builds the project's report (core/report/report_builder.h) and renders it
// to PDF or HTML (report_render.h). Argument handling and messages follow the other commands
// (core/cli_support.h): usage errors exit 1 before the project is opened, data and file errors
// exit 2 as "file: reason" and leave no output file behind (the renderers write a temporary file
// and rename it at the end).
#include "report_cli.h"

#include "report_render.h"

#include "core/cli_support.h"
#include "core/project_store.h"
#include "core/report/report_builder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace marketlens::ui {

namespace {

using namespace core::cli;
namespace rep = core::report;

enum class Format { Pdf, Html };

constexpr const char* kUsage = R"(Usage:
  marketlens report FILE.mlens --out R.pdf|R.html [options]
      The project's report (tear sheet) as a paginated vector PDF or one self-contained HTML file.
        --portfolio NAME     portfolio of the holdings and risk sections (default: the first)
        --sections A,B,...   only these sections (in report order; see below)
        --confidence P,Q     VaR/ES confidence levels (default 0.95,0.99)
        --window N           rolling window of the VaR backtest in returns (default 250)
        --json               print the result as one JSON document
Sections: )";

// Parses "a,b,c"; false on an empty item.
bool splitList(const QString& text, QStringList& items)
{
    items = text.split(QLatin1Char(','));
    for (QString& i : items) {
        i = i.trimmed();
        if (i.isEmpty())
            return false;
    }
    return true;
}

QString validSectionList()
{
    QStringList ids;
    for (const std::string& id : rep::allSectionIds())
        ids << q(id);
    return ids.join(QStringLiteral(", "));
}

// Fills `options` from the command line; returns a usage message on a bad option.
QString parseOptions(const Args& a, rep::ReportOptions& options)
{
    options.portfolio = a.values.value(QStringLiteral("portfolio")).toStdString();
    QStringList items;
    if (a.values.contains(QStringLiteral("sections"))) {
        if (!splitList(a.values.value(QStringLiteral("sections")), items))
            return QStringLiteral("--sections needs a comma-separated list of sections (%1)")
                .arg(validSectionList());
        const auto& all = rep::allSectionIds();
        for (const QString& s : items) {
            const std::string id = s.toLower().toStdString();
            if (std::find(all.begin(), all.end(), id) == all.end())
                return QStringLiteral("unknown section '%1' (%2)").arg(s, validSectionList());
            if (std::find(options.sections.begin(), options.sections.end(), id)
                == options.sections.end())
                options.sections.push_back(id);
        }
    }
    if (a.values.contains(QStringLiteral("confidence"))) {
        options.risk.confidences.clear();
        if (!splitList(a.values.value(QStringLiteral("confidence")), items))
            return QStringLiteral("--confidence needs a comma-separated list such as 0.95,0.99");
        for (const QString& c : items) {
            bool ok = false;
            const double p = c.toDouble(&ok);
            if (!ok || !(p > 0.0 && p < 1.0))
                return QStringLiteral("bad confidence '%1' (a number between 0 and 1, such as "
                                      "0.99)")
                    .arg(c);
            options.risk.confidences.push_back(p);
        }
    }
    if (a.values.contains(QStringLiteral("window"))) {
        bool ok = false;
        const int w = a.values.value(QStringLiteral("window")).toInt(&ok);
        if (!ok || w < 20)
            return QStringLiteral("--window needs a whole number of days, at least 20");
        options.risk.window = std::size_t(w);
    }
    return {};
}

// Pages of a PDF written by QPdfWriter: its page objects are plain-text dictionaries
// ("/Type /Page"; the page tree is "/Type /Pages"). 0 when the file cannot be read.
int countPdfPages(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![a-zA-Z])"));
    return int(QString::fromLatin1(f.readAll()).count(page));
}

QString version()
{
    const QString v = QCoreApplication::applicationVersion();
    return v.isEmpty() ? QStringLiteral("unknown") : v;
}

} // namespace

bool isReportCliCommand(const QString& arg)
{
    return arg == QLatin1String("report");
}

int runReportCli(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QStringList rest = args;
    if (!rest.isEmpty() && isReportCliCommand(rest.first()))
        rest.removeFirst();
    if (rest.contains(QLatin1String("--help")) || rest.contains(QLatin1String("-h"))) {
        out << kUsage << validSectionList() << '\n';
        out.flush();
        return core::kExitOk;
    }
    Args a;
    const QStringList values = {QStringLiteral("out"), QStringLiteral("portfolio"),
        QStringLiteral("sections"), QStringLiteral("confidence"), QStringLiteral("window")};
    if (const QString e = parseArgs(rest, {QStringLiteral("json")}, values, a); !e.isEmpty())
        return usage(e, err);
    if (a.positional.size() != 1)
        return usage(QStringLiteral("report needs exactly one FILE.mlens"), err);
    const QString outPath = a.values.value(QStringLiteral("out"));
    if (outPath.isEmpty())
        return usage(QStringLiteral("report needs --out R.pdf or --out R.html"), err);
    const QString suffix = QFileInfo(outPath).suffix().toLower();
    Format format = Format::Pdf;
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        format = Format::Html;
    else if (suffix != QLatin1String("pdf"))
        return usage(
            QStringLiteral("--out must end in .pdf, .html or .htm (got '%1')").arg(outPath), err);
    rep::ReportOptions options;
    if (const QString e = parseOptions(a, options); !e.isEmpty())
        return usage(e, err);
    options.generator = QStringLiteral("MarketLens %1").arg(version()).toStdString();
    const bool json = a.has(QStringLiteral("json"));

    QElapsedTimer clock;
    clock.start();
    auto path = projectForReading(a.positional.first());
    if (!path)
        return fail(path.error(), json, out, err);
    if (!QFileInfo::exists(q(*path)))
        return fail(core::makeError(core::ErrorCode::Io, "no such file", *path), json, out, err);
    auto store = core::ProjectStore::open(*path);
    if (!store)
        return fail(store.error(), json, out, err);
    auto doc = rep::buildReport(*store, options);
    if (!doc)
        return fail(doc.error(), json, out, err);
    const core::Status written
        = format == Format::Pdf ? renderPdf(*doc, outPath) : renderHtml(*doc, outPath);
    if (!written) {
        core::Error e = written.error();
        if (e.file.empty())
            e.file = outPath.toStdString();
        return fail(e, json, out, err);
    }
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const int pages = format == Format::Pdf ? countPdfPages(outPath) : 0;
    QStringList sections;
    for (const rep::Section& s : doc->sections)
        sections << q(s.id);

    if (json) {
        QJsonObject o;
        o[QStringLiteral("ok")] = true;
        o[QStringLiteral("project")] = q(*path);
        o[QStringLiteral("output")] = outPath;
        o[QStringLiteral("format")]
            = format == Format::Pdf ? QStringLiteral("pdf") : QStringLiteral("html");
        if (format == Format::Pdf)
            o[QStringLiteral("pages")] = pages;
        o[QStringLiteral("sections")] = QJsonArray::fromStringList(sections);
        o[QStringLiteral("seconds")] = std::round(seconds * 1000.0) / 1000.0;
        printJson(out, o);
    } else {
        out << "wrote " << outPath;
        if (format == Format::Pdf)
            out << " (" << pages << (pages == 1 ? " page" : " pages") << ')';
        out << " in " << QString::number(seconds, 'f', 2) << " s\n"
            << "sections: " << sections.join(QStringLiteral(", ")) << Qt::endl;
    }
    return core::kExitOk;
}

} // namespace marketlens::ui
