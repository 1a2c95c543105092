#pragma once
// Classification metrics for signal classifiers and their baselines, and chronological splits
// (torch-free; docs/signals.md).
//
// Definitions (classes 0..K-1; the "up" class is K-1):
// - confusion[i][j]: rows with true class i predicted as j.
// - accuracy: share of rows predicted right.
// - precision, recall, F1: for 2 classes those of the positive class 1 (up), as sklearn's
//   average='binary'; for 3 classes the macro average over the classes (sklearn average='macro').
//   A class never predicted has precision 0 (sklearn's zero_division=0), likewise recall for a
//   class that never occurs; F1 is 0 when precision + recall is 0.
// - ROC AUC: for 2 classes of the probability of up (ties count one half, the Mann-Whitney
//   statistic = sklearn roc_auc_score); for 3 classes the macro mean of one-vs-rest AUCs
//   (sklearn multi_class='ovr', average='macro'). NaN when a class needed for it is absent
//   (or a probability is not finite).
// Baselines, scored on the same rows:
// - majority: always the most frequent class of the TRAINING labels (ties: the higher class),
//   probability 1 for it;
// - always up: always class K-1, probability 1 for it.
// A constant probability gives AUC 0.5.

#include "core/result.h"

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace marketlens::core::signals {

struct ClassificationMetrics {
    std::string name;               // "gbm", "majority", "always up"
    int classes = 2;
    std::size_t count = 0;
    double accuracy = std::numeric_limits<double>::quiet_NaN();
    double precision = std::numeric_limits<double>::quiet_NaN();
    double recall = std::numeric_limits<double>::quiet_NaN();
    double f1 = std::numeric_limits<double>::quiet_NaN();
    double rocAuc = std::numeric_limits<double>::quiet_NaN();
    std::vector<std::vector<long>> confusion; // [true][predicted], classes x classes
};

// `proba`: rows x classes, row-major (each row sums to 1). `predicted` may differ from the argmax
// of `proba` (a decision threshold). Errors: sizes that do not match, classes not 2 or 3, a label
// outside 0..classes-1, no rows.
Result<ClassificationMetrics> classificationMetrics(const std::string& name,
    const std::vector<int>& truth, const std::vector<int>& predicted,
    const std::vector<double>& proba, int classes);

// argmax per row of a rows x classes matrix (ties: the lower class).
std::vector<int> argmaxClasses(const std::vector<double>& proba, int classes);

// The model next to both baselines on the same test rows.
struct MetricsComparison {
    ClassificationMetrics model, majority, alwaysUp;
    // The model's accuracy is above both baselines', its AUC above 0.5 (2 classes) or its
    // macro-F1 above both baselines' (3 classes), and the accuracy gain is significant:
    // pValue < kSignificance.
    bool beatsBaselines = false;
    // One-sided exact binomial p-value of the model's correct count under "each test row is
    // right with the better baseline's accuracy p0": P(X >= correct), X ~ Binomial(count, p0).
    // A narrow win on a few hundred rows is chance (0.519 vs 0.509 on 405 rows: p = 0.37).
    // Labels of overlapping horizons (N > 1) are not independent, so for them the p-value is
    // optimistic. NaN without rows; 1 when the model is not above p0.
    double pValue = std::numeric_limits<double>::quiet_NaN();
    std::string verdict; // a plain sentence, e.g. "gbm does not beat the baselines on the test
                         // rows (accuracy 0.512 vs always up 0.534)."
};
inline constexpr double kSignificance = 0.05;
// P(X >= k) for X ~ Binomial(n, p), exactly (regularised incomplete beta).
double binomialUpperTail(std::size_t k, std::size_t n, double p);
Result<MetricsComparison> compareWithBaselines(const std::string& modelName,
    const std::vector<int>& trainLabels, const std::vector<int>& testTruth,
    const std::vector<int>& testPredicted, const std::vector<double>& testProba, int classes);

// Chronological splits of the labelled rows [0, n) of a dataset whose labels look `horizon` rows
// ahead: a gap of `horizon` rows between a training part and the test part that follows it, so
// that no training label uses a price of the test part.
struct SignalSplit {
    std::size_t trainBegin = 0, trainEnd = 0, testBegin = 0, testEnd = 0;
};
// One split: the last floor(n * testFraction) rows are the test part, training rows end
// `horizon` rows before it (floor with a 1e-9 relative tolerance: 100 x 0.29 gives 29). Error when
// either part would be empty, testFraction is not in (0, 1) or horizon < 0.
Result<SignalSplit> chronologicalSplit(std::size_t n, double testFraction, int horizon);
// Walk-forward: `folds` consecutive test parts tiling the last floor(n * testFraction) rows
// (sizes differ by at most one row, the earlier ones smaller), each trained on everything before
// it (expanding) or on a window of the first fold's training length (sliding), with the gap.
// Errors: those of chronologicalSplit (for the first fold), folds < 1, fewer test rows than folds.
Result<std::vector<SignalSplit>> walkForwardSplits(std::size_t n, double testFraction,
    int folds, int horizon, bool expanding = true);

} // namespace marketlens::core::signals
