#include "core/signals/signal_metrics.h"

#include <boost/math/special_functions/beta.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>

namespace marketlens::core::signals {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Locale-independent fixed-point text (printf follows LC_NUMERIC, which Qt sets from the
// environment, so a German desktop would print "0,512" in a sentence meant for files and logs).
std::string fixed(double v, int decimals = 3)
{
    if (std::isnan(v))
        return "n/a";
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    return std::string(buf, res.ptr);
}

double safeRatio(double num, double den)
{
    return den > 0 ? num / den : 0.0;
}

double f1Of(double precision, double recall)
{
    const double sum = precision + recall;
    return sum > 0 ? 2.0 * precision * recall / sum : 0.0;
}

// Mann-Whitney AUC of `score` for the rows where `positive` is true against the others: the
// probability that a random positive scores above a random negative, ties counting one half.
// Computed from mid-ranks (average rank of each group of equal scores), which equals the
// trapezoidal area under the ROC curve that sklearn integrates. NaN when a group is empty.
double rankAuc(const std::vector<double>& score, const std::vector<char>& positive)
{
    const std::size_t n = score.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(),
        [&](std::size_t a, std::size_t b) { return score[a] < score[b]; });
    double positives = 0, rankSum = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j < n && score[order[j]] == score[order[i]])
            ++j;
        // Ranks i+1..j share their mean (i + 1 + j) / 2.
        const double midRank = 0.5 * double(i + 1 + j);
        for (std::size_t k = i; k < j; ++k)
            if (positive[order[k]]) {
                positives += 1;
                rankSum += midRank;
            }
        i = j;
    }
    const double negatives = double(n) - positives;
    if (positives == 0 || negatives == 0)
        return kNaN;
    return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
}

double rocAucOf(const std::vector<int>& truth, const std::vector<double>& proba, int classes)
{
    const std::size_t n = truth.size();
    for (double p : proba)
        if (!std::isfinite(p))
            return kNaN;
    std::vector<double> score(n);
    std::vector<char> positive(n);
    if (classes == 2) {
        for (std::size_t i = 0; i < n; ++i) {
            score[i] = proba[i * 2 + 1];
            positive[i] = truth[i] == 1;
        }
        return rankAuc(score, positive);
    }
    double sum = 0;
    for (int k = 0; k < classes; ++k) {
        for (std::size_t i = 0; i < n; ++i) {
            score[i] = proba[i * std::size_t(classes) + std::size_t(k)];
            positive[i] = truth[i] == k;
        }
        const double auc = rankAuc(score, positive);
        if (std::isnan(auc))
            return kNaN; // a class absent from the truth: no one-vs-rest AUC for it
        sum += auc;
    }
    return sum / classes;
}

Status checkLabels(const std::vector<int>& labels, int classes, const char* what)
{
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i] < 0 || labels[i] >= classes)
            return makeError(ErrorCode::InvalidArgument,
                std::string(what) + " label " + std::to_string(labels[i]) + " at row "
                    + std::to_string(i) + " is outside 0.." + std::to_string(classes - 1));
    return {};
}

// A constant prediction of class `k` with probability 1.
Result<ClassificationMetrics> constantMetrics(
    const std::string& name, const std::vector<int>& truth, int k, int classes)
{
    const std::vector<int> predicted(truth.size(), k);
    std::vector<double> proba(truth.size() * std::size_t(classes), 0.0);
    for (std::size_t i = 0; i < truth.size(); ++i)
        proba[i * std::size_t(classes) + std::size_t(k)] = 1.0;
    return classificationMetrics(name, truth, predicted, proba, classes);
}

// How the model's secondary score compares (AUC for 2 classes, macro-F1 for 3).
std::string verdictOf(const MetricsComparison& c)
{
    const ClassificationMetrics& m = c.model;
    const ClassificationMetrics& maj = c.majority;
    const ClassificationMetrics& up = c.alwaysUp;
    const std::string accuracies = "accuracy " + fixed(m.accuracy) + " vs majority "
        + fixed(maj.accuracy) + " and always up " + fixed(up.accuracy);
    std::string second = "AUC " + fixed(m.rocAuc) + " vs 0.5";
    if (m.classes == 3)
        second = "macro-F1 " + fixed(m.f1) + " vs majority " + fixed(maj.f1) + " and always up "
            + fixed(up.f1);
    const std::string p = "p = " + fixed(c.pValue);
    if (c.beatsBaselines)
        return m.name + " beats both baselines on the test rows (" + accuracies + ", " + p + "; "
            + second + ").";
    const bool accuracyOk = m.accuracy > maj.accuracy && m.accuracy > up.accuracy;
    if (!accuracyOk) {
        const bool majorityBest = maj.accuracy >= up.accuracy;
        return m.name + " does not beat the baselines on the test rows (accuracy "
            + fixed(m.accuracy) + " vs " + (majorityBest ? "majority " : "always up ")
            + fixed(majorityBest ? maj.accuracy : up.accuracy) + ").";
    }
    const bool secondOk
        = m.classes == 2 ? m.rocAuc > 0.5 : m.f1 > maj.f1 && m.f1 > up.f1;
    if (!secondOk)
        return m.name + " does not beat the baselines on the test rows (" + second + ").";
    return m.name + " is not significantly better than the baselines on the test rows ("
        + accuracies + ", " + p + "): treat it as no edge.";
}

