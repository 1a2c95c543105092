#include "report_dialog.h"

#include "ui/main_window.h"
#include "ui/project_controller.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace marketlens::ui {

namespace rep = core::report;

namespace {
constexpr double kA4WidthAt96 = 210.0 / 25.4 * 96.0; // page width in 96-dpi pixels
constexpr int kPageMargin = 24; // around the pages in the preview
const double kZoomSteps[] = {0.5, 0.75, 1.0, 1.25, 1.5, 2.0};
const double kConfidenceChoices[] = {0.90, 0.95, 0.975, 0.99};

QString sectionTitle(const QString& id)
{
    static const QHash<QString, const char*> titles = {
        {QStringLiteral("summary"), QT_TRANSLATE_NOOP("ReportDialog", "Project and data summary")},
        {QStringLiteral("holdings"), QT_TRANSLATE_NOOP("ReportDialog", "Holdings")},
        {QStringLiteral("risk"), QT_TRANSLATE_NOOP("ReportDialog", "Risk table")},
        {QStringLiteral("charts"), QT_TRANSLATE_NOOP("ReportDialog", "Risk charts")},
        {QStringLiteral("forecasts"),
            QT_TRANSLATE_NOOP("ReportDialog", "Forecasts against baselines")},
        {QStringLiteral("models"), QT_TRANSLATE_NOOP("ReportDialog", "Model cards")},
        {QStringLiteral("sentiment"), QT_TRANSLATE_NOOP("ReportDialog", "News sentiment")},
        {QStringLiteral("signals"), QT_TRANSLATE_NOOP("ReportDialog", "Signals")},
        {QStringLiteral("conventions"), QT_TRANSLATE_NOOP("ReportDialog", "Conventions")},
    };
    const auto it = titles.find(id);
    return it == titles.end() ? id : QCoreApplication::translate("ReportDialog", it.value());
}

QString percentText(double p)
{
    return QLocale().toString(p * 100.0, 'g', 4) + QStringLiteral(" %");
}
} // namespace

ReportDialog::ReportDialog(MainWindow* window)
    : QDialog(window)
    , m_window(window)
{
    setObjectName(QStringLiteral("reportDialog"));
    setWindowTitle(tr("Create Report"));
    setSizeGripEnabled(true);
    m_controller = new ReportController(this);
    m_controller->setJobsBar(window->jobsBar());
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &ReportDialog::startPreview);
    buildUi();
    loadPortfolios();
    restoreSettings();

    connect(
        m_controller, &ReportController::previewFinished, this, &ReportDialog::onPreviewFinished);
    connect(m_controller, &ReportController::saveFinished, this, &ReportDialog::onSaveFinished);
    ProjectController* project = window->projectController();
    auto projectChanged = [this] {
        m_controller->invalidate();
        loadPortfolios();
        if (isVisible())
            schedulePreview();
    };
    connect(project, &ProjectController::projectOpened, this, projectChanged);
    connect(project, &ProjectController::dataReloaded, this, projectChanged);
    updateButtons();
}

ReportDialog::~ReportDialog()
{
    saveSettings();
}

