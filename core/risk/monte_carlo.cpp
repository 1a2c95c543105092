#include "monte_carlo.h"

#include "volatility.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstring>
#include <thread>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define MARKETLENS_RISK_AVX2 1
#endif
// Function multi-versioning needs ifunc support (GNU/Linux); elsewhere the plain build is used.
#if defined(MARKETLENS_RISK_AVX2) && defined(__linux__) && !defined(__clang__)
#define MARKETLENS_RISK_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define MARKETLENS_RISK_CLONES
#endif

namespace marketlens::core::risk {

namespace {

Error invalid(std::string message)
{
    return makeError(ErrorCode::InvalidArgument, std::move(message));
}

std::uint64_t splitmix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// xoshiro256++ (Blackman and Vigna): fast, 256-bit state, seeded by splitmix64 from
// (seed, stream) so every block has an independent, reproducible stream.
class Xoshiro256 {
public:
    Xoshiro256(std::uint64_t seed, std::uint64_t stream)
    {
        std::uint64_t sm = seed ^ (0xD1B54A32D192ED03ULL * (stream + 1));
        for (auto& v : m_s)
            v = splitmix64(sm);
    }
    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[0] + m_s[3], 23) + m_s[0];
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; } // [0, 1)
    const std::array<std::uint64_t, 4>& state() const { return m_s; }
    void setState(const std::array<std::uint64_t, 4>& s) { m_s = s; }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::array<std::uint64_t, 4> m_s {};
};

// Ziggurat tables (Marsaglia and Tsang 2000, 256 layers of equal area v, tail beyond r).
struct Ziggurat {
    static constexpr double r = 3.6541528853610088;
    static constexpr double v = 0.00492867323399;
    std::array<double, 257> x {};
    std::array<double, 257> f {};
    Ziggurat()
    {
        const auto pdf = [](double t) { return std::exp(-0.5 * t * t); };
        x[0] = v / pdf(r);
        x[1] = r;
        for (int i = 1; i < 255; ++i)
            x[i + 1] = std::sqrt(-2.0 * std::log(v / x[i] + pdf(x[i])));
        x[256] = 0.0;
        for (int i = 0; i <= 256; ++i)
            f[i] = pdf(x[i]);
    }
};

const Ziggurat& ziggurat()
{
    static const Ziggurat z;
    return z;
}

// Slow path of the ziggurat for layer i and a first draw that failed the rectangle test:
// the tail (layer 0) or the wedge test, retrying from scratch on rejection.
double normalSlow(Xoshiro256& rng, const Ziggurat& z, std::uint64_t u);

inline double normalFromBits(Xoshiro256& rng, const Ziggurat& z, std::uint64_t u)
{
    const int i = int(u & 0xFF);
    // 52 random bits into the mantissa of a double in [1, 2), minus 1: uniform on [0, 1).
    const double unit = std::bit_cast<double>((u >> 12) | 0x3FF0000000000000ULL) - 1.0;
    const double x = unit * z.x[i];
    if (x < z.x[i + 1])
        return (u & 0x100) ? -x : x;
    return normalSlow(rng, z, u);
}

double normalSlow(Xoshiro256& rng, const Ziggurat& z, std::uint64_t u)
{
    for (;;) {
        const int i = int(u & 0xFF);
        const bool negative = (u & 0x100) != 0;
        const double unit = std::bit_cast<double>((u >> 12) | 0x3FF0000000000000ULL) - 1.0;
        const double x = unit * z.x[i];
        if (x < z.x[i + 1])
            return negative ? -x : x;
        if (i == 0) {
            // Tail beyond r (Marsaglia 1964).
            double a, b;
            do {
                a = -std::log(1.0 - rng.uniform()) / Ziggurat::r;
                b = -std::log(1.0 - rng.uniform());
            } while (2.0 * b < a * a);
            return negative ? -(Ziggurat::r + a) : Ziggurat::r + a;
        }
        const double y = z.f[i] + rng.uniform() * (z.f[i + 1] - z.f[i]);
        if (y < std::exp(-0.5 * x * x))
            return negative ? -x : x;
        u = rng.next();
    }
}

