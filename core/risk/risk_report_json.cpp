// JSON form of risk runs. Doubles are JSON numbers (Qt writes the shortest text that reads back
// to the same double, so a stored run reads back bit for bit); NaN and infinities are null and
// read back as NaN. The 64-bit seed is a string (a JSON number holds 53 bits exactly).
#include "core/risk/risk_report.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace marketlens::core::risk {
namespace {

constexpr const char* kFormat = "marketlens-risk-report";
constexpr int kFormatVersion = 1;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}
QString k(const char* key)
{
    return QString::fromLatin1(key);
}

QJsonValue num(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}
QJsonValue optNum(const std::optional<double>& v)
{
    return v ? num(*v) : QJsonValue(QJsonValue::Null);
}
QJsonValue optDate(const std::optional<Date>& d)
{
    return d ? QJsonValue(q(d->toIso())) : QJsonValue(QJsonValue::Null);
}
QJsonArray numbers(const std::vector<double>& v)
{
    QJsonArray a;
    for (double x : v)
        a.append(num(x));
    return a;
}
QJsonArray strings(const std::vector<std::string>& v)
{
    QJsonArray a;
    for (const std::string& s : v)
        a.append(q(s));
    return a;
}
QJsonArray dates(const std::vector<Date>& v)
{
    QJsonArray a;
    for (Date d : v)
        a.append(q(d.toIso()));
    return a;
}

// Reading: missing or mistyped values become defaults; `ok` turns false on a value that cannot
// be what it claims (a bad date, an unknown method), so the caller reports a damaged document.
struct Reader {
    bool ok = true;
    std::string problem;

    void fail(const std::string& what)
    {
        if (ok)
            problem = what;
        ok = false;
    }
    static double number(const QJsonValue& v) { return v.isDouble() ? v.toDouble() : kNaN; }
    static std::optional<double> optNumber(const QJsonValue& v)
    {
        return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
    }
    std::optional<Date> optDate(const QJsonValue& v)
    {
        if (!v.isString())
            return std::nullopt;
        auto d = Date::fromIso(v.toString().toStdString());
        if (!d)
            fail("bad date '" + v.toString().toStdString() + "'");
        return d;
    }
    static std::vector<double> numbers(const QJsonValue& v)
    {
        std::vector<double> out;
        for (const QJsonValue& x : v.toArray())
            out.push_back(number(x));
        return out;
    }
    static std::vector<std::string> strings(const QJsonValue& v)
    {
        std::vector<std::string> out;
        for (const QJsonValue& x : v.toArray())
            out.push_back(x.toString().toStdString());
        return out;
    }
    std::vector<Date> dates(const QJsonValue& v)
    {
        std::vector<Date> out;
        for (const QJsonValue& x : v.toArray())
            if (auto d = optDate(x))
                out.push_back(*d);
        return out;
    }
    RiskMethod method(const QJsonValue& v)
    {
        auto m = riskMethodFromName(v.toString().toStdString());
        if (!m)
            fail("unknown method '" + v.toString().toStdString() + "'");
        return m.value_or(RiskMethod::Historical);
    }
    std::size_t size(const QJsonValue& v)
    {
        const double d = v.toDouble(-1.0);
        if (d < 0.0)
            return 0;
        return std::size_t(d);
    }
};

QJsonObject conventionsJson(const RiskConventions& c)
{
    QJsonObject o;
    o[k("lossAsPositive")] = c.lossAsPositive;
    o[k("periodsPerYear")] = c.periodsPerYear;
    o[k("sampleVariance")] = c.sampleVariance;
    o[k("operationalModifiedEs")] = c.operationalModifiedEs;
    return o;
}

