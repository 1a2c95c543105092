#include "training_dialog.h"

#include "forecast_controller.h"
#include "loss_chart_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <cmath>

namespace marketlens::ui {

namespace {

constexpr models::ModelKind kKinds[] = {models::ModelKind::Mlp, models::ModelKind::Cnn,
    models::ModelKind::Lstm, models::ModelKind::Gru, models::ModelKind::Transformer};

QString key(const char* name)
{
    return QStringLiteral("forecast/dialog/%1").arg(QLatin1String(name));
}

QString duration(double seconds)
{
    if (!(seconds >= 0) || !std::isfinite(seconds))
        return QStringLiteral("—");
    const qint64 s = std::llround(seconds);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString loss(double v)
{
    return v >= 0 && std::isfinite(v) ? QLocale().toString(v, 'f', 4) : QStringLiteral("—");
}

} // namespace

TrainingDialog::TrainingDialog(ForecastController* controller, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("trainingDialog"));
    setModal(false);

    m_kind = new QComboBox(this);
    for (models::ModelKind k : kKinds)
        m_kind->addItem(modelKindTitle(k), int(k));
    m_kind->setToolTip(tr("MLP: dense layers over the flattened window; 1D-CNN: dilated causal "
                          "convolutions; LSTM and GRU: recurrent; Transformer: self-attention "
                          "encoder"));
    m_ticker = new QComboBox(this);
    m_ticker->setMinimumContentsLength(10);
    m_ticker->setToolTip(tr("Instrument whose prices the model learns from"));
    m_horizon = new QSpinBox(this);
    m_horizon->setRange(1, 60);
    m_horizon->setSuffix(tr(" days"));
    m_horizon->setToolTip(tr("The model forecasts 1 to this many trading days ahead"));
    m_window = new QSpinBox(this);
    m_window->setRange(5, 500);
    m_window->setSuffix(tr(" days"));
    m_window->setToolTip(tr("Past trading days the model sees for each forecast"));
    m_epochSpin = new QSpinBox(this);
    m_epochSpin->setRange(1, 1000);
    m_epochSpin->setToolTip(tr("Passes over the training data; training stops earlier when the "
                               "validation loss no longer improves"));
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 2147483647);
    m_seed->setToolTip(tr("Random seed: the same seed and data give the same model"));
    m_device = new QComboBox(this);
    m_device->addItem(tr("CPU"), int(models::Device::Cpu));
    m_device->addItem(tr("CUDA (GPU)"), int(models::Device::Cuda));
    if (!models::cudaAvailable()) {
        if (auto* items = qobject_cast<QStandardItemModel*>(m_device->model()))
            items->item(1)->setEnabled(false);
        m_device->setItemData(
            1, tr("No CUDA device is available on this computer"), Qt::ToolTipRole);
    }
    m_folds = new QSpinBox(this);
    m_folds->setRange(2, 20);
    m_folds->setToolTip(tr("Walk-forward folds: the model is refitted before each test period"));
    m_foldKind = new QComboBox(this);
    m_foldKind->addItem(tr("Expanding window"), true);
    m_foldKind->addItem(tr("Sliding window"), false);
    m_foldKind->setToolTip(tr("Expanding: each refit uses all earlier data; sliding: the "
                              "training part keeps its length"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Model"), m_kind);
    form->addRow(tr("&Ticker"), m_ticker);
    form->addRow(tr("&Horizon"), m_horizon);
    form->addRow(tr("&Window"), m_window);
    form->addRow(tr("&Epochs"), m_epochSpin);
    form->addRow(tr("&Seed"), m_seed);
    form->addRow(tr("&Device"), m_device);
    m_sentiment = new QCheckBox(tr("Use &news sentiment"), this);
    m_sentiment->setToolTip(tr("Adds the ticker's daily news sentiment index (lexicon scores, "
                               "decayed over days) to the model's inputs. Score the news on the "
                               "News tab first."));
    form->addRow(QString(), m_sentiment);
    m_foldsLabel = new QLabel(tr("&Folds"), this);
    m_foldsLabel->setBuddy(m_folds);
    m_foldKindLabel = new QLabel(tr("&Refits"), this);
    m_foldKindLabel->setBuddy(m_foldKind);
    form->addRow(m_foldsLabel, m_folds);
    form->addRow(m_foldKindLabel, m_foldKind);
    auto* params = new QGroupBox(tr("Parameters"), this);
    params->setLayout(form);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_epochLabel = new QLabel(this);
    m_lossLabel = new QLabel(this);
    m_timeLabel = new QLabel(this);
    m_result = new QLabel(this);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chart = new LossChartView(this);
    auto* live = new QVBoxLayout;
    live->addWidget(m_progress);
    live->addWidget(m_epochLabel);
    live->addWidget(m_lossLabel);
    live->addWidget(m_timeLabel);
    live->addWidget(m_chart, 1);
    live->addWidget(m_result);
    auto* progressBox = new QGroupBox(tr("Progress"), this);
    progressBox->setLayout(live);

    m_startButton = new QPushButton(this);
    m_startButton->setDefault(true);
    m_cancelButton
        = new QPushButton(QIcon(QStringLiteral(":/icons/cancel.svg")), tr("Cancel"), this);
    m_cancelButton->setToolTip(tr("Stop the running job after the current batch"));
    m_closeButton = new QPushButton(tr("Close"), this);
    m_closeButton->setToolTip(tr("Hide this window; a running job goes on in the jobs bar"));
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_startButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_closeButton, QDialogButtonBox::RejectRole);
    connect(m_startButton, &QPushButton::clicked, this, [this] { start(); });
    connect(m_cancelButton, &QPushButton::clicked, this, &TrainingDialog::cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* top = new QHBoxLayout;
    top->addWidget(params, 0, Qt::AlignTop);
    top->addWidget(progressBox, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(buttons);
    resize(860, 520);

    connect(m_controller, &ForecastController::started, this, &TrainingDialog::onStarted);
    connect(m_controller, &ForecastController::progress, this, &TrainingDialog::onProgress);
    connect(m_controller, &ForecastController::finished, this, &TrainingDialog::onFinished);
    loadSettings();
    setMode(Mode::Train);
}

void TrainingDialog::setMode(Mode mode)
{
    if (isRunning())
        return;
    m_mode = mode;
    const bool backtest = mode == Mode::Backtest;
    setWindowTitle(backtest ? tr("Backtest a Forecaster") : tr("Train a Forecaster"));
    m_startButton->setText(backtest ? tr("Run &Backtest") : tr("&Train"));
    m_startButton->setToolTip(backtest
            ? tr("Refit the model on each fold's past and score it beside the baselines")
            : tr("Train the model and store it in the project"));
    for (QWidget* w : {static_cast<QWidget*>(m_folds), static_cast<QWidget*>(m_foldKind),
             static_cast<QWidget*>(m_foldsLabel), static_cast<QWidget*>(m_foldKindLabel)})
        w->setVisible(backtest);
    updateButtons();
}

void TrainingDialog::setTickers(const QStringList& tickers, const QString& preferred)
{
    const QString remembered = QSettings().value(key("ticker")).toString();
    const QString current = m_ticker->currentText();
    m_ticker->clear();
    m_ticker->addItems(tickers);
    for (const QString& t : {preferred, current, remembered}) {
        if (!t.isEmpty() && tickers.contains(t)) {
            m_ticker->setCurrentText(t);
            break;
        }
    }
    updateButtons();
}

TrainRequest TrainingDialog::request() const
{
    TrainRequest r;
    r.projectPath = m_projectPath;
    r.ticker = m_ticker->currentText();
    r.kind = models::ModelKind(m_kind->currentData().toInt());
    r.horizon = m_horizon->value();
    r.window = m_window->value();
    r.epochs = m_epochSpin->value();
    r.seed = std::uint64_t(m_seed->value());
    r.device = models::Device(m_device->currentData().toInt());
    r.folds = m_folds->value();
    r.expanding = m_foldKind->currentData().toBool();
    r.useSentiment = m_sentiment->isChecked();
    return r;
}

void TrainingDialog::setRequest(const TrainRequest& r)
{
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(int(r.kind))));
    if (!r.ticker.isEmpty())
        m_ticker->setCurrentText(r.ticker);
    m_horizon->setValue(r.horizon);
    m_window->setValue(r.window);
    m_epochSpin->setValue(r.epochs);
    m_seed->setValue(int(std::min<std::uint64_t>(r.seed, 2147483647u)));
    const int device = m_device->findData(int(r.device));
    if (device >= 0)
        m_device->setCurrentIndex(device);
    m_folds->setValue(r.folds);
    m_foldKind->setCurrentIndex(r.expanding ? 0 : 1);
    m_sentiment->setChecked(r.useSentiment);
}

void TrainingDialog::loadSettings()
{
    const QSettings s;
    const int kind = s.value(key("kind"), int(models::ModelKind::Lstm)).toInt();
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(kind)));
    m_horizon->setValue(s.value(key("horizon"), 5).toInt());
    m_window->setValue(s.value(key("window"), 60).toInt());
    m_epochSpin->setValue(s.value(key("epochs"), 30).toInt());
    m_seed->setValue(s.value(key("seed"), 42).toInt());
    const int device = m_device->findData(s.value(key("device"), 0).toInt());
    const bool usable
        = device >= 0 && (m_device->itemData(device, Qt::ToolTipRole).isNull() || device == 0);
    m_device->setCurrentIndex(usable ? device : 0);
    m_folds->setValue(s.value(key("folds"), 4).toInt());
    m_foldKind->setCurrentIndex(s.value(key("expanding"), true).toBool() ? 0 : 1);
    m_sentiment->setChecked(s.value(key("sentiment"), false).toBool());
}

