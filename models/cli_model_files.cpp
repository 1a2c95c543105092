// `marketlens models`, `export-model` and `import-model` (docs/cli.md): the models stored in a
// project, and their exchange as TorchScript + JSON side file (models/interchange.h).
#include "models/cli_models.h"
#include "models/cli_models_support.h"
#include "models/bert_sentiment.h"
#include "models/interchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cmath>

namespace marketlens::models::cli_detail {

namespace cli = core::cli;
namespace cf = core::forecast;

namespace {

// ---- models ----

// The model's and the naive forecast's test MASE from a record's metrics (NaN when absent,
// e.g. for the tail-risk classifier).
std::pair<double, double> testMase(const QJsonObject& metrics)
{
    double model = NAN, naive = NAN;
    for (const QJsonValue& v : metrics.value(QStringLiteral("forecasters")).toArray()) {
        const QJsonObject o = v.toObject();
        const double mase = o.value(QStringLiteral("mase")).toDouble(NAN);
        if (o.value(QStringLiteral("isModel")).toBool())
            model = mase;
        else if (o.value(QStringLiteral("name")).toString() == QLatin1String("naive"))
            naive = mase;
    }
    return {model, naive};
}

} // namespace

int cmdModels(const QStringList& args, QTextStream& out, QTextStream& err)
{
    cli::Args a;
    if (const QString e = cli::parseArgs(args, {QStringLiteral("json")}, {}, a); !e.isEmpty())
        return cli::usage(e, err);
    if (a.positional.size() != 1)
        return cli::usage(QStringLiteral("models needs exactly one project FILE"), err);
    const bool json = a.has(QStringLiteral("json"));
    int code = 0;
    auto store = openProject(a.positional.first(), json, out, err, code);
    if (!store)
        return code;
    auto list = cf::listModels(*store);
    if (!list)
        return cli::fail(list.error(), json, out, err);
    if (json) {
        QJsonArray models;
        for (const cf::ModelRecord& r : *list) {
            QJsonObject o;
            o[QStringLiteral("id")] = qint64(r.id);
            o[QStringLiteral("name")] = cli::q(r.name);
            o[QStringLiteral("kind")] = cli::q(r.kind);
            o[QStringLiteral("origin")] = cli::q(r.origin);
            o[QStringLiteral("ticker")] = cli::q(r.ticker);
            o[QStringLiteral("createdUtc")] = cli::q(r.createdUtc);
            QJsonArray features;
            for (const std::string& f : r.features)
                features.append(cli::q(f));
            o[QStringLiteral("features")] = features;
            o[QStringLiteral("window")] = r.window;
            o[QStringLiteral("horizon")] = r.horizon;
            o[QStringLiteral("trainFirst")] = dateText(r.trainFirst);
            o[QStringLiteral("trainLast")] = dateText(r.trainLast);
            o[QStringLiteral("seed")] = QString::number(r.seed);
            o[QStringLiteral("device")] = cli::q(r.device);
            o[QStringLiteral("trainSeconds")] = r.trainSeconds;
            o[QStringLiteral("dataHash")] = cli::q(r.dataHash);
            o[QStringLiteral("metrics")] = parsedObject(r.metricsJson);
            models.append(o);
        }
        QJsonObject j;
        j[QStringLiteral("ok")] = true;
        j[QStringLiteral("models")] = models;
        cli::printJson(out, j);
        return core::kExitOk;
    }
    if (list->empty()) {
        out << "No models in the project (train one with 'marketlens train').\n";
        out.flush();
        return core::kExitOk;
    }
    Table t({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("kind"),
        QStringLiteral("origin"), QStringLiteral("ticker"), QStringLiteral("window"),
        QStringLiteral("horizon"), QStringLiteral("created (UTC)"), QStringLiteral("test MASE"),
        QStringLiteral("naive MASE"), QStringLiteral("beats baselines")});
    for (const cf::ModelRecord& r : *list) {
        const QJsonObject metrics = parsedObject(r.metricsJson);
        const auto [model, naive] = testMase(metrics);
        // Signal classifiers (kind signal_*) have no MASE; their column says whether they beat
        // the majority and always-up baselines.
        const QJsonValue beats = metrics.contains(QStringLiteral("beatsBaselines"))
            ? metrics.value(QStringLiteral("beatsBaselines"))
            : metrics.value(QStringLiteral("beatsNaive"));
        t.add({QString::number(r.id), cli::q(r.name), cli::q(r.kind), cli::q(r.origin),
            r.ticker.empty() ? QStringLiteral("-") : cli::q(r.ticker), QString::number(r.window),
            QString::number(r.horizon), cli::q(r.createdUtc), num(model, 3), num(naive, 3),
            beats.isBool() ? (beats.toBool() ? QStringLiteral("yes") : QStringLiteral("no"))
                           : QStringLiteral("-")});
    }
    t.print(out);
    out.flush();
    return core::kExitOk;
}

// ---- export-model / import-model ----

int cmdExportModel(const QStringList& args, QTextStream& out, QTextStream& err)
{
    cli::Args a;
    if (const QString e
        = cli::parseArgs(args, {QStringLiteral("json")}, {QStringLiteral("out")}, a);
        !e.isEmpty())
        return cli::usage(e, err);
    if (a.positional.size() != 2 || !a.values.contains(QStringLiteral("out")))
        return cli::usage(QStringLiteral("export-model needs a project FILE, a model ID and "
                                         "--out M.pt"),
            err);
    const qint64 id = modelId(a.positional.at(1));
    if (id == 0)
        return cli::usage(QStringLiteral("the model ID is a positive whole number (see "
                                         "'marketlens models'), not '%1'")
                              .arg(a.positional.at(1)),
            err);
    const bool json = a.has(QStringLiteral("json"));
    int code = 0;
    auto store = openProject(a.positional.first(), json, out, err, code);
    if (!store)
        return code;
    auto record = cf::loadModel(*store, id);
    if (!record)
        return cli::fail(record.error(), json, out, err);
    const std::string pt = a.values.value(QStringLiteral("out")).toStdString();
    if (auto s = exportModel(*record, pt); !s)
        return cli::fail(s.error(), json, out, err);
    if (json) {
        QJsonObject j;
        j[QStringLiteral("ok")] = true;
        j[QStringLiteral("model")] = qint64(record->id);
        j[QStringLiteral("module")] = cli::q(pt);
        j[QStringLiteral("meta")] = cli::q(metaPathFor(pt));
        cli::printJson(out, j);
    } else {
        out << "Exported model " << record->id << " (" << cli::q(record->name) << ") to "
            << cli::q(pt) << " and " << cli::q(metaPathFor(pt)) << '\n';
        out.flush();
    }
    return core::kExitOk;
}

int cmdImportModel(const QStringList& args, QTextStream& out, QTextStream& err)
{
    cli::Args a;
    if (const QString e = cli::parseArgs(args, {QStringLiteral("json")},
            {QStringLiteral("meta"), QStringLiteral("ticker"), QStringLiteral("name"),
                QStringLiteral("vocab")},
            a);
        !e.isEmpty())
        return cli::usage(e, err);
    if (a.positional.size() != 2)
        return cli::usage(QStringLiteral("import-model needs a project FILE and a model file "
                                         "M.pt"),
            err);
    const bool json = a.has(QStringLiteral("json"));
    const std::string pt = a.positional.at(1).toStdString();
    const std::string meta = a.values.contains(QStringLiteral("meta"))
        ? a.values.value(QStringLiteral("meta")).toStdString()
        : metaPathFor(pt);
    // A TorchScript file carries code that runs when the model is used (docs/models.md "Model
    // files are code"): said before anything is read, on stderr so that --json stays clean.
    err << "marketlens: warning: a model file is a program: it runs with your permissions when "
           "the model is used. Import models only from sources you trust."
        << Qt::endl;
    int code = 0;
    auto store = openProject(a.positional.first(), json, out, err, code);
    if (!store)
        return code;
    // --vocab: a BERT-style sentiment model (bert_sentiment.h) instead of a forecaster.
    const bool sentiment = a.values.contains(QStringLiteral("vocab"));
    auto record = sentiment
        ? importBertModel(pt, meta, a.values.value(QStringLiteral("vocab")).toStdString())
        : importModel(pt, meta);
    if (!record)
        return cli::fail(record.error(), json, out, err);
    if (a.values.contains(QStringLiteral("ticker")))
        record->ticker = a.values.value(QStringLiteral("ticker")).toUpper().toStdString();
    if (a.values.contains(QStringLiteral("name")))
        record->name = a.values.value(QStringLiteral("name")).toStdString();
    if (!record->ticker.empty()) {
        // The model is kept either way; a forecast names the instrument with --ticker.
        auto series = store->prices(record->ticker);
        if (!series || series->empty())
            err << "marketlens: warning: the project has no prices of '" << cli::q(record->ticker)
                << "'; forecast with --ticker T" << Qt::endl;
    }
    auto id = cf::saveModel(*store, *record);
    if (!id)
        return cli::fail(id.error(), json, out, err);
    if (json) {
        QJsonObject j;
        j[QStringLiteral("ok")] = true;
        j[QStringLiteral("id")] = qint64(*id);
        j[QStringLiteral("name")] = cli::q(record->name);
        j[QStringLiteral("kind")] = cli::q(record->kind);
        j[QStringLiteral("ticker")] = cli::q(record->ticker);
        j[QStringLiteral("window")] = record->window;
        j[QStringLiteral("horizon")] = record->horizon;
        QJsonArray features;
        for (const std::string& f : record->features)
            features.append(cli::q(f));
        j[QStringLiteral("features")] = features;
        cli::printJson(out, j);
    } else if (sentiment) {
        out << "Imported sentiment model " << *id << " (" << cli::q(record->name) << ", "
            << cli::q(record->kind) << ", max_length " << record->window
            << "); score the news with 'marketlens sentiment FILE.mlens --model " << *id << "'\n";
        out.flush();
    } else {
        out << "Imported model " << *id << " (" << cli::q(record->name) << ", "
            << cli::q(record->kind) << ", window " << record->window << ", horizon "
            << record->horizon << ", features " << cli::q([&] {
                   std::string s;
                   for (const std::string& f : record->features)
                       s += (s.empty() ? "" : ", ") + f;
                   return s;
               }())
            << ")\n";
        out.flush();
    }
    return core::kExitOk;
}

} // namespace marketlens::models::cli_detail
