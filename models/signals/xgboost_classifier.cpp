// Random forest and gradient boosting through XGBoost's C API (Debian libxgboost-dev 1.7).
// XGBoost is confined to this file: handles live in RAII wrappers, every return code is checked
// and turned into an Error (XGBGetLastError), nothing throws out.
//   gbm  gbtree, hist, params.trees boosting rounds of eta = learningRate, depth 3 by default
//   rf   XGBoost's random-forest mode: one round of num_parallel_tree = params.trees trees,
//        eta 1, rows subsampled per tree, columns per node, depth 8 by default
// Probabilities are the softmax / logistic of the margins computed here in double, so that
// logit(P(up)) recovers the margin TreeSHAP contributions add up to (float probabilities near 0
// or 1 would lose it).
#include "models/signals/classifier_impl.h"

#include <xgboost/c_api.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace marketlens::models::signals::detail {

namespace {

using core::ErrorCode;
using core::makeError;

struct BoosterFree {
    void operator()(void* h) const { XGBoosterFree(h); }
};
struct DMatrixFree {
    void operator()(void* h) const { XGDMatrixFree(h); }
};
using Booster = std::unique_ptr<void, BoosterFree>;
using DMatrix = std::unique_ptr<void, DMatrixFree>;

// The global verbosity is thread-local in XGBoost 1.7, so it is set on every entry (the caller's
// worker thread may be new); warnings would otherwise reach the console.
void quiet()
{
    XGBSetGlobalConfig(R"({"verbosity": 0})");
}

core::Error xgbError(const std::string& what)
{
    const char* last = XGBGetLastError();
    return makeError(ErrorCode::InvalidArgument,
        "XGBoost: " + what + " failed" + (last && *last ? std::string(": ") + last : ""));
}

core::Result<DMatrix> makeMatrix(const FeatureRows& x, int threads)
{
    std::vector<float> values(x.values.begin(), x.values.end());
    DMatrixHandle h = nullptr;
    if (XGDMatrixCreateFromMat_omp(values.data(), bst_ulong(x.rows), bst_ulong(x.cols),
            std::nanf(""), &h, threads)
        != 0)
        return xgbError("creating the data matrix");
    return DMatrix(h);
}

core::Status setParam(BoosterHandle b, const char* name, const std::string& value)
{
    if (XGBoosterSetParam(b, name, value.c_str()) != 0)
        return xgbError(std::string("setting ") + name + " = " + value);
    return {};
}

std::string num(double v)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

// Predictions of `type` (1 margin, 2 contributions) with XGBoost's strict shapes: margins are
// rows x groups, contributions rows x groups x (cols + 1); groups is 1 for binary:logistic.
struct Prediction {
    std::vector<bst_ulong> shape;
    std::vector<float> values;
};

core::Result<Prediction> predict(BoosterHandle b, DMatrixHandle m, int type)
{
    const std::string config = "{\"type\": " + std::to_string(type)
        + ", \"training\": false, \"iteration_begin\": 0, \"iteration_end\": 0, "
          "\"strict_shape\": true}";
    const bst_ulong* shape = nullptr;
    bst_ulong dim = 0;
    const float* out = nullptr;
    if (XGBoosterPredictFromDMatrix(b, m, config.c_str(), &shape, &dim, &out) != 0)
        return xgbError(type == 2 ? "computing SHAP contributions" : "predicting");
    Prediction p;
    p.shape.assign(shape, shape + dim);
    std::size_t size = 1;
    for (bst_ulong s : p.shape)
        size *= std::size_t(s);
    p.values.assign(out, out + size); // XGBoost's buffer is reused by its next call: copy
    return p;
}

class XgbClassifier final : public SignalClassifier {
public:
    XgbClassifier(ClassifierKind kind, const ClassifierParams& params)
        : m_kind(kind), m_params(params)
    {
    }

    ClassifierKind kind() const override { return m_kind; }

