// `marketlens train-sentiment FILE.mlens [--model bow|transformer] [--folds K] [--epochs N]
// [--seed S] [--json]` (docs/cli.md): trains a sentiment classifier (models/text_classifier.h)
// on the project's labelled news, k-fold cross-validated against the market-news lexicon and
// VADER on the same folds, and stores it as a model of the project.
#include "models/cli_models.h"

#include "core/cli_support.h"
#include "core/forecast/model_store.h"
#include "core/news/news_store.h"
#include "core/project_store.h"
#include "models/cli_models_support.h"
#include "models/text_classifier.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <memory>
#include <set>
#include <utility>

namespace marketlens::models {

namespace {

namespace cli = core::cli;
using cli_detail::num;
using cli_detail::Table;

QJsonObject foldJson(const FoldMetrics& m)
{
    QJsonObject o;
    o[QStringLiteral("testSize")] = qint64(m.testSize);
    o[QStringLiteral("accuracy")] = m.accuracy;
    o[QStringLiteral("macroF1")] = m.macroF1;
    o[QStringLiteral("lexiconAccuracy")] = m.lexiconAccuracy;
    o[QStringLiteral("lexiconMacroF1")] = m.lexiconMacroF1;
    o[QStringLiteral("vaderAccuracy")] = m.vaderAccuracy;
    o[QStringLiteral("vaderMacroF1")] = m.vaderMacroF1;
    return o;
}

QStringList foldRow(const QString& name, const FoldMetrics& m)
{
    return {name, QString::number(m.testSize), num(m.accuracy, 4), num(m.macroF1, 4),
        num(m.lexiconAccuracy, 4), num(m.lexiconMacroF1, 4), num(m.vaderAccuracy, 4),
        num(m.vaderMacroF1, 4)};
}

// Reads --model/--folds/--epochs/--seed; a usage message when one is bad.
QString readOptions(const cli::Args& a, TextClassifierOptions& o, int& folds)
{
    if (a.values.contains(QStringLiteral("model"))) {
        const QString kind = a.values.value(QStringLiteral("model"));
        if (!parseTextModelKind(kind.toStdString(), o.kind))
            return QStringLiteral("--model must be bow or transformer, not '%1'").arg(kind);
    }
    bool ok = true;
    if (a.values.contains(QStringLiteral("folds"))) {
        folds = a.values.value(QStringLiteral("folds")).toInt(&ok);
        if (!ok || folds == 1 || folds < 0 || folds > 50)
            return QStringLiteral("--folds needs 0 (no cross-validation) or a number from 2 to 50");
    }
    if (a.values.contains(QStringLiteral("epochs"))) {
        o.epochs = a.values.value(QStringLiteral("epochs")).toInt(&ok);
        if (!ok || o.epochs < 1 || o.epochs > 10000)
            return QStringLiteral("--epochs needs a whole number from 1 to 10000");
    }
    if (a.values.contains(QStringLiteral("seed"))) {
        o.seed = a.values.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return QStringLiteral("--seed needs a non-negative whole number");
    }
    return {};
}

TextProgressFn epochPrinter(QTextStream& err)
{
    auto last = std::make_shared<std::pair<int, int>>(-1, -1);
    return [&err, last](const TextTrainProgress& p) {
        if (*last == std::make_pair(p.fold, p.epoch))
            return;
        *last = {p.fold, p.epoch};
        err << (p.fold > 0 ? QStringLiteral("fold %1/%2").arg(p.fold).arg(p.folds)
                           : QStringLiteral("final fit"))
            << QStringLiteral(": epoch %1/%2, loss %3 (%4 % done)\n")
                   .arg(p.epoch)
                   .arg(p.epochs)
                   .arg(p.loss, 0, 'f', 4)
                   .arg(p.fraction * 100.0, 0, 'f', 0);
        err.flush();
    };
}

} // namespace

int cmdTrainSentiment(const QStringList& args, QTextStream& out, QTextStream& err)
{
    cli::Args a;
    const QStringList values = {QStringLiteral("model"), QStringLiteral("folds"),
        QStringLiteral("epochs"), QStringLiteral("seed")};
    if (const QString e = cli::parseArgs(args, {QStringLiteral("json")}, values, a); !e.isEmpty())
        return cli::usage(e, err);
    if (a.positional.size() != 1)
        return cli::usage(QStringLiteral("train-sentiment needs exactly one project FILE"), err);
    TextClassifierOptions options;
    int folds = 5;
    if (const QString e = readOptions(a, options, folds); !e.isEmpty())
        return cli::usage(e, err);
    const bool json = a.has(QStringLiteral("json"));
    int code = 0;
    auto store = cli_detail::openProject(a.positional.first(), json, out, err, code);
    if (!store)
        return code;
    auto news = core::news::listNews(*store);
    if (!news)
        return cli::fail(news.error(), json, out, err);
    std::vector<TextExample> examples;
    std::set<core::SentimentClass> classes;
    for (const core::news::StoredNews& item : *news) {
        if (!item.labelClass)
            continue;
        examples.push_back(
            {QString::fromStdString(core::news::scoringText(item)), *item.labelClass});
        classes.insert(*item.labelClass);
    }
    if (examples.empty())
        return cli::fail(core::makeError(core::ErrorCode::NotFound,
                             "the project has no labelled news (import news with a label "
                             "column: marketlens import FILE.mlens NEWS.csv --kind news)"),
            json, out, err);
    auto trained = trainTextClassifier(
        examples, options, folds, json ? TextProgressFn() : epochPrinter(err));
    if (!trained)
        return cli::fail(trained.error(), json, out, err);
    auto id = core::forecast::saveModel(*store, trained->record);
    if (!id)
        return cli::fail(id.error(), json, out, err);

    const core::forecast::ModelRecord& r = trained->record;
    const CrossValidation& cv = trained->validation;
    const bool beats = cv.folds > 0 && cv.mean.accuracy > cv.mean.lexiconAccuracy
        && cv.mean.accuracy > cv.mean.vaderAccuracy;
    if (json) {
        QJsonObject j;
        j[QStringLiteral("ok")] = true;
        j[QStringLiteral("id")] = qint64(*id);
        j[QStringLiteral("name")] = cli::q(r.name);
        j[QStringLiteral("kind")] = cli::q(r.kind);
        j[QStringLiteral("model")] = QString::fromLatin1(textModelKindKey(options.kind));
        j[QStringLiteral("examples")] = qint64(examples.size());
        j[QStringLiteral("classes")] = int(classes.size());
        j[QStringLiteral("folds")] = cv.folds;
        j[QStringLiteral("seed")] = QString::number(r.seed);
        j[QStringLiteral("trainSeconds")] = trained->seconds;
        QJsonArray per;
        for (std::size_t f = 0; f < cv.perFold.size(); ++f) {
            QJsonObject o = foldJson(cv.perFold[f]);
            o[QStringLiteral("fold")] = int(f + 1);
            per.append(o);
        }
        j[QStringLiteral("perFold")] = per;
        if (cv.folds > 0)
            j[QStringLiteral("mean")] = foldJson(cv.mean);
        j[QStringLiteral("beatsLexicons")] = beats;
        cli::printJson(out, j);
        return core::kExitOk;
    }
    out << "Model " << *id << ": " << cli::q(r.name) << " (" << cli::q(r.kind) << ", "
        << examples.size() << " labelled items, " << classes.size() << " classes, "
        << QString::number(trained->seconds, 'f', 1) << " s)\n";
    if (cv.folds == 0) {
        out << "No cross-validation (--folds 0).\n";
        out.flush();
        return core::kExitOk;
    }
    out << cv.folds
        << "-fold cross-validation, accuracy and macro-F1 on the held-out folds (the lexicons on "
           "the same folds):\n\n";
    Table t({QStringLiteral("fold"), QStringLiteral("n"), QStringLiteral("model acc"),
        QStringLiteral("model F1"), QStringLiteral("lexicon acc"), QStringLiteral("lexicon F1"),
        QStringLiteral("VADER acc"), QStringLiteral("VADER F1")});
    for (std::size_t f = 0; f < cv.perFold.size(); ++f)
        t.add(foldRow(QString::number(f + 1), cv.perFold[f]));
    t.add(foldRow(QStringLiteral("mean"), cv.mean));
    t.print(out);
    out << '\n'
        << (beats ? "The model is more accurate than both lexicons on held-out news.\n"
                  : "The model is not more accurate than both lexicons on held-out news.\n");
    out.flush();
    return core::kExitOk;
}

} // namespace marketlens::models
