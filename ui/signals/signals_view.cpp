// SignalsView: construction, the form and its remembered settings, jobs, the project and the
// current instrument. Showing a result lives in signals_view_results.cpp.
#include "signals_view.h"

#include "signal_waterfall_view.h"
#include "signals_charts.h"

#include "ui/combo_fill.h"
#include "ui/jobs_bar.h"
#include "ui/project_controller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace marketlens::ui {

namespace ms = models::signals;

namespace {
constexpr auto kJobId = "signals";

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QString key(const char* name)
{
    return QStringLiteral("signals/") + QLatin1String(name);
}

QTableWidget* makeTable(QWidget* parent, const char* name)
{
    auto* t = new QTableWidget(parent);
    t->setObjectName(QLatin1String(name));
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionMode(QAbstractItemView::ContiguousSelection);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 4);
    t->horizontalHeader()->setHighlightSections(false);
    t->setWordWrap(false);
    return t;
}
} // namespace

SignalsView::SignalsView(ProjectController* project, QWidget* parent)
    : QWidget(parent)
    , m_project(project)
{
    setObjectName(QStringLiteral("signalsView"));
    m_controller = new SignalsController(this);
    createForm();
    createResults();
    restoreSettings();
    connect(m_controller, &SignalsController::started, this, &SignalsView::onStarted);
    connect(m_controller, &SignalsController::progress, this, &SignalsView::onProgress);
    connect(m_controller, &SignalsController::finished, this, &SignalsView::onFinished);
    connect(m_controller, &SignalsController::explanationReady, this,
        [this](int, const ms::SignalExplanation& e) {
            addExplanation(e);
            if (m_wantedExplanation && *m_wantedExplanation == e.point.date)
                showExplanation(e.point.date);
        });
    connect(m_controller, &SignalsController::explanationFailed, this,
        [this](
            int, const QString& text) { m_waterfall->clear(tr("No explanation: %1").arg(text)); });
    connect(m_priceChart, &SignalPriceChart::markerClicked, this,
        [this](core::Date date) { showExplanation(date); });
    // dataReloaded() follows projectOpened() and reads the new project.
    connect(m_project, &ProjectController::projectOpened, this, [this] {
        clearResults(tr("Run a signal model to see its buy and sell signals on the price"));
    });
    connect(m_project, &ProjectController::dataReloaded, this, &SignalsView::reload);
    reload();
}

SignalsView::~SignalsView() = default;

