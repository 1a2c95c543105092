// `marketlens tailrisk FILE.mlens [--portfolio NAME] [--epochs N] [--seed S] [--window W]
// [--device cpu|cuda] [--json]`: learns
// the tail-risk score on the holdings of a portfolio (the first one by default), prints each
// holding's probability of a loss beyond its 95 % VaR within 5 days beside its own historical
// rate and the calibration on the test part, and stores the model in the project.
#include "core/cli_support.h"
#include "core/forecast/model_store.h"
#include "core/project_store.h"
#include "models/cli_models.h"
#include "models/tail_risk.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cmath>

namespace marketlens::models {

namespace cli = core::cli;

namespace {

QString pct(double v, int decimals = 1)
{
    return std::isfinite(v) ? QStringLiteral("%1 %").arg(v * 100.0, 0, 'f', decimals)
                            : QStringLiteral("-");
}

void printText(const TailRiskResult& r, const TailRiskConfig& config, const std::string& name,
    std::int64_t id, QTextStream& out)
{
    const TailRiskCalibration& c = r.calibration;
    out << "Learned tail risk of portfolio \"" << cli::q(name) << "\": probability of a loss "
        << "beyond the one-day " << QString::number(config.varLevel * 100.0, 'g', 4)
        << " % VaR within " << config.horizonDays << " trading days\n"
        << "(1D-CNN on " << config.window << "-day windows of returns and volatility, trained "
        << "on " << r.trainCount << " windows up to " << cli::q(r.trainLast.toIso()) << ", "
        << r.outcome.history.size() << (r.outcome.history.size() == 1 ? " epoch" : " epochs")
        << " on " << cli::q(r.outcome.device) << ")\n\n";
    out << QStringLiteral("%1 %2 %3 %4\n")
               .arg(QStringLiteral("holding"), -10)
               .arg(QStringLiteral("probability"), 12)
               .arg(QStringLiteral("base rate"), 10)
               .arg(QStringLiteral("as of"), 11);
    for (const TailRiskScore& s : r.scores) {
        out << QStringLiteral("%1 %2 %3 %4\n")
                   .arg(cli::q(s.ticker), -10)
                   .arg(pct(s.probability), 12)
                   .arg(pct(s.baseRate), 10)
                   .arg(cli::q(s.asOf.toIso()), 11);
    }
    out << "\nCalibration on the test part (" << c.testCount << " windows after "
        << cli::q(r.validationLast.toIso()) << ", observed rate " << pct(c.testRate) << "):\n"
        << "  Brier score " << QString::number(c.brier, 'f', 4) << " vs "
        << QString::number(c.brierBaseRate, 'f', 4) << " for the historical base rate "
        << pct(c.baseRate) << " (Brier skill " << QString::number(c.brierSkill, 'f', 3) << ")\n"
        << "  lift in the top decile " << QString::number(c.lift, 'f', 2) << ", ROC AUC "
        << QString::number(c.auc, 'f', 3) << '\n'
        << (c.brierSkill > 0.0 ? "  The model beats the historical base rate.\n"
                               : "  The model does not beat the historical base rate.\n")
        << "  reliability (predicted range: count, mean predicted, observed)\n";
    for (const ReliabilityBin& b : c.reliability) {
        if (b.count == 0)
            continue;
        out << QStringLiteral("    %1-%2 %: %3, %4, %5\n")
                   .arg(b.lower * 100.0, 0, 'f', 0)
                   .arg(b.upper * 100.0, 0, 'f', 0)
                   .arg(qulonglong(b.count))
                   .arg(pct(b.meanPredicted), pct(b.observedRate));
    }
    out << "Stored as model " << id << ".\n";
    out.flush();
}

} // namespace

int cmdTailRisk(const QStringList& args, QTextStream& out, QTextStream& err)
{
    cli::Args a;
    const QStringList flags {QStringLiteral("json")};
    const QStringList values {QStringLiteral("portfolio"), QStringLiteral("epochs"),
        QStringLiteral("seed"), QStringLiteral("device"), QStringLiteral("window")};
    if (const QString e = cli::parseArgs(args, flags, values, a); !e.isEmpty())
        return cli::usage(e, err);
    if (a.positional.size() != 1)
        return cli::usage(QStringLiteral("tailrisk needs exactly one project FILE"), err);
    const bool json = a.has(QStringLiteral("json"));
    TailRiskConfig config;
    bool ok = true;
    if (a.values.contains(QStringLiteral("epochs"))) {
        config.training.epochs = a.values.value(QStringLiteral("epochs")).toInt(&ok);
        if (!ok || config.training.epochs < 1)
            return cli::usage(QStringLiteral("--epochs needs a positive number"), err);
    }
    if (a.values.contains(QStringLiteral("seed"))) {
        config.training.seed = a.values.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return cli::usage(QStringLiteral("--seed needs a non-negative integer"), err);
    }
    if (a.values.contains(QStringLiteral("window"))) {
        config.window = a.values.value(QStringLiteral("window")).toInt(&ok);
        if (!ok || config.window < 2 || config.window > 250)
            return cli::usage(QStringLiteral("--window needs a number of days from 2 to 250"), err);
    }
    if (a.values.contains(QStringLiteral("device"))) {
        const QString d = a.values.value(QStringLiteral("device"));
        if (d == QStringLiteral("cpu"))
            config.training.device = Device::Cpu;
        else if (d == QStringLiteral("cuda"))
            config.training.device = Device::Cuda;
        else
            return cli::usage(QStringLiteral("--device is cpu or cuda"), err);
    }

    auto path = cli::projectForReading(a.positional.first());
    if (!path)
        return cli::fail(path.error(), json, out, err);
    auto store = core::ProjectStore::open(*path);
    if (!store)
        return cli::fail(store.error(), json, out, err);
    auto portfolios = store->portfolios();
    if (!portfolios)
        return cli::fail(portfolios.error(), json, out, err);
    const QString wanted = a.values.value(QStringLiteral("portfolio"));
    const core::Portfolio* portfolio = nullptr;
    for (const core::Portfolio& p : *portfolios) {
        if (wanted.isEmpty() || cli::q(p.name) == wanted) {
            portfolio = &p;
            break;
        }
    }
    if (!portfolio) {
        const std::string what = wanted.isEmpty() ? std::string("the project has no portfolio")
                                                  : "no portfolio named " + wanted.toStdString();
        return cli::fail(core::makeError(core::ErrorCode::NotFound, what), json, out, err);
    }
    std::vector<core::PriceSeries> holdings;
    for (const core::Holding& h : portfolio->holdings) {
        auto prices = store->prices(h.ticker);
        if (!prices)
            return cli::fail(prices.error(), json, out, err);
        holdings.push_back(std::move(*prices));
    }

    TrainProgressFn progress;
    if (!json) {
        progress = [&err](const TrainProgress& p) {
            if (!p.epochEnd)
                return;
            err << QStringLiteral("epoch %1/%2: train loss %3, validation loss %4\n")
                       .arg(p.epoch)
                       .arg(p.epochs)
                       .arg(p.trainLoss, 0, 'f', 4)
                       .arg(p.valLoss, 0, 'f', 4);
            err.flush();
        };
    }
    auto result = trainTailRisk(holdings, config, progress);
    if (!result) {
        if (result.error().code == core::ErrorCode::InvalidArgument)
            return cli::usage(cli::q(result.error().message), err);
        return cli::fail(result.error(), json, out, err);
    }
    auto record = tailRiskRecord(*result, config, portfolio->name);
    if (!record)
        return cli::fail(record.error(), json, out, err);
    auto id = core::forecast::saveModel(*store, *record);
    if (!id)
        return cli::fail(id.error(), json, out, err);

    if (json) {
        QJsonObject o
            = QJsonDocument::fromJson(QByteArray::fromStdString(record->metricsJson)).object();
        o[QStringLiteral("ok")] = true;
        o[QStringLiteral("modelId")] = qint64(*id);
        o[QStringLiteral("kind")] = QString::fromLatin1(kTailRiskKind);
        o[QStringLiteral("device")] = cli::q(result->outcome.device);
        o[QStringLiteral("epochs")] = int(result->outcome.history.size());
        o[QStringLiteral("bestEpoch")] = result->outcome.bestEpoch;
        o[QStringLiteral("trainSeconds")] = result->outcome.seconds;
        cli::printJson(out, o);
        return core::kExitOk;
    }
    printText(*result, config, portfolio->name, *id, out);
    return core::kExitOk;
}

} // namespace marketlens::models
