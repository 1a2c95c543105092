#include "measure_set.h"

#include "risk_measures.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>
#include <thread>

#ifdef MARKETLENS_HAVE_CBLAS
#include <cblas.h>
#endif

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define MARKETLENS_RISK_AVX2 1
#endif

namespace marketlens::core::risk {

namespace {

Error invalid(std::string message)
{
    return makeError(ErrorCode::InvalidArgument, std::move(message));
}

// Historical VaR (type 7) and ES (strict tail mean) by selection instead of a full sort. `work`
// holds the data; elements [0, limit) are the candidates (a previous selection for a larger
// alpha has already moved every smaller value there).
void historicalTail(std::vector<double>& work, std::size_t limit, double alpha, double& var,
    double& es, std::size_t& lo)
{
    const double index = 1.0 + double(work.size() - 1) * alpha;
    const double floorIndex = std::floor(index);
    lo = std::size_t(floorIndex) - 1;
    auto begin = work.begin();
    std::nth_element(begin, begin + std::ptrdiff_t(lo), begin + std::ptrdiff_t(limit));
    const double xlo = work[lo];
    double xhi = xlo;
    if (index > floorIndex) {
        // The next order statistic: the smallest value after lo (within the candidates when the
        // candidates extend past lo, else among all values).
        xhi = *std::min_element(begin + std::ptrdiff_t(lo) + 1,
            lo + 1 < limit ? begin + std::ptrdiff_t(limit) : work.end());
    }
    const double h = index - floorIndex;
    var = (index > floorIndex && xhi != xlo) ? (1.0 - h) * xlo + h * xhi : xlo;
    double sum = 0.0;
    std::size_t count = 0;
    for (std::size_t i = 0; i <= lo; ++i)
        if (work[i] < var) {
            sum += work[i];
            ++count;
        }
    es = count ? sum / double(count) : var;
}

constexpr std::size_t kPanel = 8; // columns per packed panel
constexpr std::size_t kTimeChunk = 128; // time steps per pass: a chunk of every panel fits L2

// c[r][0..8] += sum_t a[t][r] * b[t][0..8] for r < 4; a and b are panels (8 values per t).
void tileScalar(const double* a, const double* b, std::size_t len, double* c, std::size_t ldc)
{
    for (std::size_t r = 0; r < 4; ++r)
        for (std::size_t j = 0; j < kPanel; ++j) {
            double s = 0.0;
            for (std::size_t t = 0; t < len; ++t)
                s += a[t * kPanel + r] * b[t * kPanel + j];
            c[r * ldc + j] += s;
        }
}

#ifdef MARKETLENS_RISK_AVX2
__attribute__((target("avx2,fma"))) void tileAvx2(
    const double* a, const double* b, std::size_t len, double* c, std::size_t ldc)
{
    __m256d c00 = _mm256_loadu_pd(c), c01 = _mm256_loadu_pd(c + 4);
    __m256d c10 = _mm256_loadu_pd(c + ldc), c11 = _mm256_loadu_pd(c + ldc + 4);
    __m256d c20 = _mm256_loadu_pd(c + 2 * ldc), c21 = _mm256_loadu_pd(c + 2 * ldc + 4);
    __m256d c30 = _mm256_loadu_pd(c + 3 * ldc), c31 = _mm256_loadu_pd(c + 3 * ldc + 4);
    for (std::size_t t = 0; t < len; ++t) {
        const double* at = a + t * kPanel;
        const __m256d b0 = _mm256_loadu_pd(b + t * kPanel);
        const __m256d b1 = _mm256_loadu_pd(b + t * kPanel + 4);
        __m256d x = _mm256_broadcast_sd(at);
        c00 = _mm256_fmadd_pd(x, b0, c00);
        c01 = _mm256_fmadd_pd(x, b1, c01);
        x = _mm256_broadcast_sd(at + 1);
        c10 = _mm256_fmadd_pd(x, b0, c10);
        c11 = _mm256_fmadd_pd(x, b1, c11);
        x = _mm256_broadcast_sd(at + 2);
        c20 = _mm256_fmadd_pd(x, b0, c20);
        c21 = _mm256_fmadd_pd(x, b1, c21);
        x = _mm256_broadcast_sd(at + 3);
        c30 = _mm256_fmadd_pd(x, b0, c30);
        c31 = _mm256_fmadd_pd(x, b1, c31);
    }
    _mm256_storeu_pd(c, c00);
    _mm256_storeu_pd(c + 4, c01);
    _mm256_storeu_pd(c + ldc, c10);
    _mm256_storeu_pd(c + ldc + 4, c11);
    _mm256_storeu_pd(c + 2 * ldc, c20);
    _mm256_storeu_pd(c + 2 * ldc + 4, c21);
    _mm256_storeu_pd(c + 3 * ldc, c30);
    _mm256_storeu_pd(c + 3 * ldc + 4, c31);
}
#endif

} // namespace

Result<std::vector<double>> correlationMatrixParallel(
    const std::vector<std::vector<double>>& columns, unsigned threads)
{
    const std::size_t k = columns.size();
    if (k == 0)
        return invalid("no columns");
    const std::size_t n = columns[0].size();
    if (n < 2)
        return invalid("at least 2 observations needed");
#ifdef MARKETLENS_HAVE_CBLAS
    // OpenBLAS: standardised columns as the rows of a k x n matrix Z, then Z Z' by dsyrk (upper
    // triangle), which is ~2x the blocked kernel below on the same cores.
    if (k >= 16) {
        for (const std::vector<double>& r : columns)
            if (r.size() != n)
                return invalid("columns differ in length");
        // Z (k x n, row i = standardised column i) is filled by `threads` threads, each column
        // read once from memory (its mean and sum-of-squares passes run from cache, with four
        // accumulators so the additions pipeline). Z is not zero-initialised: malloc then reuses
        // the freed block of a previous call instead of faulting in fresh pages.
        std::unique_ptr<double[]> z(new double[k * n]);
        std::vector<char> flat(k, 0), bad(k, 0);
        auto standardise = [&](std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i) {
                const double* r = columns[i].data();
                double a[4] = {0.0, 0.0, 0.0, 0.0};
                std::size_t t = 0;
                for (; t + 4 <= n; t += 4)
                    for (int j = 0; j < 4; ++j)
                        a[j] += r[t + std::size_t(j)];
                for (; t < n; ++t)
                    a[0] += r[t];
                const double mu = ((a[0] + a[1]) + (a[2] + a[3])) / double(n);
                double q[4] = {0.0, 0.0, 0.0, 0.0};
                for (t = 0; t + 4 <= n; t += 4)
                    for (int j = 0; j < 4; ++j) {
                        const double dev = r[t + std::size_t(j)] - mu;
                        q[j] += dev * dev;
                    }
                for (; t < n; ++t)
                    q[0] += (r[t] - mu) * (r[t] - mu);
                const double ss = (q[0] + q[1]) + (q[2] + q[3]);
                bad[i] = !std::isfinite(ss);
                flat[i] = !(ss > 0.0);
                const double scale = flat[i] ? 0.0 : 1.0 / std::sqrt(ss);
                double* row = z.get() + i * n;
                for (t = 0; t < n; ++t)
                    row[t] = (r[t] - mu) * scale;
            }
        };
        const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
        const std::size_t parts = std::min<std::size_t>(threads ? threads : hw, k);
        std::vector<std::thread> pool;
        for (std::size_t w = 1; w < parts; ++w)
            pool.emplace_back(standardise, k * w / parts, k * (w + 1) / parts);
        standardise(0, k / parts);
        for (std::thread& t : pool)
            t.join();
        if (std::find(bad.begin(), bad.end(), 1) != bad.end())
            return invalid("returns contain a missing value");
        std::vector<double> out(k * k);
        cblas_dsyrk(CblasRowMajor, CblasUpper, CblasNoTrans, int(k), int(n), 1.0, z.get(), int(n),
            0.0, out.data(), int(k));
        for (std::size_t i = 0; i < k; ++i) {
            out[i * k + i] = 1.0; // as correlationMatrix(), even for a constant column
            for (std::size_t j = i + 1; j < k; ++j) {
                const double v = (flat[i] || flat[j]) ? std::numeric_limits<double>::quiet_NaN()
                                                      : std::clamp(out[i * k + j], -1.0, 1.0);
                out[i * k + j] = out[j * k + i] = v;
            }
        }
        return out;
    }
#endif
    const std::size_t panels = (k + kPanel - 1) / kPanel;
    const std::size_t kp = panels * kPanel;
    // Standardised columns packed as panels: packed[p][t * 8 + c] = z of column 8p + c at t.
    std::vector<double> packed(panels * n * kPanel, 0.0);
    std::vector<bool> constant(k, false);
    for (std::size_t i = 0; i < k; ++i) {
        const std::vector<double>& r = columns[i];
        if (r.size() != n)
            return invalid("columns differ in length");
        double mu = 0.0;
        for (double v : r) {
            if (!std::isfinite(v))
                return invalid("returns contain a missing value");
            mu += v;
        }
        mu /= double(n);
        double ss = 0.0;
        for (double v : r)
            ss += (v - mu) * (v - mu);
        constant[i] = !(ss > 0.0);
        const double scale = constant[i] ? 0.0 : 1.0 / std::sqrt(ss);
        double* dst = &packed[(i / kPanel) * n * kPanel + i % kPanel];
        for (std::size_t t = 0; t < n; ++t)
            dst[t * kPanel] = (r[t] - mu) * scale;
    }
    std::vector<double> c(kp * kp, 0.0);
#ifdef MARKETLENS_RISK_AVX2
    const bool simd = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    const auto tile = simd ? tileAvx2 : tileScalar;
#else
    const auto tile = tileScalar;
#endif
    // Thread w owns the column panels pj = w, w + T, ... (rows pi <= pj), so no tile is shared.
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    const unsigned count = unsigned(std::min<std::size_t>(threads ? threads : hw, panels));
    auto worker = [&](unsigned w) {
        for (std::size_t t0 = 0; t0 < n; t0 += kTimeChunk) {
            const std::size_t len = std::min(kTimeChunk, n - t0);
            for (std::size_t pj = w; pj < panels; pj += count) {
                const double* b = &packed[pj * n * kPanel + t0 * kPanel];
                for (std::size_t pi = 0; pi <= pj; ++pi) {
                    const double* a = &packed[pi * n * kPanel + t0 * kPanel];
                    double* ct = &c[(pi * kPanel) * kp + pj * kPanel];
                    tile(a, b, len, ct, kp);
                    tile(a + 4, b, len, ct + 4 * kp, kp);
                }
            }
        }
    };
    std::vector<std::thread> pool;
    for (unsigned w = 1; w < count; ++w)
        pool.emplace_back(worker, w);
    worker(0);
    for (auto& t : pool)
        t.join();
    std::vector<double> out(k * k);
    for (std::size_t i = 0; i < k; ++i) {
        out[i * k + i] = 1.0; // as correlationMatrix(), even for a constant column
        for (std::size_t j = i + 1; j < k; ++j) {
            const double v = (constant[i] || constant[j]) ? std::numeric_limits<double>::quiet_NaN()
                                                          : std::clamp(c[i * kp + j], -1.0, 1.0);
            out[i * k + j] = out[j * k + i] = v;
        }
    }
    return out;
}

