#pragma once
// What a stored signal model says about itself: its record's metricsJson (written by
// models::signals::trainSignalModel: the model's and both baselines' metrics with the confusion
// matrix, the backtest's statistics next to buy-and-hold, the importance of each feature, the
// test period) read back into the pipeline's value types, so the Signals tab shows a reopened
// model like a fresh run (minus the equity curve, which is not stored). Lenient: a missing or
// malformed part is left empty (its flag false). Any thread.

#include "core/date.h"
#include "models/signals/signal_pipeline.h"

#include <optional>
#include <string>

namespace marketlens::ui {

struct StoredSignalSummary {
    models::signals::SignalEvaluation evaluation; // metrics, backtest statistics, importance
    bool hasMetrics = false;
    bool hasBacktest = false;
    bool longShort = false;
    std::optional<core::Date> testFirst, testLast;
};

StoredSignalSummary parseStoredSignalMetrics(const std::string& metricsJson);

} // namespace marketlens::ui