QJsonObject tailJson(const TailFigure& t)
{
    QJsonObject o;
    o[k("method")] = k(riskMethodName(t.method));
    o[k("confidence")] = num(t.confidence);
    o[k("var")] = num(t.var);
    o[k("es")] = num(t.es);
    return o;
}
TailFigure tailFrom(Reader& r, const QJsonObject& o)
{
    return {r.method(o[k("method")]), Reader::number(o[k("confidence")]),
        Reader::number(o[k("var")]), Reader::number(o[k("es")])};
}
QJsonArray tailsJson(const std::vector<TailFigure>& tails)
{
    QJsonArray a;
    for (const TailFigure& t : tails)
        a.append(tailJson(t));
    return a;
}
std::vector<TailFigure> tailsFrom(Reader& r, const QJsonValue& v)
{
    std::vector<TailFigure> out;
    for (const QJsonValue& t : v.toArray())
        out.push_back(tailFrom(r, t.toObject()));
    return out;
}

QJsonObject scoreJson(const HoldingScore& s)
{
    QJsonObject o;
    o[k("score")] = num(s.score);
    o[k("zone")] = k(scoreZoneName(s.zone));
    o[k("explanation")] = q(s.explanation());
    QJsonArray contributions;
    for (const FactorContribution& f : s.contributions) {
        QJsonObject c;
        c[k("factor")] = k(scoreFactorName(f.factor));
        c[k("value")] = num(f.value);
        c[k("percentile")] = num(f.percentile);
        c[k("weight")] = num(f.weight);
        c[k("points")] = num(f.points);
        contributions.append(c);
    }
    o[k("contributions")] = contributions;
    return o;
}
HoldingScore scoreFrom(Reader& r, const QJsonObject& o, const std::string& ticker)
{
    HoldingScore s;
    s.ticker = ticker;
    s.score = Reader::number(o[k("score")]);
    const QString zone = o[k("zone")].toString();
    s.zone = zone == k(scoreZoneName(ScoreZone::Red))
        ? ScoreZone::Red
        : (zone == k(scoreZoneName(ScoreZone::Amber)) ? ScoreZone::Amber : ScoreZone::Green);
    for (const QJsonValue& v : o[k("contributions")].toArray()) {
        const QJsonObject c = v.toObject();
        FactorContribution f;
        bool known = false;
        for (ScoreFactor factor : {ScoreFactor::Volatility, ScoreFactor::ModifiedEs,
                 ScoreFactor::MaxDrawdown, ScoreFactor::Beta, ScoreFactor::ComponentVarShare})
            if (c[k("factor")].toString() == k(scoreFactorName(factor))) {
                f.factor = factor;
                known = true;
            }
        if (!known)
            r.fail("unknown score factor '" + c[k("factor")].toString().toStdString() + "'");
        f.value = Reader::number(c[k("value")]);
        f.percentile = Reader::number(c[k("percentile")]);
        f.weight = Reader::number(c[k("weight")]);
        f.points = Reader::number(c[k("points")]);
        s.contributions.push_back(f);
    }
    return s;
}

QJsonObject seriesJson(const SeriesRisk& s)
{
    QJsonObject o;
    o[k("ticker")] = q(s.ticker);
    o[k("observations")] = qint64(s.observations);
    o[k("tails")] = tailsJson(s.tails);
    const VolatilityFigures& v = s.volatility;
    QJsonObject vol;
    vol[k("sampleAnnualised")] = num(v.sampleAnnualised);
    vol[k("ewmaAnnualised")] = num(v.ewmaAnnualised);
    vol[k("garchAvailable")] = v.garchAvailable;
    vol[k("garchError")] = q(v.garchError);
    QJsonObject garch;
    garch[k("omega")] = num(v.garch.omega);
    garch[k("alpha")] = num(v.garch.alpha);
    garch[k("beta")] = num(v.garch.beta);
    garch[k("mu")] = num(v.garch.mu);
    vol[k("garch")] = garch;
    vol[k("garchLogLikelihood")] = num(v.garchLogLikelihood);
    vol[k("garchConverged")] = v.garchConverged;
    vol[k("garchForecastAnnualised")] = num(v.garchForecastAnnualised);
    vol[k("garchLongRunAnnualised")] = num(v.garchLongRunAnnualised);
    vol[k("garchForecastPath")] = numbers(v.garchForecastPath);
    o[k("volatility")] = vol;
    o[k("maxDrawdown")] = num(s.maxDrawdown);
    o[k("drawdownPeak")] = optDate(s.drawdownPeak);
    o[k("drawdownTrough")] = optDate(s.drawdownTrough);
    o[k("drawdownRecovery")] = optDate(s.drawdownRecovery);
    o[k("annualisedReturn")] = num(s.annualisedReturn);
    o[k("sharpe")] = num(s.sharpe);
    o[k("sortino")] = num(s.sortino);
    o[k("downsideDeviation")] = num(s.downsideDeviation);
    o[k("skewness")] = num(s.skewness);
    o[k("excessKurtosis")] = num(s.excessKurtosis);
    o[k("beta")] = optNum(s.beta);
    o[k("alphaAnnualised")] = optNum(s.alphaAnnualised);
    o[k("score")] = s.score ? QJsonValue(scoreJson(*s.score)) : QJsonValue(QJsonValue::Null);
    return o;
}

