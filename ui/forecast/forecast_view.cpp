#include "forecast_view.h"
#include "ui/locale_format.h"

#include "forecast_chart_view.h"
#include "forecast_controller.h"
#include "models_model.h"
#include "models_panel.h"
#include "scores_table.h"
#include "training_dialog.h"

#include "core/forecast/model_store.h"
#include "core/project_store.h"
#include "ui/jobs_bar.h"
#include "ui/project_controller.h"

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace marketlens::ui {

namespace fc = core::forecast;

namespace {
constexpr auto kJobId = "forecast";

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QString isoDay(core::Date d)
{
    return displayDate(d);
}

// A plain sentence when the stored metrics carry no verdict of their own.
QString verdictOf(const ModelMetrics& m, const QString& title)
{
    if (!m.verdict.empty())
        return qs(m.verdict);
    const auto* model = m.model();
    const auto* naive = m.find("naive");
    if (!model || !naive || !m.beatsNaive)
        return ForecastView::tr("No test metrics are stored for this model.");
    const QString mae = QStringLiteral("%1 vs %2")
                            .arg(QLocale().toString(model->errors.mae, 'f', 3))
                            .arg(QLocale().toString(naive->errors.mae, 'f', 3));
    return *m.beatsNaive
        ? ForecastView::tr("%1 beats the naive forecast on the test part (MAE %2).").arg(title, mae)
        : ForecastView::tr("%1 does not beat the naive forecast on the test part (MAE %2).")
              .arg(title, mae);
}
} // namespace

ForecastView::ForecastView(ProjectController* project, QWidget* parent)
    : QWidget(parent)
    , m_project(project)
{
    setObjectName(QStringLiteral("forecastView"));
    m_controller = new ForecastController(this);
    createWidgets();
    connect(m_controller, &ForecastController::started, this, &ForecastView::onJobStarted);
    connect(m_controller, &ForecastController::progress, this, &ForecastView::onJobProgress);
    connect(m_controller, &ForecastController::finished, this, &ForecastView::onJobFinished);
    connect(m_controller, &ForecastController::forecastReady, this, &ForecastView::onForecastReady);
    connect(m_project, &ProjectController::projectOpened, this, &ForecastView::onProjectOpened);
    connect(m_project, &ProjectController::dataReloaded, this, &ForecastView::updateButtons);
    connect(m_panel, &ModelsPanel::modelSelected, this, &ForecastView::onModelSelected);
    connect(m_panel, &ModelsPanel::renameRequested, this, [this](qint64 id, const QString& name) {
        auto store = core::ProjectStore::open(m_project->path().toStdString());
        const core::Status st
            = store ? fc::renameModel(*store, id, name.toStdString()) : core::Status(store.error());
        if (!st)
            Q_EMIT errorOccurred(tr("Rename model"), qs(st.error().toString()), m_project->path());
    });
    onProjectOpened();
}

ForecastView::~ForecastView() = default;

void ForecastView::createWidgets()
{
    m_trainButton = new QPushButton(tr("&Train…"), this);
    m_trainButton->setToolTip(tr("Train a forecaster on an instrument's prices"));
    m_backtestButton = new QPushButton(tr("&Backtest…"), this);
    m_backtestButton->setToolTip(
        tr("Walk-forward backtest with refits: the model beside every baseline, fold by fold"));
    m_importButton = new QPushButton(tr("&Import Model…"), this);
    m_importButton->setToolTip(tr("Add a TorchScript forecaster trained elsewhere (.pt file and "
                                  "its JSON side file; see docs/models.md)"));
    m_exportButton = new QPushButton(tr("&Export Model…"), this);
    m_exportButton->setToolTip(
        tr("Write the selected model as TorchScript (.pt) with a JSON side file for PyTorch"));
    m_deleteButton = new QPushButton(tr("&Delete"), this);
    m_deleteButton->setToolTip(tr("Remove the selected model from the project"));
    connect(m_trainButton, &QPushButton::clicked, this, [this] { showTrainingDialog(false); });
    connect(m_backtestButton, &QPushButton::clicked, this, [this] { showTrainingDialog(true); });
    connect(m_importButton, &QPushButton::clicked, this, &ForecastView::onImport);
    connect(m_exportButton, &QPushButton::clicked, this, &ForecastView::onExport);
    connect(m_deleteButton, &QPushButton::clicked, this, &ForecastView::onDelete);
    m_status = new QLabel(this);
    m_status->setStyleSheet(QStringLiteral("color: #555;"));
    m_status->setMinimumWidth(40);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_historyBox = new QComboBox(this);
    m_historyBox->addItem(tr("Automatic"), 0);
    m_historyBox->addItem(tr("1 month"), 21);
    m_historyBox->addItem(tr("3 months"), 63);
    m_historyBox->addItem(tr("6 months"), 126);
    m_historyBox->addItem(tr("1 year"), 250);
    m_historyBox->setToolTip(tr("Price history shown before the forecast (automatic: about 15 "
                                "trading days per forecast day, at least 3 months)"));
    auto* historyLabel = new QLabel(tr("&History"), this);
    historyLabel->setBuddy(m_historyBox);

    auto* bar = new QHBoxLayout;
    bar->setSpacing(6);
    for (QPushButton* b :
        {m_trainButton, m_backtestButton, m_importButton, m_exportButton, m_deleteButton})
        bar->addWidget(b);
    bar->addSpacing(12);
    bar->addWidget(historyLabel);
    bar->addWidget(m_historyBox);
    bar->addSpacing(12);
    bar->addWidget(m_status, 1);

    m_chart = new ForecastChartView(this);
    m_chart->setObjectName(QStringLiteral("forecastChart"));
    const int remembered = m_historyBox->findData(
        QSettings().value(QStringLiteral("forecast/historyRows"), 0).toInt());
    m_historyBox->setCurrentIndex(std::max(remembered, 0));
    m_chart->setVisibleHistory(m_historyBox->currentData().toInt());
    connect(m_historyBox, &QComboBox::currentIndexChanged, this, [this] {
        const int rows = m_historyBox->currentData().toInt();
        QSettings().setValue(QStringLiteral("forecast/historyRows"), rows);
        m_chart->setVisibleHistory(rows);
    });

    auto* metricsPage = new QWidget(this);
    auto* metricsLayout = new QVBoxLayout(metricsPage);
    metricsLayout->setContentsMargins(4, 4, 4, 4);
    m_verdict = new QLabel(metricsPage);
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_scores = new ScoresTable(metricsPage);
    metricsLayout->addWidget(m_verdict);
    metricsLayout->addWidget(m_scores, 1);

    auto* backtestPage = new QWidget(this);
    auto* backtestLayout = new QVBoxLayout(backtestPage);
    backtestLayout->setContentsMargins(4, 4, 4, 4);
    m_backtestVerdict = new QLabel(backtestPage);
    m_backtestVerdict->setWordWrap(true);
    m_backtestVerdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_foldChart = new FoldErrorsChart(backtestPage);
    m_backtestScores = new ScoresTable(backtestPage);
    backtestLayout->addWidget(m_backtestVerdict);
    backtestLayout->addWidget(m_foldChart, 3);
    backtestLayout->addWidget(m_backtestScores, 2);

    m_sideTabs = new QTabWidget(this);
    m_sideTabs->setDocumentMode(true);
    m_sideTabs->addTab(metricsPage, tr("Test Errors"));
    m_sideTabs->addTab(backtestPage, tr("Backtest"));

    auto* top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_chart);
    top->addWidget(m_sideTabs);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    top->setSizes({640, 420}); // the chart gets most of the width
    top->setChildrenCollapsible(false);

    m_panel = new ModelsPanel(this);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(top);
    m_splitter->addWidget(m_panel);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({600, 200});
    m_splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);
}

