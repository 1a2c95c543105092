// Logistic regression with scikit-learn's objective (LogisticRegression, penalty='l2'):
//   minimise  C * sum_i logloss_i + 0.5 * ||W||^2      (intercepts not penalised)
// binary: one weight vector for the up class (sklearn's binary case); 3 classes: multinomial
// softmax with one weight vector per class, all penalised (sklearn 1.2's default with lbfgs).
// The softmax is unchanged when a constant is added to every intercept, so the multinomial
// optimum is a line; we add 0.5 * (sum_k b_k)^2, which is 0 on the optimum sklearn reaches from
// its zero start (its gradients keep sum_k b_k = 0) and makes the Hessian positive definite.
// The problem is strictly convex, so Newton's method (IRLS) with a backtracking line search
// reaches the same optimum as sklearn's lbfgs, to rounding once it has converged tightly.
#include "models/signals/classifier_checks.h"
#include "models/signals/classifier_impl.h"

#include <Eigen/Dense>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace marketlens::models::signals::detail {

namespace {

using core::ErrorCode;
using core::makeError;
using Eigen::MatrixXd;
using Eigen::VectorXd;

constexpr int kMaxIterations = 100;
const char* kFormat = "marketlens-logit";

// log(1 + exp(z)) without overflow.
double softplus(double z)
{
    return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));
}

double sigmoid(double z)
{
    if (z >= 0)
        return 1.0 / (1.0 + std::exp(-z));
    const double e = std::exp(z);
    return e / (1.0 + e);
}

// The design matrix with a trailing column of ones for the intercept.
MatrixXd design(const FeatureRows& x)
{
    MatrixXd m(Eigen::Index(x.rows), Eigen::Index(x.cols + 1));
    for (std::size_t r = 0; r < x.rows; ++r) {
        for (std::size_t c = 0; c < x.cols; ++c)
            m(Eigen::Index(r), Eigen::Index(c)) = x.at(r, c);
        m(Eigen::Index(r), Eigen::Index(x.cols)) = 1.0;
    }
    return m;
}

// Parameters as one vector: block k = [w_k (d values), b_k], K' blocks (1 for binary).
class Problem {
public:
    Problem(const MatrixXd& xt, const std::vector<int>& y, int classes, double c)
        : m_x(xt)
        , m_c(c)
        , m_blocks(classes == 2 ? 1 : classes)
        , m_d(xt.cols() - 1)
        , m_y(xt.rows(), m_blocks)
    {
        m_y.setZero();
        for (Eigen::Index i = 0; i < xt.rows(); ++i) {
            if (m_blocks == 1)
                m_y(i, 0) = y[std::size_t(i)] == 1 ? 1.0 : 0.0;
            else
                m_y(i, y[std::size_t(i)]) = 1.0;
        }
    }

    Eigen::Index size() const { return m_blocks * (m_d + 1); }

    // Scores n x K' of the parameters.
    MatrixXd scores(const VectorXd& theta) const
    {
        const Eigen::Map<const MatrixXd> w(theta.data(), m_d + 1, m_blocks);
        return m_x * w;
    }

    double objective(const VectorXd& theta) const
    {
        const MatrixXd z = scores(theta);
        double loss = 0.0;
        for (Eigen::Index i = 0; i < z.rows(); ++i) {
            if (m_blocks == 1) {
                loss += softplus(z(i, 0)) - m_y(i, 0) * z(i, 0);
            } else {
                const double mx = z.row(i).maxCoeff();
                const double lse = mx + std::log((z.row(i).array() - mx).exp().sum());
                loss += lse - z.row(i).dot(m_y.row(i));
            }
        }
        return m_c * loss + penalty(theta);
    }

