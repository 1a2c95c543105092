#include "returns.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace marketlens::core::risk {

namespace {

Error invalid(std::string message)
{
    return makeError(ErrorCode::InvalidArgument, std::move(message));
}

double oneReturn(double previous, double current, ReturnKind kind)
{
    return kind == ReturnKind::Simple ? current / previous - 1.0 : std::log(current / previous);
}

// Adjusted close where present, else close (PriceSeries::valueAt), tolerating columns that a
// loader left empty instead of filling with NaN.
double priceAt(const PriceSeries& s, std::size_t t)
{
    if (t < s.adjClose.size() && !std::isnan(s.adjClose[t]))
        return s.adjClose[t];
    return t < s.close.size() ? s.close[t] : std::numeric_limits<double>::quiet_NaN();
}

} // namespace

Result<std::vector<double>> returnsFromPrices(std::span<const double> prices, ReturnKind kind)
{
    std::vector<double> out;
    double previous = std::numeric_limits<double>::quiet_NaN();
    for (double p : prices) {
        if (std::isnan(p))
            continue;
        if (!(p > 0.0) || !std::isfinite(p))
            return invalid("price " + std::to_string(p) + " is not a positive number");
        if (!std::isnan(previous))
            out.push_back(oneReturn(previous, p, kind));
        previous = p;
    }
    if (out.empty())
        return invalid("fewer than two valid prices: no return");
    return out;
}

Result<AlignedPrices> alignPrices(const std::vector<PriceSeries>& series, MissingPolicy policy)
{
    if (series.empty())
        return invalid("no instrument given");
    AlignedPrices out;
    const std::size_t k = series.size();
    // date -> price per instrument (NaN where absent or missing).
    std::map<Date, std::vector<double>> table;
    for (std::size_t i = 0; i < k; ++i) {
        const PriceSeries& s = series[i];
        out.tickers.push_back(s.ticker);
        for (std::size_t t = 0; t < s.size(); ++t) {
            auto [it, inserted] = table.try_emplace(s.dates[t]);
            if (inserted)
                it->second.assign(k, std::numeric_limits<double>::quiet_NaN());
            it->second[i] = priceAt(s, t);
        }
    }
    out.columns.assign(k, {});
    out.filledCount.assign(k, 0);
    if (policy == MissingPolicy::Drop) {
        for (const auto& [date, row] : table) {
            if (std::any_of(row.begin(), row.end(), [](double v) { return std::isnan(v); }))
                continue;
            out.dates.push_back(date);
            for (std::size_t i = 0; i < k; ++i)
                out.columns[i].push_back(row[i]);
        }
    } else {
        std::vector<double> last(k, std::numeric_limits<double>::quiet_NaN());
        bool started = false;
        for (const auto& [date, row] : table) {
            std::vector<bool> filled(k, false);
            for (std::size_t i = 0; i < k; ++i) {
                if (!std::isnan(row[i]))
                    last[i] = row[i];
                else
                    filled[i] = true;
            }
            if (!started) {
                started = std::none_of(
                    last.begin(), last.end(), [](double v) { return std::isnan(v); });
                if (!started)
                    continue;
            }
            out.dates.push_back(date);
            for (std::size_t i = 0; i < k; ++i) {
                out.columns[i].push_back(last[i]);
                out.filledCount[i] += filled[i] ? 1 : 0;
            }
        }
    }
    if (out.dates.size() < 2)
        return invalid("fewer than two dates on which every instrument has a price");
    return out;
}

Result<ReturnMatrix> returnsOf(const AlignedPrices& prices, ReturnKind kind)
{
    if (prices.dates.size() < 2)
        return invalid("fewer than two aligned dates");
    ReturnMatrix out;
    out.tickers = prices.tickers;
    out.filledCount = prices.filledCount;
    out.dates.assign(prices.dates.begin() + 1, prices.dates.end());
    for (const auto& column : prices.columns) {
        auto r = returnsFromPrices(column, kind);
        if (!r)
            return r.error();
        out.columns.push_back(std::move(*r));
    }
    return out;
}

Result<ReturnMatrix> alignedReturns(
    const std::vector<PriceSeries>& series, ReturnKind kind, MissingPolicy policy)
{
    auto aligned = alignPrices(series, policy);
    if (!aligned)
        return aligned.error();
    return returnsOf(*aligned, kind);
}

Result<std::vector<double>> portfolioReturns(const std::vector<std::vector<double>>& assetReturns,
    std::span<const double> weights, Rebalance rebalance, std::span<const Date> dates)
{
    const std::size_t k = assetReturns.size();
    if (k == 0 || weights.size() != k)
        return invalid("need one weight per asset");
    const std::size_t n = assetReturns[0].size();
    for (const auto& c : assetReturns)
        if (c.size() != n)
            return invalid("asset return series differ in length");
    if (rebalance == Rebalance::Monthly && dates.size() != n)
        return invalid("monthly rebalancing needs one date per return");
    double total = 0.0;
    for (double w : weights)
        total += w;
    if (std::abs(total - 1.0) > 1e-9)
        return invalid("weights must sum to 1");

    std::vector<double> out(n);
    std::vector<double> w(weights.begin(), weights.end());
    for (std::size_t t = 0; t < n; ++t) {
        double rp = 0.0;
        for (std::size_t i = 0; i < k; ++i)
            rp += w[i] * assetReturns[i][t];
        out[t] = rp;
        const bool reset = rebalance == Rebalance::Daily
            || (rebalance == Rebalance::Monthly
                && (t + 1 == n || dates[t + 1].month() != dates[t].month()
                    || dates[t + 1].year() != dates[t].year()));
        if (reset) {
            std::copy(weights.begin(), weights.end(), w.begin());
        } else {
            // Weights drift with the assets: w_i (1 + r_i) / (1 + r_p).
            if (1.0 + rp == 0.0)
                return invalid("portfolio lost everything: returns undefined afterwards");
            for (std::size_t i = 0; i < k; ++i)
                w[i] = w[i] * (1.0 + assetReturns[i][t]) / (1.0 + rp);
        }
    }
    return out;
}

Result<std::vector<double>> portfolioReturnsFromQuantities(
    const AlignedPrices& prices, std::span<const double> quantities)
{
    if (quantities.size() != prices.columns.size())
        return invalid("need one quantity per instrument");
    std::vector<double> value(prices.dates.size(), 0.0);
    for (std::size_t i = 0; i < quantities.size(); ++i)
        for (std::size_t t = 0; t < value.size(); ++t)
            value[t] += quantities[i] * prices.columns[i][t];
    for (std::size_t t = 0; t + 1 < value.size(); ++t)
        if (!(value[t] > 0.0))
            return invalid("portfolio value is not positive on some date");
    std::vector<double> out(value.size() - 1);
    for (std::size_t t = 1; t < value.size(); ++t)
        out[t - 1] = value[t] / value[t - 1] - 1.0;
    return out;
}

} // namespace marketlens::core::risk
