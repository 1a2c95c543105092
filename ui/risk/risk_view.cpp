#include "risk_view.h"
#include "ui/locale_format.h"

#include "backtest_view.h"
#include "correlation_heatmap.h"
#include "holdings_risk_model.h"
#include "return_histogram_view.h"
#include "risk_csv.h"
#include "risk_run_controller.h"
#include "risk_view_data.h"
#include "rolling_vol_view.h"
#include "tail_risk_controller.h"
#include "underwater_view.h"

#include "ui/app_settings.h"
#include "ui/combo_fill.h"
#include "ui/jobs_bar.h"
#include "ui/project_controller.h"

#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketlens::ui {

namespace cr = core::risk;

namespace {
constexpr auto kJobId = "risk";
constexpr int kDebounceMs = 300;

QDate toQDate(core::Date d)
{
    return QDate(d.year(), d.month(), d.day());
}

core::Date fromQDate(const QDate& d)
{
    return core::Date::fromYmd(d.year(), d.month(), d.day()).value_or(core::Date());
}

QString pct(double v)
{
    return std::isfinite(v) ? QLocale().toString(v * 100.0, 'f', 2) + QStringLiteral(" %")
                            : QStringLiteral("–");
}
} // namespace

RiskView::RiskView(ProjectController* project, QWidget* parent)
    : QWidget(parent)
    , m_project(project)
    , m_runner(new RiskRunController(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("riskView"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, [this] { run(); });

    m_histogram = new ReturnHistogramView(this);
    m_underwater = new UnderwaterView(this);
    m_volatility = new RollingVolView(this);
    m_backtest = new BacktestView(this);
    m_heatmap = new CorrelationHeatmap(this);
    m_chartTabs = new QTabWidget(this);
    m_chartTabs->setDocumentMode(true);
    m_chartTabs->addTab(m_histogram, tr("Distribution"));
    m_chartTabs->addTab(m_underwater, tr("Drawdown"));
    m_chartTabs->addTab(m_volatility, tr("Volatility"));
    m_chartTabs->addTab(m_backtest, tr("VaR backtest"));
    m_chartTabs->setTabToolTip(0, tr("Daily portfolio returns with the VaR and ES lines"));
    m_chartTabs->setTabToolTip(1, tr("How far the portfolio stood below its previous peak"));
    m_chartTabs->setTabToolTip(2, tr("Rolling, EWMA and GARCH(1,1) volatility, annualised"));
    m_chartTabs->setTabToolTip(3, tr("Rolling one-day VaR forecast against the realised returns"));

    auto* heatmapPane = new QWidget(this);
    auto* heatmapLayout = new QVBoxLayout(heatmapPane);
    heatmapLayout->setContentsMargins(4, 4, 0, 0);
    auto* heatmapTitle = new QLabel(tr("Correlation of daily returns"), heatmapPane);
    QFont bold = heatmapTitle->font();
    bold.setBold(true);
    heatmapTitle->setFont(bold);
    heatmapLayout->addWidget(heatmapTitle);
    heatmapLayout->addWidget(m_heatmap, 1);

    m_topSplitter = new QSplitter(Qt::Horizontal, this);
    m_topSplitter->addWidget(m_chartTabs);
    m_topSplitter->addWidget(heatmapPane);
    m_topSplitter->setStretchFactor(0, 3);
    m_topSplitter->setStretchFactor(1, 2);
    m_topSplitter->setChildrenCollapsible(false);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(m_topSplitter);
    m_splitter->addWidget(createTablePane());
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(createParameterBar());
    layout->addWidget(m_splitter, 1);

    connect(m_runner, &RiskRunController::started, this, &RiskView::onRunStarted);
    connect(m_runner, &RiskRunController::progress, this, &RiskView::onRunProgress);
    connect(m_runner, &RiskRunController::finished, this, &RiskView::onRunFinished);
    connect(m_heatmap, &CorrelationHeatmap::tickerClicked, this, &RiskView::selectHolding);
    if (m_project) {
        connect(m_project, &ProjectController::dataReloaded, this, [this] {
            refreshParameters();
            if (m_pendingAfterImport && !m_project->isBusy()) {
                m_pendingAfterImport = false;
                m_debounce->start();
            }
        });
        connect(m_project, &ProjectController::projectOpened, this, &RiskView::onProjectOpened);
        if (m_project->isOpen()) {
            refreshParameters();
            loadLatestRun();
        }
    }
    clearViews();
}

RiskView::~RiskView() = default;

void RiskView::refreshParameters()
{
    if (!m_project)
        return;
    m_updatingWidgets = true;
    const QString portfolio = m_portfolioBox->currentData().toString();
    const QString benchmark = m_benchmarkBox->currentData().toString();
    QList<ComboItem> portfolios;
    for (const core::Portfolio& p : m_project->portfolios()) {
        const QString name = QString::fromStdString(p.name);
        portfolios.append({name, name});
    }
    portfolios.append({tr("All instruments (equal weight)"), QString()});
    // The first portfolio unless another one was chosen ("all instruments" only when chosen).
    replaceComboItems(m_portfolioBox, portfolios,
        portfolio.isEmpty() ? portfolios.front().data : QVariant(portfolio));

    QList<ComboItem> benchmarks {{tr("(none)"), QString()}};
    std::optional<core::Date> first, last;
    for (const core::InstrumentInfo& i : m_project->instruments()) {
        const QString t = QString::fromStdString(i.ticker);
        benchmarks.append({t, t});
        if (i.firstDate && (!first || *i.firstDate < *first))
            first = i.firstDate;
        if (i.lastDate && (!last || *i.lastDate > *last))
            last = i.lastDate;
    }
    replaceComboItems(m_benchmarkBox, benchmarks, benchmark);
    if (first && last) {
        const QDate lo = toQDate(*first), hi = toQDate(*last);
        // Keep a chosen range inside the data; start at the whole range otherwise.
        const bool keep = m_haveDateRange && m_fromEdit->date() >= lo && m_toEdit->date() <= hi;
        for (QDateEdit* e : {m_fromEdit, m_toEdit})
            e->setDateRange(lo, hi);
        if (!keep) {
            m_fromEdit->setDate(lo);
            m_toEdit->setDate(hi);
        }
        m_haveDateRange = true;
    }
    m_updatingWidgets = false;
    if (!m_report) {
        QString error;
        if (auto options = currentOptions(&error))
            m_conventions->setText(QString::fromStdString(cr::conventionsStatement(*options)));
    }
}

void RiskView::onProjectOpened()
{
    m_debounce->stop();
    m_runner->cancel();
    m_report.reset();
    clearViews();
    // The parameters are refreshed by dataReloaded(), which follows projectOpened().
    loadLatestRun();
}

std::optional<cr::RiskRunOptions> RiskView::currentOptions(QString* error) const
{
    const double p = selectedConfidence();
    if (!std::isfinite(p)) {
        if (error)
            *error = tr("The confidence must be a number between 0.5 and 0.9999, e.g. 0.975.");
        return std::nullopt;
    }
    if (m_fromEdit->date() > m_toEdit->date()) {
        if (error)
            *error = tr("The start date is after the end date.");
        return std::nullopt;
    }
    cr::RiskRunOptions o;
    o.name = tr("Risk view").toStdString();
    o.portfolio = m_portfolioBox->currentData().toString().toStdString();
    if (o.portfolio.empty() && m_project) {
        for (const core::InstrumentInfo& i : m_project->instruments())
            o.instruments.push_back(i.ticker);
    }
    // The selected confidence and method come first: a stored run is shown with them.
    o.confidences = {p};
    // The default levels, periods per year and threads come from Edit > Preferences.
    const AppSettings& settings = AppSettings::instance();
    for (double q : settings.confidenceLevels()) {
        if (std::abs(q - p) > 1e-9)
            o.confidences.push_back(q);
    }
    const cr::RiskMethod method = selectedMethod();
    o.methods = {method};
    for (cr::RiskMethod m :
        {cr::RiskMethod::Historical, cr::RiskMethod::Gaussian, cr::RiskMethod::Modified}) {
        if (m != method)
            o.methods.push_back(m);
    }
    o.backtestMethod = method == cr::RiskMethod::MonteCarlo ? cr::RiskMethod::Historical : method;
    o.window = std::size_t(m_windowSpin->value());
    o.conventions.periodsPerYear = double(settings.annualisationDays());
    o.threads = unsigned(settings.threads());
    o.benchmark = m_benchmarkBox->currentData().toString().toStdString();
    if (m_fromEdit->date() > m_fromEdit->minimumDate())
        o.from = fromQDate(m_fromEdit->date());
    if (m_toEdit->date() < m_toEdit->maximumDate())
        o.to = fromQDate(m_toEdit->date());
    return o;
}

cr::RiskMethod RiskView::selectedMethod() const
{
    return cr::RiskMethod(m_methodBox->currentData().toInt());
}

double RiskView::selectedConfidence() const
{
    QString text = m_confidenceBox->currentText().trimmed();
    text.remove(QLatin1Char('%'));
    bool ok = false;
    double p = QLocale::c().toDouble(text.trimmed(), &ok);
    if (!ok)
        p = QLocale().toDouble(text.trimmed(), &ok);
    if (ok && p > 1.0 && p < 100.0)
        p /= 100.0; // "97.5" or "97.5 %"
    if (!ok || !(p >= 0.5 && p < 1.0))
        return std::numeric_limits<double>::quiet_NaN();
    return p;
}

bool RiskView::run()
{
    m_debounce->stop();
    if (!m_project || !m_project->isOpen() || m_project->path().isEmpty()) {
        setStatus(tr("Open a project to analyse its risk."));
        return false;
    }
    if (m_project->isBusy()) {
        m_pendingAfterImport = true;
        setStatus(tr("An import is running; the risk analysis runs when it has finished."));
        return false;
    }
    QString error;
    const auto options = currentOptions(&error);
    if (!options) {
        setStatus(error);
        return false;
    }
    m_conventions->setText(QString::fromStdString(cr::conventionsStatement(*options)));
    m_runner->compute(m_project->path(), *options, true);
    return true;
}

void RiskView::loadLatestRun()
{
    if (!m_project || !m_project->isOpen() || m_project->path().isEmpty() || m_project->isBusy())
        return;
    m_runner->loadLatest(m_project->path());
}

void RiskView::cancelRun()
{
    m_debounce->stop();
    m_runner->cancel();
}

bool RiskView::isRunning() const
{
    return m_runner->isRunning() || m_debounce->isActive();
}

void RiskView::setConfidenceText(const QString& text)
{
    m_confidenceBox->setCurrentText(text);
}

void RiskView::setMethod(cr::RiskMethod method)
{
    m_methodBox->setCurrentIndex(std::max(0, m_methodBox->findData(int(method))));
}

void RiskView::setWindow(int window)
{
    m_windowSpin->setValue(window);
}

void RiskView::setPortfolio(const QString& name)
{
    const int i = m_portfolioBox->findData(name);
    if (i >= 0)
        m_portfolioBox->setCurrentIndex(i);
}

void RiskView::onParameterChanged()
{
    if (m_updatingWidgets)
        return;
    m_debounce->start(); // restarts: one run after the user stops changing things
}

void RiskView::onSelectionParameterChanged()
{
    if (m_updatingWidgets)
        return;
    const double p = selectedConfidence();
    if (!std::isfinite(p))
        return; // still typing; run() would refuse it
    if (m_report && reportHasTail(*m_report, selectedMethod(), p)) {
        m_debounce->stop();
        showReport(); // the shown run already has these figures
        return;
    }
    m_debounce->start();
}

void RiskView::onRunStarted(int, const QString& label)
{
    if (JobsBar* jobs = jobsBar()) {
        jobs->addJob(QString::fromLatin1(kJobId), label);
    } else {
        m_progress->setRange(0, 0);
        m_progress->setVisible(true);
        m_cancelButton->setVisible(true);
    }
    setStatus(tr("%1…").arg(label));
}

void RiskView::onRunProgress(int, qint64 done, qint64 total)
{
    if (JobsBar* jobs = jobsBar()) {
        jobs->setProgress(QString::fromLatin1(kJobId), done, total);
    } else if (total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(std::clamp(double(done) / double(total), 0.0, 1.0) * 1000.0));
    }
}