SeriesRisk seriesFrom(Reader& r, const QJsonObject& o)
{
    SeriesRisk s;
    s.ticker = o[k("ticker")].toString().toStdString();
    s.observations = r.size(o[k("observations")]);
    s.tails = tailsFrom(r, o[k("tails")]);
    const QJsonObject vol = o[k("volatility")].toObject();
    VolatilityFigures& v = s.volatility;
    v.sampleAnnualised = Reader::number(vol[k("sampleAnnualised")]);
    v.ewmaAnnualised = Reader::number(vol[k("ewmaAnnualised")]);
    v.garchAvailable = vol[k("garchAvailable")].toBool();
    v.garchError = vol[k("garchError")].toString().toStdString();
    const QJsonObject garch = vol[k("garch")].toObject();
    v.garch.omega = Reader::number(garch[k("omega")]);
    v.garch.alpha = Reader::number(garch[k("alpha")]);
    v.garch.beta = Reader::number(garch[k("beta")]);
    v.garch.mu = Reader::number(garch[k("mu")]);
    v.garchLogLikelihood = Reader::number(vol[k("garchLogLikelihood")]);
    v.garchConverged = vol[k("garchConverged")].toBool();
    v.garchForecastAnnualised = Reader::number(vol[k("garchForecastAnnualised")]);
    v.garchLongRunAnnualised = Reader::number(vol[k("garchLongRunAnnualised")]);
    v.garchForecastPath = Reader::numbers(vol[k("garchForecastPath")]);
    s.maxDrawdown = Reader::number(o[k("maxDrawdown")]);
    s.drawdownPeak = r.optDate(o[k("drawdownPeak")]);
    s.drawdownTrough = r.optDate(o[k("drawdownTrough")]);
    s.drawdownRecovery = r.optDate(o[k("drawdownRecovery")]);
    s.annualisedReturn = Reader::number(o[k("annualisedReturn")]);
    s.sharpe = Reader::number(o[k("sharpe")]);
    s.sortino = Reader::number(o[k("sortino")]);
    s.downsideDeviation = Reader::number(o[k("downsideDeviation")]);
    s.skewness = Reader::number(o[k("skewness")]);
    s.excessKurtosis = Reader::number(o[k("excessKurtosis")]);
    s.beta = Reader::optNumber(o[k("beta")]);
    s.alphaAnnualised = Reader::optNumber(o[k("alphaAnnualised")]);
    if (o[k("score")].isObject())
        s.score = scoreFrom(r, o[k("score")].toObject(), s.ticker);
    return s;
}

QJsonObject testJson(const LikelihoodRatioTest& t)
{
    QJsonObject o;
    o[k("statistic")] = num(t.statistic);
    o[k("pValue")] = num(t.pValue);
    o[k("degreesOfFreedom")] = t.degreesOfFreedom;
    return o;
}
LikelihoodRatioTest testFrom(const QJsonObject& o)
{
    return {Reader::number(o[k("statistic")]), Reader::number(o[k("pValue")]),
        o[k("degreesOfFreedom")].toInt(1)};
}

