// The SVM, logistic-regression and MLP signal classifiers on synthetic data with known answers:
// a planted feature drives the label (learned well above chance and ranked first by the model's
// own attributions), shuffled labels give chance accuracy, stored bytes reproduce the
// probabilities, three classes work, a seed repeats a fit, cancel and bad inputs are errors,
// integrated gradients are complete, the logit's contributions add up to its log-odds exactly and
// its coefficients satisfy the optimality conditions of sklearn's objective, and
// ClassifierParams survive JSON.
#include "models/signals/signal_classifier.h"

#include <QTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <random>

using namespace marketlens::models::signals;
using marketlens::core::ErrorCode;

Q_DECLARE_METATYPE(marketlens::models::signals::ClassifierKind)

namespace {

constexpr std::size_t kCols = 6, kPlanted = 2;

struct Data {
    FeatureRows x;
    std::vector<int> y;
};

// Standard normal columns; the label is the sign (2 classes) or tercile (3 classes) of the
// planted column plus noise, or (shuffled) a coin independent of every column.
Data planted(std::size_t n, std::uint64_t seed, int classes = 2, bool shuffled = false)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    Data d;
    d.x.rows = n;
    d.x.cols = kCols;
    d.x.values.resize(n * kCols);
    for (double& v : d.x.values)
        v = normal(rng);
    std::uniform_int_distribution<int> coin(0, classes - 1);
    for (std::size_t r = 0; r < n; ++r) {
        const double z = d.x.at(r, kPlanted) + 0.4 * normal(rng);
        int label = 0;
        if (classes == 2)
            label = z > 0.0 ? 1 : 0;
        else
            label = z < -0.45 ? 0 : (z > 0.45 ? 2 : 1);
        d.y.push_back(shuffled ? coin(rng) : label);
    }
    return d;
}

ClassifierParams testParams()
{
    ClassifierParams p;
    p.epochs = 25; // the MLP learns this problem long before the default 60 epochs
    return p;
}

double accuracy(const std::vector<double>& proba, const std::vector<int>& y, int classes)
{
    std::size_t right = 0;
    for (std::size_t r = 0; r < y.size(); ++r) {
        const auto row = proba.begin() + long(r * std::size_t(classes));
        right += int(std::max_element(row, row + classes) - row) == y[r];
    }
    return double(right) / double(y.size());
}

std::unique_ptr<SignalClassifier> trained(ClassifierKind kind, const Data& d, int classes = 2,
    const ClassifierParams& params = testParams())
{
    auto model = makeClassifier(kind, params);
    if (!model)
        qFatal("no classifier for %s", kindKey(kind).c_str());
    const auto ok = model->fit(d.x, d.y, classes);
    if (!ok)
        qFatal("fit failed: %s", ok.error().message.c_str());
    return model;
}

void addKinds()
{
    QTest::addColumn<ClassifierKind>("kind");
    for (ClassifierKind k : {ClassifierKind::Svm, ClassifierKind::Logistic, ClassifierKind::Mlp})
        QTest::newRow(kindKey(k).c_str()) << k;
}

double logistic(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

} // namespace

