// Resolution of a risk run's holdings and the prices it uses; see risk_report_inputs.h.
#include "core/risk/risk_report_inputs.h"

#include "core/project_store.h"

#include <QCryptographicHash>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace marketlens::core::risk {
namespace {

std::string upper(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
    return s;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string joined(const std::vector<std::string>& items)
{
    std::string s;
    for (const std::string& i : items)
        s += (s.empty() ? "" : ", ") + i;
    return s;
}

// Picks the holdings: explicit instruments (given or equal weights) or a portfolio's holdings.
Status resolveHoldings(ProjectStore& store, RiskInputs& in)
{
    RiskRunOptions& o = in.options;
    if (!o.instruments.empty()) {
        if (!o.portfolio.empty())
            return makeError(ErrorCode::InvalidArgument,
                "give either a portfolio or a list of instruments, not both");
        for (std::string& t : o.instruments)
            t = upper(t);
        for (const std::string& t : o.instruments) {
            if (std::count(o.instruments.begin(), o.instruments.end(), t) > 1)
                return makeError(ErrorCode::InvalidArgument, "instrument " + t + " given twice");
        }
        in.tickers = o.instruments;
        if (o.weights.empty()) {
            in.weights.assign(in.tickers.size(), 1.0 / double(in.tickers.size()));
            in.portfolioName = "(equal weight)";
        } else {
            if (o.weights.size() != o.instruments.size())
                return makeError(ErrorCode::InvalidArgument,
                    "need one weight per instrument (" + std::to_string(o.instruments.size())
                        + " instruments, " + std::to_string(o.weights.size()) + " weights)");
            double sum = 0.0;
            for (double w : o.weights)
                sum += w;
            if (!std::isfinite(sum) || std::abs(sum - 1.0) > 1e-9)
                return makeError(ErrorCode::InvalidArgument, "the weights must sum to 1");
            in.weights = o.weights;
            in.portfolioName = "(weighted)";
        }
        return {};
    }
    if (!o.weights.empty())
        return makeError(ErrorCode::InvalidArgument, "weights need a list of instruments");
    auto portfolios = store.portfolios();
    if (!portfolios)
        return portfolios.error();
    if (portfolios->empty())
        return makeError(
            ErrorCode::NotFound, "the project has no portfolio; name the instruments to analyse");
    const Portfolio* chosen = nullptr;
    if (o.portfolio.empty()) {
        chosen = &portfolios->front();
    } else {
        for (const Portfolio& p : *portfolios)
            if (p.name == o.portfolio)
                chosen = &p;
        for (const Portfolio& p : *portfolios)
            if (!chosen && lower(p.name) == lower(o.portfolio))
                chosen = &p;
    }
    if (!chosen) {
        std::vector<std::string> names;
        for (const Portfolio& p : *portfolios)
            names.push_back(p.name);
        return makeError(ErrorCode::NotFound,
            "no portfolio named '" + o.portfolio + "' (the project has: " + joined(names) + ")");
    }
    o.portfolio = chosen->name;
    in.portfolioName = chosen->name;
    if (chosen->holdings.empty())
        return makeError(ErrorCode::BadData, "portfolio '" + chosen->name + "' has no holdings");
    const bool allQuantities = std::all_of(chosen->holdings.begin(), chosen->holdings.end(),
        [](const Holding& h) { return h.quantity.has_value(); });
    const bool allWeights = std::all_of(chosen->holdings.begin(), chosen->holdings.end(),
        [](const Holding& h) { return h.weight.has_value(); });
    if (!allQuantities && !allWeights)
        return makeError(ErrorCode::BadData,
            "portfolio '" + chosen->name
                + "' mixes holdings given by quantity and by weight; give all one way");
    double sum = 0.0;
    for (const Holding& h : chosen->holdings) {
        in.tickers.push_back(upper(h.ticker));
        if (allQuantities)
            in.quantities.push_back(*h.quantity);
        else
            in.weights.push_back(*h.weight);
        sum += allQuantities ? 0.0 : *h.weight;
    }
    if (!allQuantities) {
        if (!(std::abs(sum) > 1e-12))
            return makeError(
                ErrorCode::BadData, "the weights of portfolio '" + chosen->name + "' sum to zero");
        if (std::abs(sum - 1.0) > 1e-9) {
            for (double& w : in.weights)
                w /= sum;
            in.warnings.push_back("weights of portfolio '" + chosen->name + "' sum to "
                + std::to_string(sum) + "; scaled to 1");
        }
    }
    return {};
}

std::string hashPrices(const AlignedPrices& a)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (std::size_t i = 0; i < a.tickers.size(); ++i) {
        h.addData(QByteArrayView(a.tickers[i].data(), qsizetype(a.tickers[i].size() + 1)));
        h.addData(QByteArrayView(reinterpret_cast<const char*>(a.columns[i].data()),
            qsizetype(a.columns[i].size() * sizeof(double))));
    }
    for (Date d : a.dates) {
        const std::int32_t days = d.days();
        h.addData(QByteArrayView(reinterpret_cast<const char*>(&days), sizeof days));
    }
    return h.result().toHex().toStdString();
}

} // namespace