    // Gradient and Hessian at theta (the Hessian is positive definite: see the file comment).
    void derivatives(const VectorXd& theta, VectorXd& grad, MatrixXd& hess) const
    {
        const MatrixXd z = scores(theta);
        MatrixXd p(z.rows(), m_blocks);
        for (Eigen::Index i = 0; i < z.rows(); ++i) {
            if (m_blocks == 1) {
                p(i, 0) = sigmoid(z(i, 0));
            } else {
                const double mx = z.row(i).maxCoeff();
                const auto e = (z.row(i).array() - mx).exp();
                p.row(i) = e / e.sum();
            }
        }
        const Eigen::Index s = m_d + 1;
        grad.resize(size());
        hess.setZero(size(), size());
        double sumB = 0.0;
        for (Eigen::Index k = 0; k < m_blocks; ++k)
            sumB += theta(k * s + m_d);
        for (Eigen::Index k = 0; k < m_blocks; ++k) {
            grad.segment(k * s, s) = m_c * (m_x.transpose() * (p.col(k) - m_y.col(k)));
            grad.segment(k * s, m_d) += theta.segment(k * s, m_d);
            if (m_blocks > 1)
                grad(k * s + m_d) += sumB;
            for (Eigen::Index l = k; l < m_blocks; ++l) {
                VectorXd wt;
                if (m_blocks == 1)
                    wt = p.col(0).array() * (1.0 - p.col(0).array());
                else if (k == l)
                    wt = p.col(k).array() * (1.0 - p.col(k).array());
                else
                    wt = -(p.col(k).array() * p.col(l).array());
                const MatrixXd block = m_c * (m_x.transpose() * (wt.asDiagonal() * m_x));
                hess.block(k * s, l * s, s, s) = block;
                if (l != k)
                    hess.block(l * s, k * s, s, s) = block.transpose();
            }
            for (Eigen::Index j = 0; j < m_d; ++j)
                hess(k * s + j, k * s + j) += 1.0;
            if (m_blocks > 1)
                for (Eigen::Index l = 0; l < m_blocks; ++l)
                    hess(k * s + m_d, l * s + m_d) += 1.0;
        }
    }

private:
    double penalty(const VectorXd& theta) const
    {
        const Eigen::Index s = m_d + 1;
        double sq = 0.0, sumB = 0.0;
        for (Eigen::Index k = 0; k < m_blocks; ++k) {
            sq += theta.segment(k * s, m_d).squaredNorm();
            sumB += theta(k * s + m_d);
        }
        return 0.5 * sq + (m_blocks > 1 ? 0.5 * sumB * sumB : 0.0);
    }

    const MatrixXd& m_x;
    double m_c;
    Eigen::Index m_blocks, m_d;
    MatrixXd m_y;
};

class LogitClassifier final : public SignalClassifier {
public:
    explicit LogitClassifier(const ClassifierParams& params)
        : m_params(params)
    {
    }

    ClassifierKind kind() const override { return ClassifierKind::Logistic; }

