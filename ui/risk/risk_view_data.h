#pragma once
// From a core RiskReport to the plain data each risk widget draws, for one selected method and
// confidence. Pure functions (no widgets), so tests can compare what a widget is given with the
// report. Values keep the run's sign convention in the table; charts get returns (a loss is
// negative) whatever the convention.

#include "backtest_view.h"
#include "holdings_risk_model.h"
#include "rolling_vol_view.h"

#include "core/risk/risk_report.h"

#include <vector>

namespace marketlens::ui {

// True when the report holds VaR/ES of its portfolio for (method, confidence).
bool reportHasTail(
    const core::risk::RiskReport& report, core::risk::RiskMethod method, double confidence);

// Dates of the report's return series as ms since the epoch (UTC).
std::vector<qint64> reportDatesMs(const core::risk::RiskReport& report);

// A figure of the run's sign convention as a return (negative for a loss).
double asReturn(const core::risk::RiskReport& report, double figure);

HoldingRiskTable holdingRiskTable(
    const core::risk::RiskReport& report, core::risk::RiskMethod method, double confidence);

// The backtest at `confidence` (the nearest one in the report when absent).
BacktestData backtestData(const core::risk::RiskReport& report, double confidence);

// Rolling sample, EWMA and GARCH volatility (those present).
std::vector<VolatilityLine> volatilityLines(const core::risk::RiskReport& report);

// "95 %, historical"
QString selectionLabel(core::risk::RiskMethod method, double confidence);
QString methodTitle(core::risk::RiskMethod method);

} // namespace marketlens::ui
