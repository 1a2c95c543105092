// Classification metrics of signal classifiers against scikit-learn 1.2.1
// (tests/data/signals/metrics_reference.json, written by scripts/signal_metrics_reference.py),
// and by hand: the baselines, the verdict, argmax ties and the chronological splits.
#include "core/signals/signal_metrics.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace marketlens::core;
using namespace marketlens::core::signals;

namespace {

QJsonObject reference()
{
    QFile f(QStringLiteral(MARKETLENS_TEST_DATA "/signals/metrics_reference.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

std::vector<int> ints(const QJsonValue& v)
{
    std::vector<int> out;
    for (const QJsonValue& x : v.toArray())
        out.push_back(x.toInt());
    return out;
}

std::vector<double> doubles(const QJsonValue& v)
{
    std::vector<double> out;
    for (const QJsonValue& x : v.toArray())
        out.push_back(x.toDouble());
    return out;
}

bool near(double a, double b, double tol = 1e-12)
{
    return std::abs(a - b) <= tol;
}

// Probability rows that put all mass on the predicted class, 0.9 / rest shared.
std::vector<double> confident(const std::vector<int>& predicted, int classes)
{
    std::vector<double> p;
    for (int y : predicted)
        for (int k = 0; k < classes; ++k)
            p.push_back(k == y ? 0.9 : 0.1 / (classes - 1));
    return p;
}

std::vector<SignalSplit> splitsOf(Result<std::vector<SignalSplit>> r)
{
    return r ? r.value() : std::vector<SignalSplit> {};
}

} // namespace

class TestSignalMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sklearnReference_data()
    {
        QTest::addColumn<QJsonObject>("c");
        const QJsonObject doc = reference();
        QVERIFY2(!doc.isEmpty(), "tests/data/signals/metrics_reference.json is missing");
        QCOMPARE(doc.value(QStringLiteral("sklearn")).toString(), QStringLiteral("1.2.1"));
        const QJsonArray cases = doc.value(QStringLiteral("cases")).toArray();
        QCOMPARE(cases.size(), 7);
        for (const QJsonValue& c : cases) {
            const QByteArray name = c[QStringLiteral("name")].toString().toUtf8();
            QTest::newRow(name.constData()) << c.toObject();
        }
    }

    void sklearnReference()
    {
        QFETCH(QJsonObject, c);
        const int classes = c[QStringLiteral("classes")].toInt();
        const auto m = classificationMetrics("model", ints(c[QStringLiteral("truth")]),
            ints(c[QStringLiteral("predicted")]), doubles(c[QStringLiteral("proba")]), classes);
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
        QCOMPARE(m->name, std::string("model"));
        QCOMPARE(m->classes, classes);
        QCOMPARE(m->count, std::size_t(c[QStringLiteral("truth")].toArray().size()));
        QVERIFY(near(m->accuracy, c[QStringLiteral("accuracy")].toDouble()));
        QVERIFY(near(m->precision, c[QStringLiteral("precision")].toDouble()));
        QVERIFY(near(m->recall, c[QStringLiteral("recall")].toDouble()));
        QVERIFY(near(m->f1, c[QStringLiteral("f1")].toDouble()));
        QVERIFY2(near(m->rocAuc, c[QStringLiteral("roc_auc")].toDouble()),
            QByteArray::number(m->rocAuc, 'g', 17).constData());
        const QJsonArray confusion = c[QStringLiteral("confusion")].toArray();
        QCOMPARE(m->confusion.size(), std::size_t(classes));
        for (int i = 0; i < classes; ++i) {
            QCOMPARE(m->confusion[std::size_t(i)].size(), std::size_t(classes));
            for (int j = 0; j < classes; ++j)
                QCOMPARE(m->confusion[std::size_t(i)][std::size_t(j)],
                    long(confusion[i].toArray()[j].toInt()));
        }
    }

    void byHandBinary()
    {
        // truth 1 1 0 0 1, predicted 1 0 0 1 1: TP 2, FN 1, FP 1, TN 1.
        // Up scores 0.8 0.4 0.4 0.6 0.7: positives {0.8, 0.4, 0.7} vs negatives {0.4, 0.6}:
        // 0.8 beats both (2), 0.4 ties 0.4 (0.5) and loses to 0.6, 0.7 beats both (2): 4.5 / 6.
        const auto m = classificationMetrics("m", {1, 1, 0, 0, 1}, {1, 0, 0, 1, 1},
            {0.2, 0.8, 0.6, 0.4, 0.6, 0.4, 0.4, 0.6, 0.3, 0.7}, 2);
        QVERIFY(m.ok());
        QCOMPARE(m->accuracy, 0.6);
        QCOMPARE(m->precision, 2.0 / 3.0);
        QCOMPARE(m->recall, 2.0 / 3.0);
        QVERIFY(near(m->f1, 2.0 / 3.0));
        QCOMPARE(m->rocAuc, 0.75);
        QCOMPARE(m->confusion, (std::vector<std::vector<long>> {{1, 1}, {1, 2}}));
    }

    void aucNeedsEveryClass()
    {
        // Binary: all truth up. 3 classes: class 1 absent from the truth.
        auto m = classificationMetrics("m", {1, 1}, {1, 0}, {0.1, 0.9, 0.6, 0.4}, 2);
        QVERIFY(m.ok());
        QVERIFY(std::isnan(m->rocAuc));
        QCOMPARE(m->accuracy, 0.5);
        m = classificationMetrics("m", {0, 2, 2}, {0, 2, 1}, confident({0, 2, 1}, 3), 3);
        QVERIFY(m.ok());
        QVERIFY(std::isnan(m->rocAuc));
        // Still a 3 x 3 matrix and the macro mean over all three classes: class 0 P 1 R 1,
        // class 1 P 0 (one false prediction) R 0 (never true), class 2 P 1 R 1/2.
        QCOMPARE(m->confusion, (std::vector<std::vector<long>> {{1, 0, 0}, {0, 0, 0}, {0, 1, 1}}));
        QVERIFY(near(m->precision, 2.0 / 3.0));
        QVERIFY(near(m->recall, 0.5));
        QVERIFY(near(m->f1, (1.0 + 0.0 + 2.0 / 3.0) / 3.0));
    }

    void errors()
    {
        const std::vector<double> p2 {0.5, 0.5, 0.5, 0.5};
        QVERIFY(!classificationMetrics("m", {}, {}, {}, 2).ok());
        QVERIFY(!classificationMetrics("m", {0, 1}, {0}, p2, 2).ok());
        QVERIFY(!classificationMetrics("m", {0, 1}, {0, 1}, {0.5, 0.5}, 2).ok());
        QVERIFY(!classificationMetrics("m", {0, 1}, {0, 1}, p2, 4).ok());
        QVERIFY(!classificationMetrics("m", {0, 1}, {0, 1}, {1.0, 1.0}, 1).ok());
        QVERIFY(!classificationMetrics("m", {0, 2}, {0, 1}, p2, 2).ok());
        QVERIFY(!classificationMetrics("m", {0, 1}, {-1, 1}, p2, 2).ok());
        const auto bad = classificationMetrics("m", {0, 1}, {0, 1}, p2, 3);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
        // Baselines need training labels within range.
        QVERIFY(!compareWithBaselines("m", {}, {0, 1}, {0, 1}, p2, 2).ok());
        QVERIFY(!compareWithBaselines("m", {0, 2}, {0, 1}, {0, 1}, p2, 2).ok());
        QVERIFY(!compareWithBaselines("m", {0, 1}, {0, 1}, {0}, p2, 2).ok());
    }

    void baselinesBinary()
    {
        // Training: 0 0 1 -> majority 0. Test truth 1 1 0 0 1 0 1 (4 up of 7).
        const std::vector<int> truth {1, 1, 0, 0, 1, 0, 1};
        const std::vector<int> pred {1, 0, 0, 0, 1, 0, 1};
        const auto c = compareWithBaselines("gbm", {0, 0, 1}, truth, pred, confident(pred, 2), 2);
        QVERIFY(c.ok());
        const ClassificationMetrics& maj = c->majority;
        QCOMPARE(maj.name, std::string("majority"));
        QCOMPARE(maj.accuracy, 3.0 / 7.0);
        QCOMPARE(maj.precision, 0.0); // up never predicted
        QCOMPARE(maj.recall, 0.0);
        QCOMPARE(maj.f1, 0.0);
        QCOMPARE(maj.rocAuc, 0.5); // constant probability
        QCOMPARE(maj.confusion, (std::vector<std::vector<long>> {{3, 0}, {4, 0}}));
        const ClassificationMetrics& up = c->alwaysUp;
        QCOMPARE(up.name, std::string("always up"));
        QCOMPARE(up.accuracy, 4.0 / 7.0);
        QCOMPARE(up.precision, 4.0 / 7.0);
        QCOMPARE(up.recall, 1.0);
        QVERIFY(near(up.f1, 2.0 * (4.0 / 7.0) / (1.0 + 4.0 / 7.0)));
        QCOMPARE(up.rocAuc, 0.5);
        QCOMPARE(up.confusion, (std::vector<std::vector<long>> {{0, 3}, {0, 4}}));
        QCOMPARE(c->model.name, std::string("gbm"));
        QCOMPARE(c->model.accuracy, 6.0 / 7.0);
        QCOMPARE(c->model.rocAuc, 0.875); // 3 of the 4 ups score 0.9 over all downs at 0.1
        // 6 right of 7 against always up's 4/7 is no evidence: P(X >= 6), X ~ Bin(7, 4/7)
        // = 7 (4/7)^6 (3/7) + (4/7)^7 = 0.1243.
        const double q = 4.0 / 7.0;
        QVERIFY(near(c->pValue, 7 * std::pow(q, 6) * (1 - q) + std::pow(q, 7)));
        QVERIFY(!c->beatsBaselines);
        QCOMPARE(c->verdict,
            std::string("gbm is not significantly better than the baselines on the test rows "
                        "(accuracy 0.857 vs majority 0.429 and always up 0.571, p = 0.124): "
                        "treat it as no edge."));
        // The same rows ten times: the same scores, now significant (p = P(X >= 60) for
        // X ~ Bin(70, 4/7), about 1e-5 by the normal approximation).
        std::vector<int> truth10, pred10;
        for (int i = 0; i < 10; ++i) {
            truth10.insert(truth10.end(), truth.begin(), truth.end());
            pred10.insert(pred10.end(), pred.begin(), pred.end());
        }
        const auto c10
            = compareWithBaselines("gbm", {0, 0, 1}, truth10, pred10, confident(pred10, 2), 2);
        QVERIFY(c10.ok());
        QVERIFY(c10->pValue < 1e-4 && c10->pValue > 1e-7);
        QVERIFY(c10->beatsBaselines);
        QCOMPARE(c10->verdict,
            std::string("gbm beats both baselines on the test rows (accuracy 0.857 vs majority "
                        "0.429 and always up 0.571, p = 0.000; AUC 0.875 vs 0.5)."));
    }

    void majorityTieTakesHigherClass()
    {
        const std::vector<int> truth {0, 1, 2, 1};
        const std::vector<double> p = confident(truth, 3);
        // Training 0 0 1 1: classes 0 and 1 tie -> 1. Training 2 0 0 2 1: 0 and 2 tie -> 2.
        auto c = compareWithBaselines("m", {0, 0, 1, 1}, truth, truth, p, 3);
        QVERIFY(c.ok());
        QCOMPARE(c->majority.confusion,
            (std::vector<std::vector<long>> {{0, 1, 0}, {0, 2, 0}, {0, 1, 0}}));
        QCOMPARE(c->majority.accuracy, 0.5);
        c = compareWithBaselines("m", {2, 0, 0, 2, 1}, truth, truth, p, 3);
        QVERIFY(c.ok());
        QCOMPARE(c->majority.accuracy, 0.25);
        QCOMPARE(c->majority.confusion, c->alwaysUp.confusion);
        // A clear majority: 0 0 0 1 2 2 -> 0.
        c = compareWithBaselines("m", {0, 0, 0, 1, 2, 2}, truth, truth, p, 3);
        QVERIFY(c.ok());
        QCOMPARE(c->majority.confusion,
            (std::vector<std::vector<long>> {{1, 0, 0}, {2, 0, 0}, {1, 0, 0}}));
        // Binary tie 0 1 -> up.
        const std::vector<int> t2 {0, 1, 1};
        c = compareWithBaselines("m", {1, 0}, t2, t2, confident(t2, 2), 2);
        QVERIFY(c.ok());
        QCOMPARE(c->majority.accuracy, 2.0 / 3.0);
    }

    void baselinesThreeClasses()
    {
        // Always up (2) on truth 0 1 2 2 0 1: accuracy 1/3; class 2 precision 1/3, recall 1,
        // F1 1/2; classes 0 and 1 never predicted: 0. Macro: P 1/9, R 1/3, F1 1/6. AUC 0.5.
        const std::vector<int> truth {0, 1, 2, 2, 0, 1};
        const std::vector<int> pred {0, 1, 2, 2, 0, 0};
        const auto c
            = compareWithBaselines("rf", {2, 2, 1, 1, 0}, truth, pred, confident(pred, 3), 3);
        QVERIFY(c.ok());
        const ClassificationMetrics& up = c->alwaysUp;
        QCOMPARE(up.accuracy, 1.0 / 3.0);
        QVERIFY(near(up.precision, 1.0 / 9.0));
        QVERIFY(near(up.recall, 1.0 / 3.0));
        QVERIFY(near(up.f1, 1.0 / 6.0));
        QCOMPARE(up.rocAuc, 0.5);
        // Model: class 0 P 2/3 R 1 F1 0.8; class 1 P 1 R 1/2 F1 2/3; class 2 P 1 R 1 F1 1.
        QCOMPARE(c->model.accuracy, 5.0 / 6.0);
        QVERIFY(near(c->model.f1, (0.8 + 2.0 / 3.0 + 1.0) / 3.0));
        // 5 of 6 against 1/3: P(X >= 5), X ~ Bin(6, 1/3) = 6 (1/3)^5 (2/3) + (1/3)^6 = 13/729.
        QVERIFY(near(c->pValue, 13.0 / 729.0));
        QVERIFY(c->beatsBaselines);
        QCOMPARE(c->verdict,
            std::string("rf beats both baselines on the test rows (accuracy 0.833 vs majority "
                        "0.333 and always up 0.333, p = 0.018; macro-F1 0.822 vs majority 0.167 "
                        "and always up 0.167)."));
    }

    void verdictWhenNotBetter()
    {
        // Accuracy 5/6 against 1/2 for both baselines, but the probabilities rank the wrong way
        // round (AUC 0): not better.
        const std::vector<int> truth {1, 1, 0, 0, 1, 0};
        const std::vector<int> pred {1, 1, 0, 0, 0, 0};
        const std::vector<double> inverted {
            0.9, 0.1, 0.8, 0.2, 0.2, 0.8, 0.3, 0.7, 0.4, 0.6, 0.1, 0.9};
        auto c = compareWithBaselines("svm", {0, 0, 1}, truth, pred, inverted, 2);
        QVERIFY(c.ok());
        QCOMPARE(c->model.accuracy, 5.0 / 6.0);
        QCOMPARE(c->model.rocAuc, 0.0);
        QVERIFY(!c->beatsBaselines);
        QCOMPARE(c->verdict,
            std::string("svm does not beat the baselines on the test rows (AUC 0.000 vs 0.5)."));

        // Accuracy equal to always up's (not above): not better, whatever the AUC.
        const std::vector<int> t2 {1, 1, 1, 0};
        const std::vector<int> p2 {1, 1, 0, 0};
        c = compareWithBaselines(
            "gbm", {0, 0, 1}, t2, p2, {0.1, 0.9, 0.2, 0.8, 0.6, 0.4, 0.9, 0.1}, 2);
        QVERIFY(c.ok());
        QCOMPARE(c->model.rocAuc, 1.0);
        QVERIFY(!c->beatsBaselines);
        QCOMPARE(c->verdict,
            std::string("gbm does not beat the baselines on the test rows (accuracy 0.750 vs "
                        "always up 0.750)."));

        // 3 classes: macro-F1 well above both baselines but accuracy only equal to always up's
        // 0.8: the accuracy condition holds for 3 classes too.
        const std::vector<int> t3 {2, 2, 2, 2, 2, 2, 2, 2, 0, 1};
        const std::vector<int> p3 {2, 2, 2, 2, 2, 2, 0, 1, 0, 1};
        c = compareWithBaselines("logit", {2}, t3, p3, confident(p3, 3), 3);
        QVERIFY(c.ok());
        QCOMPARE(c->model.accuracy, 0.8);
        QVERIFY(c->model.f1 > 0.7 && c->alwaysUp.f1 < 0.3);
        QVERIFY(!c->beatsBaselines);
        QCOMPARE(c->verdict,
            std::string("logit does not beat the baselines on the test rows (accuracy 0.800 vs "
                        "majority 0.800)."));
    }

    void argmaxTies()
    {
        QCOMPARE(argmaxClasses({0.5, 0.5, 0.3, 0.7, 0.8, 0.2}, 2), (std::vector<int> {0, 1, 0}));
        QCOMPARE(argmaxClasses(
                     {0.3, 0.35, 0.35, 0.4, 0.2, 0.4, 0.2, 0.3, 0.5, 1.0 / 3, 1.0 / 3, 1.0 / 3}, 3),
            (std::vector<int> {1, 0, 2, 0}));
        QVERIFY(argmaxClasses({}, 3).empty());
        QVERIFY(argmaxClasses({0.5, 0.5}, 0).empty());
    }

    void chronological()
    {
        auto s = chronologicalSplit(100, 0.2, 5);
        QVERIFY(s.ok());
        QCOMPARE(s->trainBegin, std::size_t(0));
        QCOMPARE(s->trainEnd, std::size_t(75));
        QCOMPARE(s->testBegin, std::size_t(80));
        QCOMPARE(s->testEnd, std::size_t(100));
        // floor(101 * 0.25) = 25; 0.29 * 100 is 28.999... in binary but means 29 rows.
        s = chronologicalSplit(101, 0.25, 1);
        QVERIFY(s.ok());
        QCOMPARE(s->testBegin, std::size_t(76));
        QCOMPARE(s->trainEnd, std::size_t(75));
        s = chronologicalSplit(100, 0.29, 3);
        QVERIFY(s.ok());
        QCOMPARE(s->testBegin, std::size_t(71));
        QCOMPARE(s->trainEnd, std::size_t(68));
        // The smallest training part: one row.
        s = chronologicalSplit(10, 0.5, 4);
        QVERIFY(s.ok());
        QCOMPARE(s->trainEnd, std::size_t(1));
    }

    void chronologicalErrors()
    {
        QVERIFY(!chronologicalSplit(100, 0.005, 1).ok()); // floor(0.5) = 0 test rows
        QVERIFY(!chronologicalSplit(10, 0.5, 5).ok()); // training part empty
        QVERIFY(!chronologicalSplit(0, 0.5, 1).ok());
        QVERIFY(!chronologicalSplit(100, 0.0, 1).ok());
        QVERIFY(!chronologicalSplit(100, 1.0, 1).ok());
        QVERIFY(!chronologicalSplit(100, std::nan(""), 1).ok());
        QVERIFY(!chronologicalSplit(100, 0.2, -1).ok());
    }

    void walkForward()
    {
        // 100 rows, 30 test rows in 4 folds: 7 7 8 8 from row 70; gap 2; first window 68.
        const auto expanding = splitsOf(walkForwardSplits(100, 0.3, 4, 2, true));
        QCOMPARE(expanding.size(), std::size_t(4));
        const std::size_t begins[] = {70, 77, 84, 92}, ends[] = {77, 84, 92, 100};
        const std::size_t slidingBegins[] = {0, 7, 14, 22};
        const auto sliding = splitsOf(walkForwardSplits(100, 0.3, 4, 2, false));
        QCOMPARE(sliding.size(), std::size_t(4));
        for (std::size_t i = 0; i < 4; ++i) {
            QCOMPARE(expanding[i].testBegin, begins[i]);
            QCOMPARE(expanding[i].testEnd, ends[i]);
            QCOMPARE(expanding[i].trainBegin, std::size_t(0));
            QCOMPARE(expanding[i].trainEnd, begins[i] - 2);
            QCOMPARE(sliding[i].testBegin, begins[i]);
            QCOMPARE(sliding[i].testEnd, ends[i]);
            QCOMPARE(sliding[i].trainBegin, slidingBegins[i]);
            QCOMPARE(sliding[i].trainEnd, begins[i] - 2);
            QCOMPARE(sliding[i].trainEnd - sliding[i].trainBegin, std::size_t(68));
        }
        // Tiling in general: consecutive, sizes differing by at most one (earlier smaller),
        // ending at n, each with the gap.
        const auto folds = splitsOf(walkForwardSplits(1000, 0.37, 6, 5));
        QCOMPARE(folds.size(), std::size_t(6));
        QCOMPARE(folds.front().testBegin, std::size_t(630));
        QCOMPARE(folds.back().testEnd, std::size_t(1000));
        for (std::size_t i = 0; i < folds.size(); ++i) {
            const std::size_t size = folds[i].testEnd - folds[i].testBegin;
            QCOMPARE(size, std::size_t(i < 2 ? 61 : 62)); // 370 = 2 * 61 + 4 * 62
            QCOMPARE(folds[i].testBegin - folds[i].trainEnd, std::size_t(5));
            if (i > 0)
                QCOMPARE(folds[i].testBegin, folds[i - 1].testEnd);
        }
        // One fold is the chronological split.
        const auto one = splitsOf(walkForwardSplits(100, 0.2, 1, 5));
        const auto chrono = chronologicalSplit(100, 0.2, 5);
        QCOMPARE(one.size(), std::size_t(1));
        QVERIFY(chrono.ok());
        QCOMPARE(one[0].trainEnd, chrono->trainEnd);
        QCOMPARE(one[0].testBegin, chrono->testBegin);
        QCOMPARE(one[0].testEnd, chrono->testEnd);
    }

    void walkForwardErrors()
    {
        QVERIFY(!walkForwardSplits(100, 0.3, 0, 1).ok());
        QVERIFY(!walkForwardSplits(10, 0.2, 3, 1).ok()); // 2 test rows, 3 folds
        QVERIFY(!walkForwardSplits(10, 0.5, 2, 5).ok()); // first training part empty
        QVERIFY(!walkForwardSplits(10, 1.5, 2, 1).ok());
        QVERIFY(!walkForwardSplits(10, 0.5, 2, -1).ok());
        QVERIFY(walkForwardSplits(10, 0.5, 5, 4).ok()); // folds of one row, one training row
    }
};

QTEST_GUILESS_MAIN(TestSignalMetrics)
#include "test_signal_metrics.moc"
