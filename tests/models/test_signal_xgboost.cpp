// XGBoost's random forest and gradient boosting behind SignalClassifier
// (models/signals/xgboost_classifier.cpp), on synthetic data whose truth is known:
// - a planted feature drives the label: test accuracy well above chance and that feature has the
//   largest mean |SHAP|;
// - labels independent of the features: test accuracy within a binomial bound of 1/2 (each test
//   row is right with probability exactly 1/2 whatever the model);
// - TreeSHAP rows plus their base add up to the model's margin, logit(P(up));
// - serialize/load gives identical probabilities; 3 classes; the same seed gives the same model;
//   cancelling through the progress callback; errors.
#include <QTest>

// moc reads `signals` as Qt's keyword even with QT_NO_KEYWORDS and cannot parse the namespace
// marketlens::models::signals: everything naming it is hidden from moc (Q_MOC_RUN), which only
// needs the test class below.
#ifndef Q_MOC_RUN
#include "models/signals/signal_classifier.h"

#include <cmath>
#include <random>

using namespace marketlens;
using namespace marketlens::models::signals;

Q_DECLARE_METATYPE(marketlens::models::signals::ClassifierKind)

namespace {

constexpr std::size_t kCols = 6;
constexpr std::size_t kPlanted = 2;

struct Data {
    FeatureRows x;
    std::vector<int> y;
};

// Standard normal columns. Labels: 2 classes, up when x[planted] + noise > 0; 3 classes, the
// same score cut at -0.5 and 0.5; `shuffled`: fair coins independent of everything.
Data makeData(std::size_t rows, std::uint64_t seed, int classes = 2, bool shuffled = false)
{
    std::mt19937_64 gen(seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::bernoulli_distribution coin(0.5);
    Data d;
    d.x.rows = rows;
    d.x.cols = kCols;
    d.x.values.resize(rows * kCols);
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < kCols; ++c)
            d.x.values[r * kCols + c] = normal(gen);
        const double score = d.x.values[r * kCols + kPlanted] + 0.5 * normal(gen);
        if (shuffled)
            d.y.push_back(coin(gen) ? 1 : 0);
        else if (classes == 2)
            d.y.push_back(score > 0 ? 1 : 0);
        else
            d.y.push_back(score < -0.5 ? 0 : score > 0.5 ? 2 : 1);
    }
    return d;
}

double accuracy(const std::vector<double>& proba, const std::vector<int>& y, int classes)
{
    std::size_t right = 0;
    for (std::size_t r = 0; r < y.size(); ++r) {
        const double* p = proba.data() + r * std::size_t(classes);
        const int best = int(std::max_element(p, p + classes) - p);
        right += best == y[r];
    }
    return double(right) / double(y.size());
}

ClassifierParams quickParams()
{
    ClassifierParams p;
    p.trees = 60;
    p.learningRate = 0.1;
    p.threads = 1; // OpenMP threads spin badly on shared, busy cores
    p.seed = 7;
    return p;
}

} // namespace
#endif // Q_MOC_RUN

class TestSignalXgboost : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void kinds_data();
    void learnsPlantedFeature_data() { kinds_data(); }
    void learnsPlantedFeature();
    void shuffledLabelsGiveChance_data() { kinds_data(); }
    void shuffledLabelsGiveChance();
    void shapAddsUpToMargin_data() { kinds_data(); }
    void shapAddsUpToMargin();
    void roundTrip_data() { kinds_data(); }
    void roundTrip();
    void threeClasses_data() { kinds_data(); }
    void threeClasses();
    void deterministicForSeed_data() { kinds_data(); }
    void deterministicForSeed();
    void progressAndCancel_data() { kinds_data(); }
    void progressAndCancel();
    void errors();
};

void TestSignalXgboost::kinds_data()
{
    QTest::addColumn<ClassifierKind>("kind");
    QTest::newRow("gbm") << ClassifierKind::GradientBoosting;
    QTest::newRow("rf") << ClassifierKind::RandomForest;
}