#ifdef MARKETLENS_RISK_AVX2
// The same stream as NormalStream's scalar loop, four lanes per AVX2 instruction: xoshiro256++
// on 64-bit lanes, the ziggurat's rectangle test with gathered table entries, and the rare slow
// path (about 1 value in 80) per lane in scalar code on that lane's state. Bit-identical to the
// scalar version (same integer and IEEE operations), so results do not depend on the CPU.
__attribute__((target("avx2"))) void fillAvx2(
    std::array<Xoshiro256, 4>& lanes, double* out, std::size_t count, const Ziggurat& z)
{
    alignas(32) std::uint64_t st[4][4]; // st[word][lane]
    for (int lane = 0; lane < 4; ++lane)
        for (int w = 0; w < 4; ++w)
            st[w][lane] = lanes[std::size_t(lane)].state()[std::size_t(w)];
    __m256i s0 = _mm256_load_si256(reinterpret_cast<const __m256i*>(st[0]));
    __m256i s1 = _mm256_load_si256(reinterpret_cast<const __m256i*>(st[1]));
    __m256i s2 = _mm256_load_si256(reinterpret_cast<const __m256i*>(st[2]));
    __m256i s3 = _mm256_load_si256(reinterpret_cast<const __m256i*>(st[3]));
    const __m256i lowByte = _mm256_set1_epi64x(0xFF);
    const __m256i signBit = _mm256_set1_epi64x(0x100);
    const __m256i oneBits = _mm256_set1_epi64x(0x3FF0000000000000LL);
    const __m256d one = _mm256_set1_pd(1.0);
    for (std::size_t m = 0; m < count; m += 4) {
        const __m256i sum = _mm256_add_epi64(s0, s3);
        const __m256i u = _mm256_add_epi64(
            _mm256_or_si256(_mm256_slli_epi64(sum, 23), _mm256_srli_epi64(sum, 41)), s0);
        const __m256i t = _mm256_slli_epi64(s1, 17);
        s2 = _mm256_xor_si256(s2, s0);
        s3 = _mm256_xor_si256(s3, s1);
        s1 = _mm256_xor_si256(s1, s2);
        s0 = _mm256_xor_si256(s0, s3);
        s2 = _mm256_xor_si256(s2, t);
        s3 = _mm256_or_si256(_mm256_slli_epi64(s3, 45), _mm256_srli_epi64(s3, 19));

        const __m256i idx = _mm256_and_si256(u, lowByte);
        const __m256d unit = _mm256_sub_pd(
            _mm256_castsi256_pd(_mm256_or_si256(_mm256_srli_epi64(u, 12), oneBits)), one);
        const __m256d xi = _mm256_i64gather_pd(z.x.data(), idx, 8);
        const __m256d xnext = _mm256_i64gather_pd(z.x.data() + 1, idx, 8);
        const __m256d x = _mm256_mul_pd(unit, xi);
        const int inside = _mm256_movemask_pd(_mm256_cmp_pd(x, xnext, _CMP_LT_OQ));
        const __m256i sign = _mm256_slli_epi64(_mm256_and_si256(u, signBit), 55);
        _mm256_storeu_pd(out + m, _mm256_xor_pd(x, _mm256_castsi256_pd(sign)));
        if (inside != 0xF) {
            alignas(32) std::uint64_t draws[4];
            _mm256_store_si256(reinterpret_cast<__m256i*>(draws), u);
            _mm256_store_si256(reinterpret_cast<__m256i*>(st[0]), s0);
            _mm256_store_si256(reinterpret_cast<__m256i*>(st[1]), s1);
            _mm256_store_si256(reinterpret_cast<__m256i*>(st[2]), s2);
            _mm256_store_si256(reinterpret_cast<__m256i*>(st[3]), s3);
            for (int lane = 0; lane < 4; ++lane) {
                if (inside & (1 << lane))
                    continue;
                Xoshiro256& rng = lanes[std::size_t(lane)];
                rng.setState({st[0][lane], st[1][lane], st[2][lane], st[3][lane]});
                out[m + std::size_t(lane)] = normalSlow(rng, z, draws[lane]);
                const auto& ns = rng.state();
                for (int w = 0; w < 4; ++w)
                    st[w][lane] = ns[std::size_t(w)];
            }
            s0 = _mm256_load_si256(reinterpret_cast<const __m256i*>(st[0]));
            s1 = _mm256_load_si256(reinterpret_cast<const __m256i*>(st[1]));
            s2 = _mm256_load_si256(reinterpret_cast<const __m256i*>(st[2]));
            s3 = _mm256_load_si256(reinterpret_cast<const __m256i*>(st[3]));
        }
    }
    _mm256_store_si256(reinterpret_cast<__m256i*>(st[0]), s0);
    _mm256_store_si256(reinterpret_cast<__m256i*>(st[1]), s1);
    _mm256_store_si256(reinterpret_cast<__m256i*>(st[2]), s2);
    _mm256_store_si256(reinterpret_cast<__m256i*>(st[3]), s3);
    for (int lane = 0; lane < 4; ++lane)
        lanes[std::size_t(lane)].setState({st[0][lane], st[1][lane], st[2][lane], st[3][lane]});
}