void RiskView::onRunFinished(int, bool ok)
{
    if (JobsBar* jobs = jobsBar())
        jobs->removeJob(QString::fromLatin1(kJobId));
    m_progress->setVisible(false);
    m_cancelButton->setVisible(false);
    if (!ok) {
        const core::Error& e = m_runner->error();
        const QString text = e.code == core::ErrorCode::Cancelled
            ? tr("Risk analysis cancelled.")
            : tr("Risk analysis failed: %1").arg(QString::fromStdString(e.toString()));
        setStatus(text);
        if (e.code != core::ErrorCode::Cancelled)
            Q_EMIT runFailed(text);
        return;
    }
    if (!m_runner->hasReport()) { // loading found no stored run
        setStatus(tr("No risk run stored in this project yet: choose the parameters and press "
                     "Run."));
        return;
    }
    m_report = m_runner->report();
    m_reportComputed = m_runner->wasComputed();
    setHoldingsStale(false);
    if (!m_reportComputed)
        applyOptionsToWidgets(m_report->options);
    showReport();
    QString status = m_reportComputed
        ? tr("Computed %1.").arg(QString::fromStdString(m_report->createdAt))
        : tr("Stored run of %1 (not recomputed).").arg(QString::fromStdString(m_report->createdAt));
    if (!m_reportComputed && m_runner->isStale())
        status += QLatin1Char(' ')
            + tr("The prices have changed since this run was computed: press Run to update it.");
    if (m_reportComputed && !m_runner->wasStored())
        status += QLatin1Char(' ')
            + tr("The run could not be stored in the project: %1").arg(m_runner->storeError());
    for (const std::string& w : m_report->warnings)
        status += QLatin1Char(' ') + QString::fromStdString(w);
    setStatus(status);
    Q_EMIT reportShown(m_reportComputed);
}