void TestSignalXgboost::learnsPlantedFeature()
{
    QFETCH(ClassifierKind, kind);
    const Data train = makeData(1500, 1), test = makeData(1000, 2);
    auto model = makeClassifier(kind, quickParams());
    QVERIFY(model);
    QCOMPARE(model->kind(), kind);
    const auto fitted = model->fit(train.x, train.y, 2);
    QVERIFY2(fitted.ok(), fitted.ok() ? "" : fitted.error().message.c_str());
    QCOMPARE(model->classes(), 2);
    QCOMPARE(model->cols(), kCols);
    auto proba = model->predictProba(test.x);
    QVERIFY(proba);
    QCOMPARE(proba->size(), test.x.rows * 2);
    for (std::size_t r = 0; r < test.x.rows; ++r)
        QVERIFY(std::abs((*proba)[2 * r] + (*proba)[2 * r + 1] - 1.0) < 1e-12);
    // The best possible accuracy is P(sign(x + 0.5 e) = sign(x)) = 1 - atan(0.5) / pi = 0.852.
    const double acc = accuracy(*proba, test.y, 2);
    qInfo("test accuracy %.4f (best possible 0.852)", acc);
    QVERIFY2(acc > 0.78, qPrintable(QString::number(acc)));

    auto shap = model->explain(test.x);
    QVERIFY(shap);
    QCOMPARE(shap->method, std::string("TreeSHAP"));
    QCOMPARE(shap->unit, std::string("log-odds of up"));
    QCOMPARE(shap->rows, test.x.rows);
    QCOMPARE(shap->cols, kCols);
    std::vector<double> meanAbs(kCols, 0.0);
    for (std::size_t r = 0; r < shap->rows; ++r)
        for (std::size_t c = 0; c < kCols; ++c)
            meanAbs[c] += std::abs(shap->values[r * kCols + c]) / double(shap->rows);
    const std::size_t top =
        std::size_t(std::max_element(meanAbs.begin(), meanAbs.end()) - meanAbs.begin());
    QCOMPARE(top, kPlanted);
    // ...by far: the others only fit noise.
    for (std::size_t c = 0; c < kCols; ++c)
        if (c != kPlanted)
            QVERIFY(meanAbs[c] < 0.25 * meanAbs[kPlanted]);
}

void TestSignalXgboost::shuffledLabelsGiveChance()
{
    QFETCH(ClassifierKind, kind);
    const Data train = makeData(1500, 3, 2, true), test = makeData(2000, 4, 2, true);
    auto model = makeClassifier(kind, quickParams());
    QVERIFY(model->fit(train.x, train.y, 2).ok());
    auto proba = model->predictProba(test.x);
    QVERIFY(proba);
    // Right answers ~ Binomial(2000, 1/2): sd = 0.0112 in accuracy; 4 sd either side.
    const double acc = accuracy(*proba, test.y, 2);
    const double bound = 4.0 * std::sqrt(0.25 / double(test.y.size()));
    qInfo("test accuracy %.4f, bound 0.5 +- %.4f", acc, bound);
    QVERIFY2(std::abs(acc - 0.5) < bound, qPrintable(QString::number(acc)));
}

void TestSignalXgboost::shapAddsUpToMargin()
{
    QFETCH(ClassifierKind, kind);
    const Data train = makeData(1200, 5), test = makeData(300, 6);
    auto model = makeClassifier(kind, quickParams());
    QVERIFY(model->fit(train.x, train.y, 2).ok());
    auto proba = model->predictProba(test.x);
    auto shap = model->explain(test.x);
    QVERIFY(proba && shap);
    QCOMPARE(shap->base.size(), test.x.rows);
    double worst = 0;
    for (std::size_t r = 0; r < test.x.rows; ++r) {
        const double up = (*proba)[2 * r + 1];
        const double margin = std::log(up / (1.0 - up));
        double sum = shap->base[r];
        for (std::size_t c = 0; c < kCols; ++c)
            sum += shap->values[r * kCols + c];
        worst = std::max(worst, std::abs(sum - margin));
    }
    qInfo("largest |base + sum of SHAP - logit(P(up))| %.3g", worst);
    QVERIFY2(worst < 1e-4, qPrintable(QString::number(worst)));
    // The bias is the same for every row (the model's expected margin).
    for (double b : shap->base)
        QCOMPARE(b, shap->base.front());
}

