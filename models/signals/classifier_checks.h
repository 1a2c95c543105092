#pragma once
// Private to models/signals/*.cpp: the input checks every classifier kind shares (fit and
// predict), so the error messages read the same whichever model the user picked.

#include "core/result.h"
#include "models/signals/signal_classifier.h"

#include <cmath>
#include <string>
#include <vector>

namespace marketlens::models::signals::detail {

inline core::Status checkRows(const FeatureRows& x, const std::string& what)
{
    if (x.rows == 0 || x.cols == 0)
        return core::makeError(core::ErrorCode::InvalidArgument, what + ": no rows or no columns");
    if (x.values.size() != x.rows * x.cols)
        return core::makeError(core::ErrorCode::InvalidArgument,
            what + ": " + std::to_string(x.values.size()) + " values for " + std::to_string(x.rows)
                + " rows x " + std::to_string(x.cols) + " columns");
    for (double v : x.values)
        if (!std::isfinite(v))
            return core::makeError(core::ErrorCode::InvalidArgument,
                what + ": a feature value is not finite (NaN or infinite)");
    return {};
}

// fit's preconditions: rows, one label per row, labels 0..classes-1, classes 2 or 3, and every
// class present (a class without rows cannot be learned: logistic regression's intercept for it
// would run to minus infinity).
inline core::Status checkFitInputs(
    const FeatureRows& x, const std::vector<int>& y, int classes, const std::string& what)
{
    if (classes != 2 && classes != 3)
        return core::makeError(core::ErrorCode::InvalidArgument, what + ": 2 or 3 classes only");
    if (auto ok = checkRows(x, what); !ok)
        return ok;
    if (y.size() != x.rows)
        return core::makeError(core::ErrorCode::InvalidArgument,
            what + ": " + std::to_string(y.size()) + " labels for " + std::to_string(x.rows)
                + " rows");
    std::vector<std::size_t> count(std::size_t(classes), 0);
    for (int label : y) {
        if (label < 0 || label >= classes)
            return core::makeError(core::ErrorCode::InvalidArgument,
                what + ": label " + std::to_string(label) + " outside 0.."
                    + std::to_string(classes - 1));
        ++count[std::size_t(label)];
    }
    for (int k = 0; k < classes; ++k)
        if (count[std::size_t(k)] == 0)
            return core::makeError(core::ErrorCode::InvalidArgument,
                what + ": the training labels have no row of class " + std::to_string(k)
                    + " (every class needs rows; a single class cannot be learned)");
    return {};
}

// predict's preconditions: a trained model and rows of its width.
inline core::Status checkPredictInputs(
    const FeatureRows& x, std::size_t cols, bool trained, const std::string& what)
{
    if (!trained)
        return core::makeError(core::ErrorCode::InvalidArgument, what + ": not trained");
    if (auto ok = checkRows(x, what); !ok)
        return ok;
    if (x.cols != cols)
        return core::makeError(core::ErrorCode::InvalidArgument,
            what + ": rows have " + std::to_string(x.cols) + " columns, the model was trained on "
                + std::to_string(cols));
    return {};
}

} // namespace marketlens::models::signals::detail