Result<RiskInputs> loadRiskInputs(
    ProjectStore& store, const RiskRunOptions& options, const Progress& progress)
{
    RiskInputs in;
    in.options = options;
    if (auto s = resolveHoldings(store, in); !s)
        return s.error();
    RiskRunOptions& o = in.options;
    o.benchmark = upper(o.benchmark);
    in.hasBenchmark = !o.benchmark.empty();
    std::vector<std::string> toLoad = in.tickers;
    if (in.hasBenchmark)
        toLoad.push_back(o.benchmark);
    std::vector<PriceSeries> series;
    for (const std::string& t : toLoad) {
        auto s = store.prices(t, o.from, o.to);
        if (!s) {
            Error e = s.error();
            if (e.code == ErrorCode::NotFound)
                e.message = (in.hasBenchmark && &t == &toLoad.back() ? "unknown benchmark '"
                                                                     : "unknown ticker '")
                    + t + "': the project has no instrument of that name";
            return e;
        }
        if (s->empty())
            return makeError(ErrorCode::BadData, "no prices of " + t + " in the chosen date range");
        // Only the (adjusted) close is used: the other columns go at once (a third of the
        // memory of 5,000 series of 5,000 days).
        for (std::vector<double>* unused : {&s->open, &s->high, &s->low, &s->volume})
            std::vector<double>().swap(*unused);
        series.push_back(std::move(*s));
        if (!reportProgress(progress, std::int64_t(series.size()), std::int64_t(toLoad.size())))
            return makeError(ErrorCode::Cancelled, "risk run cancelled");
    }
    auto aligned = alignPrices(series, o.missing);
    if (!aligned)
        return aligned.error();
    const std::size_t returns = aligned->dates.empty() ? 0 : aligned->dates.size() - 1;
    if (returns < kMinObservations) {
        std::string range = aligned->dates.empty()
            ? std::string("no common dates")
            : aligned->dates.front().toIso() + " .. " + aligned->dates.back().toIso();
        return makeError(ErrorCode::BadData,
            "too few observations: " + std::to_string(returns) + " common returns of "
                + joined(toLoad) + " (" + range + "); at least " + std::to_string(kMinObservations)
                + " are needed");
    }
    for (std::size_t i = 0; i < aligned->filledCount.size(); ++i)
        if (aligned->filledCount[i] > 0)
            in.warnings.push_back(std::to_string(aligned->filledCount[i]) + " prices of "
                + aligned->tickers[i] + " forward-filled");
    if (!in.quantities.empty()) {
        // Initial weights: the value of each holding on the first common date.
        double total = 0.0;
        for (std::size_t i = 0; i < in.tickers.size(); ++i)
            total += in.quantities[i] * aligned->columns[i].front();
        if (!(std::abs(total) > 0.0))
            return makeError(ErrorCode::BadData, "the portfolio's value is zero on the first date");
        for (std::size_t i = 0; i < in.tickers.size(); ++i)
            in.weights.push_back(in.quantities[i] * aligned->columns[i].front() / total);
    }
    in.dataHash = hashPrices(*aligned);
    in.prices = std::move(*aligned);
    return in;
}

} // namespace marketlens::core::risk
