#pragma once
// TrainingWorker: the long-lived forecasting worker (STYLE.md "Threads"). It lives on a QThread
// owned by ForecastController; requests arrive as queued signals connected to its slots and run
// one after another on that thread. Each job opens its own connection to the project file, reads
// the instrument's prices, calls models::trainForecaster or models::walkForwardBacktest, stores
// a trained model (core::forecast::saveModel) and forecasts with it (models::forecastWith).
//
// Progress leaves as TrainingUpdate values at most every 100 ms (epochs that ended in between
// ride along in the next update). Cancel is the request's shared atomic flag, which the trainer
// checks before every batch. Nothing throws out of a slot: every failure ends in finished() with
// an error. Never touches widgets.

#include "ui/forecast/forecast_types.h"

#include <QObject>

namespace marketlens::ui {

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(QObject* parent = nullptr);

    // How many rows of recent history a forecast result carries for the chart.
    static constexpr std::size_t kHistoryRows = 250;

    // The forecaster configuration a request stands for (also used by the dialog's summary).
    static models::ForecastConfig configFor(const TrainRequest& request);
    // "MSFT LSTM h5"
    static QString defaultName(const TrainRequest& request);

public Q_SLOTS:
    void train(int job, const marketlens::ui::TrainRequest& request,
        const marketlens::ui::CancelFlag& cancel);
    void backtest(int job, const marketlens::ui::TrainRequest& request,
        const marketlens::ui::CancelFlag& cancel);

Q_SIGNALS:
    void progress(int job, const marketlens::ui::TrainingUpdate& update);
    void finished(int job, const marketlens::ui::ForecastJobResult& result);

private:
    ForecastJobResult runTrain(int job, const TrainRequest& request, const CancelFlag& cancel);
    ForecastJobResult runBacktest(int job, const TrainRequest& request, const CancelFlag& cancel);
};

// Forecast from the last date of `series` with `record`, plus the last kHistoryRows prices
// (shared by the worker and the controller's one-shot forecast jobs). A record that uses the
// "sentiment" feature needs `sentiment` (see sentimentIndexFor).
void fillForecast(ForecastJobResult& result, const core::forecast::ModelRecord& record,
    const core::PriceSeries& series,
    const std::vector<core::news::DailySentiment>* sentiment = nullptr);

// The lexicon's daily sentiment index of `ticker` for the "sentiment" feature; NotFound with a
// sentence for the user when there is none.
core::Result<std::vector<core::news::DailySentiment>> sentimentIndexFor(
    core::ProjectStore& store, const std::string& ticker);

} // namespace marketlens::ui