void TrainingDialog::saveSettings() const
{
    QSettings s;
    s.setValue(key("kind"), m_kind->currentData().toInt());
    s.setValue(key("ticker"), m_ticker->currentText());
    s.setValue(key("horizon"), m_horizon->value());
    s.setValue(key("window"), m_window->value());
    s.setValue(key("epochs"), m_epochSpin->value());
    s.setValue(key("seed"), m_seed->value());
    s.setValue(key("device"), m_device->currentData().toInt());
    s.setValue(key("folds"), m_folds->value());
    s.setValue(key("expanding"), m_foldKind->currentData().toBool());
    s.setValue(key("sentiment"), m_sentiment->isChecked());
}

bool TrainingDialog::start()
{
    if (isRunning() || m_controller->isBusy()) {
        m_result->setText(tr("Another training or backtest is running; wait for it or cancel it."));
        return false;
    }
    const TrainRequest r = request();
    if (r.projectPath.isEmpty() || r.ticker.isEmpty()) {
        m_result->setText(tr("Open a project with prices first."));
        return false;
    }
    saveSettings();
    // A backtest's epochs count on across its folds.
    m_epochs = m_mode == Mode::Backtest ? r.epochs * r.folds : r.epochs;
    m_chart->reset(m_epochs);
    m_result->clear();
    m_epochLabel->setText(tr("Preparing the data…"));
    m_lossLabel->clear();
    m_timeLabel->clear();
    m_progress->setRange(0, 0);
    m_job = m_mode == Mode::Backtest ? m_controller->backtest(r) : m_controller->train(r);
    updateButtons();
    return m_job >= 0;
}

