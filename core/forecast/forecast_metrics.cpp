#include "forecast_metrics.h"

namespace marketlens::core::forecast {

ErrorAccumulator::ErrorAccumulator(double maseScale)
    : m_scale(maseScale)
{
}

void ErrorAccumulator::add(
    double origin, double actual, double point, double lo80, double hi80, double lo95, double hi95)
{
    // A forecaster that could not forecast (NaN point) or a missing actual is not scored.
    if (!std::isfinite(origin) || !std::isfinite(actual) || !std::isfinite(point))
        return;
    const double err = point - actual;
    ++m_n;
    m_absSum += std::abs(err);
    m_sqSum += err * err;
    if (m_scale > 0.0 && std::isfinite(m_scale)) {
        ++m_maseN;
        m_maseSum += std::abs(err) / m_scale;
    }
    if (actual != 0.0) {
        ++m_pctN;
        m_apeSum += std::abs(err / actual);
        m_sapeSum += std::abs(err) / (std::abs(actual) + std::abs(point));
    }
    if (actual != origin) {
        ++m_dirN;
        const bool up = actual > origin;
        if ((up && point > origin) || (!up && point < origin))
            ++m_dirHit;
    }
    if (std::isfinite(lo80) && std::isfinite(hi80)) {
        ++m_cov80N;
        if (lo80 <= actual && actual <= hi80)
            ++m_cov80Hit;
    }
    if (std::isfinite(lo95) && std::isfinite(hi95)) {
        ++m_cov95N;
        if (lo95 <= actual && actual <= hi95)
            ++m_cov95Hit;
    }
}

void ErrorAccumulator::merge(const ErrorAccumulator& other)
{
    m_n += other.m_n;
    m_dirN += other.m_dirN;
    m_dirHit += other.m_dirHit;
    m_cov80N += other.m_cov80N;
    m_cov80Hit += other.m_cov80Hit;
    m_cov95N += other.m_cov95N;
    m_cov95Hit += other.m_cov95Hit;
    m_pctN += other.m_pctN;
    m_absSum += other.m_absSum;
    m_sqSum += other.m_sqSum;
    m_apeSum += other.m_apeSum;
    m_sapeSum += other.m_sapeSum;
    m_maseN += other.m_maseN;
    m_maseSum += other.m_maseSum;
}

ForecastErrors ErrorAccumulator::errors() const
{
    ForecastErrors e;
    e.count = m_n;
    if (m_n == 0)
        return e;
    const double n = double(m_n);
    e.mae = m_absSum / n;
    e.rmse = std::sqrt(m_sqSum / n);
    if (m_pctN > 0) {
        e.mape = 100.0 * m_apeSum / double(m_pctN);
        e.smape = 200.0 * m_sapeSum / double(m_pctN);
    }
    if (m_maseN > 0)
        e.mase = m_maseSum / double(m_maseN);
    if (m_dirN > 0)
        e.directional = double(m_dirHit) / double(m_dirN);
    if (m_cov80N > 0)
        e.coverage80 = double(m_cov80Hit) / double(m_cov80N);
    if (m_cov95N > 0)
        e.coverage95 = double(m_cov95Hit) / double(m_cov95N);
    return e;
}

double naiveScale(const std::vector<double>& trainPrices)
{
    if (trainPrices.size() < 2)
        return std::numeric_limits<double>::quiet_NaN();
    double s = 0.0;
    for (std::size_t i = 1; i < trainPrices.size(); ++i)
        s += std::abs(trainPrices[i] - trainPrices[i - 1]);
    return s / double(trainPrices.size() - 1);
}

std::vector<Fold> walkForwardFolds(
    std::size_t rows, int folds, std::size_t testSize, std::size_t gap, bool expanding)
{
    std::vector<Fold> out;
    if (folds < 1 || testSize == 0)
        return out;
    const std::size_t k = std::size_t(folds);
    if (testSize > rows / k || rows - k * testSize <= gap)
        return out; // not even one training row before the first test part
    const std::size_t firstTest = rows - k * testSize;
    const std::size_t firstTrainLength = firstTest - gap;
    for (std::size_t i = 0; i < k; ++i) {
        Fold f;
        f.testBegin = firstTest + i * testSize;
        f.testEnd = f.testBegin + testSize;
        f.trainEnd = f.testBegin - gap;
        f.trainBegin = expanding ? 0 : f.trainEnd - firstTrainLength;
        out.push_back(f);
    }
    return out;
}

} // namespace marketlens::core::forecast
