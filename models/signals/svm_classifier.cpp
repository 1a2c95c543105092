// Support vector classifier on OpenCV ML (cv::ml::SVM: C_SVC, RBF kernel, plain train(); the
// cross-validating trainAuto is far too slow for a few thousand rows) with probabilities by Platt
// scaling, and occlusion attributions (the generic detail::occlusionAttribution lives here).
//
// Probabilities. OpenCV's SVM gives decision values, not probabilities, and its multi-class mode
// (one-vs-one voting) gives no decision value at all. So:
// - 2 classes: one SVM (up against down); P(up) = 1 / (1 + exp(A f + B)) with f its decision
//   value, A and B fitted by Platt's method (the Newton version of Lin, Lin and Weng, 2007, with
//   Platt's smoothed targets) on the decision values of the training rows themselves;
// - 3 classes: one SVM per class against the other two (one-vs-rest), each with its own Platt
//   sigmoid on its training decision values; the three sigmoid probabilities are divided by their
//   sum so each row sums to 1.
// The training decision values are somewhat more confident than those of unseen rows (sklearn's
// SVC(probability=True) uses an internal 5-fold split instead, at five times the cost); the class
// ranking, accuracy and AUC do not depend on this calibration, only the probability level does.
#include "models/signals/classifier_checks.h"
#include "models/signals/classifier_impl.h"

#include <opencv2/core.hpp>
#include <opencv2/ml.hpp>

#include <cmath>

namespace marketlens::models::signals::detail {

namespace {

using core::ErrorCode;
using core::makeError;

const char* kFormat = "marketlens-svm";

struct Platt {
    double a = 0.0, b = 0.0;
    double probability(double f) const
    {
        const double z = a * f + b;
        return z >= 0 ? std::exp(-z) / (1.0 + std::exp(-z)) : 1.0 / (1.0 + std::exp(z));
    }
};

// Platt's sigmoid fitted by Newton's method with a backtracking line search (Lin, Lin and Weng,
// "A note on Platt's probabilistic outputs for support vector machines", 2007: algorithm 1).
Platt fitPlatt(const std::vector<double>& f, const std::vector<bool>& positive)
{
    double prior1 = 0, prior0 = 0;
    for (bool p : positive)
        (p ? prior1 : prior0) += 1.0;
    const double hi = (prior1 + 1.0) / (prior1 + 2.0), lo = 1.0 / (prior0 + 2.0);
    const std::size_t n = f.size();
    std::vector<double> t(n);
    for (std::size_t i = 0; i < n; ++i)
        t[i] = positive[i] ? hi : lo;
    auto value = [&](double a, double b) {
        double v = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            const double z = f[i] * a + b;
            v += z >= 0 ? t[i] * z + std::log1p(std::exp(-z))
                        : (t[i] - 1.0) * z + std::log1p(std::exp(z));
        }
        return v;
    };
    constexpr double sigma = 1e-12, minStep = 1e-10, eps = 1e-5;
    Platt p;
    p.b = std::log((prior0 + 1.0) / (prior1 + 1.0));
    double fval = value(p.a, p.b);
    for (int iter = 0; iter < 100; ++iter) {
        double h11 = sigma, h22 = sigma, h21 = 0.0, g1 = 0.0, g2 = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            const double prob = p.probability(f[i]), q = 1.0 - prob, d2 = prob * q;
            h11 += f[i] * f[i] * d2;
            h22 += d2;
            h21 += f[i] * d2;
            const double d1 = t[i] - prob;
            g1 += f[i] * d1;
            g2 += d1;
        }
        if (std::abs(g1) < eps && std::abs(g2) < eps)
            break;
        const double det = h11 * h22 - h21 * h21;
        const double da = -(h22 * g1 - h21 * g2) / det, db = -(-h21 * g1 + h11 * g2) / det;
        const double gd = g1 * da + g2 * db;
        double step = 1.0;
        while (step >= minStep) {
            const double na = p.a + step * da, nb = p.b + step * db, nf = value(na, nb);
            if (nf < fval + 1e-4 * step * gd) {
                p.a = na;
                p.b = nb;
                fval = nf;
                break;
            }
            step /= 2.0;
        }
        if (step < minStep)
            break; // no further progress: the fit is as good as rounding allows
    }
    return p;
}

cv::Mat toMat(const FeatureRows& x)
{
    cv::Mat m(int(x.rows), int(x.cols), CV_32F);
    for (std::size_t r = 0; r < x.rows; ++r)
        for (std::size_t c = 0; c < x.cols; ++c)
            m.at<float>(int(r), int(c)) = float(x.at(r, c));
    return m;
}

