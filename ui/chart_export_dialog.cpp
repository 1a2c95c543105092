#include "chart_export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace marketlens::ui {
namespace {

const QString kGroup = QStringLiteral("chartExport/");

QString fileNameFor(QWidget* chart)
{
    QString name
        = chart->accessibleName().isEmpty() ? QStringLiteral("chart") : chart->accessibleName();
    name.replace(QLatin1Char('/'), QLatin1Char('-'));
    return name;
}

} // namespace

ChartExportDialog::ChartExportDialog(QWidget* chart, QWidget* parent)
    : QDialog(parent)
    , m_chart(chart)
{
    setWindowTitle(tr("Export Chart"));
    m_path = new QLineEdit(this);
    m_path->setMinimumWidth(320);
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ChartExportDialog::browse);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    m_format = new QComboBox(this);
    m_format->addItem(tr("PNG image"), int(ChartFormat::Png));
    m_format->addItem(tr("SVG vector image"), int(ChartFormat::Svg));
    m_format->addItem(tr("PDF document (vector)"), int(ChartFormat::Pdf));
    connect(m_format, &QComboBox::currentIndexChanged, this, &ChartExportDialog::formatChanged);

    auto spin = [this](int lo, int hi, const QString& suffix) {
        auto* s = new QSpinBox(this);
        s->setRange(lo, hi);
        s->setSuffix(suffix);
        s->setAccelerated(true);
        connect(s, &QSpinBox::valueChanged, this, &ChartExportDialog::updateSummary);
        return s;
    };
    m_width = spin(16, 20000, tr(" px"));
    m_height = spin(16, 20000, tr(" px"));
    m_dpi = spin(36, 1200, tr(" DPI"));
    auto* screen = new QPushButton(tr("Screen size"), this);
    screen->setToolTip(tr("The chart's size on screen at the chosen resolution"));
    connect(screen, &QPushButton::clicked, this, &ChartExportDialog::useScreenSize);
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
    sizeRow->addWidget(m_height);
    sizeRow->addWidget(screen);
    sizeRow->addStretch(1);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    auto* form = new QFormLayout;
    // Rows holding a layout get a label with an explicit buddy so that the mnemonic works.
    auto* fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    auto* sizeLabel = new QLabel(tr("&Size:"), this);
    sizeLabel->setBuddy(m_width);
    auto* dpiRow = new QHBoxLayout;
    dpiRow->addWidget(m_dpi);
    dpiRow->addStretch(1);
    auto* dpiLabel = new QLabel(tr("&Resolution:"), this);
    dpiLabel->setBuddy(m_dpi);
    form->addRow(fileLabel, pathRow);
    form->addRow(tr("F&ormat:"), m_format);
    form->addRow(sizeLabel, sizeRow);
    form->addRow(dpiLabel, dpiRow);
    form->addRow(QString(), m_summary);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ChartExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChartExportDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    const QSettings settings;
    ChartExportOptions o;
    o.format
        = ChartFormat(settings.value(kGroup + QStringLiteral("format"), int(o.format)).toInt());
    o.pixels = settings.value(kGroup + QStringLiteral("size"), o.pixels).toSize();
    o.dpi = settings.value(kGroup + QStringLiteral("dpi"), o.dpi).toInt();
    setOptions(o);
    const QString dir = settings.value(kGroup + QStringLiteral("dir"), QDir::homePath()).toString();
    m_path->setText(
        QDir(dir).filePath(fileNameFor(chart) + QLatin1Char('.') + chartFormatSuffix(o.format)));
    updateSummary();
}

ChartExportOptions ChartExportDialog::options() const
{
    ChartExportOptions o;
    o.format = ChartFormat(m_format->currentData().toInt());
    o.pixels = QSize(m_width->value(), m_height->value());
    o.dpi = m_dpi->value();
    return o;
}

QString ChartExportDialog::path() const
{
    return m_path->text().trimmed();
}

