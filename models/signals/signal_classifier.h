#pragma once
// Signal classifiers behind one torch-free interface (docs/signals.md):
//   rf     random forest      XGBoost C API, random-forest mode (num_parallel_tree, one round)
//   gbm    gradient boosting  XGBoost C API, gbtree
//   svm    support vectors    OpenCV ML (cv::ml::SVM, RBF kernel, probabilities by Platt scaling)
//   logit  logistic regression, L2-penalised (sklearn's LogisticRegression objective: C, no
//          penalty on the intercept, multinomial for 3 classes), Newton / IRLS with Eigen
//   mlp    a small LibTorch MLP (ReLU, dropout, AdamW, cross-entropy), integrated gradients
// Inputs are already scaled by the caller (the pipeline fits a Scaler on the training rows), so
// every classifier sees standardised columns. Classes are 0..K-1, K = 2 or 3; the "up" class is
// K-1. Public functions never throw: library failures (XGBoost's, OpenCV's cv::Exception,
// c10::Error) come back as Error.

#include "core/result.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace marketlens::models::signals {

enum class ClassifierKind { RandomForest, GradientBoosting, Svm, Logistic, Mlp };

std::string kindKey(ClassifierKind kind);  // "rf", "gbm", "svm", "logit", "mlp"
std::string kindLabel(ClassifierKind kind); // "Random forest", "Gradient boosting", ...
std::optional<ClassifierKind> kindFromKey(const std::string& key);
std::vector<ClassifierKind> allKinds();

// A dense row-major matrix of (scaled) features.
struct FeatureRows {
    std::size_t rows = 0, cols = 0;
    std::vector<double> values; // rows * cols
    double at(std::size_t r, std::size_t c) const { return values[r * cols + c]; }
};

// Hyper-parameters with defaults that work on daily data; each kind reads only its own.
struct ClassifierParams {
    // rf and gbm
    int trees = 200;           // rf: trees in the forest; gbm: boosting rounds
    int maxDepth = 0;          // 0: the kind's default (rf 8, gbm 3)
    double learningRate = 0.05; // gbm eta
    double subsample = 0.8;    // rows per tree (rf: bootstrap-like sampling without replacement)
    double colsample = 0.8;    // columns per tree (rf: per node, like max_features)
    double minChildWeight = 1.0;
    // svm
    double svmC = 1.0;
    double svmGamma = 0.0;     // 0: 1 / cols (the columns are standardised: sklearn 'scale')
    // logit
    double logitC = 1.0;       // inverse L2 strength, as sklearn's C
    // mlp
    std::vector<int> hidden {32, 16};
    int epochs = 60;
    double mlpLearningRate = 1e-3;
    double weightDecay = 1e-4;
    double dropout = 0.1;
    int batchSize = 64;
    // all
    std::uint64_t seed = 42;
    int threads = 0; // 0: the torch / XGBoost default for this machine

    std::string toJson() const; // every field, so a stored model says how it was made
    static core::Result<ClassifierParams> fromJson(const std::string& json);
};

// Called now and then during fit with (done, total) in the kind's own units (trees, epochs);
// returns false to cancel (fit then returns ErrorCode::Cancelled).
using FitProgress = std::function<bool(int done, int total)>;

// Per-feature contributions to the "up" class score of some rows (rows x cols, row-major) and,
// per row, the base value they are added to: contributions + base = the model's score of up for
// that row, in `unit`.
struct Attribution {
    std::size_t rows = 0, cols = 0;
    std::vector<double> values;
    std::vector<double> base;
    std::string unit;   // "log-odds of up" (TreeSHAP, logit) or "probability of up" (IG, occlusion)
    std::string method; // "TreeSHAP", "exact (linear)", "integrated gradients", "occlusion"
};

class SignalClassifier {
public:
    virtual ~SignalClassifier() = default;
    virtual ClassifierKind kind() const = 0;
    // Trains from scratch on x (rows x cols) and labels y (0..classes-1). Deterministic for a
    // given seed (the MLP with threads = 1). Errors: empty data, size mismatch, a single class.
    virtual core::Status fit(const FeatureRows& x, const std::vector<int>& y, int classes,
        const FitProgress& progress = {}) = 0;
    // Probabilities, rows x classes, each row summing to 1. Error before fit or on a wrong width.
    virtual core::Result<std::vector<double>> predictProba(const FeatureRows& x) const = 0;
    // The trained model as bytes (XGBoost UBJSON/JSON buffer, OpenCV YAML, JSON of coefficients,
    // TorchScript module), read back by loadClassifier.
    virtual core::Result<std::string> serialize() const = 0;
    // Local explanation of each row of x for the up class. rf/gbm: XGBoost's TreeSHAP
    // (pred_contribs, exact); logit: coefficient * x (exact in log-odds); mlp: integrated
    // gradients from the all-zero (training mean) baseline, `steps` Riemann steps; svm: occlusion
    // (the change in P(up) when a feature is set to 0, its training mean).
    virtual core::Result<Attribution> explain(const FeatureRows& x, int steps = 32) const = 0;
    int classes() const { return m_classes; }
    std::size_t cols() const { return m_cols; }

protected:
    int m_classes = 0;
    std::size_t m_cols = 0;
};

std::unique_ptr<SignalClassifier> makeClassifier(ClassifierKind kind,
    const ClassifierParams& params = {});
// A classifier from serialize()'s bytes; `cols` and `classes` as when it was trained.
core::Result<std::unique_ptr<SignalClassifier>> loadClassifier(ClassifierKind kind,
    const ClassifierParams& params, const std::string& bytes, std::size_t cols, int classes);

} // namespace marketlens::models::signals