class TestSignalClassifiers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void plantedFeatureLearned_data() { addKinds(); }
    void plantedFeatureLearned()
    {
        QFETCH(ClassifierKind, kind);
        const Data train = planted(1500, 1), test = planted(800, 2);
        const auto model = trained(kind, train);
        QCOMPARE(model->kind(), kind);
        QCOMPARE(model->classes(), 2);
        QCOMPARE(model->cols(), kCols);
        const auto proba = model->predictProba(test.x);
        QVERIFY(proba.ok());
        QCOMPARE(proba->size(), test.x.rows * 2);
        for (std::size_t r = 0; r < test.x.rows; ++r)
            QVERIFY(std::abs((*proba)[2 * r] + (*proba)[2 * r + 1] - 1.0) < 1e-9);
        // The label is sign(x + 0.4 e): the Bayes accuracy is 1 - atan(0.4) / pi = 0.879.
        const double acc = accuracy(*proba, test.y, 2);
        QVERIFY2(acc > 0.82, qPrintable(QString::number(acc)));
        const auto attr = model->explain(test.x, 32);
        QVERIFY(attr.ok());
        QCOMPARE(attr->rows, test.x.rows);
        QCOMPARE(attr->cols, kCols);
        QCOMPARE(attr->base.size(), test.x.rows);
        std::vector<double> meanAbs(kCols, 0.0);
        for (std::size_t r = 0; r < attr->rows; ++r)
            for (std::size_t c = 0; c < kCols; ++c)
                meanAbs[c] += std::abs(attr->values[r * kCols + c]) / double(attr->rows);
        const auto top
            = std::size_t(std::max_element(meanAbs.begin(), meanAbs.end()) - meanAbs.begin());
        QCOMPARE(top, kPlanted);
        const std::string method = kind == ClassifierKind::Svm ? "occlusion"
            : kind == ClassifierKind::Logistic                 ? "exact (linear)"
                                                               : "integrated gradients";
        QCOMPARE(attr->method, method);
    }

    void shuffledLabelsGiveChance_data() { addKinds(); }
    void shuffledLabelsGiveChance()
    {
        QFETCH(ClassifierKind, kind);
        const Data train = planted(1500, 3, 2, true), test = planted(1000, 4, 2, true);
        const auto model = trained(kind, train);
        const auto proba = model->predictProba(test.x);
        QVERIFY(proba.ok());
        // Chance is 0.5; the standard error over 1000 rows is 0.016.
        const double acc = accuracy(*proba, test.y, 2);
        QVERIFY2(acc > 0.43 && acc < 0.57, qPrintable(QString::number(acc)));
    }

    void roundTripReproducesProbabilities_data() { addKinds(); }
    void roundTripReproducesProbabilities()
    {
        QFETCH(ClassifierKind, kind);
        for (int classes : {2, 3}) {
            const Data train = planted(900, 5, classes), test = planted(300, 6, classes);
            const auto model = trained(kind, train, classes);
            const auto bytes = model->serialize();
            QVERIFY(bytes.ok());
            QVERIFY(!bytes->empty());
            const auto loaded = loadClassifier(kind, testParams(), *bytes, kCols, classes);
            QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
            QCOMPARE((*loaded)->classes(), classes);
            QCOMPARE((*loaded)->cols(), kCols);
            const auto a = model->predictProba(test.x), b = (*loaded)->predictProba(test.x);
            QVERIFY(a.ok() && b.ok());
            QCOMPARE(a->size(), b->size());
            for (std::size_t i = 0; i < a->size(); ++i)
                QVERIFY2(std::abs((*a)[i] - (*b)[i]) < 1e-9, qPrintable(QString::number(i)));
            // Stored for other columns or classes: refused.
            QVERIFY(!loadClassifier(kind, testParams(), *bytes, kCols + 1, classes).ok());
            QVERIFY(!loadClassifier(kind, testParams(), *bytes, kCols, 5 - classes).ok());
        }
    }

    void threeClasses_data() { addKinds(); }
    void threeClasses()
    {
        QFETCH(ClassifierKind, kind);
        const Data train = planted(1500, 7, 3), test = planted(800, 8, 3);
        const auto model = trained(kind, train, 3);
        QCOMPARE(model->classes(), 3);
        const auto proba = model->predictProba(test.x);
        QVERIFY(proba.ok());
        QCOMPARE(proba->size(), test.x.rows * 3);
        for (std::size_t r = 0; r < test.x.rows; ++r) {
            double sum = 0.0;
            for (int c = 0; c < 3; ++c) {
                const double p = (*proba)[r * 3 + std::size_t(c)];
                QVERIFY(p >= 0.0 && p <= 1.0);
                sum += p;
            }
            QVERIFY(std::abs(sum - 1.0) < 1e-9);
        }
        // Chance is 1/3 (terciles); the planted column separates them well.
        const double acc = accuracy(*proba, test.y, 3);
        QVERIFY2(acc > 0.65, qPrintable(QString::number(acc)));
        const auto attr = model->explain(test.x, 16);
        QVERIFY(attr.ok());
        QCOMPARE(attr->values.size(), test.x.rows * kCols);
    }

    void seedRepeatsFit_data() { addKinds(); }
    void seedRepeatsFit()
    {
        QFETCH(ClassifierKind, kind);
        const Data train = planted(600, 9), test = planted(200, 10);
        const auto a = trained(kind, train)->predictProba(test.x);
        const auto b = trained(kind, train)->predictProba(test.x);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(*a == *b);
        if (kind == ClassifierKind::Mlp) {
            ClassifierParams other = testParams();
            other.seed = 7;
            const auto c = trained(kind, train, 2, other)->predictProba(test.x);
            QVERIFY(c.ok());
            QVERIFY(*c != *a);
        }
    }

    void cancelStopsFit_data() { addKinds(); }
    void cancelStopsFit()
    {
        QFETCH(ClassifierKind, kind);
        const Data train = planted(600, 11);
        auto model = makeClassifier(kind, testParams());
        int calls = 0, lastDone = -1, lastTotal = 0;
        const auto full = model->fit(train.x, train.y, 2, [&](int done, int total) {
            ++calls;
            lastDone = done;
            lastTotal = total;
            return true;
        });
        QVERIFY(full.ok());
        QVERIFY(calls >= 2);
        QCOMPARE(lastDone, lastTotal); // the last report is "finished"
        const auto cancelled = model->fit(train.x, train.y, 2, [](int, int) { return false; });
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
        QVERIFY(!model->predictProba(train.x).ok()); // the cancelled fit left no model
        // Cancelled part-way: after the first progress report.
        int seen = 0;
        const auto later = model->fit(train.x, train.y, 2, [&](int, int) { return ++seen < 2; });
        QCOMPARE(later.error().code, ErrorCode::Cancelled);
        QCOMPARE(seen, 2);
    }

    void refusesBadInput_data() { addKinds(); }
    void refusesBadInput()
    {
        QFETCH(ClassifierKind, kind);
        const Data train = planted(300, 12);
        auto model = makeClassifier(kind, testParams());
        QVERIFY(!model->predictProba(train.x).ok()); // before fit
        QVERIFY(!model->serialize().ok());
        QVERIFY(!model->explain(train.x).ok());
        std::vector<int> single(train.y.size(), 1);
        QCOMPARE(model->fit(train.x, single, 2).error().code, ErrorCode::InvalidArgument);
        std::vector<int> shortLabels(train.y.begin(), train.y.end() - 1);
        QVERIFY(!model->fit(train.x, shortLabels, 2).ok());
        std::vector<int> outside = train.y;
        outside[0] = 2;
        QVERIFY(!model->fit(train.x, outside, 2).ok());
        QVERIFY(!model->fit(train.x, train.y, 4).ok());
        QVERIFY(!model->fit(FeatureRows {}, {}, 2).ok());
        FeatureRows nan = train.x;
        nan.values[5] = std::nan("");
        QVERIFY(!model->fit(nan, train.y, 2).ok());
        QVERIFY(model->fit(train.x, train.y, 2).ok());
        FeatureRows narrow;
        narrow.rows = 2;
        narrow.cols = kCols - 1;
        narrow.values.assign(2 * (kCols - 1), 0.0);
        QVERIFY(!model->predictProba(narrow).ok());
        QVERIFY(!model->explain(narrow).ok());
        for (const std::string& bytes : {std::string(), std::string("not a model"),
                 std::string("{\"format\":\"marketlens-logit\"}"), std::string(200, '\x01')}) {
            const auto loaded = loadClassifier(kind, testParams(), bytes, kCols, 2);
            QVERIFY(!loaded.ok());
        }
        // Another kind's bytes are refused too.
        const auto logitBytes = trained(ClassifierKind::Logistic, train)->serialize();
        if (kind != ClassifierKind::Logistic)
            QVERIFY(!loadClassifier(kind, testParams(), *logitBytes, kCols, 2).ok());
    }

    // Midpoint-rule integrated gradients: sum of attributions = P(up | x) - P(up | 0). The
    // integrand jumps where a ReLU switches along the path, so the rule's error falls like
    // 1 / steps (measured: 1.4e-3 at 64 steps on this model); 512 steps bring it below 1e-3.
    void integratedGradientsAreComplete()
    {
        const Data train = planted(900, 13), test = planted(60, 14);
        for (int classes : {2, 3}) {
            const Data tr = classes == 2 ? train : planted(900, 15, 3);
            const auto model = trained(ClassifierKind::Mlp, tr, classes);
            const auto attr = model->explain(test.x, 512);
            QVERIFY(attr.ok());
            QCOMPARE(attr->unit, std::string("probability of up"));
            FeatureRows zero;
            zero.rows = 1;
            zero.cols = kCols;
            zero.values.assign(kCols, 0.0);
            const auto p0 = model->predictProba(zero);
            const auto p = model->predictProba(test.x);
            const auto k = std::size_t(classes);
            QVERIFY(p0.ok() && p.ok());
            for (std::size_t r = 0; r < test.x.rows; ++r) {
                QVERIFY(std::abs(attr->base[r] - (*p0)[k - 1]) < 1e-6);
                double sum = 0.0;
                for (std::size_t c = 0; c < kCols; ++c)
                    sum += attr->values[r * kCols + c];
                const double gap = (*p)[r * k + k - 1] - (*p0)[k - 1];
                QVERIFY2(std::abs(sum - gap) < 1e-3,
                    qPrintable(QString("row %1: %2 vs %3").arg(r).arg(sum).arg(gap)));
            }
        }
    }

    // contributions + base = logit P(up) (2 classes), log(P(up) / P(down)) (3 classes), to
    // rounding; and the coefficients are the optimum of C * sum(log-loss) + |w|^2 / 2: the
    // gradient C * X'(p - y) + w vanishes, and C * sum(p - y) = 0 for the unpenalised intercept.
    void logitIsExactAndOptimal()
    {
        const Data train = planted(1200, 16), test = planted(100, 17);
        ClassifierParams params = testParams();
        params.logitC = 0.05; // a strong penalty, so w differs clearly from the unpenalised fit
        const auto model = trained(ClassifierKind::Logistic, train, 2, params);
        const auto attr = model->explain(test.x);
        const auto p = model->predictProba(test.x);
        QVERIFY(attr.ok() && p.ok());
        QCOMPARE(attr->unit, std::string("log-odds of up"));
        for (std::size_t r = 0; r < test.x.rows; ++r) {
            double sum = attr->base[r];
            for (std::size_t c = 0; c < kCols; ++c)
                sum += attr->values[r * kCols + c];
            const double up = (*p)[2 * r + 1];
            QVERIFY(std::abs(sum - std::log(up / (1.0 - up))) < 1e-9);
        }
        const auto json = QJsonDocument::fromJson(QByteArray::fromStdString(*model->serialize()));
        const auto coef = json[QStringLiteral("coef")].toArray().at(0).toArray();
        const double b = json[QStringLiteral("intercept")].toArray().at(0).toDouble();
        QCOMPARE(coef.size(), qsizetype(kCols));
        std::vector<double> grad(kCols + 1, 0.0);
        for (std::size_t r = 0; r < train.x.rows; ++r) {
            double z = b;
            for (std::size_t c = 0; c < kCols; ++c)
                z += coef.at(qsizetype(c)).toDouble() * train.x.at(r, c);
            const double resid = logistic(z) - double(train.y[r]);
            for (std::size_t c = 0; c < kCols; ++c)
                grad[c] += params.logitC * resid * train.x.at(r, c);
            grad[kCols] += params.logitC * resid;
        }
        for (std::size_t c = 0; c < kCols; ++c)
            grad[c] += coef.at(qsizetype(c)).toDouble();
        for (double g : grad)
            QVERIFY2(std::abs(g) < 1e-7, qPrintable(QString::number(g)));
        // The planted column carries the largest coefficient.
        for (qsizetype c = 0; c < qsizetype(kCols); ++c)
            if (c != qsizetype(kPlanted))
                QVERIFY(std::abs(coef.at(c).toDouble()) < coef.at(qsizetype(kPlanted)).toDouble());

        const Data train3 = planted(1200, 18, 3);
        const auto model3 = trained(ClassifierKind::Logistic, train3, 3);
        const auto attr3 = model3->explain(test.x);
        const auto p3 = model3->predictProba(test.x);
        QVERIFY(attr3.ok() && p3.ok());
        QCOMPARE(attr3->unit, std::string("log-odds of up vs down"));
        for (std::size_t r = 0; r < test.x.rows; ++r) {
            double sum = attr3->base[r];
            for (std::size_t c = 0; c < kCols; ++c)
                sum += attr3->values[r * kCols + c];
            QVERIFY(std::abs(sum - std::log((*p3)[3 * r + 2] / (*p3)[3 * r])) < 1e-9);
        }
        // Multinomial: the weight vectors sum to zero at the optimum (stationarity in the
        // direction that adds a vector to every class), as do the intercepts (sklearn's solution).
        const auto json3 = QJsonDocument::fromJson(QByteArray::fromStdString(*model3->serialize()));
        const auto coef3 = json3[QStringLiteral("coef")].toArray();
        const auto icpt3 = json3[QStringLiteral("intercept")].toArray();
        QCOMPARE(coef3.size(), 3);
        for (qsizetype c = 0; c < qsizetype(kCols); ++c) {
            double s = 0.0;
            for (qsizetype k = 0; k < 3; ++k)
                s += coef3.at(k).toArray().at(c).toDouble();
            QVERIFY(std::abs(s) < 1e-9);
        }
        QVERIFY(std::abs(icpt3.at(0).toDouble() + icpt3.at(1).toDouble() + icpt3.at(2).toDouble())
            < 1e-9);
    }

    // Occlusion: each value is P(up | x) - P(up | x with the feature at 0); base + sum = P(up).
    void svmOcclusionDefinition()
    {
        const Data train = planted(600, 19), test = planted(5, 20);
        const auto model = trained(ClassifierKind::Svm, train);
        const auto attr = model->explain(test.x);
        const auto p = model->predictProba(test.x);
        QVERIFY(attr.ok() && p.ok());
        QCOMPARE(attr->unit, std::string("probability of up"));
        for (std::size_t r = 0; r < test.x.rows; ++r) {
            double sum = attr->base[r];
            for (std::size_t c = 0; c < kCols; ++c) {
                FeatureRows one;
                one.rows = 1;
                one.cols = kCols;
                one.values.assign(test.x.values.begin() + long(r * kCols),
                    test.x.values.begin() + long((r + 1) * kCols));
                one.values[c] = 0.0;
                const auto q = model->predictProba(one);
                QVERIFY(q.ok());
                QVERIFY(
                    std::abs(attr->values[r * kCols + c] - ((*p)[2 * r + 1] - (*q)[1])) < 1e-12);
                sum += attr->values[r * kCols + c];
            }
            QVERIFY(std::abs(sum - (*p)[2 * r + 1]) < 1e-12);
        }
    }

    void paramsJsonRoundTrip()
    {
        ClassifierParams p;
        p.trees = 77;
        p.maxDepth = 5;
        p.learningRate = 0.125;
        p.subsample = 0.6;
        p.colsample = 0.7;
        p.minChildWeight = 2.5;
        p.svmC = 3.0;
        p.svmGamma = 0.02;
        p.logitC = 0.3;
        p.hidden = {64, 8, 4};
        p.epochs = 11;
        p.mlpLearningRate = 3e-4;
        p.weightDecay = 1e-3;
        p.dropout = 0.25;
        p.batchSize = 128;
        p.seed = 18446744073709551557ULL; // beyond 2^53: kept exactly
        p.threads = 1;
        const auto back = ClassifierParams::fromJson(p.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->toJson(), p.toJson());
        QCOMPARE(back->trees, 77);
        QCOMPARE(back->maxDepth, 5);
        QCOMPARE(back->learningRate, 0.125);
        QCOMPARE(back->subsample, 0.6);
        QCOMPARE(back->colsample, 0.7);
        QCOMPARE(back->minChildWeight, 2.5);
        QCOMPARE(back->svmC, 3.0);
        QCOMPARE(back->svmGamma, 0.02);
        QCOMPARE(back->logitC, 0.3);
        QVERIFY(back->hidden == std::vector<int>({64, 8, 4}));
        QCOMPARE(back->epochs, 11);
        QCOMPARE(back->mlpLearningRate, 3e-4);
        QCOMPARE(back->weightDecay, 1e-3);
        QCOMPARE(back->dropout, 0.25);
        QCOMPARE(back->batchSize, 128);
        QCOMPARE(back->seed, 18446744073709551557ULL);
        QCOMPARE(back->threads, 1);
        // A stored default seed reads as a plain number.
        const auto defaults
            = QJsonDocument::fromJson(QByteArray::fromStdString(ClassifierParams {}.toJson()))
                  .object();
        QCOMPARE(defaults.value(QStringLiteral("seed")).toDouble(), 42.0);
        QCOMPARE(defaults.size(), 17);
        // Missing fields keep their defaults.
        const auto partial = ClassifierParams::fromJson("{\"trees\": 10, \"hidden\": [5]}");
        QVERIFY(partial.ok());
        QCOMPARE(partial->trees, 10);
        QVERIFY(partial->hidden == std::vector<int>({5}));
        QCOMPARE(partial->epochs, ClassifierParams {}.epochs);
        QCOMPARE(partial->seed, std::uint64_t(42));
        QVERIFY(ClassifierParams::fromJson("{}").ok());
        for (const char* bad : {"", "not json", "[1, 2]", "{\"trees\": \"many\"}",
                 "{\"trees\": 1.5}", "{\"hidden\": [0]}", "{\"hidden\": 3}", "{\"seed\": -1}",
                 "{\"seed\": \"x\"}", "{\"dropout\": null}"}) {
            const auto r = ClassifierParams::fromJson(bad);
            QVERIFY2(!r.ok(), bad);
            QCOMPARE(r.error().code, ErrorCode::BadData);
        }
    }
};

QTEST_GUILESS_MAIN(TestSignalClassifiers)
#include "test_signal_classifiers.moc"