Result<MeasureSet> computeMeasureSet(std::span<const double> r, std::span<const double> confidences,
    const RiskConventions& c, std::span<const double> benchmark)
{
    const std::size_t n = r.size();
    if (n < 4)
        return invalid("at least 4 returns needed");
    for (double p : confidences)
        if (!(p > 0.0 && p < 1.0))
            return invalid("confidence level must lie strictly between 0 and 1");
    if (!benchmark.empty() && benchmark.size() != n)
        return invalid("benchmark and series differ in length");
    const double dn = double(n);
    MeasureSet m;
    m.observations = n;

    // Pass 1: sum, wealth paths, drawdowns, downside, EWMA.
    double sum = 0.0, wealthG = 1.0, peakG = 1.0, worstG = 0.0, wealthA = 1.0, peakA = 1.0,
           worstA = 0.0, down = 0.0, ewma = 0.0;
    const std::size_t init = std::min<std::size_t>(30, n);
    for (std::size_t t = 0; t < init; ++t)
        ewma += r[t] * r[t];
    ewma /= double(init);
    for (std::size_t t = 0; t < n; ++t) {
        const double v = r[t];
        if (!std::isfinite(v))
            return invalid("return series contains a missing or non-finite value");
        sum += v;
        wealthG *= 1.0 + v;
        peakG = std::max(peakG, wealthG);
        worstG = std::min(worstG, wealthG / peakG - 1.0);
        wealthA += v;
        peakA = std::max(peakA, wealthA);
        worstA = std::min(worstA, wealthA / peakA - 1.0);
        const double d = std::min(v, 0.0);
        down += d * d;
        ewma = 0.94 * ewma + 0.06 * v * v;
    }
    m.mean = sum / dn;
    // Pass 2: central moments.
    double m2 = 0.0, m3 = 0.0, m4 = 0.0;
    for (double v : r) {
        const double d = v - m.mean;
        const double d2 = d * d;
        m2 += d2;
        m3 += d2 * d;
        m4 += d2 * d2;
    }
    m2 /= dn;
    m3 /= dn;
    m4 /= dn;
    const double P = c.periodsPerYear;
    m.sdSample = std::sqrt(m2 * dn / (dn - 1.0));
    m.volatilityAnnualised = m.sdSample * std::sqrt(P);
    m.returnGeometric = std::pow(wealthG, P / dn) - 1.0;
    m.returnArithmetic = m.mean * P;
    m.sharpeGeometric = m.returnGeometric / m.volatilityAnnualised;
    m.sharpeArithmetic = m.returnArithmetic / m.volatilityAnnualised;
    m.sharpePerPeriod = m.mean / m.sdSample;
    m.downsideDeviation = std::sqrt(down / dn);
    m.sortino = m.mean / m.downsideDeviation;
    m.skewness = m3 / std::pow(m2, 1.5);
    m.skewnessSample = dn * dn / ((dn - 1.0) * (dn - 2.0)) * m.skewness;
    m.excessKurtosis = m4 / (m2 * m2) - 3.0;
    const double s2 = m2 * dn / (dn - 1.0);
    m.excessKurtosisSample
        = dn * (dn + 1.0) / ((dn - 1.0) * (dn - 2.0) * (dn - 3.0)) * (m4 * dn / (s2 * s2))
        - 3.0 * (dn - 1.0) * (dn - 1.0) / ((dn - 2.0) * (dn - 3.0));
    m.maxDrawdownGeometric = -worstG;
    m.maxDrawdownArithmetic = -worstA;
    m.ewmaVolatilityAnnualised = std::sqrt(ewma * P);

    // Tails: largest alpha first so each selection narrows the next one's candidates.
    std::vector<std::size_t> order(confidences.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(),
        [&](std::size_t a, std::size_t b) { return confidences[a] < confidences[b]; });
    m.tails.resize(confidences.size());
    std::vector<double> work(r.begin(), r.end());
    std::size_t limit = n;
    const double sigma = std::sqrt(c.sampleVariance ? s2 : m2);
    for (std::size_t k : order) {
        const double p = confidences[k];
        const double alpha = 1.0 - p;
        TailMeasures& t = m.tails[k];
        t.confidence = p;
        std::size_t lo = 0;
        historicalTail(work, limit, alpha, t.varHistorical, t.esHistorical, lo);
        limit = lo + 1;
        const double z = normalQuantile(alpha);
        t.varGaussian = m.mean + z * sigma;
        t.esGaussian = m.mean - normalDensity(z) * sigma / alpha;
        const double sk = m.skewness, ku = m.excessKurtosis;
        const double h = cornishFisherQuantile(z, sk, ku);
        t.varModified = m.mean + h * sigma;
        const double h2 = h * h, h3 = h2 * h, h4 = h2 * h2, h6 = h4 * h2;
        const double tail = normalDensity(h)
            * (1.0 + h3 * sk / 6.0 + (h6 - 9.0 * h4 + 9.0 * h2 + 3.0) * sk * sk / 72.0
                + (h4 - 2.0 * h2 - 1.0) * ku / 24.0);
        t.esModified = c.operationalModifiedEs ? m.mean + sigma * std::min(-tail / alpha, h)
                                               : m.mean - sigma * tail / alpha;
        for (double* v : {&t.varHistorical, &t.varGaussian, &t.varModified, &t.esHistorical,
                 &t.esGaussian, &t.esModified})
            *v = signedLoss(*v, c);
    }
    if (!benchmark.empty()) {
        auto ba = betaAlpha(r, benchmark, c);
        if (ba) {
            m.beta = ba->beta;
            m.alpha = ba->alpha;
        }
    }
    return m;
}