QJsonObject backtestJson(const BacktestFigure& b)
{
    QJsonObject o;
    o[k("confidence")] = num(b.confidence);
    o[k("method")] = k(riskMethodName(b.method));
    const VarBacktest& t = b.result;
    o[k("observations")] = qint64(t.observations);
    o[k("exceedances")] = qint64(t.exceedances);
    o[k("expectedRate")] = num(t.expectedRate);
    o[k("kupiec")] = testJson(t.kupiec);
    o[k("independence")] = testJson(t.independence);
    o[k("conditionalCoverage")] = testJson(t.conditionalCoverage);
    o[k("zone")] = k(trafficLightName(t.zone));
    o[k("forecast")] = numbers(t.forecast);
    QJsonArray hits; // indices of the exceedances (into the portfolio's dates)
    for (std::size_t i = 0; i < t.hit.size(); ++i)
        if (t.hit[i])
            hits.append(qint64(i));
    o[k("hitIndices")] = hits;
    return o;
}
BacktestFigure backtestFrom(Reader& r, const QJsonObject& o)
{
    BacktestFigure b;
    b.confidence = Reader::number(o[k("confidence")]);
    b.method = r.method(o[k("method")]);
    VarBacktest& t = b.result;
    t.observations = r.size(o[k("observations")]);
    t.exceedances = r.size(o[k("exceedances")]);
    t.expectedRate = Reader::number(o[k("expectedRate")]);
    t.kupiec = testFrom(o[k("kupiec")].toObject());
    t.independence = testFrom(o[k("independence")].toObject());
    t.conditionalCoverage = testFrom(o[k("conditionalCoverage")].toObject());
    const QString zone = o[k("zone")].toString();
    t.zone = zone == k(trafficLightName(TrafficLight::Red))
        ? TrafficLight::Red
        : (zone == k(trafficLightName(TrafficLight::Yellow)) ? TrafficLight::Yellow
                                                             : TrafficLight::Green);
    t.forecast = Reader::numbers(o[k("forecast")]);
    t.hit.assign(t.forecast.size(), false);
    for (const QJsonValue& v : o[k("hitIndices")].toArray()) {
        const std::size_t i = r.size(v);
        if (i < t.hit.size())
            t.hit[i] = true;
        else
            r.fail("backtest hit index out of range");
    }
    return b;
}

} // namespace

QJsonObject toJson(const RiskRunOptions& o)
{
    QJsonObject j;
    j[k("name")] = q(o.name);
    j[k("portfolio")] = q(o.portfolio);
    j[k("instruments")] = strings(o.instruments);
    j[k("weights")] = numbers(o.weights);
    j[k("confidences")] = numbers(o.confidences);
    QJsonArray methods;
    for (RiskMethod m : o.methods)
        methods.append(k(riskMethodName(m)));
    j[k("methods")] = methods;
    j[k("window")] = qint64(o.window);
    j[k("benchmark")] = q(o.benchmark);
    j[k("from")] = optDate(o.from);
    j[k("to")] = optDate(o.to);
    j[k("conventions")] = conventionsJson(o.conventions);
    j[k("returnKind")] = o.returnKind == ReturnKind::Log ? k("log") : k("simple");
    j[k("missing")] = o.missing == MissingPolicy::ForwardFill ? k("forward-fill") : k("drop");
    j[k("construction")] = k(constructionName(o.construction));
    j[k("seed")] = QString::number(o.seed);
    j[k("scenarios")] = qint64(o.scenarios);
    j[k("backtestMethod")] = k(riskMethodName(o.backtestMethod));
    j[k("threads")] = qint64(o.threads);
    return j;
}