bool cpuHasAvx2()
{
    static const bool has = __builtin_cpu_supports("avx2");
    return has;
}
#endif

// Four interleaved generator lanes: value m of the stream comes from lane m % 4, so the stream
// is the same whether it is produced one value at a time or four at once (SIMD).
class NormalStream {
public:
    NormalStream(std::uint64_t seed, std::uint64_t stream)
        : m_lanes {Xoshiro256(seed, 4 * stream), Xoshiro256(seed, 4 * stream + 1),
            Xoshiro256(seed, 4 * stream + 2), Xoshiro256(seed, 4 * stream + 3)}
    {
    }
    // Fills out[0..count) with the next values of the stream; count must be a multiple of 4.
    void fill(double* out, std::size_t count, bool allowSimd = true)
    {
        const Ziggurat& z = ziggurat();
#ifdef MARKETLENS_RISK_AVX2
        if (allowSimd && cpuHasAvx2()) {
            fillAvx2(m_lanes, out, count, z);
            return;
        }
#endif
        for (std::size_t m = 0; m < count; m += 4)
            for (std::size_t lane = 0; lane < 4; ++lane)
                out[m + lane] = normalFromBits(m_lanes[lane], z, m_lanes[lane].next());
    }

private:
    std::array<Xoshiro256, 4> m_lanes;
};

// x[s] = init + coef[0] z_0[s] + coef[1] z_1[s] + ... (added in that order), z_j = z + j stride.
// Four columns per pass keep x in registers; the AVX2 clone uses the same operations (no FMA
// contraction), so both clones give identical results.
MARKETLENS_RISK_CLONES void combineColumns(const double* coef, std::size_t count, const double* z,
    std::size_t stride, double init, double* x, std::size_t len)
{
    for (std::size_t s = 0; s < len; ++s)
        x[s] = init;
    std::size_t j = 0;
    for (; j + 4 <= count; j += 4) {
        const double c0 = coef[j], c1 = coef[j + 1], c2 = coef[j + 2], c3 = coef[j + 3];
        const double* z0 = z + j * stride;
        const double* z1 = z0 + stride;
        const double* z2 = z1 + stride;
        const double* z3 = z2 + stride;
        for (std::size_t s = 0; s < len; ++s)
            x[s] = (((x[s] + c0 * z0[s]) + c1 * z1[s]) + c2 * z2[s]) + c3 * z3[s];
    }
    for (; j < count; ++j) {
        const double c = coef[j];
        const double* zj = z + j * stride;
        for (std::size_t s = 0; s < len; ++s)
            x[s] += c * zj[s];
    }
}

unsigned threadCount(const SimulationOptions& o)
{
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    return o.threads ? o.threads : hw;
}