void TrainingDialog::cancel()
{
    if (!isRunning())
        return;
    m_controller->cancel();
    m_cancelButton->setEnabled(false);
    m_epochLabel->setText(tr("Cancelling after the current batch…"));
}

void TrainingDialog::onStarted(int job, ForecastJobKind, const QString& label)
{
    if (job == m_job)
        m_result->setText(label);
}

void TrainingDialog::onProgress(int job, const TrainingUpdate& u)
{
    if (job != m_job)
        return;
    const auto& p = u.progress;
    const int total = std::max(1, p.epochs * p.batches);
    const int done = (p.epoch - 1) * p.batches + p.batch;
    m_progress->setRange(0, total);
    m_progress->setValue(std::clamp(done, 0, total));
    QString epoch = tr("Epoch %1 of %2 · batch %3 of %4")
                        .arg(p.epoch)
                        .arg(p.epochs)
                        .arg(p.batch)
                        .arg(p.batches);
    if (u.fold > 0)
        epoch = tr("Refit %1 of %2 · ").arg(u.fold).arg(u.folds) + epoch;
    if (m_controller->isBusy() && !m_cancelButton->isEnabled())
        epoch = tr("Cancelling after the current batch…");
    m_epochLabel->setText(epoch);
    m_lossLabel->setText(
        tr("Training loss %1 · validation loss %2 · learning rate %3")
            .arg(loss(p.trainLoss), loss(p.valLoss), QLocale().toString(p.learningRate, 'g', 3)));
    m_timeLabel->setText(
        tr("Elapsed %1 · about %2 left").arg(duration(p.elapsedSeconds), duration(p.etaSeconds)));
    m_chart->addEpochs(u.epochs);
}