std::vector<double> decisionValues(const cv::ml::SVM& svm, const cv::Mat& samples)
{
    cv::Mat out;
    svm.predict(samples, out, cv::ml::StatModel::RAW_OUTPUT);
    std::vector<double> f(std::size_t(samples.rows));
    for (int i = 0; i < samples.rows; ++i)
        f[std::size_t(i)] = double(out.at<float>(i, 0));
    return f;
}

class SvmClassifier final : public SignalClassifier {
public:
    explicit SvmClassifier(const ClassifierParams& params)
        : m_params(params)
    {
    }

    ClassifierKind kind() const override { return ClassifierKind::Svm; }

    core::Status fit(const FeatureRows& x, const std::vector<int>& y, int classes,
        const FitProgress& progress) override
    {
        if (auto ok = checkFitInputs(x, y, classes, "SVM"); !ok)
            return ok;
        if (!(m_params.svmC > 0.0) || !(m_params.svmGamma >= 0.0))
            return makeError(ErrorCode::InvalidArgument, "SVM: C must be > 0 and gamma >= 0");
        m_svms.clear();
        m_platt.clear();
        const double gamma = m_params.svmGamma > 0.0 ? m_params.svmGamma : 1.0 / double(x.cols);
        const int models = classes == 2 ? 1 : classes;
        try {
            const cv::Mat samples = toMat(x);
            for (int k = 0; k < models; ++k) {
                if (progress && !progress(k, models))
                    return makeError(ErrorCode::Cancelled, "SVM: cancelled");
                // 2 classes: the up class (1) against down; 3: class k against the rest.
                const int target = classes == 2 ? 1 : k;
                cv::Mat responses(int(x.rows), 1, CV_32S);
                std::vector<bool> positive(x.rows);
                for (std::size_t r = 0; r < x.rows; ++r) {
                    positive[r] = y[r] == target;
                    responses.at<int>(int(r), 0) = positive[r] ? 1 : 0;
                }
                auto svm = cv::ml::SVM::create();
                svm->setType(cv::ml::SVM::C_SVC);
                svm->setKernel(cv::ml::SVM::RBF);
                svm->setC(m_params.svmC);
                svm->setGamma(gamma);
                // libsvm's default stopping rule (sklearn's SVC tol=1e-3).
                svm->setTermCriteria(cv::TermCriteria(
                    cv::TermCriteria::MAX_ITER + cv::TermCriteria::EPS, 1000000, 1e-3));
                if (!svm->train(cv::ml::TrainData::create(samples, cv::ml::ROW_SAMPLE, responses)))
                    return makeError(ErrorCode::InvalidArgument, "SVM: OpenCV could not train");
                m_platt.push_back(fitPlatt(decisionValues(*svm, samples), positive));
                m_svms.push_back(svm);
            }
        } catch (const cv::Exception& e) {
            m_svms.clear();
            return makeError(ErrorCode::InvalidArgument, std::string("SVM: ") + e.what());
        } catch (const std::exception& e) {
            m_svms.clear();
            return makeError(ErrorCode::InvalidArgument, std::string("SVM: ") + e.what());
        }
        if (progress && !progress(models, models)) {
            m_svms.clear();
            return makeError(ErrorCode::Cancelled, "SVM: cancelled");
        }
        m_classes = classes;
        m_cols = x.cols;
        return {};
    }

    core::Result<std::vector<double>> predictProba(const FeatureRows& x) const override
    {
        if (auto ok = checkPredictInputs(x, m_cols, !m_svms.empty(), "SVM"); !ok)
            return ok.error();
        const auto k = std::size_t(m_classes);
        std::vector<double> out(x.rows * k);
        try {
            const cv::Mat samples = toMat(x);
            for (std::size_t m = 0; m < m_svms.size(); ++m) {
                const auto f = decisionValues(*m_svms[m], samples);
                for (std::size_t r = 0; r < x.rows; ++r) {
                    const double p = m_platt[m].probability(f[r]);
                    if (m_classes == 2) {
                        out[r * 2] = 1.0 - p;
                        out[r * 2 + 1] = p;
                    } else {
                        out[r * k + m] = p;
                    }
                }
            }
        } catch (const cv::Exception& e) {
            return makeError(ErrorCode::InvalidArgument, std::string("SVM: ") + e.what());
        }
        if (m_classes == 3) {
            for (std::size_t r = 0; r < x.rows; ++r) {
                double sum = 0.0;
                for (std::size_t c = 0; c < k; ++c)
                    sum += out[r * k + c];
                for (std::size_t c = 0; c < k; ++c)
                    out[r * k + c] = sum > 0.0 ? out[r * k + c] / sum : 1.0 / double(k);
            }
        }
        return out;
    }

