// RiskView's widgets: the parameter bar and the holdings table pane (split from risk_view.cpp to
// keep each file short).
#include "risk_view.h"

#include "holdings_risk_model.h"
#include "risk_csv.h"
#include "risk_run_controller.h"
#include "risk_view_data.h"
#include "tail_risk_controller.h"
#include "ui/project_controller.h"

#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace marketlens::ui {

namespace cr = core::risk;

namespace {
constexpr double kPresetConfidences[] = {0.95, 0.975, 0.99};
} // namespace

QWidget* RiskView::createParameterBar()
{
    auto* bar = new QWidget(this);
    auto* grid = new QGridLayout(bar);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(4);

    m_portfolioBox = new QComboBox(bar);
    m_portfolioBox->setToolTip(tr("Portfolio whose holdings are analysed"));
    m_portfolioBox->setMinimumContentsLength(14);
    m_portfolioBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_confidenceBox = new QComboBox(bar);
    m_confidenceBox->setEditable(true);
    for (double p : kPresetConfidences)
        m_confidenceBox->addItem(QString::number(p, 'g', 4));
    m_confidenceBox->setCurrentIndex(0);
    m_confidenceBox->setToolTip(tr("Confidence level of VaR and ES, between 0.5 and 0.9999 "
                                   "(0.95 = the worst 5 % of days)"));
    m_methodBox = new QComboBox(bar);
    m_methodBox->setMinimumContentsLength(12);
    m_methodBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    for (cr::RiskMethod m : {cr::RiskMethod::Historical, cr::RiskMethod::Gaussian,
             cr::RiskMethod::Modified, cr::RiskMethod::MonteCarlo})
        m_methodBox->addItem(methodTitle(m), int(m));
    m_methodBox->setToolTip(tr("Historical: empirical quantile; Gaussian: normal distribution; "
                               "Modified: Cornish-Fisher (skewness and kurtosis); Monte Carlo: "
                               "multivariate normal simulation"));
    m_windowSpin = new QSpinBox(bar);
    m_windowSpin->setRange(20, 5000);
    m_windowSpin->setValue(250);
    m_windowSpin->setSuffix(tr(" days"));
    m_windowSpin->setToolTip(tr("Window of the rolling volatility and of the VaR backtest"));
    m_benchmarkBox = new QComboBox(bar);
    m_benchmarkBox->setToolTip(tr("Benchmark for beta (none: no beta factor in the score)"));
    m_benchmarkBox->setMinimumContentsLength(8);
    m_benchmarkBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_fromEdit = new QDateEdit(bar);
    m_toEdit = new QDateEdit(bar);
    for (QDateEdit* e : {m_fromEdit, m_toEdit}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_fromEdit->setToolTip(tr("First price date used (inclusive)"));
    m_toEdit->setToolTip(tr("Last price date used (inclusive)"));
    m_runButton = new QPushButton(tr("Run"), bar);
    m_runButton->setDefault(true);
    m_runButton->setToolTip(tr("Compute every measure now and store the run in the project"));
    m_progress = new QProgressBar(bar);
    m_progress->setFixedWidth(120);
    m_progress->setMaximumHeight(16);
    m_progress->setVisible(false);
    m_cancelButton = new QToolButton(bar);
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setIcon(QIcon(QStringLiteral(":/icons/cancel.svg")));
    m_cancelButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_cancelButton->setToolTip(tr("Cancel the running risk analysis"));
    m_cancelButton->setVisible(false);
    connect(m_cancelButton, &QToolButton::clicked, this, &RiskView::cancelRun);
    connect(m_runButton, &QPushButton::clicked, this, [this] { run(); });

    const auto label = [bar](const QString& text, QWidget* buddy) {
        auto* l = new QLabel(text, bar);
        l->setBuddy(buddy);
        l->setMinimumWidth(l->sizeHint().width() + 4);
        return l;
    };
    // Two rows (what is analysed; how), so the tab stays narrow enough for the docks beside it.
    const auto add = [&](int row, int col, const QString& text, QWidget* w) {
        grid->addWidget(label(text, w), row, col, Qt::AlignRight);
        grid->addWidget(w, row, col + 1);
    };
    add(0, 0, tr("&Portfolio"), m_portfolioBox);
    add(0, 2, tr("&Benchmark"), m_benchmarkBox);
    add(0, 4, tr("&From"), m_fromEdit);
    add(0, 6, tr("T&o"), m_toEdit);
    add(1, 0, tr("&Method"), m_methodBox);
    add(1, 2, tr("&Confidence"), m_confidenceBox);
    add(1, 4, tr("&Window"), m_windowSpin);
    auto* actions = new QHBoxLayout;
    actions->setSpacing(6);
    actions->addWidget(m_runButton);
    actions->addWidget(m_progress);
    actions->addWidget(m_cancelButton);
    grid->addLayout(actions, 0, 8, 1, 1, Qt::AlignLeft);
    int col = 9;
    grid->setColumnStretch(col, 1);

    m_conventions = new QLabel(bar);
    m_conventions->setWordWrap(true);
    m_conventions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_conventions->setStyleSheet(QStringLiteral("color: #555;"));
    m_conventions->setToolTip(tr("Conventions of the numbers shown (see docs/risk.md)"));
    m_status = new QLabel(bar);
    m_status->setWordWrap(true);
    m_summary = new QLabel(bar);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(m_summary, 2, 0, 1, col + 1);
    grid->addWidget(m_conventions, 3, 0, 1, col + 1);
    grid->addWidget(m_status, 4, 0, 1, col + 1);

    connect(m_portfolioBox, &QComboBox::currentIndexChanged, this, &RiskView::onParameterChanged);
    connect(m_benchmarkBox, &QComboBox::currentIndexChanged, this, &RiskView::onParameterChanged);
    connect(m_windowSpin, &QSpinBox::valueChanged, this, &RiskView::onParameterChanged);
    connect(m_fromEdit, &QDateEdit::dateChanged, this, &RiskView::onParameterChanged);
    connect(m_toEdit, &QDateEdit::dateChanged, this, &RiskView::onParameterChanged);
    connect(
        m_methodBox, &QComboBox::currentIndexChanged, this, &RiskView::onSelectionParameterChanged);
    connect(m_confidenceBox, &QComboBox::currentTextChanged, this,
        &RiskView::onSelectionParameterChanged);
    return bar;
}

QWidget* RiskView::createTablePane()
{
    auto* pane = new QWidget(this);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    auto* header = new QHBoxLayout;
    auto* title = new QLabel(tr("Holdings"), pane);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto* exportButton = new QToolButton(pane);
    exportButton->setText(tr("Export CSV…"));
    exportButton->setAutoRaise(true);
    exportButton->setToolTip(tr("Write the holdings table, in its current order, to a CSV file"));
    connect(exportButton, &QToolButton::clicked, this,
        [this] { exportTableCsvWithDialog(this, *m_proxy, tr("risk-holdings.csv")); });
    auto* learnButton = new QToolButton(pane);
    learnButton->setObjectName(QStringLiteral("learnTailRiskButton"));
    learnButton->setText(tr("Learn tail risk"));
    learnButton->setAutoRaise(true);
    learnButton->setToolTip(tr("Train a 1D-CNN on the returns and volatility of the portfolio's "
                               "holdings to estimate each holding's probability of a loss beyond "
                               "its 95 % VaR within 5 trading days, and store the model"));
    connect(learnButton, &QToolButton::clicked, this, [this] { learnTailRisk(); });
    header->addWidget(title);
    header->addStretch(1);
    header->addWidget(learnButton);
    header->addWidget(exportButton);
    layout->addLayout(header);

    m_model = new HoldingsRiskModel(this);
    m_tailRisk = new TailRiskController(this);
    m_tailRisk->setModel(m_model);
    connect(m_tailRisk, &TailRiskController::message, this, &RiskView::setStatus);
    connect(m_tailRisk, &TailRiskController::learned, learnButton,
        [learnButton] { learnButton->setEnabled(true); });
    connect(learnButton, &QToolButton::clicked, learnButton,
        [this, learnButton] { learnButton->setEnabled(!m_tailRisk->isLearning()); });
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(HoldingsRiskModel::SortRole);
    m_table = new QTableView(pane);
    m_table->setObjectName(QStringLiteral("riskHoldingsView"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(m_model->scoreColumn(), Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    // Columns fit their contents and share the spare width (fitColumns); never elided.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->viewport()->installEventFilter(this);
    m_table->setWordWrap(false);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &RiskView::onTableSelectionChanged);
    layout->addWidget(m_table, 1);
    return pane;
}

bool RiskView::learnTailRisk()
{
    if (!m_project || !m_project->isOpen() || m_project->path().isEmpty()) {
        setStatus(tr("Open a project to learn tail risk."));
        return false;
    }
    const QString portfolio = m_portfolioBox->currentData().toString();
    if (portfolio.isEmpty()) {
        setStatus(tr("Choose a portfolio to learn the tail risk of its holdings."));
        return false;
    }
    if (m_tailRisk->isLearning())
        return false;
    return m_tailRisk->learn(m_project->path(), portfolio);
}

bool RiskView::isReportStale() const
{
    return m_report && (m_holdingsStale || (!m_reportComputed && m_runner->isStale()));
}

void RiskView::markPortfolioEdited(const QString& name)
{
    // A run of "all instruments" (empty portfolio) does not depend on any holdings.
    if (!m_report || m_report->options.portfolio.empty()
        || QString::fromStdString(m_report->options.portfolio) != name)
        return;
    setHoldingsStale(true);
    setStatus(tr("The holdings of %1 have changed since this run: press Run to update it.")
                  .arg(name));
}

void RiskView::setHoldingsStale(bool stale)
{
    m_holdingsStale = stale;
    // The Run button is the suggested next step while the shown run is out of date.
    QFont font = m_runButton->font();
    font.setBold(stale);
    m_runButton->setFont(font);
}

} // namespace marketlens::ui
