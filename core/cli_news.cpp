// News on the command line (docs/cli.md): `import ... --kind news` (the news part of
// cmdImport), `news` (stored items with their tickers, link reasons and lexicon score) and
// `aliases` (company names per instrument, used to link news).
#include "cli_support.h"
#include "news/news_dates.h"
#include "news/news_import.h"
#include "news/news_store.h"
#include "project_store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <map>

namespace marketlens::core::cli {
namespace {

using namespace news;

const char* className(SentimentClass c)
{
    switch (c) {
    case SentimentClass::Negative:
        return "negative";
    case SentimentClass::Neutral:
        return "neutral";
    case SentimentClass::Positive:
        return "positive";
    }
    return "neutral";
}

QJsonObject newsFileJson(const NewsFileResult& f)
{
    QJsonObject o;
    o[QStringLiteral("file")] = q(f.file);
    o[QStringLiteral("format")] = q(f.format);
    o[QStringLiteral("itemsAccepted")] = static_cast<qint64>(f.itemsAccepted);
    o[QStringLiteral("itemsRejected")] = static_cast<qint64>(f.itemsRejected);
    o[QStringLiteral("duplicatesInFile")] = static_cast<qint64>(f.duplicatesInFile);
    o[QStringLiteral("duplicatesInProject")] = static_cast<qint64>(f.duplicatesInProject);
    o[QStringLiteral("itemsLinked")] = static_cast<qint64>(f.itemsLinked);
    o[QStringLiteral("labelled")] = static_cast<qint64>(f.labelled);
    o[QStringLiteral("sha256")] = q(f.sha256);
    QJsonArray rejected;
    for (const NewsRejected& r : f.rejected) {
        QJsonObject ro;
        ro[QStringLiteral("file")] = q(r.file.empty() ? f.file : r.file);
        ro[QStringLiteral("line")] = static_cast<qint64>(r.line);
        ro[QStringLiteral("item")] = static_cast<qint64>(r.itemNumber);
        ro[QStringLiteral("reason")] = q(r.reason);
        rejected.append(ro);
    }
    o[QStringLiteral("rejected")] = rejected;
    QJsonArray warnings;
    for (const auto& w : f.warnings)
        warnings.append(q(w));
    o[QStringLiteral("warnings")] = warnings;
    return o;
}

// Every rejected item on stderr as "file:line: item N: reason", then the warnings.
void printRejectedItems(const NewsImportResult& result, QTextStream& err)
{
    for (const NewsFileResult& f : result.files) {
        for (const NewsRejected& r : f.rejected) {
            err << q(r.file.empty() ? f.file : r.file);
            if (r.line > 0)
                err << ':' << r.line;
            err << ": ";
            if (r.itemNumber > 0)
                err << "item " << r.itemNumber << ": ";
            err << q(r.reason) << '\n';
        }
        const auto listed = static_cast<std::int64_t>(f.rejected.size());
        if (f.itemsRejected > listed)
            err << q(f.file) << ": " << (f.itemsRejected - listed)
                << " more rejected items not listed\n";
        for (const auto& w : f.warnings)
            err << q(f.file) << ": warning: " << q(w) << '\n';
    }
    err.flush();
}

bool parseLabelScheme(const QString& text, LabelScheme& scheme)
{
    const QString t = text.toLower();
    if (t == QLatin1String("auto"))
        scheme = LabelScheme::Auto;
    else if (t == QLatin1String("binary"))
        scheme = LabelScheme::Binary;
    else if (t == QLatin1String("ternary"))
        scheme = LabelScheme::Ternary;
    else if (t == QLatin1String("continuous"))
        scheme = LabelScheme::Continuous;
    else
        return false;
    return true;
}

// --from/--to: a day (YYYY-MM-DD) to UTC seconds at its start, or at its last second.
bool parseDay(const QString& text, bool endOfDay, std::int64_t& seconds)
{
    const auto d = Date::fromIso(text.trimmed().toStdString());
    if (!d)
        return false;
    seconds = std::int64_t(d->days()) * 86400 + (endOfDay ? 86399 : 0);
    return true;
}

QString timeText(const StoredNews& n)
{
    const QString iso = q(formatUtcIso(n.timestamp));
    return n.dateOnly ? iso.left(10) : iso;
}

QString linkText(const StoredTickerLink& l)
{
    QString s = q(l.ticker) + QStringLiteral(" (") + QString::fromLatin1(linkReasonKey(l.reason));
    if (l.reason != LinkReason::Explicit && !l.evidence.empty())
        s += QStringLiteral(": ") + q(l.evidence);
    return s + QLatin1Char(')');
}

struct ShownScore {
    std::string model;
    StoredScore score;
};

// The score shown per item: of `model` when given, otherwise of the lexicon that scored last
// ("lexicon" or "lexicon:vader"), falling back to the other lexicon for items it did not score.
Result<std::map<std::int64_t, ShownScore>> scoresToShow(
    ProjectStore& store, const std::vector<StoredNews>& items, const std::string& model)
{
    std::vector<std::string> keys;
    if (!model.empty()) {
        keys.push_back(model);
    } else {
        auto models = scoredModels(store);
        if (!models)
            return models.error();
        std::vector<ScoredModel> lexicons;
        for (const ScoredModel& m : *models) {
            if (m.modelKey == kLexiconModelKey || m.modelKey.rfind("lexicon:", 0) == 0)
                lexicons.push_back(m);
        }
        std::stable_sort(
            lexicons.begin(), lexicons.end(), [](const ScoredModel& a, const ScoredModel& b) {
                return a.lastScoredUtc > b.lastScoredUtc;
            });
        for (const auto& m : lexicons)
            keys.push_back(m.modelKey);
    }
    std::map<std::int64_t, ShownScore> out;
    if (items.empty())
        return out;
    std::vector<std::int64_t> ids;
    for (const auto& n : items)
        ids.push_back(n.id);
    for (const auto& key : keys) {
        auto scores = loadScores(store, key, ids);
        if (!scores)
            return scores.error();
        for (StoredScore& s : *scores)
            out.emplace(s.newsId, ShownScore {key, std::move(s)}); // earlier keys win
    }
    return out;
}

QJsonObject newsItemJson(const StoredNews& n, const ShownScore* score)
{
    QJsonObject o;
    o[QStringLiteral("id")] = static_cast<qint64>(n.id);
    o[QStringLiteral("time")] = q(formatUtcIso(n.timestamp));
    o[QStringLiteral("timestamp")] = static_cast<qint64>(n.timestamp);
    o[QStringLiteral("dateOnly")] = n.dateOnly;
    o[QStringLiteral("headline")] = q(n.headline);
    o[QStringLiteral("source")] = q(n.source);
    o[QStringLiteral("url")] = q(n.url);
    o[QStringLiteral("sourceFile")] = q(n.sourceFile);
    o[QStringLiteral("itemNumber")] = static_cast<qint64>(n.itemNumber);
    o[QStringLiteral("label")] = q(n.labelText);
    o[QStringLiteral("labelClass")] = n.labelClass
        ? QJsonValue(QString::fromLatin1(className(*n.labelClass)))
        : QJsonValue(QJsonValue::Null);
    QJsonArray tickers;
    for (const StoredTickerLink& l : n.tickers) {
        QJsonObject lo;
        lo[QStringLiteral("ticker")] = q(l.ticker);
        lo[QStringLiteral("reason")] = QString::fromLatin1(linkReasonKey(l.reason));
        lo[QStringLiteral("evidence")] = q(l.evidence);
        lo[QStringLiteral("mentions")] = l.mentions;
        tickers.append(lo);
    }
    o[QStringLiteral("tickers")] = tickers;
    if (score) {
        QJsonObject so;
        so[QStringLiteral("model")] = q(score->model);
        so[QStringLiteral("score")] = score->score.score;
        so[QStringLiteral("label")] = QString::fromLatin1(className(score->score.label));
        o[QStringLiteral("score")] = so;
    } else {
        o[QStringLiteral("score")] = QJsonValue(QJsonValue::Null);
    }
    return o;
}

QJsonArray aliasesJson(const std::vector<InstrumentAliases>& list)
{
    QJsonArray out;
    for (const InstrumentAliases& ia : list) {
        QJsonObject o;
        o[QStringLiteral("ticker")] = q(ia.ticker);
        QJsonArray names;
        for (const auto& a : ia.aliases)
            names.append(q(a));
        o[QStringLiteral("aliases")] = names;
        out.append(o);
    }
    return out;
}

} // namespace

int importNews(const Args& a, const std::string& project, const std::vector<std::string>& inputs,
    QTextStream& out, QTextStream& err)
{
    const bool json = a.has(QStringLiteral("json"));
    const bool strict = a.has(QStringLiteral("strict"));
    for (const char* priceOnly : {"portfolio", "date-format"}) {
        if (a.values.contains(QLatin1String(priceOnly)))
            return usage(QStringLiteral("--%1 is for price and holdings files, not news")
                             .arg(QLatin1String(priceOnly)),
                err);
    }
    NewsImportOptions options;
    if (a.values.contains(QStringLiteral("label-scheme"))) {
        const QString s = a.values.value(QStringLiteral("label-scheme"));
        if (!parseLabelScheme(s, options.labelScheme))
            return usage(QStringLiteral("unknown --label-scheme '%1' (auto, binary, ternary, "
                                        "continuous)")
                             .arg(s),
                err);
    }
    QStringList tickers
        = a.values.value(QStringLiteral("tickers")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (a.values.contains(QStringLiteral("ticker")))
        tickers << a.values.value(QStringLiteral("ticker"));
    for (const QString& t : tickers) {
        if (!t.trimmed().isEmpty())
            options.tickers.push_back(t.trimmed().toUpper().toStdString());
    }

    // The session collects every rejected item even with --strict (NewsImportOptions::strict
    // would stop at the first); --strict then rolls the whole import back.
    auto session = NewsImportSession::begin(project);
    if (!session)
        return fail(session.error(), json, out, err);
    auto result = session->run(inputs, options);
    if (!result) {
        session->rollback();
        return fail(result.error(), json, out, err);
    }
    const qint64 accepted = result->itemsAccepted();
    const qint64 rejected = result->itemsRejected();
    bool committed = false;
    if (strict && rejected > 0) {
        session->rollback();
    } else {
        if (auto s = session->commit(); !s)
            return fail(s.error(), json, out, err);
        committed = true;
    }
    printRejectedItems(*result, err);

    if (json) {
        QJsonObject o;
        o[QStringLiteral("ok")] = committed;
        o[QStringLiteral("committed")] = committed;
        o[QStringLiteral("project")] = q(project);
        o[QStringLiteral("kind")] = QStringLiteral("news");
        o[QStringLiteral("strict")] = strict;
        o[QStringLiteral("itemsAccepted")] = accepted;
        o[QStringLiteral("itemsRejected")] = rejected;
        QJsonArray files;
        for (const NewsFileResult& f : result->files)
            files.append(newsFileJson(f));
        o[QStringLiteral("files")] = files;
        if (!committed)
            o[QStringLiteral("error")] = errorJson(makeError(
                ErrorCode::BadData, "--strict: items were rejected, nothing was imported"));
        printJson(out, o);
    } else {
        for (const NewsFileResult& f : result->files) {
            out << q(f.file) << ": news (" << q(f.format) << "), " << f.itemsAccepted
                << " items accepted, " << f.itemsRejected << " rejected";
            if (f.duplicatesInFile > 0)
                out << ", " << f.duplicatesInFile << " duplicate(s) in the file";
            if (f.duplicatesInProject > 0)
                out << ", " << f.duplicatesInProject << " already in the project";
            out << ", " << f.itemsLinked << " linked to instruments, " << f.labelled
                << " labelled\n";
        }
        out.flush();
    }
    if (!committed) {
        err << "marketlens: --strict: " << rejected << " items rejected, nothing was imported into "
            << q(project) << Qt::endl;
        return kExitData;
    }
    if (!json)
        out << "imported " << static_cast<qint64>(inputs.size()) << " news file(s) into "
            << q(project) << ": " << accepted << " items accepted, " << rejected << " rejected"
            << Qt::endl;
    if (rejected > 0)
        err << "marketlens: " << rejected
            << " items rejected (listed above); the other items were imported" << Qt::endl;
    return kExitOk;
}

int cmdNews(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Args a;
    const QStringList values = {QStringLiteral("ticker"), QStringLiteral("from"),
        QStringLiteral("to"), QStringLiteral("limit"), QStringLiteral("model")};
    if (const QString e = parseArgs(args, {QStringLiteral("json")}, values, a); !e.isEmpty())
        return usage(e, err);
    if (a.positional.size() != 1)
        return usage(QStringLiteral("news needs exactly one project FILE"), err);
    const bool json = a.has(QStringLiteral("json"));
    NewsQuery query;
    query.withBody = false;
    query.ticker = a.values.value(QStringLiteral("ticker")).trimmed().toUpper().toStdString();
    std::int64_t seconds = 0;
    if (a.values.contains(QStringLiteral("from"))) {
        if (!parseDay(a.values.value(QStringLiteral("from")), false, seconds))
            return usage(QStringLiteral("--from needs a date YYYY-MM-DD"), err);
        query.from = seconds;
    }
    if (a.values.contains(QStringLiteral("to"))) {
        if (!parseDay(a.values.value(QStringLiteral("to")), true, seconds))
            return usage(QStringLiteral("--to needs a date YYYY-MM-DD"), err);
        query.to = seconds;
    }
    if (a.values.contains(QStringLiteral("limit"))) {
        bool ok = false;
        query.limit = a.values.value(QStringLiteral("limit")).toLongLong(&ok);
        if (!ok || query.limit < 0)
            return usage(QStringLiteral("--limit needs a whole number >= 0"), err);
    }
    const std::string model = a.values.value(QStringLiteral("model")).trimmed().toStdString();

    auto path = projectForReading(a.positional.first());
    if (!path)
        return fail(path.error(), json, out, err);
    auto store = ProjectStore::open(*path);
    if (!store)
        return fail(store.error(), json, out, err);
    if (!query.ticker.empty()) {
        if (auto id = store->instrumentId(query.ticker, false); !id)
            return fail(id.error(), json, out, err);
    }
    auto items = listNews(*store, query);
    if (!items)
        return fail(items.error(), json, out, err);
    auto scores = scoresToShow(*store, *items, model);
    if (!scores)
        return fail(scores.error(), json, out, err);
    auto scoreOf = [&](std::int64_t id) -> const ShownScore* {
        const auto it = scores->find(id);
        return it == scores->end() ? nullptr : &it->second;
    };

    if (json) {
        QJsonObject o;
        o[QStringLiteral("ok")] = true;
        o[QStringLiteral("project")] = q(*path);
        o[QStringLiteral("ticker")] = q(query.ticker);
        o[QStringLiteral("count")] = static_cast<qint64>(items->size());
        QJsonArray list;
        for (const StoredNews& n : *items)
            list.append(newsItemJson(n, scoreOf(n.id)));
        o[QStringLiteral("items")] = list;
        printJson(out, o);
        return kExitOk;
    }
    for (const StoredNews& n : *items) {
        out << timeText(n).leftJustified(20) << ' ';
        if (const ShownScore* s = scoreOf(n.id))
            out << QString::asprintf("%+.3f", s->score.score) << ' '
                << QString::fromLatin1(className(s->score.label)).leftJustified(8);
        else
            out << QStringLiteral("-").leftJustified(15);
        out << "  " << q(n.headline) << '\n';
        QStringList links;
        for (const StoredTickerLink& l : n.tickers)
            links << linkText(l);
        if (!links.isEmpty())
            out << QString(23, QLatin1Char(' ')) << "tickers: " << links.join(QStringLiteral(", "))
                << '\n';
    }
    out << static_cast<qint64>(items->size()) << " news items";
    if (!query.ticker.empty())
        out << " about " << q(query.ticker);
    out << Qt::endl;
    return kExitOk;
}

int cmdAliases(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Args a;
    if (const QString e = parseArgs(args, {QStringLiteral("json"), QStringLiteral("clear")}, {}, a);
        !e.isEmpty())
        return usage(e, err);
    if (a.positional.isEmpty())
        return usage(QStringLiteral("aliases needs a project FILE"), err);
    const bool json = a.has(QStringLiteral("json"));
    const bool clear = a.has(QStringLiteral("clear"));
    const QString ticker
        = a.positional.size() > 1 ? a.positional[1].trimmed().toUpper() : QString();
    std::vector<std::string> names;
    for (qsizetype i = 2; i < a.positional.size(); ++i)
        names.push_back(a.positional[i].toStdString());
    if (ticker.isEmpty() && clear)
        return usage(QStringLiteral("--clear needs a TICKER"), err);
    if (clear && !names.empty())
        return usage(QStringLiteral("give either NAMEs or --clear"), err);
    const bool set = clear || !names.empty();

    auto path = projectForReading(a.positional.first());
    if (!path)
        return fail(path.error(), json, out, err);
    auto store = ProjectStore::open(*path);
    if (!store)
        return fail(store.error(), json, out, err);
    if (!ticker.isEmpty()) {
        if (auto id = store->instrumentId(ticker.toStdString(), false); !id)
            return fail(id.error(), json, out, err);
    }
    std::int64_t relinked = 0;
    if (set) {
        Transaction tx(store->db());
        if (auto s = tx.begin(); !s)
            return fail(s.error(), json, out, err);
        if (auto s = setInstrumentAliases(*store, ticker.toStdString(), names); !s)
            return fail(s.error(), json, out, err);
        auto n = relinkNews(*store);
        if (!n)
            return fail(n.error(), json, out, err);
        relinked = *n;
        if (auto s = tx.commit(); !s)
            return fail(s.error(), json, out, err);
    }
    auto all = instrumentAliases(*store);
    if (!all)
        return fail(all.error(), json, out, err);
    std::vector<InstrumentAliases> shown;
    for (auto& ia : *all) {
        if (ticker.isEmpty() || q(ia.ticker) == ticker)
            shown.push_back(std::move(ia));
    }
    if (json) {
        QJsonObject o;
        o[QStringLiteral("ok")] = true;
        o[QStringLiteral("project")] = q(*path);
        o[QStringLiteral("instruments")] = aliasesJson(shown);
        if (set)
            o[QStringLiteral("newsRelinked")] = static_cast<qint64>(relinked);
        printJson(out, o);
        return kExitOk;
    }
    for (const InstrumentAliases& ia : shown) {
        QStringList list;
        for (const auto& n : ia.aliases)
            list << q(n);
        out << q(ia.ticker).leftJustified(10) << ' '
            << (list.isEmpty() ? QStringLiteral("(no aliases)") : list.join(QStringLiteral("; ")))
            << '\n';
    }
    if (set)
        out << "news items whose links changed: " << static_cast<qint64>(relinked) << '\n';
    out.flush();
    return kExitOk;
}

} // namespace marketlens::core::cli