// Runs job(block) for blocks [0, blocks) on `threads` workers; the calling thread reports
// progress every 50 ms and cancels when asked. Returns false when cancelled.
template <typename Job>
bool runBlocks(std::size_t blocks, unsigned threads, std::size_t blockSize, std::size_t total,
    const Progress& progress, Job&& job)
{
    std::atomic<std::size_t> next {0}, done {0};
    std::atomic<bool> cancel {false};
    auto worker = [&] {
        for (;;) {
            if (cancel.load(std::memory_order_relaxed))
                return;
            const std::size_t b = next.fetch_add(1);
            if (b >= blocks)
                return;
            job(b);
            done.fetch_add(1);
        }
    };
    threads = unsigned(std::min<std::size_t>(threads, blocks));
    if (threads <= 1 && !progress) {
        worker();
        return true;
    }
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back(worker);
    if (progress) {
        while (done.load() < blocks && !cancel.load()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            const std::size_t d = std::min(total, done.load() * blockSize);
            if (!progress(std::int64_t(d), std::int64_t(total)))
                cancel = true;
        }
    }
    for (auto& t : pool)
        t.join();
    return !cancel.load();
}

// Type-7 quantile and strict-tail mean of the simulated returns (historical conventions).
void tailStatistics(std::vector<double>& pnl, double alpha, double& var, double& es)
{
    std::vector<double> work = pnl;
    const double index = 1.0 + double(work.size() - 1) * alpha;
    const auto lo = std::size_t(std::floor(index)) - 1;
    std::nth_element(work.begin(), work.begin() + std::ptrdiff_t(lo), work.end());
    const double xlo = work[lo];
    double xhi = xlo;
    if (lo + 1 < work.size())
        xhi = *std::min_element(work.begin() + std::ptrdiff_t(lo) + 1, work.end());
    const double h = index - std::floor(index);
    var = (index > std::floor(index) && xhi != xlo) ? (1.0 - h) * xlo + h * xhi : xlo;
    double sum = 0.0;
    std::size_t count = 0;
    for (double v : pnl)
        if (v < var) {
            sum += v;
            ++count;
        }
    es = count ? sum / double(count) : var;
}

} // namespace

void fillStandardNormal(
    std::span<double> out, std::uint64_t seed, std::uint64_t stream, bool allowSimd)
{
    NormalStream normals(seed, stream);
    const std::size_t whole = out.size() / 4 * 4;
    normals.fill(out.data(), whole, allowSimd);
    if (whole < out.size()) {
        double rest[4];
        normals.fill(rest, 4, allowSimd);
        std::copy(rest, rest + (out.size() - whole), out.data() + whole);
    }
}

Result<std::vector<double>> cholesky(std::span<const double> a, std::size_t k)
{
    if (k == 0 || a.size() != k * k)
        return invalid("covariance matrix must be k x k with k >= 1");
    std::vector<double> l(k * k, 0.0);
    double scale = 0.0;
    for (std::size_t i = 0; i < k; ++i)
        scale = std::max(scale, std::abs(a[i * k + i]));
    const double tiny = 1e-14 * scale;
    for (std::size_t j = 0; j < k; ++j) {
        double d = a[j * k + j];
        for (std::size_t m = 0; m < j; ++m)
            d -= l[j * k + m] * l[j * k + m];
        if (d < -tiny)
            return invalid("covariance matrix is not positive semi-definite");
        if (d <= tiny)
            continue; // redundant direction: column stays zero
        const double ljj = std::sqrt(d);
        l[j * k + j] = ljj;
        for (std::size_t i = j + 1; i < k; ++i) {
            double s = a[i * k + j];
            for (std::size_t m = 0; m < j; ++m)
                s -= l[i * k + m] * l[j * k + m];
            l[i * k + j] = s / ljj;
        }
    }
    return l;
}

