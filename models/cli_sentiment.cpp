// `marketlens sentiment FILE.mlens [--model lexicon|lexicon:vader|ID] [--all] [--no-explain]
// [--json]`
// (models/cli_models.h, docs/cli.md): scores the project's news with a sentiment model, stores
// the scores under the model's key (other models' scores stay) and rebuilds that model's daily
// index. Without --all only items the model has not scored yet are scored; --no-explain skips the
// word weights (occlusion makes a BERT-style model several times slower).
#include "models/cli_models.h"

#include "core/cli_support.h"
#include "core/news/news_store.h"
#include "core/news/sentiment_scoring.h"
#include "models/cli_models_support.h"
#include "models/sentiment_scorers.h"

#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <chrono>
#include <memory>

namespace marketlens::models {

namespace cli = core::cli;
using namespace cli_detail;

namespace {

// "lexicon", "lexicon:vader", "model:12" from the --model value; empty when it is none of them.
std::string modelKeyOf(const QString& value)
{
    const QString v = value.trimmed();
    if (v == QLatin1String("lexicon") || v == QLatin1String("lexicon:vader"))
        return v.toStdString();
    const QString id = v.startsWith(QLatin1String("model:")) ? v.mid(6) : v;
    const qint64 n = modelId(id);
    return n > 0 ? "model:" + std::to_string(n) : std::string();
}

// Progress on stderr about every 10 %, and only for runs long enough to need it.
core::Progress progressPrinter(QTextStream& err)
{
    auto start = std::chrono::steady_clock::now();
    auto lastTenth = std::make_shared<std::int64_t>(0);
    return [&err, start, lastTenth](std::int64_t done, std::int64_t total) {
        if (total <= 0)
            return true;
        const std::int64_t tenth = done * 10 / total;
        const double seconds
            = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (tenth > *lastTenth && seconds > 2.0 && done < total) {
            err << "scored " << done << " of " << total << " items (" << tenth * 10 << " %)\n";
            err.flush();
        }
        *lastTenth = std::max(*lastTenth, tenth);
        return true;
    };
}

} // namespace

int cmdSentiment(const QStringList& args, QTextStream& out, QTextStream& err)
{
    cli::Args a;
    if (const QString e = cli::parseArgs(args,
            {QStringLiteral("json"), QStringLiteral("all"), QStringLiteral("no-explain")},
            {QStringLiteral("model")}, a);
        !e.isEmpty())
        return cli::usage(e, err);
    if (a.positional.size() != 1)
        return cli::usage(QStringLiteral("sentiment needs exactly one project FILE"), err);
    std::string key = core::news::kLexiconModelKey;
    if (a.values.contains(QStringLiteral("model"))) {
        key = modelKeyOf(a.values.value(QStringLiteral("model")));
        if (key.empty())
            return cli::usage(QStringLiteral("--model must be lexicon, lexicon:vader or a model "
                                             "id (see 'marketlens models'), not '%1'")
                                  .arg(a.values.value(QStringLiteral("model"))),
                err);
    }
    const bool json = a.has(QStringLiteral("json"));
    const bool all = a.has(QStringLiteral("all"));
    int code = 0;
    auto store = openProject(a.positional.first(), json, out, err, code);
    if (!store)
        return code;
    auto scorer = openSentimentScorer(*store, key);
    if (!scorer)
        return cli::fail(scorer.error(), json, out, err);
    auto total = core::news::newsCount(*store);
    if (!total)
        return cli::fail(total.error(), json, out, err);

    core::news::ScoreRunOptions options;
    options.onlyUnscored = !all;
    options.explain = !a.has(QStringLiteral("no-explain"));
    auto run = core::news::scoreProjectNews(
        *store, **scorer, options, json ? core::Progress() : progressPrinter(err));
    if (!run)
        return cli::fail(run.error(), json, out, err);

    const QString name = cli::q((*scorer)->displayName());
    if (json) {
        QJsonObject j;
        j[QStringLiteral("ok")] = true;
        j[QStringLiteral("model")] = cli::q(run->modelKey);
        j[QStringLiteral("name")] = name;
        j[QStringLiteral("all")] = all;
        j[QStringLiteral("newsItems")] = qint64(*total);
        j[QStringLiteral("itemsScored")] = qint64(run->itemsScored);
        j[QStringLiteral("positive")] = qint64(run->positive);
        j[QStringLiteral("neutral")] = qint64(run->neutral);
        j[QStringLiteral("negative")] = qint64(run->negative);
        j[QStringLiteral("indexScopes")] = qint64(run->indexScopes);
        j[QStringLiteral("seconds")] = run->seconds;
        cli::printJson(out, j);
        return core::kExitOk;
    }
    if (*total == 0) {
        out << "The project has no news to score (import some with 'marketlens import "
               "FILE.mlens NEWS... --kind news').\n";
    } else if (run->itemsScored == 0) {
        out << "Every news item already has a score of " << name << " [" << cli::q(run->modelKey)
            << "]; --all scores them again.\n";
    } else {
        out << "Scored " << run->itemsScored << " of " << *total << " news items with " << name
            << " [" << cli::q(run->modelKey) << "] in " << QString::number(run->seconds, 'f', 1)
            << " s:\n";
        Table t({QStringLiteral("label"), QStringLiteral("items")});
        t.add({QStringLiteral("positive"), QString::number(run->positive)});
        t.add({QStringLiteral("neutral"), QString::number(run->neutral)});
        t.add({QStringLiteral("negative"), QString::number(run->negative)});
        t.print(out);
    }
    out << "Daily sentiment index of " << cli::q(run->modelKey) << " rebuilt for "
        << run->indexScopes << (run->indexScopes == 1 ? " scope" : " scopes")
        << " (tickers and portfolios).\n";
    out.flush();
    return core::kExitOk;
}

} // namespace marketlens::models