void RiskView::applyOptionsToWidgets(const cr::RiskRunOptions& o)
{
    m_updatingWidgets = true;
    const int pi = m_portfolioBox->findData(QString::fromStdString(o.portfolio));
    if (pi >= 0)
        m_portfolioBox->setCurrentIndex(pi);
    if (!o.confidences.empty())
        m_confidenceBox->setCurrentText(QString::number(o.confidences.front(), 'g', 4));
    if (!o.methods.empty())
        m_methodBox->setCurrentIndex(std::max(0, m_methodBox->findData(int(o.methods.front()))));
    m_windowSpin->setValue(int(o.window));
    m_benchmarkBox->setCurrentIndex(
        std::max(0, m_benchmarkBox->findData(QString::fromStdString(o.benchmark))));
    if (o.from)
        m_fromEdit->setDate(toQDate(*o.from));
    if (o.to)
        m_toEdit->setDate(toQDate(*o.to));
    m_updatingWidgets = false;
}

void RiskView::showReport()
{
    if (!m_report)
        return;
    const cr::RiskReport& r = *m_report;
    const cr::RiskMethod method = selectedMethod();
    double p = selectedConfidence();
    if (!std::isfinite(p) && !r.options.confidences.empty())
        p = r.options.confidences.front();
    const QString selected = m_table->currentIndex().isValid()
        ? m_proxy->index(m_table->currentIndex().row(), 0).data().toString()
        : QString();

    m_model->setTable(holdingRiskTable(r, method, p)); // the proxy keeps the user's sort
    if (m_project)
        m_tailRisk->show(m_project->path(), QString::fromStdString(r.options.portfolio));
    fitColumns();
    const cr::PortfolioRisk& pf = r.portfolio;
    const cr::TailFigure* tail = pf.figures.tail(method, p);
    const double var = tail ? asReturn(r, tail->var) : std::numeric_limits<double>::quiet_NaN();
    const double es = tail ? asReturn(r, tail->es) : std::numeric_limits<double>::quiet_NaN();
    m_histogram->setData(pf.returns, var, es, selectionLabel(method, p));
    const std::vector<qint64> dates = reportDatesMs(r);
    const auto ms = [](const std::optional<core::Date>& d) {
        return d ? d->toMsecsSinceEpoch() : qint64(-1);
    };
    m_underwater->setData(
        dates, pf.underwater, ms(pf.figures.drawdownPeak), ms(pf.figures.drawdownRecovery));
    m_volatility->setData(dates, volatilityLines(r));
    QStringList tickers;
    for (const std::string& t : pf.tickers)
        tickers << QString::fromStdString(t);
    // A run of many holdings has no correlation matrix (kMaxCorrelationHoldings): no cells.
    m_heatmap->setData(pf.correlation.empty() ? QStringList() : tickers, pf.correlation);
    m_backtest->setData(backtestData(r, p));

    m_summary->setText(
        tr("<b>%1</b>: VaR %2, ES %3 (%4) · volatility %5 · max drawdown %6 · %7 days, %8 to %9")
            .arg(QString::fromStdString(pf.figures.ticker).toHtmlEscaped(),
                pct(tail ? tail->var : var), pct(tail ? tail->es : es), selectionLabel(method, p),
                pct(pf.figures.volatility.sampleAnnualised), pct(pf.figures.maxDrawdown))
            .arg(r.observations)
            .arg(r.firstDate ? displayDate(*r.firstDate) : QString(),
                r.lastDate ? displayDate(*r.lastDate) : QString()));
    m_conventions->setText(QString::fromStdString(r.conventionsText));
    if (!selected.isEmpty())
        selectHolding(selected);
}