    core::Status fit(const FeatureRows& x, const std::vector<int>& y, int classes,
        const FitProgress& progress) override
    {
        if (auto ok = checkFitInputs(x, y, classes, "logistic regression"); !ok)
            return ok;
        if (!(m_params.logitC > 0.0) || !std::isfinite(m_params.logitC))
            return makeError(ErrorCode::InvalidArgument, "logistic regression: C must be > 0");
        m_trained = false;
        const MatrixXd xt = design(x);
        const Problem problem(xt, y, classes, m_params.logitC);
        VectorXd theta = VectorXd::Zero(problem.size());
        double obj = problem.objective(theta);
        // Gradients are sums over rows: the stopping rule scales with C * rows.
        const double gradTol = 1e-9 * (1.0 + m_params.logitC * double(x.rows));
        VectorXd grad;
        MatrixXd hess;
        int iter = 0;
        for (; iter < kMaxIterations; ++iter) {
            if (progress && !progress(iter, kMaxIterations))
                return makeError(ErrorCode::Cancelled, "logistic regression: cancelled");
            problem.derivatives(theta, grad, hess);
            if (grad.lpNorm<Eigen::Infinity>() <= gradTol)
                break;
            const VectorXd step = hess.ldlt().solve(-grad);
            const double slope = grad.dot(step);
            if (!step.allFinite() || slope >= 0.0)
                return makeError(ErrorCode::InvalidArgument,
                    "logistic regression: Newton step failed (the features may be degenerate)");
            // Backtracking (Armijo): full Newton steps near the optimum, shorter ones early on
            // when the data are (nearly) separable.
            double t = 1.0;
            bool accepted = false;
            for (int h = 0; h < 60 && !accepted; ++h, t *= 0.5) {
                const VectorXd trial = theta + t * step;
                const double next = problem.objective(trial);
                if (next <= obj + 1e-4 * t * slope) {
                    theta = trial;
                    obj = next;
                    accepted = true;
                }
            }
            if (!accepted)
                break; // at the optimum to rounding: no step lowers the objective any more
        }
        if (!theta.allFinite())
            return makeError(ErrorCode::InvalidArgument, "logistic regression did not converge");
        const Eigen::Index blocks = classes == 2 ? 1 : classes;
        const Eigen::Index d = Eigen::Index(x.cols);
        m_coef = MatrixXd(blocks, d);
        m_intercept = VectorXd(blocks);
        for (Eigen::Index k = 0; k < blocks; ++k) {
            m_coef.row(k) = theta.segment(k * (d + 1), d).transpose();
            m_intercept(k) = theta(k * (d + 1) + d);
        }
        if (progress && !progress(kMaxIterations, kMaxIterations))
            return makeError(ErrorCode::Cancelled, "logistic regression: cancelled");
        m_iterations = iter;
        m_classes = classes;
        m_cols = x.cols;
        m_trained = true;
        return {};
    }

    core::Result<std::vector<double>> predictProba(const FeatureRows& x) const override
    {
        if (auto ok = checkPredictInputs(x, m_cols, m_trained, "logistic regression"); !ok)
            return ok.error();
        const MatrixXd z = scores(x);
        const auto k = std::size_t(m_classes);
        std::vector<double> out(x.rows * k);
        for (std::size_t r = 0; r < x.rows; ++r) {
            const auto i = Eigen::Index(r);
            if (m_classes == 2) {
                const double up = sigmoid(z(i, 0));
                out[r * 2] = 1.0 - up;
                out[r * 2 + 1] = up;
            } else {
                const double mx = z.row(i).maxCoeff();
                const auto e = (z.row(i).array() - mx).exp();
                const double sum = e.sum();
                for (std::size_t c = 0; c < k; ++c)
                    out[r * k + c] = e(Eigen::Index(c)) / sum;
            }
        }
        return out;
    }

    core::Result<std::string> serialize() const override
    {
        if (!m_trained)
            return makeError(ErrorCode::InvalidArgument, "logistic regression: not trained");
        QJsonObject o;
        o[QStringLiteral("format")] = QString::fromLatin1(kFormat);
        o[QStringLiteral("classes")] = m_classes;
        o[QStringLiteral("cols")] = qint64(m_cols);
        o[QStringLiteral("C")] = m_params.logitC;
        o[QStringLiteral("iterations")] = m_iterations;
        QJsonArray coef, intercept;
        for (Eigen::Index k = 0; k < m_coef.rows(); ++k) {
            QJsonArray row;
            for (Eigen::Index j = 0; j < m_coef.cols(); ++j)
                row.append(m_coef(k, j));
            coef.append(row);
            intercept.append(m_intercept(k));
        }
        o[QStringLiteral("coef")] = coef;
        o[QStringLiteral("intercept")] = intercept;
        return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
    }

