#include "about_dialog.h"

#include "app_settings.h"
#include "core/sqlite_db.h"
#include "models/torch_runtime.h"

#include <boost/version.hpp>

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QSysInfo>
#include <QVBoxLayout>

namespace marketlens::ui {

namespace {
QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

// "1_74" -> "1.74"
QString boostVersion()
{
    return QStringLiteral(BOOST_LIB_VERSION).replace(QLatin1Char('_'), QLatin1Char('.'));
}

QString dataFolder()
{
    return QDir::toNativeSeparators(
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
}

QString computeText()
{
    const models::TorchRuntimeInfo torch = models::torchRuntimeInfo();
    return QStringLiteral("CPU, %1 threads (risk runs: %2); CUDA %3")
        .arg(torch.intraOpThreads)
        .arg(AppSettings::instance().effectiveThreads())
        .arg(torch.cudaAvailable ? QStringLiteral("available") : QStringLiteral("not available"));
}
} // namespace

QString aboutVersionsText()
{
    QStringList lines;
    lines << QStringLiteral("MarketLens: %1").arg(QApplication::applicationVersion())
          << QStringLiteral("Qt: %1 (built with %2)")
                 .arg(QLatin1String(qVersion()), QLatin1String(QT_VERSION_STR))
          << QStringLiteral("LibTorch: %1").arg(qs(models::torchVersion()))
          << QStringLiteral("SQLite: %1").arg(qs(core::sqliteVersion()))
          << QStringLiteral("Boost: %1").arg(boostVersion())
          << QStringLiteral("Compute: %1").arg(computeText())
          << QStringLiteral("Platform: %1 (%2, %3)")
                 .arg(QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture(),
                     QGuiApplication::platformName())
          << QStringLiteral("Data folder: %1").arg(dataFolder());
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About MarketLens"));
    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/marketlens.svg")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);

    const models::TorchRuntimeInfo torch = models::torchRuntimeInfo();
    const QString compute = torch.cudaAvailable
        ? tr("CPU, %1 threads, and CUDA").arg(torch.intraOpThreads)
        : tr("CPU, %1 threads (no CUDA device)").arg(torch.intraOpThreads);
    QString html = tr("<h3>MarketLens %1</h3>"
                      "<p>Desktop analytics for financial analysts.</p>"
                      "<p><b>Saving:</b> every change is written to the project file (.mlens) "
                      "immediately; the file on disk is always the saved state. A new project is "
                      "\"Untitled\" and lives in a temporary folder until you choose <i>File &gt; "
                      "Save As</i>.</p>"
                      "<p>License: GNU General Public License, version 3 or later "
                      "(GPL-3.0-or-later).</p>")
                       .arg(QApplication::applicationVersion().toHtmlEscaped());
    const auto row = [](const QString& name, const QString& value) {
        return QStringLiteral("<tr><td>%1</td><td>&nbsp;&nbsp;%2</td></tr>")
            .arg(name, value.toHtmlEscaped());
    };
    html += QStringLiteral("<table>")
        + row(QStringLiteral("Qt"),
            tr("%1 (built with %2)").arg(QLatin1String(qVersion()), QLatin1String(QT_VERSION_STR)))
        + row(QStringLiteral("LibTorch"), qs(models::torchVersion()))
        + row(QStringLiteral("SQLite"), qs(core::sqliteVersion()))
        + row(QStringLiteral("Boost"), boostVersion()) + row(tr("Compute"), compute)
        + row(tr("Data folder"), dataFolder()) + QStringLiteral("</table>");
    m_text = new QLabel(html, this);
    m_text->setObjectName(QStringLiteral("aboutText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setMinimumWidth(440);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* copy = buttons->addButton(tr("&Copy Versions"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyVersionsButton"));
    copy->setToolTip(tr("Copy the versions, the compute device and the data folder as text, "
                        "for a bug report"));
    connect(copy, &QPushButton::clicked, this, &AboutDialog::copyVersions);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* top = new QHBoxLayout;
    top->addWidget(icon);
    top->addWidget(m_text, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
}

QString AboutDialog::text() const
{
    return m_text->text();
}

void AboutDialog::copyVersions()
{
    QApplication::clipboard()->setText(aboutVersionsText());
}

void showAboutDialog(QWidget* parent)
{
    static QPointer<AboutDialog> open;
    if (!open) {
        open = new AboutDialog(parent);
        open->setAttribute(Qt::WA_DeleteOnClose);
    }
    open->show();
    open->raise();
    open->activateWindow();
}

} // namespace marketlens::ui