void RiskView::clearViews()
{
    m_model->setTable({});
    m_histogram->clear();
    m_underwater->clear();
    m_volatility->clear();
    m_heatmap->clear();
    m_backtest->clear();
    m_summary->setText(tr("No risk run shown yet."));
}

void RiskView::setStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    Q_EMIT message(text);
}

QString RiskView::statusText() const
{
    return m_status->text();
}

QString RiskView::conventionsText() const
{
    return m_conventions->text();
}

void RiskView::selectHolding(const QString& ticker)
{
    const int row = m_model->rowOf(ticker);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void RiskView::onTableSelectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    m_heatmap->highlightTicker(rows.isEmpty() ? QString() : rows.first().data().toString());
}

void RiskView::fitColumns()
{
    m_table->resizeColumnsToContents();
    QHeaderView* header = m_table->horizontalHeader();
    const int count = header->count();
    if (count == 0)
        return;
    int total = 0;
    for (int c = 0; c < count; ++c)
        total += header->sectionSize(c);
    const int spare = m_table->viewport()->width() - total;
    if (spare <= count)
        return; // too narrow: the table scrolls rather than eliding headers
    for (int c = 0; c < count; ++c)
        header->resizeSection(c, header->sectionSize(c) + spare / count);
}

bool RiskView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        QTimer::singleShot(0, this, [this] { fitColumns(); });
    return QWidget::eventFilter(watched, event);
}

bool RiskView::exportHoldingsCsv(const QString& path, QString* error) const
{
    return writeTableCsv(*m_proxy, path, error);
}

JobsBar* RiskView::jobsBar()
{
    return JobsBar::attach(this, m_jobsBar, QLatin1String(kJobId), [this] { cancelRun(); });
}

} // namespace marketlens::ui