Result<SimulationResult> monteCarloVar(std::span<const double> mu, std::span<const double> cov,
    std::span<const double> weights, double p, const SimulationOptions& options,
    const RiskConventions& c, const Progress& progress)
{
    const std::size_t k = mu.size();
    if (k == 0 || weights.size() != k)
        return invalid("need one mean and one weight per asset");
    if (!(p > 0.0 && p < 1.0))
        return invalid("confidence level must lie strictly between 0 and 1");
    if (options.scenarios < 2 || options.blockSize == 0)
        return invalid("need at least 2 scenarios and a positive block size");
    auto chol = cholesky(cov, k);
    if (!chol)
        return chol.error();
    const std::vector<double>& l = *chol;
    const std::size_t n = options.scenarios;
    const std::size_t blockSize = options.blockSize;
    const std::size_t blocks = (n + blockSize - 1) / blockSize;
    constexpr std::size_t kChunk = 256; // scenarios per inner pass: the normals stay in cache

    // One pass over block b: for every chunk, draw k columns of normals and form each asset's
    // return x_i = mu_i + sum_j L_ij z_j column by column (vectorisable axpy over scenarios),
    // handing (chunk offset, length, asset i, x_i) to `sink`; or, projected, the portfolio
    // return w'mu + sum_j b_j z_j with proj = L'w directly.
    std::vector<double> proj(k, 0.0);
    double muP = 0.0;
    for (std::size_t i = 0; i < k; ++i) {
        muP += weights[i] * mu[i];
        for (std::size_t j = 0; j <= i; ++j)
            proj[j] += l[i * k + j] * weights[i];
    }
    auto generate = [&](std::size_t block, bool assetsWanted, auto&& sink) {
        NormalStream normals(options.seed, block);
        const std::size_t begin = block * blockSize;
        const std::size_t end = std::min(n, begin + blockSize);
        std::vector<double> z(kChunk * k), x(kChunk);
        for (std::size_t s0 = begin; s0 < end; s0 += kChunk) {
            const std::size_t len = std::min(kChunk, end - s0);
            const std::size_t stride = (len + 3) / 4 * 4;
            normals.fill(z.data(), stride * k);
            if (!assetsWanted) {
                combineColumns(proj.data(), k, z.data(), stride, muP, x.data(), len);
                sink(s0, len, k, x.data());
                continue;
            }
            for (std::size_t i = 0; i < k; ++i) {
                combineColumns(&l[i * k], i + 1, z.data(), stride, mu[i], x.data(), len);
                sink(s0, len, i, x.data());
            }
        }
    };

    std::vector<double> pnl(n, 0.0);
    const bool finished
        = runBlocks(blocks, threadCount(options), blockSize, n, progress, [&](std::size_t b) {
              generate(b, !options.projectPortfolio,
                  [&](std::size_t s0, std::size_t len, std::size_t i, const double* x) {
                      const double w
                          = i < k ? weights[i] : 1.0; // i == k: the projected portfolio return
                      double* out = &pnl[s0];
                      for (std::size_t s = 0; s < len; ++s)
                          out[s] += w * x[s];
                  });
          });
    if (!finished)
        return makeError(ErrorCode::Cancelled, "Monte Carlo simulation cancelled");

    SimulationResult result;
    result.scenarios = n;
    tailStatistics(pnl, 1.0 - p, result.var, result.es);

    if (options.componentEs) {
        // Second pass regenerates the same streams and averages w_i x_i over the tail scenarios.
        std::vector<std::vector<double>> perBlock(blocks, std::vector<double>(k, 0.0));
        const double var = result.var;
        const bool again
            = runBlocks(blocks, threadCount(options), blockSize, n, progress, [&](std::size_t b) {
                  generate(b, true,
                      [&](std::size_t s0, std::size_t len, std::size_t i, const double* x) {
                          double s = 0.0;
                          for (std::size_t t = 0; t < len; ++t)
                              if (pnl[s0 + t] < var)
                                  s += x[t];
                          perBlock[b][i] += weights[i] * s;
                      });
              });
        if (!again)
            return makeError(ErrorCode::Cancelled, "Monte Carlo simulation cancelled");
        std::size_t count = 0;
        for (double v : pnl)
            count += v < var ? 1 : 0;
        result.componentEs.assign(k, 0.0);
        for (std::size_t i = 0; i < k; ++i) {
            for (std::size_t b = 0; b < blocks; ++b)
                result.componentEs[i] += perBlock[b][i];
            result.componentEs[i]
                = count ? signedLoss(result.componentEs[i] / double(count), c) : 0.0;
        }
    }
    result.var = signedLoss(result.var, c);
    result.es = signedLoss(result.es, c);
    return result;
}

