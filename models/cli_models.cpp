// The model commands of the command line (models/cli_models.h, docs/cli.md): train, forecast
// and backtest here; models, export-model and import-model in cli_model_files.cpp; tailrisk in
// cli_tailrisk.cpp. Tables for people, one JSON document with --json; errors on stderr with
// core's exit codes.
#include "models/cli_models.h"

#include "core/cli_commands.h"
#include "core/cli_support.h"
#include "core/forecast/model_store.h"
#include "core/news/news_store.h"
#include "core/project_store.h"
#include "models/cli_models_support.h"
#include "models/forecaster.h"
#include "models/interchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace marketlens::models {
namespace cli_detail {

namespace cli = core::cli;
namespace cf = core::forecast;

QString num(double v, int decimals)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("-");
}
QJsonValue jsonNumber(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonObject parsedObject(const std::string& json)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
}

QString dateText(const std::optional<core::Date>& d)
{
    return d ? cli::q(d->toIso()) : QStringLiteral("-");
}

std::optional<core::ProjectStore> openProject(
    const QString& arg, bool json, QTextStream& out, QTextStream& err, int& code)
{
    auto path = cli::projectForReading(arg);
    if (!path) {
        code = cli::fail(path.error(), json, out, err);
        return std::nullopt;
    }
    auto store = core::ProjectStore::open(*path);
    if (!store) {
        code = cli::fail(store.error(), json, out, err);
        return std::nullopt;
    }
    return std::move(*store);
}

qint64 modelId(const QString& text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

// The ticker's daily news sentiment index of the lexicon (what `marketlens sentiment` stores),
// for the "sentiment" feature; NotFound with what to do when there is none.
core::Result<std::vector<core::news::DailySentiment>> sentimentIndexOf(
    core::ProjectStore& store, const std::string& ticker)
{
    auto index = core::news::loadSentimentIndex(store, ticker, core::news::kLexiconModelKey);
    if (!index)
        return index.error();
    if (index->empty())
        return core::makeError(core::ErrorCode::NotFound,
            "the feature 'sentiment' needs the news sentiment index of " + ticker
                + " (lexicon model), and there is none: import news that mention " + ticker
                + " and run 'marketlens sentiment FILE.mlens' first");
    return index;
}

} // namespace cli_detail

