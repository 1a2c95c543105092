// Backtest arithmetic of core/signals/signal_backtest.h against cases worked out by hand below:
// positions, costs on each change, equity, the annualised statistics, drawdown, turnover, trades,
// hit rate, exposure and costs paid, for long/flat and long/short with 2 and 3 classes, next to
// buy-and-hold.
#include "core/signals/signal_backtest.h"

#include <QTest>

#include <cmath>
#include <numeric>

using namespace marketlens::core;
using namespace marketlens::core::signals;

namespace {

// Six days of next-day returns used by the worked examples.
const std::vector<double> kR {0.01, -0.02, 0.03, 0.02, -0.01, 0.005};

// Commission 6 bps + slippage 4 bps: c = 0.001 per unit traded.
BacktestSettings settings(PositionMode mode, double costBps = 6, double slippageBps = 4)
{
    BacktestSettings s;
    s.mode = mode;
    s.costBps = costBps;
    s.slippageBps = slippageBps;
    return s;
}

std::vector<Date> datesFor(std::size_t n)
{
    std::vector<Date> d;
    for (std::size_t i = 0; i < n; ++i)
        d.push_back(Date(19000 + std::int32_t(i)));
    return d;
}

bool near(double a, double b, double tol = 1e-12)
{
    return std::abs(a - b) <= tol * std::max(1.0, std::abs(b));
}

bool allNear(const std::vector<double>& a, const std::vector<double>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!near(a[i], b[i]))
            return false;
    return true;
}

// Sample standard deviation (n - 1) of hand-listed deviations from the mean.
double sampleSd(const std::vector<double>& deviations)
{
    double ss = 0;
    for (double d : deviations)
        ss += d * d;
    return std::sqrt(ss / double(deviations.size() - 1));
}

Result<SignalBacktest> run(
    const std::vector<int>& signals, int classes, PositionMode mode, std::size_t n = 6)
{
    return backtestSignal(datesFor(n), signals,
        std::vector<double>(kR.begin(), kR.begin() + std::ptrdiff_t(n)), classes, settings(mode));
}

} // namespace

