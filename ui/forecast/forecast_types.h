#pragma once
// Plain value types that travel between the forecasting worker thread and the GUI thread
// (queued signals copy them): the request of a training or backtest job, the throttled progress
// updates, and the outcome of a job. No widgets, no torch: models/*.h headers are torch-free.

#include "core/date.h"
#include "core/forecast/model_store.h"
#include "core/result.h"
#include "models/forecaster.h"
#include "models/network.h"
#include "models/trainer.h"

#include <QMetaType>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace marketlens::ui {

// What the training dialog (or a test) asks for. Defaults are the dialog's first values.
struct TrainRequest {
    QString projectPath; // the worker opens its own connection to this file
    QString ticker;
    models::ModelKind kind = models::ModelKind::Lstm;
    int horizon = 5;
    int window = 60;
    int epochs = 30;
    std::uint64_t seed = 42;
    models::Device device = models::Device::Cpu;
    int hidden = 0; // 0: NetworkSpec's default
    int layers = 0; // 0: NetworkSpec's default
    int batchSize = 0; // 0: TrainOptions' default
    int patience = -1; // -1: TrainOptions' default
    int progressIntervalMs = -1; // -1: the trainer's default (100 ms); 0: report every batch
    QString name; // empty: "<ticker> <kind> h<horizon>"
    bool store = true; // save the trained model in the project
    // Add the "sentiment" feature (the ticker's daily news index of the lexicon) to the
    // default features; the job fails with a message when the ticker has no index.
    bool useSentiment = false;
    // Backtest only.
    int folds = 4;
    bool expanding = true;
};

// One progress update of a running job, sent at most every 100 ms. `epochs` holds the epochs
// that ended since the previous update, so the loss chart misses none even when several end
// within 100 ms.
struct TrainingUpdate {
    models::TrainProgress progress;
    std::vector<models::EpochRecord> epochs;
    int fold = 0; // backtest: 1-based fold being refitted; 0 for a plain training
    int folds = 0; // backtest: progress.epoch/epochs count on across all folds
};

enum class ForecastJobKind { Train, Backtest, Forecast };

// The outcome of a job. error.code is Ok, Cancelled, or the failure.
struct ForecastJobResult {
    ForecastJobKind kind = ForecastJobKind::Train;
    QString projectPath; // the project the job ran on
    core::Error error;
    core::forecast::ModelRecord record; // Train: id > 0 when stored; Forecast: the model
    std::optional<models::Evaluation> evaluation; // Train: scores on the test part
    std::vector<models::EpochRecord> history; // Train: per-epoch losses
    std::optional<models::BacktestReport> backtest;
    bool stored = false;
    QString storeError; // why a trained model was not stored
    // Forecast (also after a training): from the last date, with the recent history for the chart.
    std::optional<models::Forecast> forecast;
    QString forecastError;
    std::vector<core::Date> historyDates;
    std::vector<double> historyPrices;
    // Cancel accounting (tests): trainer progress reports seen after the cancel flag was set
    // and the global batch index ((epoch - 1) * batches + batch) of the last report.
    int reportsAfterCancel = 0;
    long lastBatchIndex = 0;
    long batchIndexAtCancel = -1;
};

// The request's cancel flag, shared by the controller (sets it) and the worker (reads it).
using CancelFlag = std::shared_ptr<std::atomic_bool>;

// Display name of a model kind string as stored in a record ("lstm" -> "LSTM").
QString modelKindTitle(const QString& kind);
QString modelKindTitle(models::ModelKind kind);

} // namespace marketlens::ui

Q_DECLARE_METATYPE(marketlens::ui::TrainRequest)
Q_DECLARE_METATYPE(marketlens::ui::TrainingUpdate)
Q_DECLARE_METATYPE(marketlens::ui::ForecastJobResult)
Q_DECLARE_METATYPE(marketlens::ui::CancelFlag)
