#include "inspector_panel.h"
#include "ui/locale_format.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace marketlens::ui {

InspectorPanel::InspectorPanel(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    m_title = new QLabel(this);
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.35);
    font.setBold(true);
    m_title->setFont(font);
    m_fields = new QWidget(this);
    m_form = new QFormLayout(m_fields);
    m_form->setContentsMargins(0, 4, 0, 4);
    m_form->setLabelAlignment(Qt::AlignLeft);
    m_form->setHorizontalSpacing(14);
    addField(QStringLiteral("rows"), tr("Rows"));
    addField(QStringLiteral("first"), tr("First date"));
    addField(QStringLiteral("last_date"), tr("Last date"));
    addField(QStringLiteral("last"), tr("Last close"));
    addField(QStringLiteral("change"), tr("Change over range"));
    addField(QStringLiteral("min"), tr("Minimum close"));
    addField(QStringLiteral("max"), tr("Maximum close"));
    addField(QStringLiteral("ohlc"), tr("OHLC data"));
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->setEnabled(false);
    layout->addWidget(m_title);
    layout->addWidget(m_fields);
    layout->addWidget(m_note);
    layout->addStretch(1);
    showNothing();
}

QLabel* InspectorPanel::addField(const QString& key, const QString& label)
{
    auto* value = new QLabel(m_fields);
    value->setObjectName(key);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(label + QLatin1Char(':'), value);
    return value;
}

void InspectorPanel::showNothing()
{
    m_title->setText(tr("Nothing selected"));
    m_fields->setVisible(false);
    m_note->setText(tr("Select an instrument in the project tree or the Instruments table."));
}

void InspectorPanel::showInstrument(const core::PriceSeries& s, int others)
{
    auto set = [this](const char* key, const QString& text) {
        if (auto* label = m_fields->findChild<QLabel*>(QLatin1String(key)))
            label->setText(text);
    };
    const QLocale locale;
    m_title->setText(QString::fromStdString(s.ticker));
    m_fields->setVisible(true);
    set("rows", locale.toString(qlonglong(s.size())));
    set("first", s.empty() ? QString() : displayDate(s.dates.front()));
    set("last_date", s.empty() ? QString() : displayDate(s.dates.back()));

    std::size_t minAt = s.size(), maxAt = s.size(), firstAt = s.size(), lastAt = s.size();
    for (std::size_t i = 0; i < s.size(); ++i) {
        const double c = s.close[i];
        if (core::isMissing(c))
            continue;
        if (firstAt == s.size())
            firstAt = i;
        lastAt = i;
        if (minAt == s.size() || c < s.close[minAt])
            minAt = i;
        if (maxAt == s.size() || c > s.close[maxAt])
            maxAt = i;
    }
    auto priceAt = [&](std::size_t i) {
        return i == s.size() ? tr("n/a")
                             : tr("%1 on %2")
                                   .arg(locale.toString(s.close[i], 'f', 2), displayDate(s.dates[i]));
    };
    set("last", priceAt(lastAt));
    set("min", priceAt(minAt));
    set("max", priceAt(maxAt));
    if (firstAt != s.size() && s.close[firstAt] != 0.0) {
        const double change = s.close[lastAt] / s.close[firstAt] - 1.0;
        set("change", locale.toString(change * 100.0, 'f', 2) + QLatin1String(" %"));
    } else {
        set("change", tr("n/a"));
    }
    set("ohlc", s.hasOhlc() ? tr("yes (candlesticks available)") : tr("close only"));
    m_note->setText(others > 0 ? tr("%n more instrument(s) overlaid in the chart.", nullptr, others)
                               : QString());
}

QString InspectorPanel::fieldText(const QString& key) const
{
    const auto* label = m_fields->findChild<QLabel*>(key);
    return label ? label->text() : QString();
}

} // namespace marketlens::ui