class TestSignalBacktest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void positionRules()
    {
        QCOMPARE(
            positionsFor({1, 0, 1}, 2, PositionMode::LongFlat), (std::vector<double> {1, 0, 1}));
        QCOMPARE(
            positionsFor({1, 0, 1}, 2, PositionMode::LongShort), (std::vector<double> {1, -1, 1}));
        QCOMPARE(
            positionsFor({2, 1, 0}, 3, PositionMode::LongFlat), (std::vector<double> {1, 0, 0}));
        QCOMPARE(
            positionsFor({2, 1, 0}, 3, PositionMode::LongShort), (std::vector<double> {1, 0, -1}));
    }

    void longFlatTwoClasses()
    {
        // signals    1      1      0      1      0      0
        // r        0.01  -0.02   0.03   0.02  -0.01  0.005
        // p           1      1      0      1      0      0   (p[-1] = 0)
        // |dp|        1      0      1      1      1      0   -> 4 units, 4 trades
        // cost    0.001      0  0.001  0.001  0.001      0   -> costsPaid 0.004
        // g       0.009  -0.02 -0.001  0.019 -0.001      0
        // E       1.009 0.98882 0.98783118 1.0065999724 1.00559337245 1.00559337245
        // mean g = 0.006 / 6 = 0.001; deviations 0.008 -0.021 -0.002 0.018 -0.002 -0.001,
        // squares sum 838e-6, sample variance 167.6e-6, sd 0.0129460...
        // vol = sd sqrt(252) = 0.20551..., Sharpe = 0.001 / sd * sqrt(252) = 1.22620...
        // Peak 1.009 after day 0; the trough on day 2: 1 - 0.98783118 / 1.009 = 1 - 0.98 * 0.999
        // = 0.02098. Turnover 4 / 6 * 252 = 168. Held days 0, 1, 3: r > 0 on 0 and 3 -> 2/3.
        // Exposure 3/6. Total 0.0055933724..., annual 1.0055933724^(252/6) - 1 = 0.26398...
        const auto b = run({1, 1, 0, 1, 0, 0}, 2, PositionMode::LongFlat);
        QVERIFY2(b.ok(), b.ok() ? "" : b.error().message.c_str());
        const StrategyStats& s = b->strategy;
        QCOMPARE(s.name, std::string("signal"));
        QCOMPARE(s.positions, (std::vector<double> {1, 1, 0, 1, 0, 0}));
        QVERIFY(allNear(s.dailyReturns, {0.009, -0.02, -0.001, 0.019, -0.001, 0.0}));
        const double e5 = 1.009 * 0.98 * 0.999 * 1.019 * 0.999;
        QVERIFY(allNear(s.equity,
            {1.009, 1.009 * 0.98, 1.009 * 0.98 * 0.999, 1.009 * 0.98 * 0.999 * 1.019, e5, e5}));
        QVERIFY(near(s.equity.back(), 1.0055933724476));
        QVERIFY(near(s.totalReturn, e5 - 1));
        QVERIFY(near(s.annualReturn, std::pow(e5, 42.0) - 1));
        QVERIFY(near(s.annualReturn, 0.2639820318937, 1e-11));
        const double sd = sampleSd({0.008, -0.021, -0.002, 0.018, -0.002, -0.001});
        QVERIFY(near(sd, std::sqrt(167.6e-6)));
        QVERIFY(near(s.annualVolatility, sd * std::sqrt(252.0)));
        QVERIFY(near(s.sharpe, 0.001 / sd * std::sqrt(252.0)));
        QVERIFY(near(s.sharpe, 1.2262055098014, 1e-11));
        QVERIFY(near(s.maxDrawdown, 0.02098));
        QVERIFY(near(s.turnover, 168.0));
        QCOMPARE(s.trades, 4L);
        QVERIFY(near(s.hitRate, 2.0 / 3.0));
        QCOMPARE(s.exposure, 0.5);
        QVERIFY(near(s.costsPaid, 0.004));
        QCOMPARE(b->dates, datesFor(6));

        // Buy-and-hold on the same days: p = 1 throughout, one unit bought on day 0.
        // g = 0.009 -0.02 0.03 0.02 -0.01 0.005 (only day 0 pays 0.001)
        // E5 = 1.009 * 0.98 * 1.03 * 1.02 * 0.99 * 1.005 = 1.0336080778...
        // mean 0.034 / 6; deviations from it give sd 0.0185112...; Sharpe 4.8595...
        // Peak 1.009, day 1 at 0.98882: drawdown 0.02 (later peaks fall less).
        // Turnover 1 / 6 * 252 = 42, one trade, hit rate 4/6, exposure 1, costs 0.001.
        const StrategyStats& h = b->buyAndHold;
        QCOMPARE(h.name, std::string("buy and hold"));
        QCOMPARE(h.positions, std::vector<double>(6, 1.0));
        QVERIFY(allNear(h.dailyReturns, {0.009, -0.02, 0.03, 0.02, -0.01, 0.005}));
        const double h5 = 1.009 * 0.98 * 1.03 * 1.02 * 0.99 * 1.005;
        QVERIFY(near(h.totalReturn, h5 - 1));
        QVERIFY(near(h.annualReturn, std::pow(h5, 42.0) - 1));
        const double hm = 0.034 / 6;
        const double hsd
            = sampleSd({0.009 - hm, -0.02 - hm, 0.03 - hm, 0.02 - hm, -0.01 - hm, 0.005 - hm});
        QVERIFY(near(h.annualVolatility, hsd * std::sqrt(252.0)));
        QVERIFY(near(h.sharpe, hm / hsd * std::sqrt(252.0)));
        QVERIFY(near(h.sharpe, 4.8595047064714, 1e-11));
        QVERIFY(near(h.maxDrawdown, 0.02));
        QVERIFY(near(h.turnover, 42.0));
        QCOMPARE(h.trades, 1L);
        QVERIFY(near(h.hitRate, 4.0 / 6.0));
        QCOMPARE(h.exposure, 1.0);
        QVERIFY(near(h.costsPaid, 0.001));

        // 0.56 % against 3.36 %, Sharpe 1.23 against 4.86: not better.
        QVERIFY(!b->beatsBuyAndHold);
        QCOMPARE(b->verdict,
            std::string("The signal does not beat buy-and-hold after costs (total return 0.6 % "
                        "vs 3.4 %, Sharpe 1.23 vs 4.86)."));
    }

    void longShortThreeClasses()
    {
        // signals    2      0      2      1      0      2
        // p           1     -1      1      0     -1      1
        // |dp|        1      2      2      1      1      2   -> 9 units, 6 trades
        // cost    0.001  0.002  0.002  0.001  0.001  0.002   -> costsPaid 0.009
        // p r      0.01   0.02   0.03      0   0.01  0.005   (every held day earns: hit rate 1)
        // g       0.009  0.018  0.028 -0.001  0.009  0.003
        // mean 0.066 / 6 = 0.011; deviations -0.002 0.007 0.017 -0.012 -0.002 -0.008
        // (squares 554e-6, variance 110.8e-6); Sharpe 0.011 / sd * sqrt(252) = 16.589...
        // The only fall is day 3's cost: drawdown 1 - 0.999 = 0.001. Turnover 9 / 6 * 252 = 378.
        // Exposure 5/6.
        const auto b = run({2, 0, 2, 1, 0, 2}, 3, PositionMode::LongShort);
        QVERIFY(b.ok());
        const StrategyStats& s = b->strategy;
        QCOMPARE(s.positions, (std::vector<double> {1, -1, 1, 0, -1, 1}));
        QVERIFY(allNear(s.dailyReturns, {0.009, 0.018, 0.028, -0.001, 0.009, 0.003}));
        const double e5 = 1.009 * 1.018 * 1.028 * 0.999 * 1.009 * 1.003;
        QVERIFY(near(s.totalReturn, e5 - 1));
        QVERIFY(near(s.totalReturn, 0.0675534942241, 1e-11));
        QVERIFY(near(s.annualReturn, std::pow(e5, 42.0) - 1));
        const double sd = sampleSd({-0.002, 0.007, 0.017, -0.012, -0.002, -0.008});
        QVERIFY(near(sd, std::sqrt(110.8e-6)));
        QVERIFY(near(s.annualVolatility, sd * std::sqrt(252.0)));
        QVERIFY(near(s.sharpe, 0.011 / sd * std::sqrt(252.0)));
        QVERIFY(near(s.maxDrawdown, 0.001));
        QVERIFY(near(s.turnover, 378.0));
        QCOMPARE(s.trades, 6L);
        QCOMPARE(s.hitRate, 1.0);
        QVERIFY(near(s.exposure, 5.0 / 6.0));
        QVERIFY(near(s.costsPaid, 0.009));
        // Higher total return (6.76 % vs 3.36 %) and Sharpe (16.59 vs 4.86).
        QVERIFY(b->beatsBuyAndHold);
        QCOMPARE(b->verdict,
            std::string("The signal beats buy-and-hold after costs (total return 6.8 % vs 3.4 %, "
                        "Sharpe 16.59 vs 4.86)."));
    }

    void longShortTwoClasses()
    {
        // signals    1      0      0      1      1      0
        // p           1     -1     -1      1      1     -1
        // |dp|        1      2      0      2      0      2   -> 7 units on 4 days
        // g       0.009  0.018  -0.03  0.018  -0.01 -0.007
        // E peaks at 1.027162 (day 1); day 2 is 1.027162 * 0.97: drawdown 0.03, and later
        // values stay above 0.97 of it. p r > 0 on days 0, 1, 3: hit rate 3/6; exposure 1.
        const auto b = run({1, 0, 0, 1, 1, 0}, 2, PositionMode::LongShort);
        QVERIFY(b.ok());
        const StrategyStats& s = b->strategy;
        QCOMPARE(s.positions, (std::vector<double> {1, -1, -1, 1, 1, -1}));
        QVERIFY(allNear(s.dailyReturns, {0.009, 0.018, -0.03, 0.018, -0.01, -0.007}));
        QVERIFY(near(s.totalReturn, 1.009 * 1.018 * 0.97 * 1.018 * 0.99 * 0.993 - 1));
        QVERIFY(near(s.maxDrawdown, 0.03));
        QVERIFY(near(s.turnover, 7.0 / 6.0 * 252));
        QCOMPARE(s.trades, 4L);
        QCOMPARE(s.hitRate, 0.5);
        QCOMPARE(s.exposure, 1.0);
        QVERIFY(near(s.costsPaid, 0.007));
        QVERIFY(!b->beatsBuyAndHold);
    }

    void longFlatThreeClasses()
    {
        // signals 2 1 0 2 2 1 -> p 1 0 0 1 1 0 (flat and down both mean cash);
        // |dp| 1 1 0 1 0 1, g 0.009 -0.001 0 0.019 -0.01 -0.001.
        const auto b = run({2, 1, 0, 2, 2, 1}, 3, PositionMode::LongFlat);
        QVERIFY(b.ok());
        const StrategyStats& s = b->strategy;
        QCOMPARE(s.positions, (std::vector<double> {1, 0, 0, 1, 1, 0}));
        QVERIFY(allNear(s.dailyReturns, {0.009, -0.001, 0.0, 0.019, -0.01, -0.001}));
        QVERIFY(near(s.totalReturn, 1.009 * 0.999 * 1.019 * 0.99 * 0.999 - 1));
        // Peak 1.009 * 0.999 * 1.019 on day 3; day 4 falls 1 % and day 5 a further 0.1 %.
        QVERIFY(near(s.maxDrawdown, 1 - 0.99 * 0.999));
        QCOMPARE(s.trades, 4L);
        QVERIFY(near(s.hitRate, 2.0 / 3.0)); // held days 0, 3, 4
        QCOMPARE(s.exposure, 0.5);
        QVERIFY(near(s.costsPaid, 0.004));
    }

    void buyAndHoldPaysOnce()
    {
        // Default costs 5 + 2 bps: c = 0.0007, charged on day 0 only, whatever the signal.
        const std::vector<double> r {0.02, 0.01, -0.03, 0.0};
        const auto b = backtestSignal(datesFor(4), {0, 0, 0, 0}, r, 2);
        QVERIFY(b.ok());
        const StrategyStats& h = b->buyAndHold;
        QVERIFY(allNear(h.dailyReturns, {0.02 - 0.0007, 0.01, -0.03, 0.0}));
        QVERIFY(near(h.costsPaid, 0.0007));
        QCOMPARE(h.trades, 1L);
        QVERIFY(near(h.totalReturn, 1.0193 * 1.01 * 0.97 - 1));
        QVERIFY(near(h.turnover, 252.0 / 4));
        // Always flat: nothing traded, nothing earned; no spread, so no Sharpe; no held days.
        const StrategyStats& s = b->strategy;
        QCOMPARE(s.equity, std::vector<double>(4, 1.0));
        QCOMPARE(s.totalReturn, 0.0);
        QCOMPARE(s.annualReturn, 0.0);
        QCOMPARE(s.annualVolatility, 0.0);
        QVERIFY(std::isnan(s.sharpe));
        QCOMPARE(s.maxDrawdown, 0.0);
        QCOMPARE(s.turnover, 0.0);
        QCOMPARE(s.trades, 0L);
        QVERIFY(std::isnan(s.hitRate));
        QCOMPARE(s.exposure, 0.0);
        QCOMPARE(s.costsPaid, 0.0);
        QVERIFY(!b->beatsBuyAndHold); // NaN Sharpe is never higher
    }

    void zeroCostsAreTheProductOfReturns()
    {
        const std::vector<double> r {0.013, -0.007, 0.021, -0.015, 0.004, 0.009, -0.011};
        const std::vector<int> sig {1, 1, 0, 0, 1, 0, 1};
        const auto b
            = backtestSignal(datesFor(7), sig, r, 2, settings(PositionMode::LongFlat, 0, 0));
        QVERIFY(b.ok());
        double held = 1, all = 1;
        for (std::size_t t = 0; t < r.size(); ++t) {
            all *= 1 + r[t];
            if (sig[t] == 1)
                held *= 1 + r[t];
        }
        QVERIFY(near(b->buyAndHold.totalReturn, all - 1));
        QVERIFY(near(b->strategy.totalReturn, held - 1));
        QVERIFY(allNear(b->buyAndHold.dailyReturns, r));
        QCOMPARE(b->strategy.costsPaid, 0.0);
        QCOMPARE(b->buyAndHold.costsPaid, 0.0);
        QCOMPARE(b->strategy.trades, 5L); // still counted: days 0, 2, 4, 5 and 6 change
    }

    void drawdownFromStartingCash()
    {
        // A first-day loss counts against the starting equity of 1, not against E[0].
        const auto b = backtestSignal(
            datesFor(2), {1, 1}, {-0.05, 0.02}, 2, settings(PositionMode::LongFlat, 0, 0));
        QVERIFY(b.ok());
        QVERIFY(near(b->strategy.maxDrawdown, 0.05));
        // Constant daily returns have no spread: volatility 0 and no Sharpe.
        const auto c = backtestSignal(datesFor(3), {1, 1, 1}, {0.001, 0.001, 0.001}, 2,
            settings(PositionMode::LongFlat, 0, 0));
        QVERIFY(c.ok());
        QCOMPARE(c->strategy.annualVolatility, 0.0);
        QVERIFY(std::isnan(c->strategy.sharpe));
        QVERIFY(near(c->strategy.annualReturn, std::pow(1.001, 252.0) - 1));
        // One day: no sample standard deviation, so no volatility and no Sharpe.
        const auto one = backtestSignal(datesFor(1), {1}, {0.01}, 2);
        QVERIFY(one.ok());
        QVERIFY(std::isnan(one->strategy.annualVolatility) && std::isnan(one->strategy.sharpe));
        QVERIFY(near(one->strategy.totalReturn, 0.01 - 0.0007));
        // A short through a 150 % rise loses more than the book: E = -0.5, no annual return.
        const auto wiped = backtestSignal(
            datesFor(2), {0, 0}, {1.5, 0.0}, 2, settings(PositionMode::LongShort, 0, 0));
        QVERIFY(wiped.ok());
        QVERIFY(near(wiped->strategy.totalReturn, -1.5));
        QVERIFY(std::isnan(wiped->strategy.annualReturn));
        QVERIFY(near(wiped->strategy.maxDrawdown, 1.5));
        // Another annualisation: 365 days.
        BacktestSettings s365 = settings(PositionMode::LongFlat, 0, 0);
        s365.annualisationDays = 365;
        const auto d = backtestSignal(datesFor(2), {1, 0}, {0.01, 0.02}, 2, s365);
        QVERIFY(d.ok());
        QVERIFY(near(d->strategy.annualReturn, std::pow(1.01, 365.0 / 2) - 1));
        QVERIFY(near(d->strategy.turnover, 2.0 / 2 * 365));
    }

    void errors()
    {
        const auto lf = settings(PositionMode::LongFlat);
        QVERIFY(!backtestSignal({}, {}, {}, 2, lf).ok());
        QVERIFY(!backtestSignal(datesFor(3), {1, 0}, {0.1, 0.2}, 2, lf).ok());
        QVERIFY(!backtestSignal(datesFor(2), {1, 0}, {0.1}, 2, lf).ok());
        QVERIFY(!backtestSignal(datesFor(2), {1, 0}, {0.1, NAN}, 2, lf).ok());
        QVERIFY(!backtestSignal(datesFor(2), {1, 0}, {INFINITY, 0.1}, 2, lf).ok());
        QVERIFY(!backtestSignal(datesFor(2), {1, 0}, {0.1, 0.2}, 4, lf).ok());
        QVERIFY(!backtestSignal(datesFor(2), {2, 0}, {0.1, 0.2}, 2, lf).ok());
        QVERIFY(!backtestSignal(datesFor(2), {-1, 0}, {0.1, 0.2}, 2, lf).ok());
        QVERIFY(!backtestSignal(
            datesFor(2), {1, 0}, {0.1, 0.2}, 2, settings(PositionMode::LongFlat, -1, 0))
                     .ok());
        QVERIFY(!backtestSignal(
            datesFor(2), {1, 0}, {0.1, 0.2}, 2, settings(PositionMode::LongFlat, 0, -0.5))
                     .ok());
        QVERIFY(!backtestSignal(
            datesFor(2), {1, 0}, {0.1, 0.2}, 2, settings(PositionMode::LongFlat, NAN, 0))
                     .ok());
        BacktestSettings noDays = lf;
        noDays.annualisationDays = 0;
        QVERIFY(!backtestSignal(datesFor(2), {1, 0}, {0.1, 0.2}, 2, noDays).ok());
        const auto e = backtestSignal(datesFor(2), {1, 0}, {0.1, NAN}, 2, lf);
        QCOMPARE(e.error().code, ErrorCode::InvalidArgument);
        QVERIFY(QByteArray::fromStdString(e.error().message).contains("day 1"));
    }
};

QTEST_GUILESS_MAIN(TestSignalBacktest)
#include "test_signal_backtest.moc"