    // Binary: contribution_j = w_j * x_j, base = b; their sum is the logit of P(up). 3 classes:
    // the log-odds of up against down, log(P(up) / P(down)) = (w_up - w_down) . x + (b_up -
    // b_down), also exactly linear (the flat class cancels out of that ratio).
    core::Result<Attribution> explain(const FeatureRows& x, int) const override
    {
        if (auto ok = checkPredictInputs(x, m_cols, m_trained, "logistic regression"); !ok)
            return ok.error();
        const Eigen::Index up = m_coef.rows() - 1;
        VectorXd w = m_coef.row(up).transpose();
        double base = m_intercept(up);
        if (m_classes == 3) {
            w -= m_coef.row(0).transpose();
            base -= m_intercept(0);
        }
        Attribution a;
        a.rows = x.rows;
        a.cols = x.cols;
        a.values.resize(x.rows * x.cols);
        for (std::size_t r = 0; r < x.rows; ++r)
            for (std::size_t c = 0; c < x.cols; ++c)
                a.values[r * x.cols + c] = w(Eigen::Index(c)) * x.at(r, c);
        a.base.assign(x.rows, base);
        a.unit = m_classes == 2 ? "log-odds of up" : "log-odds of up vs down";
        a.method = "exact (linear)";
        return a;
    }

    // Reads serialize()'s JSON; every number checked, so damaged bytes are an error.
    core::Status load(const std::string& bytes, std::size_t cols, int classes)
    {
        QJsonParseError err;
        const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(bytes), &err);
        auto bad = [](const std::string& why) {
            return makeError(ErrorCode::BadData, "stored logistic regression: " + why);
        };
        if (err.error != QJsonParseError::NoError || !doc.isObject())
            return bad("not JSON");
        const QJsonObject o = doc.object();
        if (o.value(QStringLiteral("format")).toString() != QLatin1String(kFormat))
            return bad("not a logistic regression");
        if (o.value(QStringLiteral("classes")).toInt() != classes
            || o.value(QStringLiteral("cols")).toInteger() != qint64(cols))
            return bad("stored for other columns or classes");
        const Eigen::Index blocks = classes == 2 ? 1 : classes, d = Eigen::Index(cols);
        const QJsonArray coef = o.value(QStringLiteral("coef")).toArray();
        const QJsonArray intercept = o.value(QStringLiteral("intercept")).toArray();
        if (coef.size() != blocks || intercept.size() != blocks)
            return bad("wrong number of coefficient rows");
        m_coef = MatrixXd(blocks, d);
        m_intercept = VectorXd(blocks);
        for (Eigen::Index k = 0; k < blocks; ++k) {
            const QJsonArray row = coef.at(k).toArray();
            if (row.size() != d || !intercept.at(k).isDouble())
                return bad("wrong number of coefficients");
            for (Eigen::Index j = 0; j < d; ++j) {
                if (!row.at(j).isDouble())
                    return bad("a coefficient is not a number");
                m_coef(k, j) = row.at(j).toDouble();
            }
            m_intercept(k) = intercept.at(k).toDouble();
        }
        if (!m_coef.allFinite() || !m_intercept.allFinite())
            return bad("a coefficient is not finite");
        m_iterations = o.value(QStringLiteral("iterations")).toInt();
        m_classes = classes;
        m_cols = cols;
        m_trained = true;
        return {};
    }

private:
    MatrixXd scores(const FeatureRows& x) const
    {
        const Eigen::Map<
            const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>
            m(x.values.data(), Eigen::Index(x.rows), Eigen::Index(x.cols));
        MatrixXd z = m * m_coef.transpose();
        z.rowwise() += m_intercept.transpose();
        return z;
    }

    ClassifierParams m_params;
    MatrixXd m_coef; // K' x cols (K' = 1 for binary: the up class)
    VectorXd m_intercept; // K'
    int m_iterations = 0;
    bool m_trained = false;
};

} // namespace

std::unique_ptr<SignalClassifier> makeLogitClassifier(const ClassifierParams& params)
{
    return std::make_unique<LogitClassifier>(params);
}

core::Result<std::unique_ptr<SignalClassifier>> loadLogitClassifier(
    const ClassifierParams& params, const std::string& bytes, std::size_t cols, int classes)
{
    auto model = std::make_unique<LogitClassifier>(params);
    if (auto ok = model->load(bytes, cols, classes); !ok)
        return ok.error();
    return std::unique_ptr<SignalClassifier>(std::move(model));
}

} // namespace marketlens::models::signals::detail