void ReportDialog::buildUi()
{
    // Left: the choices.
    auto* choices = new QWidget(this);
    auto* left = new QVBoxLayout(choices);
    left->setContentsMargins(0, 0, 0, 0);
    auto* form = new QFormLayout;
    m_portfolio = new QComboBox(this);
    m_portfolio->setToolTip(tr("Portfolio of the holdings and risk sections"));
    form->addRow(tr("&Portfolio:"), m_portfolio);
    left->addLayout(form);

    auto* sectionsBox = new QGroupBox(tr("Sections"), this);
    auto* sectionsLayout = new QVBoxLayout(sectionsBox);
    for (const std::string& idText : rep::allSectionIds()) {
        const QString id = QString::fromStdString(idText);
        auto* box = new QCheckBox(sectionTitle(id), sectionsBox);
        box->setObjectName(QStringLiteral("section_") + id);
        box->setChecked(true);
        box->setToolTip(tr("Sections without content in this project (no models, no news) are "
                           "left out unless you choose a subset"));
        sectionsLayout->addWidget(box);
        m_sections.insert(id, box);
        m_sectionOrder << id;
        connect(box, &QCheckBox::toggled, this, &ReportDialog::schedulePreview);
    }
    left->addWidget(sectionsBox);

    auto* riskBox = new QGroupBox(tr("Risk"), this);
    auto* riskLayout = new QVBoxLayout(riskBox);
    auto* levels = new QHBoxLayout;
    levels->addWidget(new QLabel(tr("Confidence:"), riskBox));
    for (double p : kConfidenceChoices) {
        auto* box = new QCheckBox(percentText(p), riskBox);
        box->setToolTip(tr("VaR and ES at %1 confidence").arg(percentText(p)));
        box->setChecked(p == 0.95 || p == 0.99);
        levels->addWidget(box);
        m_confidences.append({p, box});
        connect(box, &QCheckBox::toggled, this, &ReportDialog::schedulePreview);
    }
    levels->addStretch();
    riskLayout->addLayout(levels);
    auto* windowForm = new QFormLayout;
    m_backtestWindow = new QSpinBox(riskBox);
    m_backtestWindow->setRange(20, 2500);
    m_backtestWindow->setValue(250);
    m_backtestWindow->setSuffix(tr(" days"));
    m_backtestWindow->setToolTip(tr("Rolling window of the volatility and of the VaR backtest"));
    windowForm->addRow(tr("Backtest &window:"), m_backtestWindow);
    riskLayout->addLayout(windowForm);
    left->addWidget(riskBox);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("reportStatus"));
    left->addWidget(m_status);
    left->addStretch();
    choices->setMinimumWidth(280);
    choices->setMaximumWidth(360);

    // Right: the preview with its zoom.
    auto* previewBar = new QHBoxLayout;
    previewBar->addWidget(new QLabel(tr("Preview"), this));
    previewBar->addStretch();
    auto* refresh = new QToolButton(this);
    refresh->setText(tr("&Refresh"));
    refresh->setToolTip(tr("Read the project again and rebuild the preview (F5)"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QToolButton::clicked, this, &ReportDialog::refresh);
    previewBar->addWidget(refresh);
    m_zoom = new QComboBox(this);
    m_zoom->addItem(tr("Fit width"), 0.0);
    for (double z : kZoomSteps)
        m_zoom->addItem(QLocale().toString(z * 100.0, 'g', 4) + QStringLiteral(" %"), z);
    m_zoom->setToolTip(tr("Zoom of the preview"));
    previewBar->addWidget(new QLabel(tr("&Zoom:"), this));
    qobject_cast<QLabel*>(previewBar->itemAt(previewBar->count() - 1)->widget())->setBuddy(m_zoom);
    previewBar->addWidget(m_zoom);
    connect(m_zoom, &QComboBox::currentIndexChanged, this, [this] {
        layoutPages();
        if (renderDpi() != m_renderedDpi && !m_pageLabels.isEmpty())
            schedulePreview(); // sharper (or lighter) page images for the new size
        saveSettings();
    });

    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("reportPreview"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setBackgroundRole(QPalette::Dark);
    m_pagesHost = new QWidget(m_scroll);
    m_pagesHost->setBackgroundRole(QPalette::Dark);
    m_pagesHost->setAutoFillBackground(true);
    m_pagesLayout = new QVBoxLayout(m_pagesHost);
    m_pagesLayout->setContentsMargins(kPageMargin, kPageMargin, kPageMargin, kPageMargin);
    m_pagesLayout->setSpacing(kPageMargin);
    m_pagesLayout->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_scroll->setWidget(m_pagesHost);

    auto* right = new QVBoxLayout;
    right->addLayout(previewBar);
    right->addWidget(m_scroll, 1);

    auto* top = new QHBoxLayout;
    top->addWidget(choices);
    top->addLayout(right, 1);

    auto* buttons = new QDialogButtonBox(this);
    m_savePdf = buttons->addButton(tr("Save &PDF…"), QDialogButtonBox::ActionRole);
    m_savePdf->setToolTip(tr("Paginated PDF with vector charts and page numbers"));
    m_saveHtml = buttons->addButton(tr("Save &HTML…"), QDialogButtonBox::ActionRole);
    m_saveHtml->setToolTip(tr("One self-contained HTML file with the charts as SVG"));
    buttons->addButton(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_savePdf, &QPushButton::clicked, this,
        [this] { askAndSave(ReportController::Format::Pdf); });
    connect(m_saveHtml, &QPushButton::clicked, this,
        [this] { askAndSave(ReportController::Format::Html); });

    auto* main = new QVBoxLayout(this);
    main->addLayout(top, 1);
    main->addWidget(buttons);

    connect(m_portfolio, &QComboBox::currentIndexChanged, this, &ReportDialog::schedulePreview);
    connect(m_backtestWindow, &QSpinBox::valueChanged, this, &ReportDialog::schedulePreview);
    resize(1180, 860);
}

void ReportDialog::loadPortfolios()
{
    const QString current = m_portfolio->currentText();
    const QSignalBlocker block(m_portfolio);
    m_portfolio->clear();
    for (const core::Portfolio& p : m_window->projectController()->portfolios())
        m_portfolio->addItem(QString::fromStdString(p.name));
    if (m_portfolio->count() == 0)
        m_portfolio->addItem(tr("(no portfolio)"));
    m_portfolio->setEnabled(!m_window->projectController()->portfolios().empty());
    const int i = m_portfolio->findText(current);
    m_portfolio->setCurrentIndex(std::max(i, 0));
}

rep::ReportOptions ReportDialog::options() const
{
    rep::ReportOptions o;
    if (m_portfolio->isEnabled())
        o.portfolio = m_portfolio->currentText().toStdString();
    bool all = true;
    for (const QString& id : m_sectionOrder) {
        if (m_sections.value(id)->isChecked())
            o.sections.push_back(id.toStdString());
        else
            all = false;
    }
    if (all)
        o.sections.clear(); // every section that applies (optional ones only with content)
    o.risk.confidences.clear();
    for (const auto& [p, box] : m_confidences) {
        if (box->isChecked())
            o.risk.confidences.push_back(p);
    }
    o.risk.window = std::size_t(m_backtestWindow->value());
    o.generator = QStringLiteral("MarketLens %1")
                      .arg(QCoreApplication::applicationVersion().isEmpty()
                              ? QStringLiteral(MARKETLENS_VERSION)
                              : QCoreApplication::applicationVersion())
                      .toStdString();
    return o;
}

void ReportDialog::setSectionChecked(const QString& id, bool checked)
{
    if (QCheckBox* box = m_sections.value(id))
        box->setChecked(checked);
}

void ReportDialog::setZoom(double factor)
{
    int best = 0;
    for (int i = 0; i < m_zoom->count(); ++i) {
        if (std::abs(m_zoom->itemData(i).toDouble() - factor) < 1e-9)
            best = i;
    }
    m_zoom->setCurrentIndex(best);
}

bool ReportDialog::isPreviewPending() const
{
    return m_debounce->isActive() || m_controller->isPreviewing();
}

void ReportDialog::refresh()
{
    m_controller->invalidate();
    startPreview();
}

void ReportDialog::schedulePreview()
{
    if (m_restoring)
        return;
    updateButtons();
    saveSettings();
    m_debounce->start();
}

void ReportDialog::updateButtons()
{
    const rep::ReportOptions o = options();
    const bool anySection = std::any_of(
        m_sections.cbegin(), m_sections.cend(), [](QCheckBox* b) { return b->isChecked(); });
    const bool ok = anySection && !o.risk.confidences.empty()
        && !m_window->projectController()->instruments().empty();
    m_savePdf->setEnabled(ok && !m_controller->isSaving());
    m_saveHtml->setEnabled(ok && !m_controller->isSaving());
    if (!anySection)
        m_status->setText(tr("Choose at least one section."));
    else if (o.risk.confidences.empty())
        m_status->setText(tr("Choose at least one confidence level."));
}

void ReportDialog::startPreview()
{
    m_debounce->stop();
    const rep::ReportOptions o = options();
    if (o.risk.confidences.empty()
        || std::none_of(
            m_sections.cbegin(), m_sections.cend(), [](QCheckBox* b) { return b->isChecked(); }))
        return; // updateButtons() says what is missing
    m_status->setText(tr("Building the preview…"));
    m_requestedDpi = renderDpi();
    m_controller->preview(m_window->projectPath(), o, m_requestedDpi);
}

void ReportDialog::onPreviewFinished(int, bool ok)
{
    if (!ok) {
        const core::Error& e = m_controller->previewError();
        if (e.code == core::ErrorCode::Cancelled) {
            m_status->setText(tr("Preview cancelled."));
            return;
        }
        const QString message = QString::fromStdString(e.toString());
        m_status->setText(tr("The report cannot be built: %1").arg(message));
        // Once per distinct problem: each option change would otherwise repeat it.
        if (message != m_lastReported) {
            m_lastReported = message;
            m_window->reportError(tr("Report"), tr("The report cannot be built: %1").arg(message),
                QString::fromStdString(e.file));
        }
        return;
    }
    m_lastReported.clear();
    m_renderedDpi = m_requestedDpi;
    showPages();
    const auto doc = m_controller->document();
    QStringList titles;
    for (const rep::Section& s : doc->sections)
        titles << QString::fromStdString(s.title);
    m_status->setText(
        tr("%n page(s): %1.", nullptr, pageCount()).arg(titles.join(QStringLiteral(", "))));
    updateButtons();
    Q_EMIT previewShown(pageCount());
}

void ReportDialog::showPages()
{
    const std::vector<QImage>& pages = m_controller->pages();
    while (m_pageLabels.size() > qsizetype(pages.size()))
        delete m_pageLabels.takeLast();
    while (m_pageLabels.size() < qsizetype(pages.size())) {
        auto* label = new QLabel(m_pagesHost);
        label->setFrameShape(QFrame::Box);
        label->setLineWidth(1);
        label->setAlignment(Qt::AlignCenter);
        label->setAccessibleName(tr("Page %1").arg(m_pageLabels.size() + 1));
        m_pagesLayout->addWidget(label, 0, Qt::AlignHCenter);
        m_pageLabels.append(label);
    }
    layoutPages();
}

double ReportDialog::displayScale() const
{
    const double zoom = m_zoom->currentData().toDouble();
    if (zoom > 0.0)
        return zoom;
    // Room beside a vertical scroll bar whether or not it shows yet, so that the pages fit
    // without a horizontal one (2 px for the page frame).
    const int available = m_scroll->contentsRect().width() - 2 * kPageMargin - 2
        - m_scroll->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_scroll);
    return std::clamp(double(available) / kA4WidthAt96, 0.25, 3.0);
}