void SignalsView::createForm()
{
    m_tickerBox = new QComboBox(this);
    m_tickerBox->setToolTip(tr("The instrument whose next move the model predicts (follows the "
                               "instrument selected on the Prices tab)"));
    m_tickerBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_tickerBox->setMinimumContentsLength(8);
    m_modelBox = new QComboBox(this);
    for (ms::ClassifierKind kind : ms::allKinds())
        m_modelBox->addItem(SignalsController::kindTitle(kind), qs(ms::kindKey(kind)));
    m_modelBox->setToolTip(tr("Random forest and gradient boosting (XGBoost, with SHAP "
                              "explanations), SVM, logistic regression or a small neural "
                              "network (MLP)"));
    m_horizonSpin = new QSpinBox(this);
    m_horizonSpin->setRange(1, 60);
    m_horizonSpin->setSuffix(tr(" d"));
    m_horizonSpin->setToolTip(
        tr("Predict the direction of the return over this many trading days"));
    m_classesBox = new QComboBox(this);
    m_classesBox->addItem(tr("Up / down"), 2);
    m_classesBox->addItem(tr("Up / flat / down"), 3);
    m_classesBox->setToolTip(tr("Two classes, or three with a flat band around zero"));
    m_thresholdSpin = new QDoubleSpinBox(this);
    m_thresholdSpin->setRange(0.0, 10.0);
    m_thresholdSpin->setDecimals(2);
    m_thresholdSpin->setSingleStep(0.1);
    m_thresholdSpin->setSuffix(tr(" %"));
    m_thresholdSpin->setToolTip(tr("Three classes: a move smaller than this (log return) "
                                   "counts as flat"));
    m_costSpin = new QDoubleSpinBox(this);
    m_costSpin->setRange(0.0, 500.0);
    m_costSpin->setDecimals(1);
    m_costSpin->setSuffix(tr(" bp"));
    m_costSpin->setToolTip(tr("Commission per unit traded, in basis points (1 bp = 0.01 %)"));
    m_slippageSpin = new QDoubleSpinBox(this);
    m_slippageSpin->setRange(0.0, 500.0);
    m_slippageSpin->setDecimals(1);
    m_slippageSpin->setSuffix(tr(" bp"));
    m_slippageSpin->setToolTip(tr("Slippage per unit traded, in basis points"));
    m_longShortCheck = new QCheckBox(tr("Lon&g/short"), this);
    m_longShortCheck->setToolTip(tr("Sell short on a down signal instead of staying in cash"));
    m_foldsSpin = new QSpinBox(this);
    m_foldsSpin->setRange(0, 20);
    m_foldsSpin->setSpecialValueText(tr("one split"));
    m_foldsSpin->setToolTip(tr("Walk-forward folds over the test part, each refitted on the "
                               "days before it; “one split”: train on the first 70 %, test on "
                               "the rest"));
    m_searchCheck = new QCheckBox(tr("Sear&ch"), this);
    m_searchCheck->setToolTip(tr("Choose hyper-parameters by a small time-series "
                                 "cross-validated search (slower)"));
    m_runButton = new QPushButton(tr("R&un"), this);
    m_runButton->setDefault(true);
    m_runButton->setToolTip(tr("Train and evaluate the model, backtest its signal and store it "
                               "in the project (Ctrl+Return)"));
    connect(m_runButton, &QPushButton::clicked, this, [this] { run(); });
    auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, [this] { run(); });
    m_status = new QLabel(this);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status->setMinimumWidth(40);

    const auto label = [this](const QString& text, QWidget* buddy) {
        auto* l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    auto* form = new QGridLayout;
    form->setHorizontalSpacing(6);
    form->setVerticalSpacing(4);
    int c = 0;
    const auto add = [&](int row, QWidget* a, QWidget* b) {
        form->addWidget(a, row, c);
        if (b)
            form->addWidget(b, row, c + 1);
    };
    add(0, label(tr("Tic&ker"), m_tickerBox), m_tickerBox);
    add(1, label(tr("M&odel"), m_modelBox), m_modelBox);
    c = 2;
    add(0, label(tr("Hori&zon"), m_horizonSpin), m_horizonSpin);
    add(1, label(tr("C&lasses"), m_classesBox), m_classesBox);
    c = 4;
    add(0, label(tr("Flat &band"), m_thresholdSpin), m_thresholdSpin);
    add(1, label(tr("Fold&s"), m_foldsSpin), m_foldsSpin);
    c = 6;
    add(0, label(tr("Cos&t"), m_costSpin), m_costSpin);
    add(1, label(tr("Sl&ippage"), m_slippageSpin), m_slippageSpin);
    form->addWidget(m_longShortCheck, 0, 8);
    form->addWidget(m_searchCheck, 1, 8);
    form->addWidget(m_runButton, 0, 9, 2, 1, Qt::AlignVCenter);
    form->setColumnStretch(10, 1);

    for (QComboBox* box : {m_tickerBox, m_modelBox, m_classesBox})
        connect(box, &QComboBox::currentIndexChanged, this, [this] { saveSettings(); });
    for (QSpinBox* spin : {m_horizonSpin, m_foldsSpin})
        connect(spin, &QSpinBox::valueChanged, this, [this] { saveSettings(); });
    for (QDoubleSpinBox* spin : {m_thresholdSpin, m_costSpin, m_slippageSpin})
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this] { saveSettings(); });
    for (QCheckBox* box : {m_longShortCheck, m_searchCheck})
        connect(box, &QCheckBox::toggled, this, [this] { saveSettings(); });
    connect(m_classesBox, &QComboBox::currentIndexChanged, this,
        [this] { m_thresholdSpin->setEnabled(m_classesBox->currentData().toInt() == 3); });
    connect(m_tickerBox, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_restoring)
            reloadStored();
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addLayout(form);
    layout->addWidget(m_status);
}

