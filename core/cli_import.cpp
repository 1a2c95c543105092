// The `import` command (docs/cli.md): price, holdings and Excel files through core::ImportSession,
// news files through the news import (cli_news.cpp). Split from cli_commands.cpp.
#include "cli_support.h"
#include "news/news_import.h"
#include "price_import.h"
#include "project_store.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>

namespace marketlens::core::cli {
namespace {

const char* dateFormatName(DateFormat f)
{
    switch (f) {
    case DateFormat::Auto:
        return "auto";
    case DateFormat::Iso:
        return "iso";
    case DateFormat::YmdSlash:
        return "ymd";
    case DateFormat::Mdy:
        return "mdy";
    case DateFormat::Dmy:
        return "dmy";
    }
    return "auto";
}

QString delimiterName(char c)
{
    return c == '\t' ? QStringLiteral("\\t") : QString(QLatin1Char(c));
}

// ---- import ----

QJsonObject fileResultJson(const FileImportResult& f)
{
    QJsonObject o;
    o[QStringLiteral("file")] = q(f.file);
    o[QStringLiteral("kind")] = QString::fromLatin1(importKindName(f.kind));
    o[QStringLiteral("delimiter")] = delimiterName(f.delimiter);
    o[QStringLiteral("decimalSeparator")] = QString(QLatin1Char(f.decimalSeparator));
    o[QStringLiteral("dateFormat")] = QString::fromLatin1(dateFormatName(f.dateFormat));
    o[QStringLiteral("rowsAccepted")] = static_cast<qint64>(f.rowsAccepted);
    o[QStringLiteral("rowsRejected")] = static_cast<qint64>(f.rowsRejected);
    o[QStringLiteral("valuesWritten")] = static_cast<qint64>(f.valuesWritten);
    QJsonArray tickers;
    for (const auto& t : f.tickers)
        tickers.append(q(t));
    o[QStringLiteral("tickers")] = tickers;
    o[QStringLiteral("portfolio")] = q(f.portfolio);
    o[QStringLiteral("sha256")] = q(f.sha256);
    QJsonArray warnings;
    for (const auto& w : f.warnings)
        warnings.append(q(w));
    o[QStringLiteral("warnings")] = warnings;
    QJsonArray rejected;
    for (const RejectedRow& r : f.rejected) {
        QJsonObject ro;
        ro[QStringLiteral("file")] = q(r.file.empty() ? f.file : r.file);
        ro[QStringLiteral("line")] = static_cast<qint64>(r.line);
        ro[QStringLiteral("reason")] = q(r.reason);
        rejected.append(ro);
    }
    o[QStringLiteral("rejected")] = rejected;
    return o;
}

// Every rejected row on stderr as "file:line: reason", then what was left out of the details.
void printRejected(const ImportResult& result, QTextStream& err)
{
    for (const FileImportResult& f : result.files) {
        for (const RejectedRow& r : f.rejected)
            err << q(r.file.empty() ? f.file : r.file) << ':' << r.line << ": " << q(r.reason)
                << '\n';
        const auto listed = static_cast<std::int64_t>(f.rejected.size());
        if (f.rowsRejected > listed)
            err << q(f.file) << ": " << (f.rowsRejected - listed)
                << " more rejected rows not listed\n";
        for (const auto& w : f.warnings)
            err << q(f.file) << ": warning: " << q(w) << '\n';
    }
    err.flush();
}

Status parseImportOptions(const Args& a, ImportOptions& options, QString& usageMessage)
{
    if (a.values.contains(QStringLiteral("kind"))) {
        const QString k = a.values.value(QStringLiteral("kind"));
        if (!parseImportKind(k.toLower().toStdString(), options.kind, options.pricesOnly)) {
            usageMessage = QStringLiteral("unknown --kind '%1' (auto, prices, long, wide, ohlcv, "
                                          "holdings, news)")
                               .arg(k);
            return makeError(ErrorCode::InvalidArgument, usageMessage.toStdString());
        }
    }
    if (a.values.contains(QStringLiteral("date-format"))) {
        const QString f = a.values.value(QStringLiteral("date-format"));
        if (!parseDateFormat(f.toStdString(), options.dateFormat)) {
            usageMessage = QStringLiteral("unknown --date-format '%1' (auto, iso, ymd, mdy, dmy or "
                                          "a pattern such as DD.MM.YYYY)")
                               .arg(f);
            return makeError(ErrorCode::InvalidArgument, usageMessage.toStdString());
        }
    }
    options.ticker = a.values.value(QStringLiteral("ticker")).toStdString();
    options.portfolio = a.values.value(QStringLiteral("portfolio")).toStdString();
    return {};
}

} // namespace

int cmdImport(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Args a;
    const QStringList flags = {QStringLiteral("json"), QStringLiteral("strict")};
    const QStringList values = {QStringLiteral("kind"), QStringLiteral("ticker"),
        QStringLiteral("portfolio"), QStringLiteral("date-format"), QStringLiteral("tickers"),
        QStringLiteral("label-scheme")};
    if (const QString e = parseArgs(args, flags, values, a); !e.isEmpty())
        return usage(e, err);
    if (a.positional.size() < 2)
        return usage(QStringLiteral("import needs a project FILE and at least one INPUT"), err);
    const QString kindText
        = a.values.value(QStringLiteral("kind"), QStringLiteral("auto")).toLower();
    const bool newsKind = kindText == QLatin1String("news");
    ImportOptions options;
    QString usageMessage;
    if (!newsKind && !parseImportOptions(a, options, usageMessage))
        return usage(usageMessage, err);
    const bool json = a.has(QStringLiteral("json"));
    const bool strict = a.has(QStringLiteral("strict"));

    auto project = projectForReading(a.positional.first());
    if (!project)
        return fail(project.error(), json, out, err);
    std::vector<std::string> inputs;
    for (qsizetype i = 1; i < a.positional.size(); ++i) {
        const QString in = a.positional[i];
        if (!QFileInfo(in).isFile())
            return fail(makeError(ErrorCode::Io, "input file does not exist", in.toStdString()),
                json, out, err);
        inputs.push_back(in.toStdString());
    }
    // --kind auto takes news files (news::looksLikeNewsFile: never a price or holdings table)
    // to the news import; one import is one transaction, so news and prices are not mixed.
    bool news = newsKind;
    if (kindText == QLatin1String("auto")) {
        const auto newsInputs
            = std::count_if(inputs.begin(), inputs.end(), news::looksLikeNewsFile);
        if (newsInputs > 0 && newsInputs < static_cast<std::ptrdiff_t>(inputs.size()))
            return usage(QStringLiteral("these INPUTs mix news and price files: import them "
                                        "separately (or give --kind)"),
                err);
        news = newsInputs > 0;
    }
    if (!news) {
        for (const char* newsOnly : {"tickers", "label-scheme"}) {
            if (a.values.contains(QLatin1String(newsOnly)))
                return usage(QStringLiteral("--%1 is for news files (--kind news)")
                                 .arg(QLatin1String(newsOnly)),
                    err);
        }
    }
    // Open the project first so that a bad project file is reported as such (never modified).
    {
        auto store = ProjectStore::open(*project);
        if (!store)
            return fail(store.error(), json, out, err);
    }
    if (news)
        return importNews(a, *project, inputs, out, err);
    // The session collects every rejected row even with --strict (ImportOptions::strict would
    // stop at the first); --strict then rolls the whole import back.
    auto session = ImportSession::begin(*project);
    if (!session)
        return fail(session.error(), json, out, err);
    auto result = session->run(inputs, options);
    if (!result) {
        session->rollback();
        return fail(result.error(), json, out, err);
    }
    const bool rejectedAny = result->rowsRejected() > 0;
    bool committed = false;
    if (strict && rejectedAny) {
        session->rollback();
    } else {
        if (auto s = session->commit(); !s)
            return fail(s.error(), json, out, err);
        committed = true;
    }
    printRejected(*result, err);

    const qint64 accepted = result->rowsAccepted();
    const qint64 rejected = result->rowsRejected();
    if (json) {
        QJsonObject o;
        o[QStringLiteral("ok")] = committed;
        o[QStringLiteral("committed")] = committed;
        o[QStringLiteral("project")] = q(*project);
        o[QStringLiteral("strict")] = strict;
        o[QStringLiteral("rowsAccepted")] = accepted;
        o[QStringLiteral("rowsRejected")] = rejected;
        o[QStringLiteral("newsRelinked")] = static_cast<qint64>(result->newsRelinked);
        QJsonArray files;
        for (const FileImportResult& f : result->files)
            files.append(fileResultJson(f));
        o[QStringLiteral("files")] = files;
        if (!committed)
            o[QStringLiteral("error")] = errorJson(makeError(
                ErrorCode::BadData, "--strict: rows were rejected, nothing was imported"));
        printJson(out, o);
    } else {
        for (const FileImportResult& f : result->files) {
            out << q(f.file) << ": " << importKindName(f.kind) << ", " << f.rowsAccepted
                << " rows accepted, " << f.rowsRejected << " rejected";
            if (!f.portfolio.empty())
                out << ", portfolio " << q(f.portfolio);
            else if (!f.tickers.empty())
                out << ", " << static_cast<qint64>(f.tickers.size())
                    << (f.tickers.size() == 1 ? " instrument" : " instruments");
            out << '\n';
        }
        out.flush();
    }
    if (!committed) {
        err << "marketlens: --strict: " << rejected << " rows rejected, nothing was imported into "
            << q(*project) << Qt::endl;
        return kExitData;
    }
    if (!json)
        out << "imported " << static_cast<qint64>(inputs.size()) << " file(s) into " << q(*project)
            << ": " << accepted << " rows accepted, " << rejected << " rejected" << Qt::endl;
    // The import linked stored news to the instruments it created (ImportSession::run).
    if (committed && result->newsRelinked > 0 && !json)
        out << "news items linked anew: " << static_cast<qint64>(result->newsRelinked) << Qt::endl;
    if (rejectedAny)
        err << "marketlens: " << rejected
            << " rows rejected (listed above); the other rows were imported" << Qt::endl;
    return kExitOk;
}

} // namespace marketlens::core::cli