namespace {

using namespace cli_detail;
using core::ErrorCode;
using core::makeError;

QString pct(double share)
{
    return std::isfinite(share) ? QString::number(share * 100.0, 'f', 1) : QStringLiteral("-");
}
Table errorsTable()
{
    return Table({QStringLiteral("forecaster"), QStringLiteral("MAE"), QStringLiteral("RMSE"),
        QStringLiteral("MAPE %"), QStringLiteral("sMAPE %"), QStringLiteral("MASE"),
        QStringLiteral("direction %"), QStringLiteral("cover80 %"), QStringLiteral("cover95 %"),
        QStringLiteral("n")});
}

void addScores(Table& t, const std::vector<ScoredForecaster>& scores)
{
    for (const ScoredForecaster& s : scores) {
        const cf::ForecastErrors& e = s.errors;
        t.add({cli::q(s.name) + (s.isModel ? QStringLiteral(" (model)") : QString()), num(e.mae, 4),
            num(e.rmse, 4), num(e.mape, 2), num(e.smape, 2), num(e.mase, 3), pct(e.directional),
            pct(e.coverage80), pct(e.coverage95), QString::number(qulonglong(e.count))});
    }
}

QJsonArray scoresJson(const std::vector<ScoredForecaster>& scores)
{
    QJsonArray a;
    for (const ScoredForecaster& s : scores) {
        const cf::ForecastErrors& e = s.errors;
        QJsonObject o;
        o[QStringLiteral("name")] = cli::q(s.name);
        o[QStringLiteral("isModel")] = s.isModel;
        o[QStringLiteral("count")] = qint64(e.count);
        o[QStringLiteral("mae")] = jsonNumber(e.mae);
        o[QStringLiteral("rmse")] = jsonNumber(e.rmse);
        o[QStringLiteral("mape")] = jsonNumber(e.mape);
        o[QStringLiteral("smape")] = jsonNumber(e.smape);
        o[QStringLiteral("mase")] = jsonNumber(e.mase);
        o[QStringLiteral("directional")] = jsonNumber(e.directional);
        o[QStringLiteral("coverage80")] = jsonNumber(e.coverage80);
        o[QStringLiteral("coverage95")] = jsonNumber(e.coverage95);
        a.append(o);
    }
    return a;
}

// Reads --horizon/--window/--epochs/--seed/--device/--model into a config; a usage message when
// one is bad.
QString readConfig(const cli::Args& a, ForecastConfig& config)
{
    auto positive = [&](const char* name, int& target, int max) -> QString {
        const QString key = QString::fromLatin1(name);
        if (!a.values.contains(key))
            return {};
        bool ok = false;
        const int v = a.values.value(key).toInt(&ok);
        if (!ok || v < 1 || v > max)
            return QStringLiteral("--%1 needs a whole number from 1 to %2").arg(key).arg(max);
        target = v;
        return {};
    };
    const QString kind = a.values.value(QStringLiteral("model"));
    const auto parsed = parseModelKind(kind.toStdString());
    if (!parsed)
        return QStringLiteral("--model must be mlp, cnn, lstm, gru or transformer, not '%1'")
            .arg(kind);
    config.network.kind = *parsed;
    for (const QString& m : {positive("horizon", config.network.horizon, 250),
             positive("window", config.network.window, 2000),
             positive("epochs", config.training.epochs, 100000)}) {
        if (!m.isEmpty())
            return m;
    }
    if (a.values.contains(QStringLiteral("seed"))) {
        bool ok = false;
        config.training.seed = a.values.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return QStringLiteral("--seed needs a non-negative whole number");
    }
    if (a.values.contains(QStringLiteral("device"))) {
        const QString d = a.values.value(QStringLiteral("device"));
        if (d == QLatin1String("cpu"))
            config.training.device = Device::Cpu;
        else if (d == QLatin1String("cuda"))
            config.training.device = Device::Cuda;
        else if (d == QLatin1String("auto"))
            config.training.device = Device::Auto;
        else
            return QStringLiteral("--device must be cpu, cuda or auto, not '%1'").arg(d);
    }
    return {};
}

TrainProgressFn epochPrinter(QTextStream& err)
{
    return [&err](const TrainProgress& p) {
        if (!p.epochEnd)
            return;
        err << QStringLiteral("epoch %1/%2: train loss %3, validation loss %4, %5 s\n")
                   .arg(p.epoch)
                   .arg(p.epochs)
                   .arg(p.trainLoss, 0, 'f', 4)
                   .arg(p.valLoss, 0, 'f', 4)
                   .arg(p.elapsedSeconds, 0, 'f', 1);
        err.flush();
    };
}

core::Result<core::PriceSeries> seriesOf(core::ProjectStore& store, const std::string& ticker)
{
    auto s = store.prices(ticker);
    if (!s)
        return s.error();
    if (s->empty())
        return makeError(ErrorCode::NotFound, "no prices of '" + ticker + "' in the project");
    return s;
}

// --features a,b,c and --sentiment (the default features plus "sentiment") into `config`, and
// the ticker's sentiment index when the list has "sentiment".
core::Status readFeatures(const cli::Args& a, core::ProjectStore& store,
    const core::PriceSeries& series, ForecastConfig& config)
{
    if (a.values.contains(QStringLiteral("features"))) {
        for (const QString& f :
            a.values.value(QStringLiteral("features")).split(QLatin1Char(','))) {
            if (f.trimmed().isEmpty())
                return makeError(ErrorCode::InvalidArgument,
                    "--features needs a comma-separated list of feature names (known: logret, "
                    "vol20, volume, dow, sentiment)");
            config.features.push_back(f.trimmed().toStdString());
        }
    }
    if (a.has(QStringLiteral("sentiment"))) {
        if (config.features.empty())
            config.features = cf::defaultFeatures(series);
        if (std::find(config.features.begin(), config.features.end(), "sentiment")
            == config.features.end())
            config.features.push_back("sentiment");
    }
    if (std::find(config.features.begin(), config.features.end(), "sentiment")
        != config.features.end()) {
        auto index = sentimentIndexOf(store, series.ticker);
        if (!index)
            return index.error();
        config.sentiment = std::move(*index);
    }
    return {};
}

// ---- train ----

int cmdTrain(const QStringList& args, QTextStream& out, QTextStream& err)
{
    cli::Args a;
    const QStringList values = {QStringLiteral("ticker"), QStringLiteral("model"),
        QStringLiteral("horizon"), QStringLiteral("window"), QStringLiteral("epochs"),
        QStringLiteral("seed"), QStringLiteral("device"), QStringLiteral("features")};
    if (const QString e = cli::parseArgs(
            args, {QStringLiteral("json"), QStringLiteral("sentiment")}, values, a);
        !e.isEmpty())
        return cli::usage(e, err);
    if (a.positional.size() != 1)
        return cli::usage(QStringLiteral("train needs exactly one project FILE"), err);
    if (!a.values.contains(QStringLiteral("ticker")) || !a.values.contains(QStringLiteral("model")))
        return cli::usage(QStringLiteral("train needs --ticker T and --model KIND"), err);
    ForecastConfig config;
    if (const QString e = readConfig(a, config); !e.isEmpty())
        return cli::usage(e, err);
    const bool json = a.has(QStringLiteral("json"));
    int code = 0;
    auto store = openProject(a.positional.first(), json, out, err, code);
    if (!store)
        return code;
    auto series = seriesOf(*store, a.values.value(QStringLiteral("ticker")).toStdString());
    if (!series)
        return cli::fail(series.error(), json, out, err);
    if (auto s = readFeatures(a, *store, *series, config); !s)
        return cli::fail(s.error(), json, out, err);
    auto trained = trainForecaster(*series, config, json ? TrainProgressFn() : epochPrinter(err));
    if (!trained)
        return cli::fail(trained.error(), json, out, err);
    auto id = cf::saveModel(*store, trained->record);
    if (!id)
        return cli::fail(id.error(), json, out, err);

    const cf::ModelRecord& r = trained->record;
    const TrainOutcome& o = trained->outcome;
    const QJsonObject metrics = parsedObject(r.metricsJson);
    const QJsonObject test = metrics.value(QStringLiteral("test")).toObject();
    if (json) {
        QJsonObject j;
        j[QStringLiteral("ok")] = true;
        j[QStringLiteral("id")] = qint64(*id);
        j[QStringLiteral("name")] = cli::q(r.name);
        j[QStringLiteral("kind")] = cli::q(r.kind);
        j[QStringLiteral("ticker")] = cli::q(r.ticker);
        j[QStringLiteral("window")] = r.window;
        j[QStringLiteral("horizon")] = r.horizon;
        j[QStringLiteral("device")] = cli::q(o.device);
        j[QStringLiteral("epochs")] = qint64(o.history.size());
        j[QStringLiteral("bestEpoch")] = o.bestEpoch;
        j[QStringLiteral("stoppedEarly")] = o.stoppedEarly;
        j[QStringLiteral("trainSeconds")] = o.seconds;
        j[QStringLiteral("trainFirst")] = dateText(r.trainFirst);
        j[QStringLiteral("trainLast")] = dateText(r.trainLast);
        j[QStringLiteral("test")] = test;
        j[QStringLiteral("forecasters")] = scoresJson(trained->evaluation.scores);
        j[QStringLiteral("beatsNaive")] = trained->evaluation.beatsNaive;
        j[QStringLiteral("verdict")] = cli::q(trained->evaluation.verdict);
        cli::printJson(out, j);
        return core::kExitOk;
    }
    out << "Model " << *id << ": " << cli::q(r.name) << " (" << cli::q(r.kind) << ", window "
        << r.window << ", horizon " << r.horizon << ", " << o.history.size() << " epochs, best "
        << o.bestEpoch << (o.stoppedEarly ? ", stopped early" : "") << ", " << cli::q(o.device)
        << ", " << QString::number(o.seconds, 'f', 1) << " s)\n"
        << "Trained on windows ending " << dateText(r.trainFirst) << " .. " << dateText(r.trainLast)
        << "; test part: " << test.value(QStringLiteral("origins")).toInteger() << " origins "
        << test.value(QStringLiteral("first")).toString() << " .. "
        << test.value(QStringLiteral("last")).toString() << ", horizons 1.." << r.horizon << "\n\n";
    Table t = errorsTable();
    addScores(t, trained->evaluation.scores);
    t.print(out);
    out << '\n' << cli::q(trained->evaluation.verdict) << '\n';
    out.flush();
    return core::kExitOk;
}

// ---- forecast ----

int cmdForecast(const QStringList& args, QTextStream& out, QTextStream& err)
{
    cli::Args a;
    if (const QString e = cli::parseArgs(
            args, {QStringLiteral("json")}, {QStringLiteral("model"), QStringLiteral("ticker")}, a);
        !e.isEmpty())
        return cli::usage(e, err);
    if (a.positional.size() != 1 || !a.values.contains(QStringLiteral("model")))
        return cli::usage(QStringLiteral("forecast needs a project FILE and --model ID"), err);
    const qint64 id = modelId(a.values.value(QStringLiteral("model")));
    if (id == 0)
        return cli::usage(QStringLiteral("--model needs a model id (a positive whole number; "
                                         "see 'marketlens models')"),
            err);
    const bool json = a.has(QStringLiteral("json"));
    int code = 0;
    auto store = openProject(a.positional.first(), json, out, err, code);
    if (!store)
        return code;
    auto record = cf::loadModel(*store, id);
    if (!record)
        return cli::fail(record.error(), json, out, err);
    const std::string ticker = a.values.contains(QStringLiteral("ticker"))
        ? a.values.value(QStringLiteral("ticker")).toStdString()
        : record->ticker;
    if (ticker.empty())
        return cli::usage(
            QStringLiteral("model %1 names no instrument: give --ticker T").arg(record->id), err);
    auto series = seriesOf(*store, ticker);
    if (!series)
        return cli::fail(series.error(), json, out, err);
    std::vector<core::news::DailySentiment> sentiment;
    if (std::find(record->features.begin(), record->features.end(), "sentiment")
        != record->features.end()) {
        auto index = sentimentIndexOf(*store, series->ticker);
        if (!index)
            return cli::fail(index.error(), json, out, err);
        sentiment = std::move(*index);
    }
    auto f = forecastWith(*record, *series, -1, sentiment.empty() ? nullptr : &sentiment);
    if (!f)
        return cli::fail(f.error(), json, out, err);

    if (json) {
        QJsonObject j;
        j[QStringLiteral("ok")] = true;
        j[QStringLiteral("model")] = qint64(record->id);
        j[QStringLiteral("name")] = cli::q(record->name);
        j[QStringLiteral("kind")] = cli::q(record->kind);
        j[QStringLiteral("ticker")] = cli::q(series->ticker);
        j[QStringLiteral("originDate")] = cli::q(f->originDate.toIso());
        j[QStringLiteral("originPrice")] = f->originPrice;
        QJsonArray rows;
        for (std::size_t h = 0; h < f->dates.size(); ++h) {
            QJsonObject r;
            r[QStringLiteral("h")] = int(h + 1);
            r[QStringLiteral("date")] = cli::q(f->dates[h].toIso());
            r[QStringLiteral("median")] = jsonNumber(f->model.point[h]);
            r[QStringLiteral("lo80")] = jsonNumber(f->model.lo80[h]);
            r[QStringLiteral("hi80")] = jsonNumber(f->model.hi80[h]);
            r[QStringLiteral("lo95")] = jsonNumber(f->model.lo95[h]);
            r[QStringLiteral("hi95")] = jsonNumber(f->model.hi95[h]);
            r[QStringLiteral("naive")] = jsonNumber(f->naive.point[h]);
            r[QStringLiteral("naiveLo95")] = jsonNumber(f->naive.lo95[h]);
            r[QStringLiteral("naiveHi95")] = jsonNumber(f->naive.hi95[h]);
            rows.append(r);
        }
        j[QStringLiteral("forecast")] = rows;
        cli::printJson(out, j);
        return core::kExitOk;
    }
    out << "Forecast of " << cli::q(series->ticker) << " by model " << record->id << " ("
        << cli::q(record->name) << ", " << cli::q(record->kind) << ") from "
        << cli::q(f->originDate.toIso()) << ", last price " << num(f->originPrice, 4) << ":\n\n";
    Table t({QStringLiteral("date"), QStringLiteral("median"), QStringLiteral("80 % band"),
        QStringLiteral("95 % band"), QStringLiteral("naive")});
    for (std::size_t h = 0; h < f->dates.size(); ++h) {
        t.add({cli::q(f->dates[h].toIso()), num(f->model.point[h], 4),
            num(f->model.lo80[h], 4) + QStringLiteral(" .. ") + num(f->model.hi80[h], 4),
            num(f->model.lo95[h], 4) + QStringLiteral(" .. ") + num(f->model.hi95[h], 4),
            num(f->naive.point[h], 4)});
    }
    t.print(out);
    out.flush();
    return core::kExitOk;
}

// ---- backtest ----

int cmdBacktest(const QStringList& args, QTextStream& out, QTextStream& err)
{
    cli::Args a;
    const QStringList values = {QStringLiteral("ticker"), QStringLiteral("model"),
        QStringLiteral("folds"), QStringLiteral("horizon"), QStringLiteral("window"),
        QStringLiteral("epochs"), QStringLiteral("seed"), QStringLiteral("device"),
        QStringLiteral("features")};
    if (const QString e = cli::parseArgs(args,
            {QStringLiteral("json"), QStringLiteral("sliding"), QStringLiteral("sentiment")},
            values, a);
        !e.isEmpty())
        return cli::usage(e, err);
    if (a.positional.size() != 1)
        return cli::usage(QStringLiteral("backtest needs exactly one project FILE"), err);
    if (!a.values.contains(QStringLiteral("ticker")) || !a.values.contains(QStringLiteral("model")))
        return cli::usage(QStringLiteral("backtest needs --ticker T and --model KIND"), err);
    ForecastConfig config;
    if (const QString e = readConfig(a, config); !e.isEmpty())
        return cli::usage(e, err);
    int folds = 3;
    if (a.values.contains(QStringLiteral("folds"))) {
        bool ok = false;
        folds = a.values.value(QStringLiteral("folds")).toInt(&ok);
        if (!ok || folds < 1 || folds > 100)
            return cli::usage(QStringLiteral("--folds needs a whole number from 1 to 100"), err);
    }
    const bool expanding = !a.has(QStringLiteral("sliding"));
    const bool json = a.has(QStringLiteral("json"));
    int code = 0;
    auto store = openProject(a.positional.first(), json, out, err, code);
    if (!store)
        return code;
    auto series = seriesOf(*store, a.values.value(QStringLiteral("ticker")).toStdString());
    if (!series)
        return cli::fail(series.error(), json, out, err);
    if (auto s = readFeatures(a, *store, *series, config); !s)
        return cli::fail(s.error(), json, out, err);
    auto report = walkForwardBacktest(
        *series, config, folds, expanding, json ? TrainProgressFn() : epochPrinter(err));
    if (!report)
        return cli::fail(report.error(), json, out, err);

    if (json) {
        QJsonObject j;
        j[QStringLiteral("ok")] = true;
        j[QStringLiteral("ticker")] = cli::q(series->ticker);
        j[QStringLiteral("kind")] = cli::q(report->modelKind);
        j[QStringLiteral("window")]
            = expanding ? QStringLiteral("expanding") : QStringLiteral("sliding");
        QJsonArray fs;
        for (const BacktestFold& f : report->folds) {
            QJsonObject o;
            o[QStringLiteral("trainRows")]
                = QJsonArray {qint64(f.fold.trainBegin), qint64(f.fold.trainEnd)};
            o[QStringLiteral("testRows")]
                = QJsonArray {qint64(f.fold.testBegin), qint64(f.fold.testEnd)};
            o[QStringLiteral("testFirst")] = cli::q(f.testFirst.toIso());
            o[QStringLiteral("testLast")] = cli::q(f.testLast.toIso());
            o[QStringLiteral("forecasters")] = scoresJson(f.scores);
            fs.append(o);
        }
        j[QStringLiteral("folds")] = fs;
        QJsonObject pooled;
        pooled[QStringLiteral("forecasters")] = scoresJson(report->overall.scores);
        pooled[QStringLiteral("beatsNaive")] = report->overall.beatsNaive;
        pooled[QStringLiteral("verdict")] = cli::q(report->overall.verdict);
        j[QStringLiteral("pooled")] = pooled;
        cli::printJson(out, j);
        return core::kExitOk;
    }
    out << "Walk-forward backtest of " << cli::q(report->modelKind) << " on "
        << cli::q(series->ticker) << ": " << report->folds.size() << " folds, "
        << (expanding ? "expanding" : "sliding") << " training window, refitted per fold\n";
    int k = 0;
    for (const BacktestFold& f : report->folds) {
        out << "\nFold " << ++k << ": trained on window rows " << f.fold.trainBegin << ".."
            << f.fold.trainEnd - 1 << ", tested " << cli::q(f.testFirst.toIso()) << " .. "
            << cli::q(f.testLast.toIso()) << '\n';
        Table t = errorsTable();
        addScores(t, f.scores);
        t.print(out);
    }
    out << "\nPooled over all folds:\n";
    Table t = errorsTable();
    addScores(t, report->overall.scores);
    t.print(out);
    out << '\n' << cli::q(report->overall.verdict) << '\n';
    out.flush();
    return core::kExitOk;
}

} // namespace

