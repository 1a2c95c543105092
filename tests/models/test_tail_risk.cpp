// The learned tail-risk score (models/tail_risk.h): on GARCH(1,1) series, where high recent
// volatility makes losses beyond the 95 % VaR more likely, the 1D-CNN beats the historical base
// rate on the test part (Brier skill > 0, lift > 1, AUC > 0.5); on the real DowJones30 prices it
// gives probabilities in (0, 1) with consistent calibration; its project record round-trips.
#include "core/forecast/model_store.h"
#include "core/project_store.h"
#include "models/tail_risk.h"
#include "models/torch_runtime.h"
#include "tests/core/wide_prices_test_data.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace marketlens;
using namespace marketlens::models;

namespace {

// Prices of a GARCH(1,1) return process with Student-t(5) shocks, one per weekday.
core::PriceSeries garchSeries(const std::string& ticker, std::size_t days, std::uint32_t seed)
{
    std::mt19937 gen(seed);
    std::student_t_distribution<double> shock(5.0);
    const double tScale = std::sqrt(3.0 / 5.0); // unit variance
    const double omega = 2e-6, alpha = 0.12, beta = 0.86;
    double h = omega / (1.0 - alpha - beta);
    double price = 50.0, previous = 0.0;
    core::PriceSeries s;
    s.ticker = ticker;
    std::int32_t day = 10000;
    for (std::size_t i = 0; i < days; ++i) {
        h = omega + alpha * previous * previous + beta * h;
        previous = std::sqrt(h) * tScale * shock(gen);
        price *= std::exp(previous);
        s.dates.push_back(core::Date(day));
        day += (core::Date(day).dayOfWeek() == 5) ? 3 : 1;
        s.close.push_back(price);
        s.adjClose.push_back(core::kMissing);
    }
    return s;
}

// A small network and few epochs: the tests check the pipeline and that volatility clustering
// is learned, not the best achievable score (2 shared CPU cores).
TailRiskConfig quickConfig(int epochs)
{
    TailRiskConfig c;
    c.window = 30;
    c.hidden = 16;
    c.layers = 2;
    c.training.epochs = epochs;
    c.training.batchSize = 128;
    c.training.learningRate = 2e-3;
    c.training.patience = 3;
    c.training.seed = 11;
    c.training.device = Device::Cpu;
    return c;
}

void epochLog(const TrainProgress& p)
{
    if (p.epochEnd)
        qInfo("epoch %d/%d: train %.4f, validation %.4f, %.1f s", p.epoch, p.epochs, p.trainLoss,
            p.valLoss, p.elapsedSeconds);
}

void checkConsistent(const TailRiskResult& r, std::size_t holdings)
{
    const TailRiskCalibration& c = r.calibration;
    QVERIFY(c.testCount > 100);
    QCOMPARE(c.reliability.size(), std::size_t(10));
    std::size_t sum = 0;
    double weighted = 0.0;
    for (const ReliabilityBin& b : c.reliability) {
        sum += b.count;
        weighted += double(b.count) * b.observedRate;
        if (b.count > 0)
            QVERIFY(b.meanPredicted >= b.lower - 1e-12 && b.meanPredicted <= b.upper + 1e-12);
    }
    QCOMPARE(sum, c.testCount);
    // The bins' observed rates, weighted by count, give back the test part's rate.
    QVERIFY(std::abs(weighted / double(sum) - c.testRate) < 1e-9);
    QVERIFY(c.baseRate > 0.0 && c.baseRate < 1.0);
    QVERIFY(std::abs(c.brierSkill - (1.0 - c.brier / c.brierBaseRate)) < 1e-12);
    QVERIFY(std::abs(c.brierBaseRate
                - (c.baseRate * c.baseRate * (1.0 - c.testRate)
                    + (1.0 - c.baseRate) * (1.0 - c.baseRate) * c.testRate))
        < 1e-12);
    QVERIFY(c.auc >= 0.0 && c.auc <= 1.0);
    QCOMPARE(r.scores.size(), holdings);
    for (const TailRiskScore& s : r.scores) {
        QVERIFY2(s.probability > 0.0 && s.probability < 1.0, s.ticker.c_str());
        QVERIFY(s.baseRate > 0.0 && s.baseRate < 1.0);
    }
    QVERIFY(r.trainLast < r.validationLast);
    QVERIFY(r.trainCount > r.validationCount);
    QVERIFY(std::abs(r.positiveWeight - (1.0 - c.baseRate) / c.baseRate) < 1e-9);
    QVERIFY(!r.outcome.history.empty());
}

} // namespace