void ChartExportDialog::setPath(const QString& path)
{
    m_path->setText(path);
    const QString suffix = QFileInfo(path).suffix();
    if (!suffix.isEmpty())
        m_format->setCurrentIndex(m_format->findData(int(chartFormatFromSuffix(suffix))));
}

void ChartExportDialog::setOptions(const ChartExportOptions& options)
{
    const int index = m_format->findData(int(options.format));
    m_format->setCurrentIndex(index < 0 ? 0 : index);
    m_width->setValue(options.pixels.width());
    m_height->setValue(options.pixels.height());
    m_dpi->setValue(options.dpi);
}

void ChartExportDialog::browse()
{
    const QString filters = tr("PNG image (*.png)") + QStringLiteral(";;") + tr("SVG image (*.svg)")
        + QStringLiteral(";;") + tr("PDF document (*.pdf)");
    QString selected = filters.split(QStringLiteral(";;")).value(m_format->currentIndex());
    const QString chosen
        = QFileDialog::getSaveFileName(this, tr("Export Chart"), path(), filters, &selected);
    if (chosen.isEmpty())
        return;
    QString file = chosen;
    if (QFileInfo(file).suffix().isEmpty()) {
        const int filter = filters.split(QStringLiteral(";;")).indexOf(selected);
        file += QLatin1Char('.') + chartFormatSuffix(ChartFormat(std::max(filter, 0)));
    }
    setPath(file);
}

void ChartExportDialog::formatChanged()
{
    const QString current = path();
    if (!current.isEmpty()) {
        const QFileInfo info(current);
        const QString suffix = chartFormatSuffix(ChartFormat(m_format->currentData().toInt()));
        if (info.suffix().toLower() != suffix)
            m_path->setText(
                QDir(info.path()).filePath(info.completeBaseName() + QLatin1Char('.') + suffix));
    }
    updateSummary();
}

void ChartExportDialog::useScreenSize()
{
    if (!m_chart)
        return;
    const double scale = m_dpi->value() / 96.0;
    m_width->setValue(int(std::lround(m_chart->width() * scale)));
    m_height->setValue(int(std::lround(m_chart->height() * scale)));
}

void ChartExportDialog::updateSummary()
{
    const ChartExportOptions o = options();
    const double inchW = double(o.pixels.width()) / o.dpi;
    const double inchH = double(o.pixels.height()) / o.dpi;
    m_summary->setText(tr("%1 × %2 cm at print size; the chart is laid out at %3 × %4 screen "
                          "pixels and scaled by %5.")
                           .arg(QLocale().toString(inchW * 2.54, 'f', 1))
                           .arg(QLocale().toString(inchH * 2.54, 'f', 1))
                           .arg(std::lround(o.pixels.width() * 96.0 / o.dpi))
                           .arg(std::lround(o.pixels.height() * 96.0 / o.dpi))
                           .arg(QLocale().toString(o.dpi / 96.0, 'g', 3)));
}

void ChartExportDialog::saveSettings() const
{
    QSettings settings;
    const ChartExportOptions o = options();
    settings.setValue(kGroup + QStringLiteral("format"), int(o.format));
    settings.setValue(kGroup + QStringLiteral("size"), o.pixels);
    settings.setValue(kGroup + QStringLiteral("dpi"), o.dpi);
    settings.setValue(kGroup + QStringLiteral("dir"), QFileInfo(path()).absolutePath());
}

void ChartExportDialog::accept()
{
    if (path().isEmpty()) {
        m_path->setFocus();
        return;
    }
    saveSettings();
    QString error;
    if (!ui::exportChart(m_chart, path(), options(), &error)) {
        QMessageBox::warning(
            this, tr("Export Chart"), tr("Could not export the chart: %1").arg(error));
        return;
    }
    QDialog::accept();
}

bool ChartExportDialog::exportChart(QWidget* chart, QWidget* parent)
{
    if (!chart)
        return false;
    ChartExportDialog dialog(chart, parent);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace marketlens::ui