int ReportDialog::renderDpi() const
{
    // Page images a little larger than shown, in steps, so that zooming and resizing rarely
    // need new images; high-dpi screens get sharper ones.
    const double needed = 96.0 * displayScale() * devicePixelRatioF();
    for (int dpi : {72, 96, 120, 144, 192, 240}) {
        if (dpi >= needed * 0.95)
            return dpi;
    }
    return 240;
}

void ReportDialog::layoutPages()
{
    const std::vector<QImage>& pages = m_controller->pages();
    const double scale = displayScale();
    const qreal dpr = devicePixelRatioF();
    for (qsizetype i = 0; i < m_pageLabels.size() && i < qsizetype(pages.size()); ++i) {
        const QImage& image = pages[std::size_t(i)];
        if (image.isNull())
            continue;
        // Pages are A4: the shown width follows from the zoom, whatever the images' dpi.
        const int width = int(std::lround(kA4WidthAt96 * scale));
        const QSize shown(width, int(std::lround(double(width) * image.height() / image.width())));
        QPixmap pixmap = QPixmap::fromImage(
            image.scaled(shown * dpr, Qt::KeepAspectRatio, Qt::SmoothTransformation));
        pixmap.setDevicePixelRatio(dpr);
        m_pageLabels[i]->setPixmap(pixmap);
        m_pageLabels[i]->setFixedSize(shown + QSize(2, 2));
    }
}