Result<std::vector<MeasureSet>> computeMeasureSets(const std::vector<std::vector<double>>& columns,
    std::span<const double> confidences, const RiskConventions& c,
    std::span<const double> benchmark, unsigned threads, const Progress& progress)
{
    std::vector<MeasureSet> out(columns.size());
    std::vector<Error> errors(columns.size());
    std::atomic<std::size_t> next {0}, done {0};
    std::atomic<bool> cancel {false}, failed {false};
    const auto caller = std::this_thread::get_id();
    auto worker = [&] {
        for (std::size_t i; !cancel && (i = next.fetch_add(1)) < columns.size();) {
            auto m = computeMeasureSet(columns[i], confidences, c, benchmark);
            if (m)
                out[i] = std::move(*m);
            else {
                errors[i] = m.error();
                failed = true;
            }
            const std::size_t finished = done.fetch_add(1) + 1;
            // Only the calling thread reports, so the callback never runs concurrently.
            if (std::this_thread::get_id() == caller
                && !reportProgress(progress, std::int64_t(finished), std::int64_t(columns.size())))
                cancel = true;
        }
    };
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    const unsigned count = unsigned(std::min<std::size_t>(threads ? threads : hw, columns.size()));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < count; ++t)
        pool.emplace_back(worker);
    worker();
    for (auto& t : pool)
        t.join();
    if (cancel)
        return makeError(ErrorCode::Cancelled, "risk computation cancelled");
    if (failed)
        for (std::size_t i = 0; i < errors.size(); ++i)
            if (errors[i].code != ErrorCode::Ok)
                return makeError(
                    errors[i].code, "series " + std::to_string(i + 1) + ": " + errors[i].message);
    return out;
}

} // namespace marketlens::core::risk