    // YAML from cv::FileStorage: the format tag, then per SVM its OpenCV model under svm_<k> and
    // its Platt sigmoid under platt_<k> as [A, B].
    core::Result<std::string> serialize() const override
    {
        if (m_svms.empty())
            return makeError(ErrorCode::InvalidArgument, "SVM: not trained");
        try {
            cv::FileStorage fs(".yml", cv::FileStorage::WRITE | cv::FileStorage::MEMORY);
            fs << "format" << kFormat;
            fs << "classes" << m_classes;
            fs << "cols" << int(m_cols);
            fs << "models" << int(m_svms.size());
            for (std::size_t m = 0; m < m_svms.size(); ++m) {
                const std::string n = std::to_string(m);
                fs << "svm_" + n << "{";
                m_svms[m]->write(fs);
                fs << "}";
                fs << "platt_" + n << "[" << m_platt[m].a << m_platt[m].b << "]";
            }
            return fs.releaseAndGetString();
        } catch (const cv::Exception& e) {
            return makeError(ErrorCode::InvalidArgument, std::string("SVM: ") + e.what());
        }
    }

    core::Result<Attribution> explain(const FeatureRows& x, int) const override
    {
        return occlusionAttribution(*this, x);
    }

    core::Status load(const std::string& bytes, std::size_t cols, int classes)
    {
        auto bad = [](const std::string& why) {
            return makeError(ErrorCode::BadData, "stored SVM: " + why);
        };
        try {
            if (bytes.empty())
                return bad("no bytes");
            cv::FileStorage fs(bytes, cv::FileStorage::READ | cv::FileStorage::MEMORY);
            if (!fs.isOpened())
                return bad("not YAML");
            if (std::string(fs["format"]) != kFormat)
                return bad("not an SVM");
            const int models = int(fs["models"]);
            if (int(fs["classes"]) != classes || int(fs["cols"]) != int(cols)
                || models != (classes == 2 ? 1 : classes))
                return bad("stored for other columns or classes");
            m_svms.clear();
            m_platt.clear();
            for (int m = 0; m < models; ++m) {
                const std::string n = std::to_string(m);
                auto svm = cv::ml::SVM::create();
                const cv::FileNode node = fs["svm_" + n];
                if (node.empty())
                    return bad("an SVM is missing");
                svm->read(node);
                const cv::FileNode platt = fs["platt_" + n];
                if (!svm->isTrained() || svm->getVarCount() != int(cols) || !platt.isSeq()
                    || platt.size() != 2)
                    return bad("a damaged SVM");
                Platt p;
                p.a = double(platt[0]);
                p.b = double(platt[1]);
                if (!std::isfinite(p.a) || !std::isfinite(p.b))
                    return bad("a damaged probability calibration");
                m_svms.push_back(svm);
                m_platt.push_back(p);
            }
        } catch (const cv::Exception& e) {
            m_svms.clear();
            return bad(e.what());
        }
        m_classes = classes;
        m_cols = cols;
        return {};
    }

private:
    ClassifierParams m_params;
    std::vector<cv::Ptr<cv::ml::SVM>> m_svms; // 1 (binary) or 3 (one-vs-rest)
    std::vector<Platt> m_platt;
};

} // namespace

core::Result<Attribution> occlusionAttribution(const SignalClassifier& model, const FeatureRows& x)
{
    auto full = model.predictProba(x);
    if (!full)
        return full.error();
    const auto k = std::size_t(model.classes());
    Attribution a;
    a.rows = x.rows;
    a.cols = x.cols;
    a.values.assign(x.rows * x.cols, 0.0);
    a.base.resize(x.rows);
    a.unit = "probability of up";
    a.method = "occlusion";
    FeatureRows occluded = x;
    for (std::size_t c = 0; c < x.cols; ++c) {
        for (std::size_t r = 0; r < x.rows; ++r)
            occluded.values[r * x.cols + c] = 0.0;
        auto p = model.predictProba(occluded);
        if (!p)
            return p.error();
        for (std::size_t r = 0; r < x.rows; ++r) {
            a.values[r * x.cols + c] = (*full)[r * k + k - 1] - (*p)[r * k + k - 1];
            occluded.values[r * x.cols + c] = x.at(r, c);
        }
    }
    for (std::size_t r = 0; r < x.rows; ++r) {
        double sum = 0.0;
        for (std::size_t c = 0; c < x.cols; ++c)
            sum += a.values[r * x.cols + c];
        a.base[r] = (*full)[r * k + k - 1] - sum;
    }
    return a;
}

std::unique_ptr<SignalClassifier> makeSvmClassifier(const ClassifierParams& params)
{
    return std::make_unique<SvmClassifier>(params);
}

core::Result<std::unique_ptr<SignalClassifier>> loadSvmClassifier(
    const ClassifierParams& params, const std::string& bytes, std::size_t cols, int classes)
{
    auto model = std::make_unique<SvmClassifier>(params);
    if (auto ok = model->load(bytes, cols, classes); !ok)
        return ok.error();
    return std::unique_ptr<SignalClassifier>(std::move(model));
}

} // namespace marketlens::models::signals::detail