// floor(n * fraction) without binary rounding taking a row off (0.29 * 100 = 28.999...).
std::size_t testRows(std::size_t n, double fraction)
{
    const double exact = double(n) * fraction;
    return std::size_t(std::floor(exact + 1e-9 * std::max(1.0, exact)));
}

Status checkSplitArgs(std::size_t n, double testFraction, int horizon)
{
    if (n == 0)
        return makeError(ErrorCode::InvalidArgument, "no labelled rows to split");
    if (!(testFraction > 0 && testFraction < 1))
        return makeError(ErrorCode::InvalidArgument,
            "the test fraction must lie between 0 and 1, got " + fixed(testFraction));
    if (horizon < 0)
        return makeError(ErrorCode::InvalidArgument, "the label horizon must not be negative");
    return {};
}

} // namespace

Result<ClassificationMetrics> classificationMetrics(const std::string& name,
    const std::vector<int>& truth, const std::vector<int>& predicted,
    const std::vector<double>& proba, int classes)
{
    if (classes != 2 && classes != 3)
        return makeError(ErrorCode::InvalidArgument,
            "signals have 2 or 3 classes, got " + std::to_string(classes));
    if (truth.empty())
        return makeError(ErrorCode::InvalidArgument, "no rows to score");
    const std::size_t n = truth.size();
    if (predicted.size() != n || proba.size() != n * std::size_t(classes))
        return makeError(ErrorCode::InvalidArgument,
            "truth, predictions and probabilities differ in size (" + std::to_string(n) + ", "
                + std::to_string(predicted.size()) + ", " + std::to_string(proba.size())
                + " values for " + std::to_string(classes) + " classes)");
    if (Status s = checkLabels(truth, classes, "true"); !s)
        return s.error();
    if (Status s = checkLabels(predicted, classes, "predicted"); !s)
        return s.error();

    ClassificationMetrics m;
    m.name = name;
    m.classes = classes;
    m.count = n;
    m.confusion.assign(std::size_t(classes), std::vector<long>(std::size_t(classes), 0));
    long right = 0;
    for (std::size_t i = 0; i < n; ++i) {
        ++m.confusion[std::size_t(truth[i])][std::size_t(predicted[i])];
        right += truth[i] == predicted[i];
    }
    m.accuracy = double(right) / double(n);

    // Per class: precision = TP / predicted as k, recall = TP / truly k (0 on an empty divisor).
    const std::size_t kc = std::size_t(classes);
    std::vector<double> precision(kc, 0.0), recall(kc, 0.0);
    for (std::size_t k = 0; k < kc; ++k) {
        double predictedK = 0, trueK = 0;
        for (std::size_t j = 0; j < kc; ++j) {
            predictedK += double(m.confusion[j][k]);
            trueK += double(m.confusion[k][j]);
        }
        precision[k] = safeRatio(double(m.confusion[k][k]), predictedK);
        recall[k] = safeRatio(double(m.confusion[k][k]), trueK);
    }
    if (classes == 2) {
        m.precision = precision[1];
        m.recall = recall[1];
        m.f1 = f1Of(m.precision, m.recall);
    } else {
        double p = 0, r = 0, f = 0;
        for (std::size_t k = 0; k < kc; ++k) {
            p += precision[k];
            r += recall[k];
            f += f1Of(precision[k], recall[k]);
        }
        m.precision = p / classes;
        m.recall = r / classes;
        m.f1 = f / classes; // the mean of the per-class F1, not the F1 of the means
    }
    m.rocAuc = rocAucOf(truth, proba, classes);
    return m;
}

std::vector<int> argmaxClasses(const std::vector<double>& proba, int classes)
{
    std::vector<int> out;
    if (classes <= 0)
        return out;
    const std::size_t k = std::size_t(classes);
    const std::size_t rows = proba.size() / k;
    out.reserve(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        const double* row = proba.data() + i * k;
        int best = 0;
        for (std::size_t j = 1; j < k; ++j)
            if (row[j] > row[best]) // strictly greater: a tie keeps the lower class
                best = int(j);
        out.push_back(best);
    }
    return out;
}

double binomialUpperTail(std::size_t k, std::size_t n, double p)
{
    if (k == 0)
        return 1.0;
    if (k > n)
        return 0.0;
    if (p <= 0)
        return 0.0;
    if (p >= 1)
        return 1.0;
    // P(X >= k) = I_p(k, n - k + 1).
    return boost::math::ibeta(double(k), double(n - k + 1), p);
}

