#pragma once
// InspectorPanel: the right dock. For now it summarises the selected instrument: stored rows,
// date range, last close, minimum and maximum close (with their dates).

#include "core/types.h"

#include <QWidget>

class QFormLayout;
class QLabel;

namespace marketlens::ui {

class InspectorPanel : public QWidget {
    Q_OBJECT
public:
    explicit InspectorPanel(QWidget* parent = nullptr);

    // `others` is how many more instruments are overlaid in the chart.
    void showInstrument(const core::PriceSeries& series, int others);
    void showNothing();
    // Value text of a field ("rows", "range", "last", "min", "max"), for tests.
    QString fieldText(const QString& key) const;

private:
    QLabel* addField(const QString& key, const QString& label);

    QLabel* m_title = nullptr;
    QLabel* m_note = nullptr;
    QWidget* m_fields = nullptr;
    QFormLayout* m_form = nullptr;
};

} // namespace marketlens::ui