    core::Status fit(const FeatureRows& x, const std::vector<int>& y, int classes,
        const FitProgress& progress) override;
    core::Result<std::vector<double>> predictProba(const FeatureRows& x) const override;
    core::Result<std::string> serialize() const override;
    core::Result<Attribution> explain(const FeatureRows& x, int steps) const override;

    // Adopts a booster read from serialize()'s bytes after checking it fits cols and classes.
    core::Status adopt(Booster booster, std::size_t cols, int classes);

private:
    bool isForest() const { return m_kind == ClassifierKind::RandomForest; }
    int groups() const { return m_classes == 3 ? 3 : 1; }
    core::Status configure(BoosterHandle b, int classes) const;
    core::Status checkInput(const FeatureRows& x) const;
    core::Result<Prediction> margins(const FeatureRows& x, int type) const;

    ClassifierKind m_kind;
    ClassifierParams m_params;
    Booster m_booster;
};

core::Status XgbClassifier::configure(BoosterHandle b, int classes) const
{
    const bool forest = isForest();
    const int depth = m_params.maxDepth > 0 ? m_params.maxDepth : (forest ? 8 : 3);
    std::vector<std::pair<const char*, std::string>> params {
        {"verbosity", "0"},
        {"booster", "gbtree"},
        {"tree_method", "hist"},
        {"seed", std::to_string(m_params.seed % 2147483647u)}, // XGBoost reads an int
        {"max_depth", std::to_string(depth)},
        {"subsample", num(m_params.subsample)},
        {"min_child_weight", num(m_params.minChildWeight)},
    };
    if (m_params.threads > 0)
        params.emplace_back("nthread", std::to_string(m_params.threads));
    if (classes == 3) {
        params.emplace_back("objective", "multi:softprob");
        params.emplace_back("num_class", "3");
    } else {
        params.emplace_back("objective", "binary:logistic");
    }
    if (forest) {
        params.emplace_back("num_parallel_tree", std::to_string(std::max(1, m_params.trees)));
        params.emplace_back("eta", "1");
        params.emplace_back("colsample_bynode", num(m_params.colsample));
    } else {
        params.emplace_back("eta", num(m_params.learningRate));
        params.emplace_back("colsample_bytree", num(m_params.colsample));
    }
    for (const auto& [name, value] : params) {
        if (auto s = setParam(b, name, value); !s)
            return s;
    }
    return {};
}

core::Status XgbClassifier::fit(const FeatureRows& x, const std::vector<int>& y, int classes,
    const FitProgress& progress)
{
    quiet();
    if (classes != 2 && classes != 3)
        return makeError(ErrorCode::InvalidArgument, "a classifier needs 2 or 3 classes");
    if (x.rows == 0 || x.cols == 0)
        return makeError(ErrorCode::InvalidArgument, "no training rows");
    if (x.values.size() != x.rows * x.cols || y.size() != x.rows)
        return makeError(ErrorCode::InvalidArgument,
            "training data sizes do not match (" + std::to_string(x.rows) + " rows, "
                + std::to_string(y.size()) + " labels)");
    std::set<int> seen;
    for (int label : y) {
        if (label < 0 || label >= classes)
            return makeError(ErrorCode::InvalidArgument,
                "label " + std::to_string(label) + " outside 0.." + std::to_string(classes - 1));
        seen.insert(label);
    }
    if (seen.size() < 2)
        return makeError(ErrorCode::InvalidArgument,
            "the training labels hold a single class: nothing to learn");
    if (m_params.trees < 1)
        return makeError(ErrorCode::InvalidArgument, "at least one tree is needed");
    if (!(m_params.subsample > 0 && m_params.subsample <= 1 && m_params.colsample > 0
            && m_params.colsample <= 1))
        return makeError(ErrorCode::InvalidArgument, "subsample and colsample lie in (0, 1]");

    auto train = makeMatrix(x, m_params.threads);
    if (!train)
        return train.error();
    const std::vector<float> labels(y.begin(), y.end());
    if (XGDMatrixSetFloatInfo(train->get(), "label", labels.data(), bst_ulong(labels.size()))
        != 0)
        return xgbError("setting the labels");
    DMatrixHandle cache[] = {train->get()};
    BoosterHandle raw = nullptr;
    if (XGBoosterCreate(cache, 1, &raw) != 0)
        return xgbError("creating the booster");
    Booster booster(raw);
    if (auto s = configure(raw, classes); !s)
        return s;

    // The forest is one round (more rounds would boost forests on each other's residuals), so
    // it reports before and after; boosting reports every round and can stop between them.
    const int rounds = isForest() ? 1 : m_params.trees;
    const int total = m_params.trees;
    auto cancelled = [] {
        return makeError(ErrorCode::Cancelled, "training cancelled");
    };
    if (progress && !progress(0, total))
        return cancelled();
    for (int round = 0; round < rounds; ++round) {
        if (XGBoosterUpdateOneIter(raw, round, train->get()) != 0)
            return xgbError("training round " + std::to_string(round + 1));
        const int done = isForest() ? total : round + 1;
        if (progress && !progress(done, total))
            return cancelled();
    }
    // Only a finished model replaces the previous one.
    m_booster = std::move(booster);
    m_classes = classes;
    m_cols = x.cols;
    return {};
}

core::Status XgbClassifier::checkInput(const FeatureRows& x) const
{
    if (!m_booster)
        return makeError(ErrorCode::InvalidArgument, "the classifier is not trained");
    if (x.cols != m_cols)
        return makeError(ErrorCode::InvalidArgument,
            "the model was trained on " + std::to_string(m_cols) + " features, not "
                + std::to_string(x.cols));
    if (x.values.size() != x.rows * x.cols)
        return makeError(ErrorCode::InvalidArgument, "feature matrix size does not match");
    return {};
}

core::Result<Prediction> XgbClassifier::margins(const FeatureRows& x, int type) const
{
    quiet();
    auto m = makeMatrix(x, m_params.threads);
    if (!m)
        return m.error();
    auto p = predict(m_booster.get(), m->get(), type);
    if (!p)
        return p;
    const std::size_t width = type == 2 ? m_cols + 1 : 1;
    const std::size_t expected = x.rows * std::size_t(groups()) * width;
    if (p->values.size() != expected || p->shape.empty() || p->shape.front() != x.rows)
        return makeError(ErrorCode::InvalidArgument,
            "XGBoost returned an unexpected prediction shape");
    return p;
}

core::Result<std::vector<double>> XgbClassifier::predictProba(const FeatureRows& x) const
{
    if (auto s = checkInput(x); !s)
        return s.error();
    if (x.rows == 0)
        return std::vector<double> {};
    auto m = margins(x, 1);
    if (!m)
        return m.error();
    const std::size_t k = std::size_t(m_classes);
    std::vector<double> proba(x.rows * k);
    for (std::size_t r = 0; r < x.rows; ++r) {
        double* row = proba.data() + r * k;
        if (k == 2) {
            const double up = 1.0 / (1.0 + std::exp(-double(m->values[r])));
            row[0] = 1.0 - up;
            row[1] = up;
            continue;
        }
        const float* z = m->values.data() + r * k;
        const double top = double(*std::max_element(z, z + k));
        double sum = 0;
        for (std::size_t c = 0; c < k; ++c)
            sum += row[c] = std::exp(double(z[c]) - top);
        for (std::size_t c = 0; c < k; ++c)
            row[c] /= sum;
    }
    return proba;
}

core::Result<std::string> XgbClassifier::serialize() const
{
    if (!m_booster)
        return makeError(ErrorCode::InvalidArgument, "the classifier is not trained");
    quiet();
    bst_ulong len = 0;
    const char* data = nullptr;
    if (XGBoosterSaveModelToBuffer(m_booster.get(), R"({"format": "ubj"})", &len, &data) != 0)
        return xgbError("saving the model");
    return std::string(data, std::size_t(len));
}

core::Result<Attribution> XgbClassifier::explain(const FeatureRows& x, int) const
{
    if (auto s = checkInput(x); !s)
        return s.error();
    Attribution a;
    a.rows = x.rows;
    a.cols = x.cols;
    a.unit = "log-odds of up";
    a.method = "TreeSHAP";
    if (x.rows == 0)
        return a;
    auto c = margins(x, 2);
    if (!c)
        return c.error();
    // Contributions are rows x groups x (cols + 1), the bias last; up is the last group.
    const std::size_t g = std::size_t(groups()), width = x.cols + 1;
    a.values.resize(x.rows * x.cols);
    a.base.resize(x.rows);
    for (std::size_t r = 0; r < x.rows; ++r) {
        const float* up = c->values.data() + (r * g + (g - 1)) * width;
        for (std::size_t j = 0; j < x.cols; ++j)
            a.values[r * x.cols + j] = double(up[j]);
        a.base[r] = double(up[x.cols]);
    }
    return a;
}

core::Status XgbClassifier::adopt(Booster booster, std::size_t cols, int classes)
{
    bst_ulong features = 0;
    if (XGBoosterGetNumFeature(booster.get(), &features) != 0)
        return xgbError("reading the model's feature count");
    if (features != cols)
        return makeError(ErrorCode::BadData,
            "the stored model has " + std::to_string(features) + " features, not "
                + std::to_string(cols));
    if (m_params.threads > 0) {
        if (auto s = setParam(booster.get(), "nthread", std::to_string(m_params.threads)); !s)
            return s;
    }
    if (auto s = setParam(booster.get(), "verbosity", "0"); !s)
        return s;
    m_booster = std::move(booster);
    m_cols = cols;
    m_classes = classes;
    // The class count is checked by the shape of one prediction (1 group for binary, 3 for
    // softprob), which also proves the model can predict at all.
    FeatureRows probe;
    probe.rows = 1;
    probe.cols = cols;
    probe.values.assign(cols, 0.0);
    auto m = margins(probe, 1);
    if (!m || m->shape.size() != 2 || m->shape[1] != bst_ulong(groups())) {
        m_booster.reset();
        if (!m)
            return m.error();
        return makeError(ErrorCode::BadData,
            "the stored model does not predict " + std::to_string(classes) + " classes");
    }
    return {};
}

} // namespace