void TestSignalXgboost::roundTrip()
{
    QFETCH(ClassifierKind, kind);
    const Data train = makeData(800, 7), test = makeData(200, 8);
    for (int classes : {2, 3}) {
        const Data tr = classes == 2 ? train : makeData(800, 7, 3);
        auto model = makeClassifier(kind, quickParams());
        QVERIFY(model->fit(tr.x, tr.y, classes).ok());
        auto bytes = model->serialize();
        QVERIFY(bytes);
        QVERIFY(bytes->size() > 100);
        auto loaded = loadClassifier(kind, quickParams(), *bytes, kCols, classes);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
        QCOMPARE((*loaded)->kind(), kind);
        QCOMPARE((*loaded)->classes(), classes);
        QCOMPARE((*loaded)->cols(), kCols);
        auto a = model->predictProba(test.x), b = (*loaded)->predictProba(test.x);
        QVERIFY(a && b);
        QVERIFY(*a == *b); // bit for bit
        auto sa = model->explain(test.x), sb = (*loaded)->explain(test.x);
        QVERIFY(sa && sb);
        QVERIFY(sa->values == sb->values);
        // The stored model says how many classes and features it has.
        QVERIFY(!loadClassifier(kind, quickParams(), *bytes, kCols + 1, classes).ok());
        QVERIFY(!loadClassifier(kind, quickParams(), *bytes, kCols, 5 - classes).ok());
    }
}

void TestSignalXgboost::threeClasses()
{
    QFETCH(ClassifierKind, kind);
    const Data train = makeData(1500, 9, 3), test = makeData(1000, 10, 3);
    auto model = makeClassifier(kind, quickParams());
    QVERIFY(model->fit(train.x, train.y, 3).ok());
    QCOMPARE(model->classes(), 3);
    auto proba = model->predictProba(test.x);
    QVERIFY(proba);
    QCOMPARE(proba->size(), test.x.rows * 3);
    for (std::size_t r = 0; r < test.x.rows; ++r) {
        double sum = 0;
        for (int c = 0; c < 3; ++c) {
            const double p = (*proba)[3 * r + std::size_t(c)];
            QVERIFY(p > 0 && p < 1);
            sum += p;
        }
        QVERIFY(std::abs(sum - 1.0) < 1e-12);
    }
    // The three classes have shares of about 0.24 / 0.52 / 0.24: the majority scores ~0.52.
    const double acc = accuracy(*proba, test.y, 3);
    qInfo("3-class test accuracy %.4f", acc);
    QVERIFY2(acc > 0.65, qPrintable(QString::number(acc)));
    // The up class's contributions: the planted feature first; larger P(up) where it is larger.
    auto shap = model->explain(test.x);
    QVERIFY(shap);
    QCOMPARE(shap->values.size(), test.x.rows * kCols);
    std::vector<double> meanAbs(kCols, 0.0);
    for (std::size_t r = 0; r < shap->rows; ++r)
        for (std::size_t c = 0; c < kCols; ++c)
            meanAbs[c] += std::abs(shap->values[r * kCols + c]);
    QCOMPARE(std::size_t(std::max_element(meanAbs.begin(), meanAbs.end()) - meanAbs.begin()),
        kPlanted);
    double covariance = 0;
    for (std::size_t r = 0; r < shap->rows; ++r)
        covariance += shap->values[r * kCols + kPlanted] * test.x.at(r, kPlanted);
    QVERIFY(covariance > 0);
}

void TestSignalXgboost::deterministicForSeed()
{
    QFETCH(ClassifierKind, kind);
    const Data train = makeData(1000, 11), test = makeData(200, 12);
    auto run = [&](std::uint64_t seed) {
        ClassifierParams p = quickParams();
        p.seed = seed;
        auto model = makeClassifier(kind, p);
        if (!model->fit(train.x, train.y, 2).ok())
            return std::vector<double> {};
        auto proba = model->predictProba(test.x);
        return proba ? *proba : std::vector<double> {};
    };
    const auto a = run(21), b = run(21), c = run(22);
    QVERIFY(!a.empty());
    QVERIFY(a == b);
    QVERIFY(a != c); // rows and columns are subsampled by the seed
}