namespace {
RiskRunOptions optionsFrom(Reader& r, const QJsonObject& j)
{
    RiskRunOptions o;
    o.name = j[k("name")].toString().toStdString();
    o.portfolio = j[k("portfolio")].toString().toStdString();
    o.instruments = Reader::strings(j[k("instruments")]);
    o.weights = Reader::numbers(j[k("weights")]);
    if (j.contains(k("confidences")))
        o.confidences = Reader::numbers(j[k("confidences")]);
    if (j.contains(k("methods"))) {
        o.methods.clear();
        for (const QJsonValue& m : j[k("methods")].toArray())
            o.methods.push_back(r.method(m));
    }
    if (j.contains(k("window")))
        o.window = r.size(j[k("window")]);
    o.benchmark = j[k("benchmark")].toString().toStdString();
    o.from = r.optDate(j[k("from")]);
    o.to = r.optDate(j[k("to")]);
    const QJsonObject c = j[k("conventions")].toObject();
    o.conventions.lossAsPositive = c[k("lossAsPositive")].toBool(false);
    o.conventions.periodsPerYear = c[k("periodsPerYear")].toDouble(252.0);
    o.conventions.sampleVariance = c[k("sampleVariance")].toBool(false);
    o.conventions.operationalModifiedEs = c[k("operationalModifiedEs")].toBool(true);
    o.returnKind = j[k("returnKind")].toString() == k("log") ? ReturnKind::Log : ReturnKind::Simple;
    o.missing = j[k("missing")].toString() == k("forward-fill") ? MissingPolicy::ForwardFill
                                                                : MissingPolicy::Drop;
    if (j.contains(k("construction"))) {
        auto c2 = constructionFromName(j[k("construction")].toString().toStdString());
        if (!c2)
            r.fail("unknown portfolio construction");
        o.construction = c2.value_or(PortfolioConstruction::BuyAndHold);
    }
    if (j.contains(k("seed"))) {
        bool ok = false;
        o.seed = j[k("seed")].toString().toULongLong(&ok);
        if (!ok)
            r.fail("bad seed");
    }
    if (j.contains(k("scenarios")))
        o.scenarios = r.size(j[k("scenarios")]);
    if (j.contains(k("backtestMethod")))
        o.backtestMethod = r.method(j[k("backtestMethod")]);
    o.threads = unsigned(r.size(j[k("threads")]));
    return o;
}
} // namespace

Result<RiskRunOptions> riskRunOptionsFromJson(const QJsonObject& json)
{
    Reader r;
    RiskRunOptions o = optionsFrom(r, json);
    if (!r.ok)
        return makeError(ErrorCode::BadData, "risk run options: " + r.problem);
    return o;
}

QJsonObject toJson(const RiskReport& report)
{
    QJsonObject j;
    j[k("format")] = k(kFormat);
    j[k("formatVersion")] = kFormatVersion;
    j[k("options")] = toJson(report.options);
    j[k("createdAt")] = q(report.createdAt);
    j[k("conventions")] = q(report.conventionsText);
    j[k("dataHash")] = q(report.dataHash);
    j[k("firstDate")] = optDate(report.firstDate);
    j[k("lastDate")] = optDate(report.lastDate);
    j[k("observations")] = qint64(report.observations);
    QJsonArray instruments;
    for (const SeriesRisk& s : report.instruments)
        instruments.append(seriesJson(s));
    j[k("instruments")] = instruments;
    const PortfolioRisk& p = report.portfolio;
    QJsonObject po;
    po[k("figures")] = seriesJson(p.figures);
    po[k("construction")] = k(constructionName(p.construction));
    po[k("tickers")] = strings(p.tickers);
    po[k("weights")] = numbers(p.weights);
    QJsonArray components;
    for (const ComponentFigure& c : p.components) {
        QJsonObject co;
        co[k("method")] = k(riskMethodName(c.method));
        co[k("confidence")] = num(c.confidence);
        co[k("total")] = num(c.total);
        co[k("marginal")] = numbers(c.marginal);
        co[k("component")] = numbers(c.component);
        co[k("share")] = numbers(c.share);
        components.append(co);
    }
    po[k("components")] = components;
    po[k("filteredHistorical")] = tailsJson(p.filteredHistorical);
    po[k("correlation")] = numbers(p.correlation);
    po[k("dates")] = dates(p.dates);
    po[k("returns")] = numbers(p.returns);
    po[k("underwater")] = numbers(p.underwater);
    po[k("rollingSampleVol")] = numbers(p.rollingSampleVol);
    po[k("ewmaVol")] = numbers(p.ewmaVol);
    po[k("garchVol")] = numbers(p.garchVol);
    QJsonArray backtests;
    for (const BacktestFigure& b : p.backtests)
        backtests.append(backtestJson(b));
    po[k("backtests")] = backtests;
    j[k("portfolio")] = po;
    j[k("warnings")] = strings(report.warnings);
    return j;
}

