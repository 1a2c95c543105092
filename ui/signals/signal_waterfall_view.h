#pragma once
// SignalWaterfallView: "why this signal" as a waterfall. From the model's base value (its
// average score) each feature's contribution moves the score left (towards down) or right
// (towards up), largest first, until the row's score; the smallest contributions are merged into
// one "other features" step. Each step is a horizontal bar from the running total before it to
// the total after it, green (towards up) or red (towards down) from the colour-blind-safe
// diverging scale, labelled with the feature, its value on that day and the contribution; a
// dashed line marks the decision boundary (0 log-odds, probability 0.5). Painted by hand: a
// waterfall is not a QtCharts series, and the labels need the room. GUI thread; setters copy.

#include "models/signals/signal_pipeline.h"

#include <QWidget>

#include <optional>

namespace marketlens::ui {

class SignalWaterfallView : public QWidget {
    Q_OBJECT
public:
    explicit SignalWaterfallView(QWidget* parent = nullptr);

    // `classes` decides how the predicted class is named (2: up/down, 3: up/flat/down).
    void setExplanation(
        const models::signals::SignalExplanation& e, int classes, int maxSteps = 10);
    void clear(const QString& message);

    bool hasExplanation() const { return m_e.has_value(); }
    const std::optional<models::signals::SignalExplanation>& explanation() const { return m_e; }
    // Feature steps drawn (the "other features" step included), base and total bars excluded.
    int barCount() const { return int(m_steps.size()); }
    QString stepLabel(int i) const;
    double stepValue(int i) const;
    QString headline() const; // "2024-01-05: up (P(up) 0.62)"

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Step {
        QString label;
        double contribution = 0;
    };
    std::optional<models::signals::SignalExplanation> m_e;
    std::vector<Step> m_steps;
    int m_classes = 2;
    QString m_message;
};

// The class a prediction names, as the UI shows it ("up", "down", "flat").
QString signalClassName(int predicted, int classes);

} // namespace marketlens::ui