void ForecastView::onProjectOpened()
{
    m_shownId = 0;
    m_requestedId = 0;
    m_chart->clear(tr("Train a model or select one in the table to see its forecast"));
    m_scores->clearScores();
    m_verdict->clear();
    m_backtestScores->clearScores();
    m_backtestVerdict->clear();
    m_foldChart->clear(tr("Run a backtest to compare the model with the naive forecast fold by "
                          "fold"));
    reloadModels();
    if (m_dialog)
        m_dialog->setProjectPath(m_project->path());
}

void ForecastView::reloadModels()
{
    if (!m_project->isOpen() || m_project->isBusy()) {
        updateButtons();
        return;
    }
    auto store = core::ProjectStore::open(m_project->path().toStdString());
    auto list = store ? fc::listModels(*store)
                      : core::Result<std::vector<fc::ModelRecord>>(store.error());
    if (!list) {
        m_panel->setRecords({});
        setStatus(tr("The models could not be read: %1").arg(qs(list.error().toString())));
    } else {
        m_panel->setRecords(std::move(*list));
        setStatus(m_panel->model()->rowCount() == 0
                ? QString()
                : tr("Models in the project: %1. Select one to see its forecast.")
                      .arg(m_panel->model()->rowCount()));
    }
    updateButtons();
}