class TestTailRisk : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initTorchRuntime(); }

    void garchVolatilityClusteringIsLearned()
    {
        std::vector<core::PriceSeries> holdings;
        for (std::uint32_t i = 0; i < 4; ++i)
            holdings.push_back(
                garchSeries(std::string(1, static_cast<char>('G' + i)), 1600, 100 + i));
        auto r = trainTailRisk(holdings, quickConfig(6), epochLog);
        QVERIFY2(r, r ? "" : r.error().message.c_str());
        checkConsistent(*r, holdings.size());
        const TailRiskCalibration& c = r->calibration;
        qInfo("GARCH: test %zu, base %.3f, test rate %.3f, Brier %.4f vs %.4f, skill %.3f, "
              "lift %.2f, AUC %.3f, %d epochs",
            c.testCount, c.baseRate, c.testRate, c.brier, c.brierBaseRate, c.brierSkill, c.lift,
            c.auc, int(r->outcome.history.size()));
        QVERIFY2(c.brierSkill > 0.0, qPrintable(QString::number(c.brierSkill)));
        QVERIFY2(c.lift > 1.0, qPrintable(QString::number(c.lift)));
        QVERIFY2(c.auc > 0.55, qPrintable(QString::number(c.auc)));
        QCOMPARE(r->scores[0].asOf, holdings[0].dates.back());
    }

    void sameSeedSameScores()
    {
        std::vector<core::PriceSeries> holdings
            = {garchSeries("A", 900, 1), garchSeries("B", 900, 2)};
        TailRiskConfig c = quickConfig(2);
        c.hidden = 8;
        c.layers = 1;
        auto a = trainTailRisk(holdings, c);
        auto b = trainTailRisk(holdings, c);
        QVERIFY(a && b);
        for (std::size_t i = 0; i < holdings.size(); ++i)
            QVERIFY(std::abs(a->scores[i].probability - b->scores[i].probability) < 1e-6);
        QCOMPARE(a->calibration.brier, b->calibration.brier);
    }

    void dowJones30()
    {
        const auto all
            = test::readWidePrices(QStringLiteral(MARKETLENS_TEST_DATA "/dowjones30_prices.csv"));
        QCOMPARE(all.size(), std::size_t(30));
        // The demo portfolio's holdings (few epochs: this checks the pipeline on real data).
        std::vector<core::PriceSeries> holdings;
        for (const auto& s : all) {
            for (const char* t : {"MSFT", "IBM", "KO", "JNJ", "GE", "XOM"})
                if (s.ticker == t)
                    holdings.push_back(s);
        }
        QCOMPARE(holdings.size(), std::size_t(6));
        auto r = trainTailRisk(holdings, quickConfig(2), epochLog);
        QVERIFY2(r, r ? "" : r.error().message.c_str());
        checkConsistent(*r, holdings.size());
        const TailRiskCalibration& c = r->calibration;
        qInfo("DowJones30 (6 holdings): test %zu, base %.3f, test rate %.3f, Brier %.4f vs %.4f, "
              "skill %.3f, lift %.2f, AUC %.3f",
            c.testCount, c.baseRate, c.testRate, c.brier, c.brierBaseRate, c.brierSkill, c.lift,
            c.auc);
        QCOMPARE(r->scores[0].asOf.toIso(), std::string("2001-01-02"));
        // The chronological split: DowJones30 runs 1990-12-31..2001-01-02; windows start after
        // the 250-day VaR, so training ends in the late 1990s and the test part is the last 15 %.
        QVERIFY(r->trainLast.year() >= 1997 && r->trainLast.year() <= 1999);
        QVERIFY(r->validationLast.year() >= 1999);

        // The project record and its metrics round-trip through the store.
        auto rec = tailRiskRecord(*r, quickConfig(2), "Dow Core");
        QVERIFY(rec);
        QCOMPARE(rec->kind, std::string("tailrisk_cnn"));
        QVERIFY(r->trainFirst < r->trainLast);
        QCOMPARE(rec->trainFirst, std::optional<core::Date>(r->trainFirst));
        QCOMPARE(rec->dataHash.size(), std::size_t(64));
        QCOMPARE(rec->dataHash, r->dataHash);
        QVERIFY(!rec->weights.empty());
        QTemporaryDir dir;
        auto store
            = core::ProjectStore::create(dir.filePath(QStringLiteral("t.mlens")).toStdString());
        QVERIFY(store);
        auto id = core::forecast::saveModel(*store, *rec);
        QVERIFY2(id, id ? "" : id.error().message.c_str());
        auto loaded = core::forecast::loadModel(*store, *id);
        QVERIFY(loaded);
        auto parsed = parseTailRiskMetrics(loaded->metricsJson);
        QVERIFY(parsed);
        QCOMPARE(parsed->portfolio, std::string("Dow Core"));
        QCOMPARE(parsed->scores.size(), r->scores.size());
        for (std::size_t i = 0; i < r->scores.size(); ++i) {
            QCOMPARE(parsed->scores[i].ticker, r->scores[i].ticker);
            QCOMPARE(parsed->scores[i].probability, r->scores[i].probability);
            QCOMPARE(parsed->scores[i].asOf, r->scores[i].asOf);
        }
        QCOMPARE(parsed->calibration.testCount, c.testCount);
        QCOMPARE(parsed->calibration.brierSkill, c.brierSkill);
        QCOMPARE(parsed->calibration.reliability.size(), std::size_t(10));
        QVERIFY(!parseTailRiskMetrics("{}"));
        QVERIFY(!parseTailRiskMetrics("not json"));
    }

    void errors()
    {
        QVERIFY(!trainTailRisk({}, quickConfig(1)));
        auto shortSeries = trainTailRisk({garchSeries("S", 200, 3)}, quickConfig(1));
        QVERIFY(!shortSeries);
        QCOMPARE(shortSeries.error().code, core::ErrorCode::InvalidArgument);
        std::atomic_bool cancel {true};
        auto cancelled = trainTailRisk({garchSeries("C", 900, 4)}, quickConfig(1), {}, &cancel);
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, core::ErrorCode::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestTailRisk)
#include "test_tail_risk.moc"