void ReportDialog::resizeEvent(QResizeEvent* event)
{
    QDialog::resizeEvent(event);
    if (m_zoom && m_zoom->currentData().toDouble() == 0.0 && !m_pageLabels.isEmpty()) {
        layoutPages();
        if (renderDpi() > m_renderedDpi)
            schedulePreview();
    }
}

void ReportDialog::askAndSave(ReportController::Format format)
{
    QSettings settings;
    const bool pdf = format == ReportController::Format::Pdf;
    QString dir = settings.value(QStringLiteral("report/lastFolder")).toString();
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString base = QFileInfo(m_window->projectPath()).completeBaseName();
    const QString suggested
        = QDir(dir).filePath(QStringLiteral("%1-report.%2")
                                 .arg(base.isEmpty() ? QStringLiteral("marketlens") : base,
                                     pdf ? QStringLiteral("pdf") : QStringLiteral("html")));
    const QString path = QFileDialog::getSaveFileName(this,
        pdf ? tr("Save Report as PDF") : tr("Save Report as HTML"), suggested,
        pdf ? tr("PDF documents (*.pdf)") : tr("HTML files (*.html *.htm)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("report/lastFolder"), QFileInfo(path).absolutePath());
    saveReport(path, format);
}

bool ReportDialog::saveReport(const QString& path, ReportController::Format format)
{
    if (!m_controller->save(m_window->projectPath(), options(), path, format))
        return false;
    m_status->setText(tr("Saving %1…").arg(QDir::toNativeSeparators(path)));
    updateButtons();
    return true;
}

void ReportDialog::onSaveFinished(const QString& path, bool ok, double seconds)
{
    updateButtons();
    const QString shown = QDir::toNativeSeparators(path);
    if (ok) {
        m_status->setText(tr("Saved %1 (%2 s).").arg(shown, QLocale().toString(seconds, 'f', 1)));
        m_window->appendLog(tr("Report saved to %1").arg(shown));
        return;
    }
    const core::Error& e = m_controller->saveError();
    if (e.code == core::ErrorCode::Cancelled) {
        m_status->setText(tr("Saving %1 cancelled.").arg(shown));
        return;
    }
    const QString message = QString::fromStdString(e.toString());
    m_status->setText(tr("Not saved: %1").arg(message));
    m_window->reportError(tr("Report not saved"),
        tr("The report could not be saved to %1: %2").arg(shown, message),
        QString::fromStdString(e.file.empty() ? path.toStdString() : e.file));
}

void ReportDialog::restoreSettings()
{
    m_restoring = true;
    QSettings s;
    s.beginGroup(QStringLiteral("report"));
    const QString portfolio = s.value(QStringLiteral("portfolio")).toString();
    if (const int i = m_portfolio->findText(portfolio); i >= 0)
        m_portfolio->setCurrentIndex(i);
    if (s.contains(QStringLiteral("unchecked"))) {
        const QStringList unchecked = s.value(QStringLiteral("unchecked")).toStringList();
        for (const QString& id : m_sectionOrder)
            m_sections.value(id)->setChecked(!unchecked.contains(id));
    }
    if (s.contains(QStringLiteral("confidences"))) {
        const QStringList levels = s.value(QStringLiteral("confidences")).toStringList();
        for (const auto& [p, box] : m_confidences)
            box->setChecked(levels.contains(QString::number(p, 'g', 6)));
    }
    m_backtestWindow->setValue(s.value(QStringLiteral("window"), 250).toInt());
    setZoom(s.value(QStringLiteral("zoom"), 0.0).toDouble());
    const QByteArray geometry = s.value(QStringLiteral("geometry")).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    s.endGroup();
    m_restoring = false;
}

void ReportDialog::saveSettings() const
{
    if (m_restoring)
        return;
    QSettings s;
    s.beginGroup(QStringLiteral("report"));
    if (m_portfolio->isEnabled())
        s.setValue(QStringLiteral("portfolio"), m_portfolio->currentText());
    QStringList unchecked;
    for (const QString& id : m_sectionOrder) {
        if (!m_sections.value(id)->isChecked())
            unchecked << id;
    }
    s.setValue(QStringLiteral("unchecked"), unchecked);
    QStringList levels;
    for (const auto& [p, box] : m_confidences) {
        if (box->isChecked())
            levels << QString::number(p, 'g', 6);
    }
    s.setValue(QStringLiteral("confidences"), levels);
    s.setValue(QStringLiteral("window"), m_backtestWindow->value());
    s.setValue(QStringLiteral("zoom"), m_zoom->currentData().toDouble());
    s.setValue(QStringLiteral("geometry"), saveGeometry());
    s.endGroup();
}

void ReportDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    startPreview();
}

void ReportDialog::hideEvent(QHideEvent* event)
{
    m_debounce->stop();
    m_controller->cancelPreview();
    saveSettings();
    QDialog::hideEvent(event);
}

QAction* addReportMenuActions(QMenu* menu, MainWindow* window)
{
    QAction* create = menu->addAction(QIcon(QStringLiteral(":/icons/report.svg")),
        QCoreApplication::translate("ReportDialog", "&Create Report…"), window,
        [window] { showReportDialog(window); });
    create->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    create->setIconText(QCoreApplication::translate("ReportDialog", "Report"));
    create->setToolTip(QCoreApplication::translate("ReportDialog",
        "Preview the project's report (data, holdings, risk, charts, models) and save it as PDF "
        "or HTML (Ctrl+Shift+R)"));
    create->setStatusTip(create->toolTip());
    ProjectController* project = window->projectController();
    auto update = [create, project] { create->setEnabled(!project->instruments().empty()); };
    QObject::connect(project, &ProjectController::projectOpened, create, update);
    QObject::connect(project, &ProjectController::dataReloaded, create, update);
    QObject::connect(menu, &QMenu::aboutToShow, create, update);
    update();
    return create;
}

ReportDialog* showReportDialog(MainWindow* window)
{
    auto* dialog = window->findChild<ReportDialog*>(QString(), Qt::FindDirectChildrenOnly);
    if (!dialog)
        dialog = new ReportDialog(window);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

} // namespace marketlens::ui