void SignalsView::createResults()
{
    m_priceChart = new SignalPriceChart(this);
    m_priceChart->setObjectName(QStringLiteral("signalPriceChart"));
    m_equityChart = new EquityChart(this);
    m_equityChart->setObjectName(QStringLiteral("signalEquityChart"));
    m_waterfall = new SignalWaterfallView(this);

    auto* charts = new QSplitter(Qt::Vertical, this);
    charts->addWidget(m_priceChart);
    charts->addWidget(m_equityChart);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    charts->setChildrenCollapsible(false);
    auto* top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(charts);
    top->addWidget(m_waterfall);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    top->setSizes({600, 360});
    top->setChildrenCollapsible(false);

    // Metrics: the verdict over the model next to its baselines, the backtest next to
    // buy-and-hold, and the confusion matrix.
    auto* metricsPage = new QWidget(this);
    m_verdict = new QLabel(metricsPage);
    m_verdict->setObjectName(QStringLiteral("signalVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_metrics = makeTable(metricsPage, "signalMetrics");
    m_backtest = makeTable(metricsPage, "signalBacktest");
    m_confusion = makeTable(metricsPage, "signalConfusion");
    m_metrics->setToolTip(tr("The model on the test days next to two baselines scored on the "
                             "same days: always the training part's most frequent class, and "
                             "always “up”"));
    m_backtest->setToolTip(tr("Trading on the signal after costs and slippage, next to buying "
                              "and holding over the same test days"));
    m_confusion->setToolTip(tr("Test days by true class (rows) and predicted class (columns)"));
    auto* tables = new QHBoxLayout;
    tables->setSpacing(6);
    tables->addWidget(m_metrics, 4);
    tables->addWidget(m_backtest, 3);
    tables->addWidget(m_confusion, 2);
    auto* metricsLayout = new QVBoxLayout(metricsPage);
    metricsLayout->setContentsMargins(4, 4, 4, 4);
    metricsLayout->addWidget(m_verdict);
    metricsLayout->addLayout(tables, 1);

    auto* importancePage = new QWidget(this);
    m_importance = new FeatureBarsChart(importancePage);
    m_importance->setObjectName(QStringLiteral("signalImportance"));
    m_attribution = new FeatureBarsChart(importancePage);
    m_attribution->setObjectName(QStringLiteral("signalAttribution"));
    auto* importanceLayout = new QHBoxLayout(importancePage);
    importanceLayout->setContentsMargins(4, 4, 4, 4);
    importanceLayout->addWidget(m_importance);
    importanceLayout->addWidget(m_attribution);

    auto* storedPage = new QWidget(this);
    m_stored = makeTable(storedPage, "signalStoredModels");
    m_stored->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_stored->setSelectionMode(QAbstractItemView::SingleSelection);
    m_stored->setColumnCount(6);
    m_stored->setHorizontalHeaderLabels({tr("Name"), tr("Model"), tr("Horizon"), tr("Created"),
        tr("Accuracy"), tr("Beats baselines")});
    m_stored->horizontalHeader()->setStretchLastSection(true);
    m_stored->verticalHeader()->hide();
    m_openButton = new QPushButton(tr("O&pen"), storedPage);
    m_openButton->setToolTip(tr("Show the selected model's signals on the current prices"));
    m_storedDetails = new QLabel(storedPage);
    m_storedDetails->setWordWrap(true);
    m_storedDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_storedDetails->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    connect(m_stored, &QTableWidget::itemSelectionChanged, this, &SignalsView::showStoredDetails);
    connect(m_stored, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        if (QTableWidgetItem* item = m_stored->item(row, 0))
            openStoredModel(item->data(Qt::UserRole).toLongLong());
    });
    connect(m_openButton, &QPushButton::clicked, this, [this] {
        const auto rows = m_stored->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            openStoredModel(m_stored->item(rows.first().row(), 0)->data(Qt::UserRole).toLongLong());
    });
    auto* side = new QVBoxLayout;
    side->addWidget(m_openButton);
    side->addWidget(m_storedDetails, 1);
    auto* storedLayout = new QHBoxLayout(storedPage);
    storedLayout->setContentsMargins(4, 4, 4, 4);
    storedLayout->addWidget(m_stored, 3);
    storedLayout->addLayout(side, 2);

    m_bottomTabs = new QTabWidget(this);
    m_bottomTabs->setDocumentMode(true);
    m_bottomTabs->addTab(metricsPage, tr("Metrics"));
    m_bottomTabs->addTab(importancePage, tr("Importance"));
    m_bottomTabs->addTab(storedPage, tr("Stored Models"));

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(top);
    m_splitter->addWidget(m_bottomTabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({520, 340});
    m_splitter->setChildrenCollapsible(false);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { saveSettings(); });
    static_cast<QVBoxLayout*>(layout())->addWidget(m_splitter, 1);
    clearResults(tr("Run a signal model to see its buy and sell signals on the price"));
}

void SignalsView::restoreSettings()
{
    m_restoring = true;
    QSettings s;
    const int model = m_modelBox->findData(s.value(key("model"), QStringLiteral("gbm")));
    m_modelBox->setCurrentIndex(std::max(model, 0));
    m_horizonSpin->setValue(s.value(key("horizon"), 1).toInt());
    m_classesBox->setCurrentIndex(s.value(key("classes"), 2).toInt() == 3 ? 1 : 0);
    m_thresholdSpin->setValue(s.value(key("thresholdPercent"), 0.5).toDouble());
    m_thresholdSpin->setEnabled(m_classesBox->currentData().toInt() == 3);
    m_costSpin->setValue(s.value(key("costBps"), 5.0).toDouble());
    m_slippageSpin->setValue(s.value(key("slippageBps"), 2.0).toDouble());
    m_longShortCheck->setChecked(s.value(key("longShort"), false).toBool());
    m_foldsSpin->setValue(s.value(key("folds"), 0).toInt());
    m_searchCheck->setChecked(s.value(key("search"), true).toBool());
    m_pendingTicker = s.value(key("ticker")).toString();
    m_splitter->restoreState(s.value(key("splitter")).toByteArray());
    m_restoring = false;
}

void SignalsView::saveSettings() const
{
    if (m_restoring)
        return;
    QSettings s;
    s.setValue(key("model"), m_modelBox->currentData());
    s.setValue(key("horizon"), m_horizonSpin->value());
    s.setValue(key("classes"), m_classesBox->currentData());
    s.setValue(key("thresholdPercent"), m_thresholdSpin->value());
    s.setValue(key("costBps"), m_costSpin->value());
    s.setValue(key("slippageBps"), m_slippageSpin->value());
    s.setValue(key("longShort"), m_longShortCheck->isChecked());
    s.setValue(key("folds"), m_foldsSpin->value());
    s.setValue(key("search"), m_searchCheck->isChecked());
    if (!m_tickerBox->currentText().isEmpty())
        s.setValue(key("ticker"), m_tickerBox->currentText());
    s.setValue(key("splitter"), m_splitter->saveState());
}

SignalRunRequest SignalsView::request() const
{
    SignalRunRequest r;
    r.projectPath = m_project->path();
    r.ticker = m_tickerBox->currentText();
    r.kind = ms::kindFromKey(m_modelBox->currentData().toString().toStdString())
                 .value_or(ms::ClassifierKind::GradientBoosting);
    r.horizon = m_horizonSpin->value();
    r.classes = m_classesBox->currentData().toInt();
    r.threshold = m_thresholdSpin->value() / 100.0;
    r.costBps = m_costSpin->value();
    r.slippageBps = m_slippageSpin->value();
    r.longShort = m_longShortCheck->isChecked();
    r.walkForwardFolds = m_foldsSpin->value();
    r.search = m_searchCheck->isChecked();
    return r;
}

bool SignalsView::run()
{
    if (!m_project->isOpen() || m_project->isBusy() || m_tickerBox->currentText().isEmpty()
        || m_controller->isBusy())
        return false;
    saveSettings();
    m_runningJob = m_controller->run(request());
    updateActions();
    return true;
}

bool SignalsView::openStoredModel(qint64 id)
{
    if (!m_project->isOpen() || m_project->isBusy() || m_controller->isBusy() || id <= 0)
        return false;
    m_runningJob = m_controller->open(m_project->path(), id);
    updateActions();
    return true;
}

void SignalsView::setCurrentTicker(const QString& ticker)
{
    if (ticker.isEmpty())
        return;
    const int i = m_tickerBox->findText(ticker);
    if (i >= 0)
        m_tickerBox->setCurrentIndex(i);
    else
        m_pendingTicker = ticker;
}

QString SignalsView::currentTicker() const
{
    return m_tickerBox->currentText();
}

void SignalsView::reload()
{
    const QString wanted = m_pendingTicker.isEmpty() ? m_tickerBox->currentText() : m_pendingTicker;
    m_restoring = true;
    QList<ComboItem> tickers;
    if (m_project->isOpen()) {
        for (const auto& info : m_project->instruments())
            tickers.append({qs(info.ticker), qs(info.ticker)});
    }
    replaceComboItems(m_tickerBox, tickers, wanted);
    if (m_tickerBox->currentText() == wanted)
        m_pendingTicker.clear();
    m_restoring = false;
    reloadStored();
    updateActions();
}

void SignalsView::updateActions()
{
    const bool open = m_project->isOpen() && !m_project->isBusy();
    const bool idle = !m_controller->isBusy();
    m_runButton->setEnabled(open && idle && m_tickerBox->count() > 0);
    m_openButton->setEnabled(open && idle && !m_stored->selectionModel()->selectedRows().isEmpty());
}

void SignalsView::onStarted(int job, const QString& label)
{
    if (JobsBar* jobs = jobsBar())
        jobs->addJob(QLatin1String(kJobId), label);
    m_runningJob = job;
    setStatus(label + QStringLiteral("…"));
    Q_EMIT message(label);
    updateActions();
}

void SignalsView::onProgress(int, qint64 done, qint64 total)
{
    if (JobsBar* jobs = jobsBar())
        jobs->setProgress(QLatin1String(kJobId), done, total);
}

void SignalsView::onFinished(int, std::shared_ptr<const SignalRunResult> result)
{
    if (JobsBar* jobs = jobsBar())
        jobs->removeJob(QLatin1String(kJobId));
    m_runningJob = -1;
    updateActions();
    if (!result)
        return;
    if (result->projectPath != m_project->path()) {
        Q_EMIT message(tr("A signals job on %1 ended after another project was opened.")
                           .arg(QDir::toNativeSeparators(result->projectPath)));
        return;
    }
    if (result->error.code == core::ErrorCode::Cancelled) {
        setStatus(tr("Cancelled; nothing was stored."));
        Q_EMIT message(tr("Signals job cancelled; nothing was stored."));
        return;
    }
    if (result->error.code != core::ErrorCode::Ok) {
        const QString text = qs(result->error.toString());
        setStatus(tr("Failed: %1").arg(text));
        Q_EMIT errorOccurred(tr("Signals"), text, qs(result->error.file));
        return;
    }
    if (!result->fromStore && !result->stored && !result->storeError.isEmpty())
        Q_EMIT errorOccurred(tr("Store model"),
            tr("The signal model could not be stored: %1").arg(result->storeError),
            m_project->path());
    showResult(result);
    if (!result->fromStore)
        reloadStored();
    Q_EMIT message(result->fromStore ? tr("Opened “%1”.").arg(qs(result->model.record.name))
                                     : tr("Signals “%1”: %2")
                                           .arg(qs(result->model.record.name),
                                               qs(result->model.evaluation.metrics.verdict)));
}

void SignalsView::setStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setToolTip(text);
}

QString SignalsView::statusText() const
{
    return m_status->text();
}

QString SignalsView::verdictText() const
{
    return m_verdict->text();
}

JobsBar* SignalsView::jobsBar()
{
    return JobsBar::attach(this, m_jobsBar, QLatin1String(kJobId), [this] { m_controller->cancel(); });
}

} // namespace marketlens::ui