void TrainingDialog::onFinished(int job, const ForecastJobResult& result)
{
    if (job != m_job)
        return;
    m_job = -1;
    m_progress->setRange(0, 1);
    const bool ok = result.error.code == core::ErrorCode::Ok;
    m_progress->setValue(ok ? 1 : 0);
    if (!result.history.empty())
        m_chart->setHistory(result.history, m_epochs);
    if (result.error.code == core::ErrorCode::Cancelled) {
        m_epochLabel->setText(tr("Cancelled."));
        m_result->setText(tr("The job was cancelled; nothing was stored."));
    } else if (!ok) {
        m_epochLabel->setText(tr("Failed."));
        m_result->setText(QString::fromStdString(result.error.toString()));
    } else if (result.kind == ForecastJobKind::Backtest && result.backtest) {
        m_epochLabel->setText(
            tr("Backtest finished: %1 folds.").arg(result.backtest->folds.size()));
        m_result->setText(QString::fromStdString(result.backtest->overall.verdict));
    } else {
        m_epochLabel->setText(tr("Finished after %1 epochs.").arg(result.history.size()));
        QString text
            = result.evaluation ? QString::fromStdString(result.evaluation->verdict) : QString();
        if (result.stored)
            text = tr("Stored as “%1”.").arg(QString::fromStdString(result.record.name))
                + QLatin1Char(' ') + text;
        else if (!result.storeError.isEmpty())
            text = tr("Not stored: %1").arg(result.storeError) + QLatin1Char(' ') + text;
        m_result->setText(text);
    }
    updateButtons();
    Q_EMIT jobFinished(result);
}

void TrainingDialog::updateButtons()
{
    m_startButton->setEnabled(!isRunning() && m_ticker->count() > 0);
    m_cancelButton->setEnabled(isRunning());
    for (QWidget* w : {static_cast<QWidget*>(m_kind), static_cast<QWidget*>(m_ticker),
             static_cast<QWidget*>(m_horizon), static_cast<QWidget*>(m_window),
             static_cast<QWidget*>(m_epochSpin), static_cast<QWidget*>(m_seed),
             static_cast<QWidget*>(m_device), static_cast<QWidget*>(m_folds),
             static_cast<QWidget*>(m_foldKind), static_cast<QWidget*>(m_sentiment)})
        w->setEnabled(!isRunning());
}

QString TrainingDialog::epochText() const
{
    return m_epochLabel->text();
}
QString TrainingDialog::lossText() const
{
    return m_lossLabel->text();
}
QString TrainingDialog::timeText() const
{
    return m_timeLabel->text();
}
QString TrainingDialog::resultText() const
{
    return m_result->text();
}

} // namespace marketlens::ui
