#include "theme.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>

#include <optional>

namespace marketlens::ui {

namespace {
struct PlatformLook {
    QString styleName;
    QPalette palette;
};

// The platform's style and palette as they were before the first applyTheme() ("system").
std::optional<PlatformLook>& platformLook()
{
    static std::optional<PlatformLook> look;
    return look;
}

ThemeChoice& lastTheme()
{
    static ThemeChoice theme = ThemeChoice::System;
    return theme;
}

bool platformPrefersDark()
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QGuiApplication::styleHints()->colorScheme() == Qt::ColorScheme::Dark;
#else
    return false; // Qt 6.4 does not say; "system" is the platform palette as it comes
#endif
}

void setStyleNamed(const QString& name)
{
    if (QApplication::style()
        && QApplication::style()->name().compare(name, Qt::CaseInsensitive) == 0)
        return;
    if (QStyle* style = QStyleFactory::create(name))
        QApplication::setStyle(style);
}

int luminance(const QColor& c)
{
    return (c.red() * 299 + c.green() * 587 + c.blue() * 114) / 1000;
}

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
        float(a.greenF() + (b.greenF() - a.greenF()) * t),
        float(a.blueF() + (b.blueF() - a.blueF()) * t));
}
} // namespace

QPalette darkPalette()
{
    const QColor window(0x2D, 0x2D, 0x30);
    const QColor base(0x1E, 0x1E, 0x1F);
    const QColor text(0xE6, 0xE6, 0xE6);
    const QColor button(0x3A, 0x3A, 0x3D);
    const QColor disabledText(0x80, 0x80, 0x80);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x27, 0x29));
    p.setColor(QPalette::ToolTipBase, QColor(0x3C, 0x3C, 0x40));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8C, 0x8C, 0x8C));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xFF, 0x6B, 0x5B));
    p.setColor(QPalette::Light, QColor(0x50, 0x50, 0x54));
    p.setColor(QPalette::Midlight, QColor(0x44, 0x44, 0x48));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x33));
    p.setColor(QPalette::Dark, QColor(0x1A, 0x1A, 0x1B));
    p.setColor(QPalette::Shadow, QColor(0x0A, 0x0A, 0x0A));
    // Okabe-Ito sky blue (ui/chart_style.h) for links; a blue selection readable with white.
    p.setColor(QPalette::Link, QColor(0x56, 0xB4, 0xE9));
    p.setColor(QPalette::LinkVisited, QColor(0xCC, 0x79, 0xA7));
    p.setColor(QPalette::Highlight, QColor(0x26, 0x5E, 0xA8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    for (QPalette::ColorRole role :
        {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x44, 0x44, 0x48));
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    return p;
}

bool isDarkPalette(const QPalette& palette)
{
    return luminance(palette.color(QPalette::Window))
        < luminance(palette.color(QPalette::WindowText));
}

bool isDarkTheme()
{
    return isDarkPalette(QApplication::palette());
}

void applyTheme(ThemeChoice theme)
{
    auto& look = platformLook();
    if (!look) {
        look = PlatformLook {QApplication::style() ? QApplication::style()->name() : QString(),
            QApplication::palette()};
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
        QObject::connect(QGuiApplication::styleHints(), &QStyleHints::colorSchemeChanged, qApp, [] {
            if (lastTheme() == ThemeChoice::System)
                applyTheme(ThemeChoice::System);
        });
#endif
    }
    lastTheme() = theme;
    const bool dark
        = theme == ThemeChoice::Dark || (theme == ThemeChoice::System && platformPrefersDark());
    if (dark) {
        setStyleNamed(QStringLiteral("Fusion"));
        QApplication::setPalette(darkPalette());
    } else if (theme == ThemeChoice::Light) {
        setStyleNamed(QStringLiteral("Fusion"));
        QApplication::setPalette(QApplication::style()->standardPalette());
    } else {
        if (!look->styleName.isEmpty())
            setStyleNamed(look->styleName);
        QApplication::setPalette(look->palette);
    }
    restyleAllCharts();
}

ThemeChoice currentTheme()
{
    return lastTheme();
}

QColor chartBackgroundColor()
{
    return QApplication::palette().color(QPalette::Base);
}

QColor chartLabelColor()
{
    // The light theme keeps the charts' established dark grey; dark themes a light grey.
    return isDarkTheme() ? QColor(0xD8, 0xD8, 0xD8) : QColor(0x33, 0x33, 0x33);
}

QColor chartGridColor()
{
    // A faint line: #E4E4E4 on white as before; dark: 16 % of the way from the base to the text.
    const QPalette p = QApplication::palette();
    return isDarkTheme() ? mix(p.color(QPalette::Base), p.color(QPalette::Text), 0.16)
                         : QColor(0xE4, 0xE4, 0xE4);
}

void applyChartPalette(QChart* chart)
{
    if (!chart)
        return;
    const QColor label = chartLabelColor();
    const QColor grid = chartGridColor();
    chart->setBackgroundBrush(chartBackgroundColor());
    chart->setBackgroundPen(Qt::NoPen);
    chart->setTitleBrush(label);
    chart->legend()->setLabelColor(label);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(label);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
        axis->setTitleBrush(label);
        axis->setLinePenColor(mix(chartBackgroundColor(), label, 0.5));
    }
}

void restyleAllCharts()
{
    const auto widgets = QApplication::allWidgets();
    for (QWidget* w : widgets) {
        if (auto* view = qobject_cast<QChartView*>(w)) {
            applyChartPalette(view->chart());
            view->viewport()->update();
        }
    }
}

} // namespace marketlens::ui
