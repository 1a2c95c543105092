#pragma once
// TrainingDialog: parameters of a training (or walk-forward backtest) and its live progress.
// The analyst picks the model kind (MLP, 1D-CNN, LSTM, GRU, Transformer), ticker, horizon,
// window, epochs, seed and device (CUDA only when models::cudaAvailable()); the dialog
// remembers the last values (QSettings "forecast/dialog/*") and starts the job through the
// ForecastController. While it runs it shows epoch and batch, training and validation loss,
// learning rate, elapsed time and ETA, and a live loss chart; Cancel stops it within one batch.
// Closing the dialog does not stop the job (it goes on in the jobs bar). Modeless; GUI thread.

#include "ui/forecast/forecast_types.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace marketlens::ui {

class ForecastController;
class LossChartView;

class TrainingDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Train, Backtest };

    TrainingDialog(ForecastController* controller, QWidget* parent = nullptr);

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    void setProjectPath(const QString& path) { m_projectPath = path; }
    // Instruments to offer; `preferred` is selected when present (else the remembered one).
    void setTickers(const QStringList& tickers, const QString& preferred = {});

    // The request the widgets describe.
    TrainRequest request() const;
    void setRequest(const TrainRequest& request); // fills the widgets (tests)

    // Starts the job (the Train / Run backtest button); false when none could start.
    bool start();
    void cancel();
    bool isRunning() const { return m_job >= 0; }

    // Texts and widgets for tests and screenshots.
    LossChartView* lossChart() const { return m_chart; }
    QString epochText() const;
    QString lossText() const;
    QString timeText() const;
    QString resultText() const;
    QPushButton* startButton() const { return m_startButton; }
    QPushButton* cancelButton() const { return m_cancelButton; }
    QComboBox* deviceBox() const { return m_device; }
    QCheckBox* sentimentBox() const { return m_sentiment; }

Q_SIGNALS:
    void jobFinished(const marketlens::ui::ForecastJobResult& result);

private:
    void loadSettings();
    void saveSettings() const;
    void onStarted(int job, ForecastJobKind kind, const QString& label);
    void onProgress(int job, const TrainingUpdate& update);
    void onFinished(int job, const ForecastJobResult& result);
    void updateButtons();

    ForecastController* m_controller;
    Mode m_mode = Mode::Train;
    QString m_projectPath;
    int m_job = -1;
    int m_epochs = 0;

    QComboBox* m_kind = nullptr;
    QComboBox* m_ticker = nullptr;
    QSpinBox* m_horizon = nullptr;
    QSpinBox* m_window = nullptr;
    QSpinBox* m_epochSpin = nullptr;
    QSpinBox* m_seed = nullptr;
    QComboBox* m_device = nullptr;
    QCheckBox* m_sentiment = nullptr;
    QSpinBox* m_folds = nullptr;
    QComboBox* m_foldKind = nullptr;
    QLabel* m_foldsLabel = nullptr;
    QLabel* m_foldKindLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_epochLabel = nullptr;
    QLabel* m_lossLabel = nullptr;
    QLabel* m_timeLabel = nullptr;
    QLabel* m_result = nullptr;
    LossChartView* m_chart = nullptr;
    QPushButton* m_startButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_closeButton = nullptr;
};

} // namespace marketlens::ui