void TestSignalXgboost::progressAndCancel()
{
    QFETCH(ClassifierKind, kind);
    const Data train = makeData(600, 13);
    ClassifierParams p = quickParams();
    p.trees = 20;
    auto model = makeClassifier(kind, p);
    std::vector<std::pair<int, int>> calls;
    QVERIFY(model
                ->fit(train.x, train.y, 2,
                    [&](int done, int total) {
                        calls.emplace_back(done, total);
                        return true;
                    })
                .ok());
    QVERIFY(calls.size() >= 2);
    QCOMPARE(calls.front(), std::make_pair(0, 20));
    QCOMPARE(calls.back(), std::make_pair(20, 20));
    for (std::size_t i = 1; i < calls.size(); ++i)
        QVERIFY(calls[i].first > calls[i - 1].first);
    if (kind == ClassifierKind::GradientBoosting)
        QCOMPARE(calls.size(), std::size_t(21)); // one report per round
    const auto trained = model->predictProba(train.x);
    QVERIFY(trained);

    // Cancelled: an error, and the previous model stays.
    int seen = 0;
    const auto cancelled = model->fit(train.x, train.y, 2, [&](int done, int) {
        ++seen;
        return done == 0;
    });
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().code, core::ErrorCode::Cancelled);
    QCOMPARE(seen, 2); // stopped after the first report past the start
    const auto after = model->predictProba(train.x);
    QVERIFY(after && *after == *trained);

    // A fresh model cancelled at once stays untrained.
    auto fresh = makeClassifier(kind, p);
    const auto stopped = fresh->fit(train.x, train.y, 2, [](int, int) { return false; });
    QCOMPARE(stopped.error().code, core::ErrorCode::Cancelled);
    QVERIFY(!fresh->predictProba(train.x).ok());
    QVERIFY(!fresh->serialize().ok());
}

void TestSignalXgboost::errors()
{
    const Data train = makeData(300, 14);
    auto model = makeClassifier(ClassifierKind::GradientBoosting, quickParams());
    // Before fit.
    QVERIFY(!model->predictProba(train.x).ok());
    QVERIFY(!model->explain(train.x).ok());
    // A single class.
    const std::vector<int> ones(train.x.rows, 1);
    auto single = model->fit(train.x, ones, 2);
    QVERIFY(!single.ok());
    QCOMPARE(single.error().code, core::ErrorCode::InvalidArgument);
    // Sizes and labels.
    QVERIFY(!model->fit(train.x, std::vector<int>(train.x.rows - 1, 0), 2).ok());
    std::vector<int> outside = train.y;
    outside[3] = 2;
    QVERIFY(!model->fit(train.x, outside, 2).ok());
    QVERIFY(!model->fit(train.x, train.y, 4).ok());
    QVERIFY(!model->fit(FeatureRows {}, {}, 2).ok());
    // A width mismatch after fit.
    QVERIFY(model->fit(train.x, train.y, 2).ok());
    FeatureRows wide;
    wide.rows = 2;
    wide.cols = kCols + 1;
    wide.values.assign(wide.rows * wide.cols, 0.0);
    auto wrong = model->predictProba(wide);
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().code, core::ErrorCode::InvalidArgument);
    QVERIFY(!model->explain(wide).ok());
    // Garbage, truncated and empty bytes.
    for (const std::string& bytes : {std::string("this is not an XGBoost model"),
             std::string("{\"learner\": 3"), std::string(), std::string(1000, '\x7f')}) {
        auto loaded = loadClassifier(ClassifierKind::GradientBoosting, quickParams(), bytes,
            kCols, 2);
        QVERIFY(!loaded.ok());
        QVERIFY(!loaded.error().message.empty());
    }
    auto bytes = model->serialize();
    QVERIFY(bytes);
    auto truncated = loadClassifier(ClassifierKind::GradientBoosting, quickParams(),
        bytes->substr(0, bytes->size() / 2), kCols, 2);
    QVERIFY(!truncated.ok());
}

QTEST_GUILESS_MAIN(TestSignalXgboost)
#include "test_signal_xgboost.moc"
