// `marketlens risk`: computes a risk run (core/risk/risk_report.h), stores it in the project and
// prints it as aligned tables or, with --json, as the report's JSON document plus the run id.
#include "cli_support.h"
#include "project_store.h"
#include "risk/risk_report.h"

#include <QJsonDocument>
#include <QTextStream>

#include <cmath>

namespace marketlens::core::cli {
namespace {

using namespace risk;

QString fmt(double v, int decimals = 6)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("-");
}
QString fmt(const std::optional<double>& v, int decimals = 6)
{
    return v ? fmt(*v, decimals) : QStringLiteral("-");
}
QString fmtDate(const std::optional<Date>& d)
{
    return d ? q(d->toIso()) : QStringLiteral("-");
}
QString percent(double p)
{
    return QString::number(p * 100.0, 'g', 6) + QStringLiteral(" %");
}

// A table printed with every column as wide as its widest cell; the first column left-aligned.
class Table {
public:
    explicit Table(QStringList header) { m_rows.push_back(std::move(header)); }
    void add(QStringList row) { m_rows.push_back(std::move(row)); }
    void print(QTextStream& out, const QString& indent = QStringLiteral("  ")) const
    {
        std::vector<qsizetype> width;
        for (const QStringList& r : m_rows)
            for (qsizetype c = 0; c < r.size(); ++c) {
                if (std::size_t(c) >= width.size())
                    width.push_back(0);
                width[std::size_t(c)] = std::max(width[std::size_t(c)], r[c].size());
            }
        for (const QStringList& r : m_rows) {
            out << indent;
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

// Parses a comma-separated list; false on an empty item.
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

// Fills `o` from the command line; returns a usage message on a bad option.
QString parseRiskOptions(const Args& a, RiskRunOptions& o)
{
    auto value = [&](const char* name) { return a.values.value(QString::fromLatin1(name)); };
    auto given = [&](const char* name) { return a.values.contains(QString::fromLatin1(name)); };
    o.portfolio = value("portfolio").toStdString();
    o.name = value("name").toStdString();
    QStringList items;
    if (given("instruments")) {
        if (!splitList(value("instruments"), items))
            return QStringLiteral("--instruments needs a comma-separated list of tickers");
        for (const QString& t : items)
            o.instruments.push_back(t.toStdString());
    }
    if (!o.portfolio.empty() && !o.instruments.empty())
        return QStringLiteral("give either --portfolio or --instruments, not both");
    if (given("weights")) {
        if (o.instruments.empty())
            return QStringLiteral("--weights needs --instruments");
        if (!splitList(value("weights"), items))
            return QStringLiteral("--weights needs a comma-separated list of numbers");
        for (const QString& w : items) {
            bool ok = false;
            o.weights.push_back(w.toDouble(&ok));
            if (!ok)
                return QStringLiteral("bad weight '%1'").arg(w);
        }
    }
    if (given("confidence")) {
        o.confidences.clear();
        if (!splitList(value("confidence"), items))
            return QStringLiteral("--confidence needs a comma-separated list such as 0.95,0.99");
        for (const QString& c : items) {
            bool ok = false;
            const double p = c.toDouble(&ok);
            if (!ok || !(p > 0.0 && p < 1.0))
                return QStringLiteral("bad confidence '%1' (a number between 0 and 1, such as "
                                      "0.99)")
                    .arg(c);
            o.confidences.push_back(p);
        }
    }
    if (given("method")) {
        o.methods.clear();
        if (!splitList(value("method"), items))
            return QStringLiteral("--method needs a comma-separated list");
        for (const QString& m : items) {
            auto method = riskMethodFromName(m.toStdString());
            if (!method)
                return QStringLiteral("unknown method '%1' (historical, gaussian, modified, "
                                      "montecarlo)")
                    .arg(m);
            o.methods.push_back(*method);
        }
    }
    if (given("window")) {
        bool ok = false;
        const int w = value("window").toInt(&ok);
        if (!ok || w < 20)
            return QStringLiteral("--window needs a whole number of days, at least 20");
        o.window = std::size_t(w);
    }
    o.benchmark = value("benchmark").toStdString();
    for (const char* name : {"from", "to"}) {
        if (!given(name))
            continue;
        auto d = Date::fromIso(value(name).toStdString());
        if (!d)
            return QStringLiteral("--%1 needs a date YYYY-MM-DD").arg(QString::fromLatin1(name));
        (std::string_view(name) == "from" ? o.from : o.to) = *d;
    }
    if (o.from && o.to && *o.from > *o.to)
        return QStringLiteral("--from is after --to");
    if (given("days")) {
        const QString d = value("days");
        if (d != QLatin1String("252") && d != QLatin1String("365"))
            return QStringLiteral("--days must be 252 or 365");
        o.conventions.periodsPerYear = d.toDouble();
    }
    o.conventions.lossAsPositive = a.has(QStringLiteral("loss-positive"));
    o.conventions.sampleVariance = a.has(QStringLiteral("sample-moments"));
    if (given("seed")) {
        bool ok = false;
        o.seed = value("seed").toULongLong(&ok);
        if (!ok)
            return QStringLiteral("--seed needs a non-negative whole number");
    }
    if (given("scenarios")) {
        bool ok = false;
        const qlonglong n = value("scenarios").toLongLong(&ok);
        if (!ok || n < 1000)
            return QStringLiteral("--scenarios needs a whole number, at least 1000");
        o.scenarios = std::size_t(n);
    }
    if (given("rebalance")) {
        auto c = constructionFromName(value("rebalance").toStdString());
        if (!c)
            return QStringLiteral("--rebalance must be buy-and-hold, daily or monthly");
        o.construction = *c;
    }
    return {};
}

void printTails(const RiskReport& r, QTextStream& out)
{
    const RiskRunOptions& o = r.options;
    for (double p : o.confidences) {
        out << "\nVaR and ES at " << percent(p) << ":\n";
        QStringList header {QStringLiteral("series")};
        for (RiskMethod m : o.methods)
            header << QStringLiteral("VaR %1").arg(QString::fromLatin1(riskMethodName(m)))
                   << QStringLiteral("ES %1").arg(QString::fromLatin1(riskMethodName(m)));
        Table t(header);
        auto row = [&](const SeriesRisk& s) {
            QStringList cells {q(s.ticker)};
            for (RiskMethod m : o.methods) {
                const TailFigure* f = s.tail(m, p);
                cells << (f ? fmt(f->var) : QStringLiteral("-"))
                      << (f ? fmt(f->es) : QStringLiteral("-"));
            }
            t.add(cells);
        };
        for (const SeriesRisk& s : r.instruments)
            row(s);
        row(r.portfolio.figures);
        t.print(out);
        for (const TailFigure& f : r.portfolio.filteredHistorical)
            if (std::abs(f.confidence - p) < 1e-12)
                out << "  portfolio, filtered historical simulation (GARCH filter): VaR "
                    << fmt(f.var) << "  ES " << fmt(f.es) << '\n';
    }
}

void printMeasures(const RiskReport& r, QTextStream& out)
{
    out << "\nMeasures (annualised where marked):\n";
    Table t({QStringLiteral("series"), QStringLiteral("weight"), QStringLiteral("vol ann"),
        QStringLiteral("EWMA ann"), QStringLiteral("GARCH ann"), QStringLiteral("return ann"),
        QStringLiteral("Sharpe ann"), QStringLiteral("Sortino"), QStringLiteral("downside dev"),
        QStringLiteral("skewness"), QStringLiteral("ex. kurtosis"), QStringLiteral("max DD"),
        QStringLiteral("DD peak"), QStringLiteral("DD trough"), QStringLiteral("recovery"),
        QStringLiteral("beta"), QStringLiteral("alpha ann"), QStringLiteral("score")});
    auto row = [&](const SeriesRisk& s, const QString& weight) {
        const VolatilityFigures& v = s.volatility;
        t.add({q(s.ticker), weight, fmt(v.sampleAnnualised, 4), fmt(v.ewmaAnnualised, 4),
            v.garchAvailable ? fmt(v.garchForecastAnnualised, 4) : QStringLiteral("-"),
            fmt(s.annualisedReturn, 4), fmt(s.sharpe, 4), fmt(s.sortino, 4),
            fmt(s.downsideDeviation), fmt(s.skewness, 4), fmt(s.excessKurtosis, 4),
            fmt(s.maxDrawdown, 4), fmtDate(s.drawdownPeak), fmtDate(s.drawdownTrough),
            fmtDate(s.drawdownRecovery), fmt(s.beta, 4), fmt(s.alphaAnnualised, 4),
            s.score ? QStringLiteral("%1 %2").arg(
                fmt(s.score->score, 1), QString::fromLatin1(scoreZoneName(s.score->zone)))
                    : QStringLiteral("-")});
    };
    for (std::size_t i = 0; i < r.instruments.size(); ++i)
        row(r.instruments[i],
            i < r.portfolio.weights.size() ? fmt(r.portfolio.weights[i], 4) : QStringLiteral("-"));
    row(r.portfolio.figures, fmt(1.0, 4));
    t.print(out);

    out << "\nGARCH(1,1), per period:\n";
    Table g({QStringLiteral("series"), QStringLiteral("omega"), QStringLiteral("alpha"),
        QStringLiteral("beta"), QStringLiteral("persistence"), QStringLiteral("long-run vol ann"),
        QStringLiteral("log-likelihood")});
    auto garchRow = [&](const SeriesRisk& s) {
        const VolatilityFigures& v = s.volatility;
        if (!v.garchAvailable) {
            g.add({q(s.ticker), QStringLiteral("fit failed: ") + q(v.garchError)});
            return;
        }
        g.add({q(s.ticker), QString::number(v.garch.omega, 'e', 4), fmt(v.garch.alpha, 4),
            fmt(v.garch.beta, 4), fmt(v.garch.alpha + v.garch.beta, 4),
            fmt(v.garchLongRunAnnualised, 4), fmt(v.garchLogLikelihood, 2)});
    };
    for (const SeriesRisk& s : r.instruments)
        garchRow(s);
    garchRow(r.portfolio.figures);
    g.print(out);

    out << "\nRisk score factors (points add up to the score):\n";
    for (const SeriesRisk& s : r.instruments)
        if (s.score)
            out << "  " << q(s.ticker) << ": " << q(s.score->explanation()) << '\n';
}

void printPortfolio(const RiskReport& r, QTextStream& out)
{
    const PortfolioRisk& p = r.portfolio;
    for (const ComponentFigure& c : p.components) {
        out << "\nComponent VaR, " << riskMethodName(c.method) << " at " << percent(c.confidence)
            << " (fixed initial weights; total " << fmt(c.total) << "):\n";
        Table t({QStringLiteral("ticker"), QStringLiteral("weight"), QStringLiteral("marginal"),
            QStringLiteral("component"), QStringLiteral("share")});
        for (std::size_t i = 0; i < p.tickers.size(); ++i)
            t.add({q(p.tickers[i]), fmt(p.weights[i], 4), fmt(c.marginal[i]), fmt(c.component[i]),
                fmt(c.share[i], 4)});
        t.print(out);
    }
    if (p.correlation.empty()) {
        out << "\nCorrelation: not computed for more than "
            << static_cast<qint64>(kMaxCorrelationHoldings) << " holdings.\n";
    } else {
        out << "\nCorrelation:\n";
        QStringList header {QString()};
        for (const std::string& t : p.tickers)
            header << q(t);
        Table corr(header);
        for (std::size_t i = 0; i < p.tickers.size(); ++i) {
            QStringList row {q(p.tickers[i])};
            for (std::size_t j = 0; j < p.tickers.size(); ++j)
                row << fmt(p.correlation[i * p.tickers.size() + j], 4);
            corr.add(row);
        }
        corr.print(out);
    }
    if (!p.backtests.empty()) {
        out << "\nVaR backtest of the portfolio (" << riskMethodName(r.options.backtestMethod)
            << " VaR, rolling window " << static_cast<qint64>(r.options.window) << "):\n";
        Table t(
            {QStringLiteral("confidence"), QStringLiteral("days"), QStringLiteral("exceedances"),
                QStringLiteral("expected"), QStringLiteral("Kupiec LR"), QStringLiteral("p"),
                QStringLiteral("Christoffersen LR"), QStringLiteral("p"), QStringLiteral("zone")});
        for (const BacktestFigure& b : p.backtests) {
            const VarBacktest& v = b.result;
            t.add({percent(b.confidence), QString::number(qint64(v.observations)),
                QString::number(qint64(v.exceedances)),
                fmt(v.expectedRate * double(v.observations), 1), fmt(v.kupiec.statistic, 4),
                fmt(v.kupiec.pValue, 4), fmt(v.independence.statistic, 4),
                fmt(v.independence.pValue, 4), QString::fromLatin1(trafficLightName(v.zone))});
        }
        t.print(out);
    }
}

void printReport(const RiskReport& r, std::optional<std::int64_t> runId, QTextStream& out)
{
    QStringList tickers;
    for (const std::string& t : r.portfolio.tickers)
        tickers << q(t);
    out << "Risk of " << q(r.portfolio.figures.ticker) << " (" << tickers.join(QStringLiteral(", "))
        << ", " << constructionName(r.portfolio.construction)
        << "): " << static_cast<qint64>(r.observations) << " returns " << fmtDate(r.firstDate)
        << " .. " << fmtDate(r.lastDate);
    if (!r.options.benchmark.empty())
        out << ", benchmark " << q(r.options.benchmark);
    out << '\n' << "Conventions: " << q(r.conventionsText) << '\n';
    printTails(r, out);
    printMeasures(r, out);
    printPortfolio(r, out);
    out << '\n'
        << (runId ? QStringLiteral("Stored as risk run %1.").arg(*runId)
                  : QStringLiteral("Not stored (--no-save)."))
        << '\n';
    out.flush();
}

} // namespace

int cmdRisk(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Args a;
    const QStringList flags {QStringLiteral("json"), QStringLiteral("loss-positive"),
        QStringLiteral("sample-moments"), QStringLiteral("no-save")};
    const QStringList values {QStringLiteral("portfolio"), QStringLiteral("instruments"),
        QStringLiteral("weights"), QStringLiteral("confidence"), QStringLiteral("method"),
        QStringLiteral("window"), QStringLiteral("benchmark"), QStringLiteral("from"),
        QStringLiteral("to"), QStringLiteral("days"), QStringLiteral("seed"),
        QStringLiteral("scenarios"), QStringLiteral("rebalance"), QStringLiteral("name"),
        QStringLiteral("show")};
    if (const QString e = parseArgs(args, flags, values, a); !e.isEmpty())
        return usage(e, err);
    if (a.positional.size() != 1)
        return usage(QStringLiteral("risk needs exactly one project FILE"), err);
    const bool json = a.has(QStringLiteral("json"));
    RiskRunOptions options;
    if (const QString e = parseRiskOptions(a, options); !e.isEmpty())
        return usage(e, err);
    auto path = projectForReading(a.positional.first());
    if (!path)
        return fail(path.error(), json, out, err);
    auto store = ProjectStore::open(*path);
    if (!store)
        return fail(store.error(), json, out, err);

    std::optional<std::int64_t> runId;
    Result<RiskReport> report = makeError(ErrorCode::NotFound, "no report");
    if (a.values.contains(QStringLiteral("show"))) {
        // A stored run, printed without recomputing.
        bool ok = false;
        const qlonglong id = a.values.value(QStringLiteral("show")).toLongLong(&ok);
        if (!ok)
            return usage(QStringLiteral("--show needs a risk run id"), err);
        report = loadRiskRun(*store, id);
        runId = id;
    } else {
        report = computeRiskReport(*store, options);
        if (!report && report.error().code == ErrorCode::InvalidArgument)
            return usage(q(report.error().message), err);
        if (report && !a.has(QStringLiteral("no-save"))) {
            auto id = saveRiskRun(*store, *report);
            if (!id)
                return fail(id.error(), json, out, err);
            runId = *id;
        }
    }
    if (!report)
        return fail(report.error(), json, out, err);
    for (const std::string& w : report->warnings)
        err << "marketlens: warning: " << q(w) << '\n';
    err.flush();
    if (json) {
        QJsonObject o = toJson(*report);
        o[QStringLiteral("ok")] = true;
        o[QStringLiteral("runId")] = runId ? QJsonValue(qint64(*runId)) : QJsonValue();
        printJson(out, o);
        return kExitOk;
    }
    printReport(*report, runId, out);
    return kExitOk;
}

} // namespace marketlens::core::cli