std::unique_ptr<SignalClassifier> makeXgbClassifier(ClassifierKind kind,
    const ClassifierParams& params)
{
    return std::make_unique<XgbClassifier>(kind, params);
}

core::Result<std::unique_ptr<SignalClassifier>> loadXgbClassifier(ClassifierKind kind,
    const ClassifierParams& params, const std::string& bytes, std::size_t cols, int classes)
{
    quiet();
    if (bytes.empty())
        return makeError(ErrorCode::BadData, "the stored model is empty");
    if (cols == 0 || (classes != 2 && classes != 3))
        return makeError(ErrorCode::InvalidArgument, "a stored model needs columns and 2 or 3 "
                                                     "classes");
    BoosterHandle raw = nullptr;
    if (XGBoosterCreate(nullptr, 0, &raw) != 0)
        return xgbError("creating the booster");
    Booster booster(raw);
    if (XGBoosterLoadModelFromBuffer(raw, bytes.data(), bst_ulong(bytes.size())) != 0) {
        auto e = xgbError("reading the stored model");
        e.code = ErrorCode::BadData;
        return e;
    }
    auto model = std::make_unique<XgbClassifier>(kind, params);
    if (auto s = model->adopt(std::move(booster), cols, classes); !s)
        return s.error();
    return std::unique_ptr<SignalClassifier>(std::move(model));
}

} // namespace marketlens::models::signals::detail