bool isModelCliCommand(const QString& arg)
{
    static const QStringList commands = {QStringLiteral("train"), QStringLiteral("forecast"),
        QStringLiteral("backtest"), QStringLiteral("models"), QStringLiteral("export-model"),
        QStringLiteral("import-model"), QStringLiteral("tailrisk"), QStringLiteral("sentiment"),
        QStringLiteral("train-sentiment"), QStringLiteral("signals")};
    return commands.contains(arg);
}

int runModelCli(const QStringList& args, QTextStream& out, QTextStream& err)
{
    if (args.isEmpty() || !isModelCliCommand(args.first()))
        return cli::usage(
            QStringLiteral("unknown command '%1'").arg(args.isEmpty() ? QString() : args.first()),
            err);
    const QString cmd = args.first();
    const QStringList rest = args.mid(1);
    if (rest.contains(QLatin1String("--help")) || rest.contains(QLatin1String("-h")))
        return core::runCli({QStringLiteral("--help")}, out, err);
    if (cmd == QLatin1String("train"))
        return cmdTrain(rest, out, err);
    if (cmd == QLatin1String("forecast"))
        return cmdForecast(rest, out, err);
    if (cmd == QLatin1String("backtest"))
        return cmdBacktest(rest, out, err);
    if (cmd == QLatin1String("models"))
        return cli_detail::cmdModels(rest, out, err);
    if (cmd == QLatin1String("export-model"))
        return cli_detail::cmdExportModel(rest, out, err);
    if (cmd == QLatin1String("import-model"))
        return cli_detail::cmdImportModel(rest, out, err);
    if (cmd == QLatin1String("sentiment"))
        return cmdSentiment(rest, out, err);
    if (cmd == QLatin1String("train-sentiment"))
        return cmdTrainSentiment(rest, out, err);
    if (cmd == QLatin1String("signals"))
        return cmdSignals(rest, out, err);
    return cmdTailRisk(rest, out, err);
}

} // namespace marketlens::models