Result<RiskReport> riskReportFromJson(const QJsonObject& j)
{
    if (j[k("format")].toString() != k(kFormat))
        return makeError(ErrorCode::BadData, "not a MarketLens risk report");
    if (j[k("formatVersion")].toInt() > kFormatVersion)
        return makeError(ErrorCode::TooNew, "risk report written by a newer MarketLens");
    Reader r;
    RiskReport report;
    report.options = optionsFrom(r, j[k("options")].toObject());
    report.createdAt = j[k("createdAt")].toString().toStdString();
    report.conventionsText = j[k("conventions")].toString().toStdString();
    report.dataHash = j[k("dataHash")].toString().toStdString();
    report.firstDate = r.optDate(j[k("firstDate")]);
    report.lastDate = r.optDate(j[k("lastDate")]);
    report.observations = r.size(j[k("observations")]);
    for (const QJsonValue& s : j[k("instruments")].toArray())
        report.instruments.push_back(seriesFrom(r, s.toObject()));
    const QJsonObject po = j[k("portfolio")].toObject();
    PortfolioRisk& p = report.portfolio;
    p.figures = seriesFrom(r, po[k("figures")].toObject());
    auto construction = constructionFromName(po[k("construction")].toString().toStdString());
    if (!construction)
        r.fail("unknown portfolio construction");
    p.construction = construction.value_or(PortfolioConstruction::BuyAndHold);
    p.tickers = Reader::strings(po[k("tickers")]);
    p.weights = Reader::numbers(po[k("weights")]);
    for (const QJsonValue& v : po[k("components")].toArray()) {
        const QJsonObject co = v.toObject();
        p.components.push_back({r.method(co[k("method")]), Reader::number(co[k("confidence")]),
            Reader::number(co[k("total")]), Reader::numbers(co[k("marginal")]),
            Reader::numbers(co[k("component")]), Reader::numbers(co[k("share")])});
    }
    p.filteredHistorical = tailsFrom(r, po[k("filteredHistorical")]);
    p.correlation = Reader::numbers(po[k("correlation")]);
    p.dates = r.dates(po[k("dates")]);
    p.returns = Reader::numbers(po[k("returns")]);
    p.underwater = Reader::numbers(po[k("underwater")]);
    p.rollingSampleVol = Reader::numbers(po[k("rollingSampleVol")]);
    p.ewmaVol = Reader::numbers(po[k("ewmaVol")]);
    p.garchVol = Reader::numbers(po[k("garchVol")]);
    for (const QJsonValue& v : po[k("backtests")].toArray())
        p.backtests.push_back(backtestFrom(r, v.toObject()));
    report.warnings = Reader::strings(j[k("warnings")]);
    if (p.returns.size() != p.dates.size()
        || (!p.correlation.empty()
            && p.correlation.size() != p.tickers.size() * p.tickers.size()))
        r.fail("portfolio series of different lengths");
    if (!r.ok)
        return makeError(ErrorCode::BadData, "damaged risk report: " + r.problem);
    return report;
}

} // namespace marketlens::core::risk
