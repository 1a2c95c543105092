#pragma once
// ScoresTable: a model's errors beside every baseline's on the same origins (test part or the
// pooled backtest folds): MAE, RMSE, MAPE, sMAPE, MASE, directional accuracy and the coverage of
// the 80 % and 95 % intervals. The model's row is bold; the lowest MAE and MASE are marked.
// Plain data in, GUI thread only.

#include "models/forecaster.h"

#include <QTableWidget>

#include <vector>

namespace marketlens::ui {

class ScoresTable : public QTableWidget {
    Q_OBJECT
public:
    explicit ScoresTable(QWidget* parent = nullptr);

    // `modelTitle` names the model's row ("LSTM").
    void setScores(const std::vector<models::ScoredForecaster>& scores, const QString& modelTitle);
    void clearScores();

    // Display name of a baseline ("seasonal_naive" -> "Seasonal naive").
    static QString baselineTitle(const std::string& name);
};

} // namespace marketlens::ui
