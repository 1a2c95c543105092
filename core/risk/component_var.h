#pragma once
// Marginal and component (Euler) VaR/ES of a fixed-weight portfolio r_p = sum_i w_i r_i.
// component_i = w_i * dRisk/dw_i, so the components add up to the portfolio figure:
//   Gaussian  VaR = w'mu + z sigma_p, marginal_i = mu_i + z (Sigma w)_i / sigma_p
//             ES  = w'mu - phi(z) sigma_p / alpha, marginal_i = mu_i - phi(z) (Sigma w)_i /
//                   (alpha sigma_p)
//   Modified  VaR = w'mu + h(skew_p, kurt_p) sigma_p, differentiated through the portfolio's
//             co-moments (PerformanceAnalytics' VaR.CornishFisher.portfolio), computed from the
//             data without forming the co-skewness and co-kurtosis matrices
//   Historical VaR: w_i r_i at the order statistics that define the type-7 quantile (the same
//             interpolation); ES: mean of w_i r_i over the days where r_p is strictly below VaR.
// Moments follow RiskConventions (population variance by default), so the totals equal
// valueAtRisk()/expectedShortfall() of the portfolio return series.

#include "core/result.h"
#include "core/risk/risk_conventions.h"
#include "core/risk/risk_measures.h"

#include <span>
#include <vector>

namespace marketlens::core::risk {

struct ComponentRisk {
    double total = 0.0;
    std::vector<double> marginal; // dRisk/dw_i (NaN where w_i = 0 for the historical method)
    std::vector<double> component; // w_i * marginal_i; sums to total
    std::vector<double> share; // component_i / total
};

Result<ComponentRisk> componentVar(const std::vector<std::vector<double>>& assetReturns,
    std::span<const double> weights, double p, VarMethod method, const RiskConventions& c = {});
// Historical and Gaussian methods (modified ES contributions are not provided).
Result<ComponentRisk> componentEs(const std::vector<std::vector<double>>& assetReturns,
    std::span<const double> weights, double p, VarMethod method, const RiskConventions& c = {});

} // namespace marketlens::core::risk