Result<MetricsComparison> compareWithBaselines(const std::string& modelName,
    const std::vector<int>& trainLabels, const std::vector<int>& testTruth,
    const std::vector<int>& testPredicted, const std::vector<double>& testProba, int classes)
{
    auto model = classificationMetrics(modelName, testTruth, testPredicted, testProba, classes);
    if (!model)
        return model.error();
    if (trainLabels.empty())
        return makeError(ErrorCode::InvalidArgument, "no training labels for the majority class");
    if (Status s = checkLabels(trainLabels, classes, "training"); !s)
        return s.error();

    std::vector<std::size_t> counts(std::size_t(classes), 0);
    for (int y : trainLabels)
        ++counts[std::size_t(y)];
    int majorityClass = 0;
    for (int k = 1; k < classes; ++k)
        if (counts[std::size_t(k)] >= counts[std::size_t(majorityClass)]) // ties: higher class
            majorityClass = k;

    auto majority = constantMetrics("majority", testTruth, majorityClass, classes);
    auto alwaysUp = constantMetrics("always up", testTruth, classes - 1, classes);
    if (!majority)
        return majority.error();
    if (!alwaysUp)
        return alwaysUp.error();

    MetricsComparison c;
    c.model = std::move(model.value());
    c.majority = std::move(majority.value());
    c.alwaysUp = std::move(alwaysUp.value());
    const ClassificationMetrics& m = c.model;
    const bool accuracyOk = m.accuracy > c.majority.accuracy && m.accuracy > c.alwaysUp.accuracy;
    const bool secondOk
        = classes == 2 ? m.rocAuc > 0.5 : m.f1 > c.majority.f1 && m.f1 > c.alwaysUp.f1;
    const double p0 = std::max(c.majority.accuracy, c.alwaysUp.accuracy);
    const auto correct = std::size_t(std::llround(m.accuracy * double(m.count)));
    c.pValue = m.accuracy > p0 ? binomialUpperTail(correct, m.count, p0) : 1.0;
    // NaN AUC compares false: not beaten.
    c.beatsBaselines = accuracyOk && secondOk && c.pValue < kSignificance;
    c.verdict = verdictOf(c);
    return c;
}

Result<SignalSplit> chronologicalSplit(std::size_t n, double testFraction, int horizon)
{
    if (Status s = checkSplitArgs(n, testFraction, horizon); !s)
        return s.error();
    const std::size_t test = testRows(n, testFraction);
    if (test == 0)
        return makeError(ErrorCode::InvalidArgument,
            "the test part would be empty (" + std::to_string(n) + " rows, fraction "
                + fixed(testFraction) + ")");
    const std::size_t testBegin = n - test;
    if (testBegin <= std::size_t(horizon))
        return makeError(ErrorCode::InvalidArgument,
            "the training part would be empty (" + std::to_string(testBegin)
                + " rows before the test part, gap " + std::to_string(horizon) + ")");
    SignalSplit s;
    s.trainBegin = 0;
    s.trainEnd = testBegin - std::size_t(horizon);
    s.testBegin = testBegin;
    s.testEnd = n;
    return s;
}

Result<std::vector<SignalSplit>> walkForwardSplits(
    std::size_t n, double testFraction, int folds, int horizon, bool expanding)
{
    if (Status s = checkSplitArgs(n, testFraction, horizon); !s)
        return s.error();
    if (folds < 1)
        return makeError(ErrorCode::InvalidArgument,
            "walk-forward needs at least one fold, got " + std::to_string(folds));
    const std::size_t test = testRows(n, testFraction);
    const std::size_t k = std::size_t(folds);
    if (test < k)
        return makeError(ErrorCode::InvalidArgument,
            std::to_string(test) + " test rows cannot make " + std::to_string(folds)
                + " non-empty folds");
    const std::size_t firstTestBegin = n - test;
    if (firstTestBegin <= std::size_t(horizon))
        return makeError(ErrorCode::InvalidArgument,
            "the first fold's training part would be empty (" + std::to_string(firstTestBegin)
                + " rows before the test part, gap " + std::to_string(horizon) + ")");
    const std::size_t window = firstTestBegin - std::size_t(horizon);
    const std::size_t base = test / k, larger = test % k; // the last `larger` folds get one more

    std::vector<SignalSplit> out;
    out.reserve(k);
    std::size_t begin = firstTestBegin;
    for (std::size_t i = 0; i < k; ++i) {
        const std::size_t size = base + (i >= k - larger ? 1 : 0);
        SignalSplit s;
        s.testBegin = begin;
        s.testEnd = begin + size;
        s.trainEnd = begin - std::size_t(horizon);
        s.trainBegin = expanding ? 0 : s.trainEnd - window;
        out.push_back(s);
        begin += size;
    }
    return out;
}

} // namespace marketlens::core::signals