Result<SimulationResult> monteCarloVarFromReturns(
    const std::vector<std::vector<double>>& assetReturns, std::span<const double> weights, double p,
    const SimulationOptions& options, const RiskConventions& c, const Progress& progress)
{
    const std::size_t k = assetReturns.size();
    if (k == 0)
        return invalid("no asset returns");
    const std::size_t n = assetReturns[0].size();
    if (n < 2)
        return invalid("need at least two returns per asset");
    std::vector<double> mu(k, 0.0), cov(k * k, 0.0);
    for (std::size_t i = 0; i < k; ++i) {
        if (assetReturns[i].size() != n)
            return invalid("asset return series differ in length");
        for (double v : assetReturns[i]) {
            if (!std::isfinite(v))
                return invalid("asset returns contain a missing value");
            mu[i] += v;
        }
        mu[i] /= double(n);
    }
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j <= i; ++j) {
            double s = 0.0;
            for (std::size_t t = 0; t < n; ++t)
                s += (assetReturns[i][t] - mu[i]) * (assetReturns[j][t] - mu[j]);
            cov[i * k + j] = cov[j * k + i] = s / double(n - 1);
        }
    return monteCarloVar(mu, cov, weights, p, options, c, progress);
}

Result<SimulationResult> filteredHistoricalVar(std::span<const double> r, double p,
    FilterModel model, const SimulationOptions& options, const RiskConventions& c)
{
    if (!(p > 0.0 && p < 1.0))
        return invalid("confidence level must lie strictly between 0 and 1");
    if (r.size() < 50)
        return invalid("filtered historical simulation needs at least 50 returns");
    if (options.scenarios < 2 || options.blockSize == 0)
        return invalid("need at least 2 scenarios and a positive block size");
    std::vector<double> variance;
    double mu = 0.0;
    if (model == FilterModel::Ewma) {
        auto v = ewmaVariance(r, 0.94);
        if (!v)
            return v.error();
        variance = std::move(*v);
    } else {
        auto fit = fitGarch11(r);
        if (!fit)
            return fit.error();
        variance = fit->conditionalVariance;
        mu = fit->params.mu;
    }
    std::vector<double> z(r.size());
    for (std::size_t t = 0; t < r.size(); ++t) {
        if (!(variance[t] > 0.0))
            return invalid("conditional variance is zero: cannot standardise the returns");
        z[t] = (r[t] - mu) / std::sqrt(variance[t]);
    }
    const double sigma = std::sqrt(variance.back());
    const std::size_t n = options.scenarios;
    const std::size_t blocks = (n + options.blockSize - 1) / options.blockSize;
    std::vector<double> pnl(n);
    runBlocks(blocks, threadCount(options), options.blockSize, n, {}, [&](std::size_t b) {
        Xoshiro256 rng(options.seed, b);
        const std::size_t end = std::min(n, (b + 1) * options.blockSize);
        for (std::size_t s = b * options.blockSize; s < end; ++s) {
            const auto idx = std::size_t(rng.uniform() * double(z.size()));
            pnl[s] = mu + sigma * z[std::min(idx, z.size() - 1)];
        }
    });
    SimulationResult result;
    result.scenarios = n;
    tailStatistics(pnl, 1.0 - p, result.var, result.es);
    result.var = signedLoss(result.var, c);
    result.es = signedLoss(result.es, c);
    return result;
}

} // namespace marketlens::core::risk