TrainingDialog* ForecastView::showTrainingDialog(bool backtest)
{
    if (!m_dialog) {
        m_dialog = new TrainingDialog(m_controller, this);
        connect(m_dialog, &TrainingDialog::jobFinished, this, [this] { updateButtons(); });
    }
    m_dialog->setProjectPath(m_project->path());
    QStringList tickers;
    for (const auto& info : m_project->instruments())
        tickers << qs(info.ticker);
    QString preferred;
    if (const int row = m_panel->model()->rowOfId(m_panel->currentId()); row >= 0)
        preferred = qs(m_panel->model()->records()[std::size_t(row)].ticker);
    if (!m_dialog->isRunning()) {
        m_dialog->setTickers(tickers, preferred);
        m_dialog->setMode(backtest ? TrainingDialog::Mode::Backtest : TrainingDialog::Mode::Train);
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}

void ForecastView::selectModel(qint64 id)
{
    m_panel->selectId(id);
}

void ForecastView::onModelSelected(qint64 id)
{
    updateButtons();
    if (id == 0 || id == m_shownId || id == m_requestedId)
        return;
    const int row = m_panel->model()->rowOfId(id);
    if (row < 0)
        return;
    m_requestedId = id;
    showMetrics(id, std::nullopt);
    setStatus(
        tr("Forecasting with “%1”…").arg(qs(m_panel->model()->records()[std::size_t(row)].name)));
    m_controller->forecast(m_project->path(), id);
}

void ForecastView::onForecastReady(int, const ForecastJobResult& result)
{
    m_requestedId = 0;
    if (result.projectPath != m_project->path())
        return; // a forecast of the previously open project
    if (result.error.code != core::ErrorCode::Ok) {
        m_chart->clear(tr("No forecast: %1").arg(qs(result.error.toString())));
        Q_EMIT errorOccurred(tr("Forecast"), qs(result.error.toString()), m_project->path());
        return;
    }
    showForecast(result);
}

void ForecastView::showForecast(const ForecastJobResult& result)
{
    const fc::ModelRecord& r = result.record;
    m_shownId = r.id;
    ForecastChartData d;
    const QString kind = r.origin == "imported" ? tr("imported") : modelKindTitle(qs(r.kind));
    d.title = tr("%1 · %2 · %3 days ahead").arg(qs(r.ticker), kind).arg(r.horizon);
    for (std::size_t i = 0; i < result.historyDates.size(); ++i) {
        d.historyDates.push_back(result.historyDates[i].toMsecsSinceEpoch());
        d.historyPrices.push_back(result.historyPrices[i]);
    }
    if (result.forecast) {
        const models::Forecast& f = *result.forecast;
        for (core::Date day : f.dates)
            d.forecastDates.push_back(day.toMsecsSinceEpoch());
        d.median = f.model.point;
        d.lo80 = f.model.lo80;
        d.hi80 = f.model.hi80;
        d.lo95 = f.model.lo95;
        d.hi95 = f.model.hi95;
        d.naive = f.naive.point;
        d.title += tr(" · from %1").arg(isoDay(f.originDate));
    }
    m_chart->setData(d);
    if (!result.forecast)
        m_chart->setPlaceholderText(result.forecastError);
    setStatus(result.forecast ? tr("Forecast of “%1”.").arg(qs(r.name)) : result.forecastError);
    Q_EMIT forecastShown(r.id);
}

void ForecastView::showMetrics(qint64 id, const std::optional<models::Evaluation>& evaluation)
{
    const int row = m_panel->model()->rowOfId(id);
    QString title;
    if (row >= 0) {
        const auto& r = m_panel->model()->records()[std::size_t(row)];
        title = modelKindTitle(qs(r.kind));
    }
    if (evaluation) {
        m_scores->setScores(evaluation->scores, title);
        m_verdict->setText(qs(evaluation->verdict));
    } else if (row >= 0) {
        const ModelMetrics& m = m_panel->model()->metrics(row);
        m_scores->setScores(m.scores, title);
        m_verdict->setText(verdictOf(m, title));
    } else {
        m_scores->clearScores();
        m_verdict->clear();
    }
    m_sideTabs->setCurrentIndex(0);
}

void ForecastView::showBacktest(const models::BacktestReport& report, const QString& title)
{
    FoldErrorsData d;
    d.modelName = modelKindTitle(qs(report.modelKind));
    d.title = title;
    for (const auto& fold : report.folds) {
        d.labels.push_back(tr("%1 – %2").arg(isoDay(fold.testFirst), isoDay(fold.testLast)));
        double model = NAN, naive = NAN;
        for (const auto& s : fold.scores) {
            if (s.isModel)
                model = s.errors.mae;
            else if (s.name == "naive")
                naive = s.errors.mae;
        }
        d.modelMae.push_back(model);
        d.naiveMae.push_back(naive);
    }
    m_foldChart->setData(d);
    m_backtestScores->setScores(report.overall.scores, d.modelName);
    m_backtestVerdict->setText(qs(report.overall.verdict));
    m_sideTabs->setCurrentIndex(1);
    Q_EMIT backtestShown();
}

void ForecastView::onJobStarted(int, ForecastJobKind, const QString& label)
{
    if (JobsBar* jobs = jobsBar())
        jobs->addJob(QLatin1String(kJobId), label);
    setStatus(label + QStringLiteral("…"));
    Q_EMIT message(label);
    updateButtons();
}

void ForecastView::onJobProgress(int, const TrainingUpdate& update)
{
    const auto& p = update.progress;
    if (JobsBar* jobs = jobsBar())
        jobs->setProgress(QLatin1String(kJobId), qint64(p.epoch - 1) * p.batches + p.batch,
            qint64(p.epochs) * p.batches);
}

void ForecastView::onJobFinished(int, const ForecastJobResult& result)
{
    if (JobsBar* jobs = jobsBar())
        jobs->removeJob(QLatin1String(kJobId));
    updateButtons();
    if (result.projectPath != m_project->path()) {
        // Another project was opened meanwhile: its models and chart are not this job's.
        Q_EMIT message(tr("A forecasting job on %1 ended after another project was opened.")
                           .arg(QDir::toNativeSeparators(result.projectPath)));
        return;
    }
    if (result.error.code == core::ErrorCode::Cancelled) {
        setStatus(tr("Cancelled; nothing was stored."));
        Q_EMIT message(tr("Forecast job cancelled; nothing was stored."));
        return;
    }
    if (result.error.code != core::ErrorCode::Ok) {
        const QString title = result.kind == ForecastJobKind::Backtest ? tr("Backtest failed")
                                                                       : tr("Training failed");
        setStatus(title + QStringLiteral(": ") + qs(result.error.toString()));
        Q_EMIT errorOccurred(title, qs(result.error.toString()), qs(result.error.file));
        return;
    }
    if (result.kind == ForecastJobKind::Backtest && result.backtest) {
        const auto& b = *result.backtest;
        showBacktest(b,
            tr("%1 walk-forward backtest, %2 folds (%3)")
                .arg(modelKindTitle(qs(b.modelKind)))
                .arg(b.folds.size())
                .arg(b.expanding ? tr("expanding window") : tr("sliding window")));
        setStatus(tr("Backtest finished; see the Backtest tab."));
        Q_EMIT message(tr("Backtest finished: %1").arg(qs(b.overall.verdict)));
        return;
    }
    if (!result.stored && !result.storeError.isEmpty())
        Q_EMIT errorOccurred(tr("Store model"),
            tr("The trained model could not be stored: %1").arg(result.storeError),
            m_project->path());
    reloadModels();
    if (result.stored) {
        m_requestedId = result.record.id; // shown below: no second forecast job
        m_panel->selectId(result.record.id);
        m_requestedId = 0;
    }
    showMetrics(result.record.id, result.evaluation);
    showForecast(result);
    if (result.evaluation)
        Q_EMIT message(
            tr("Trained “%1”: %2").arg(qs(result.record.name), qs(result.evaluation->verdict)));
    if (!result.forecastError.isEmpty())
        Q_EMIT errorOccurred(tr("Forecast"), result.forecastError, m_project->path());
}

bool ForecastView::deleteModel(qint64 id)
{
    auto store = core::ProjectStore::open(m_project->path().toStdString());
    const core::Status st = store ? fc::deleteModel(*store, id) : core::Status(store.error());
    if (!st) {
        Q_EMIT errorOccurred(tr("Delete model"), qs(st.error().toString()), m_project->path());
        return false;
    }
    if (id == m_shownId) {
        m_shownId = 0;
        m_chart->clear(tr("Train a model or select one in the table to see its forecast"));
        m_scores->clearScores();
        m_verdict->clear();
    }
    reloadModels();
    return true;
}

void ForecastView::onDelete()
{
    const qint64 id = m_panel->currentId();
    const int row = m_panel->model()->rowOfId(id);
    if (row < 0)
        return;
    const QString name = qs(m_panel->model()->records()[std::size_t(row)].name);
    if (QMessageBox::question(this, tr("Delete model"),
            tr("Delete the model “%1” from the project? This cannot be undone.").arg(name))
        == QMessageBox::Yes)
        deleteModel(id);
}

void ForecastView::updateButtons()
{
    const bool open = m_project->isOpen() && !m_project->isBusy();
    const bool idle = !m_controller->isBusy();
    const bool haveData = open && !m_project->instruments().empty();
    const bool selected = m_panel->currentId() != 0;
    m_trainButton->setEnabled(haveData);
    m_backtestButton->setEnabled(haveData);
    m_importButton->setEnabled(open);
    m_exportButton->setEnabled(open && selected);
    m_deleteButton->setEnabled(open && selected && idle);
}

void ForecastView::setStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setToolTip(text);
}

QString ForecastView::statusText() const
{
    return m_status->text();
}

TrainingDialog* ForecastView::trainingDialog() const
{
    return m_dialog;
}

QString ForecastView::verdictText() const
{
    return m_verdict->text();
}

JobsBar* ForecastView::jobsBar()
{
    return JobsBar::attach(this, m_jobsBar, QLatin1String(kJobId), [this] { m_controller->cancel(); });
}

} // namespace marketlens::ui
