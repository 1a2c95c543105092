#include "signal_waterfall_view.h"

#include "ui/locale_format.h"
#include "ui/risk/risk_palette.h"
#include "ui/theme.h"

#include <QLocale>
#include <QPaintEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace marketlens::ui {

namespace {
constexpr int kRowHeight = 20;
constexpr int kHeaderHeight = 22;
constexpr int kAxisHeight = 22;

QString number(double v, int decimals = 3)
{
    return std::isfinite(v) ? QLocale().toString(v, 'f', decimals) : QStringLiteral("—");
}

QString signedNumber(double v)
{
    const QString s = number(std::abs(v));
    return (v < 0 ? QStringLiteral("−") : QStringLiteral("+")) + s;
}

// Raw feature values: returns and distances are small, RSI is 0..100; 3 significant digits.
QString featureValue(double v)
{
    if (!std::isfinite(v))
        return QStringLiteral("—");
    const double a = std::abs(v);
    const int decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 4;
    return QLocale().toString(v, 'f', decimals);
}
} // namespace

QString signalClassName(int predicted, int classes)
{
    if (predicted == classes - 1)
        return SignalWaterfallView::tr("up");
    if (classes == 3 && predicted == 1)
        return SignalWaterfallView::tr("flat");
    return SignalWaterfallView::tr("down");
}

SignalWaterfallView::SignalWaterfallView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("signalWaterfall"));
    setMinimumWidth(260);
    clear(tr("Click a buy or sell marker on the chart to see why the model gave that signal"));
}

void SignalWaterfallView::clear(const QString& message)
{
    m_e.reset();
    m_steps.clear();
    m_message = message;
    setToolTip(QString());
    updateGeometry();
    update();
}

void SignalWaterfallView::setExplanation(
    const models::signals::SignalExplanation& e, int classes, int maxSteps)
{
    m_e = e;
    m_classes = classes;
    m_message.clear();
    m_steps.clear();
    const std::size_t n = std::min(e.features.size(), e.contributions.size());
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::abs(e.contributions[a]) > std::abs(e.contributions[b]);
    });
    const std::size_t shown
        = n > std::size_t(std::max(maxSteps, 1)) ? std::size_t(std::max(maxSteps, 1) - 1) : n;
    for (std::size_t k = 0; k < shown; ++k) {
        const std::size_t j = order[k];
        QString label = QString::fromStdString(e.features[j]);
        if (j < e.rawValues.size())
            label += QStringLiteral(" = ") + featureValue(e.rawValues[j]);
        m_steps.push_back(Step {label, e.contributions[j]});
    }
    if (shown < n) {
        double rest = 0.0;
        for (std::size_t k = shown; k < n; ++k)
            rest += e.contributions[order[k]];
        // At least two are merged (a single one is shown as itself).
        m_steps.push_back(
            Step {tr("%1 other features").arg(QLocale().toString(qulonglong(n - shown))), rest});
    }
    setToolTip(tr("Each bar is one feature's contribution (%1, %2) to the score of “up” on this "
                  "day, from the model's base value to the day's score; green pushes towards "
                  "up, red towards down.")
                   .arg(QString::fromStdString(e.unit), QString::fromStdString(e.method)));
    updateGeometry();
    update();
}

QString SignalWaterfallView::stepLabel(int i) const
{
    return i >= 0 && i < int(m_steps.size()) ? m_steps[std::size_t(i)].label : QString();
}

double SignalWaterfallView::stepValue(int i) const
{
    return i >= 0 && i < int(m_steps.size()) ? m_steps[std::size_t(i)].contribution : 0.0;
}

QString SignalWaterfallView::headline() const
{
    if (!m_e)
        return {};
    const auto& p = m_e->point;
    return tr("%1: %2 (P(up) %3)")
        .arg(displayDate(p.date), signalClassName(p.predicted, m_classes), number(p.probaUp, 2));
}

QSize SignalWaterfallView::sizeHint() const
{
    return QSize(380, kHeaderHeight + kAxisHeight + kRowHeight * (int(m_steps.size()) + 2) + 12);
}

QSize SignalWaterfallView::minimumSizeHint() const
{
    return QSize(260, 140);
}

void SignalWaterfallView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), chartBackgroundColor());
    const QColor label = chartLabelColor();
    if (!m_e) {
        p.setPen(risk::kMutedColor);
        p.drawText(
            rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    p.setRenderHint(QPainter::Antialiasing, true);
    const QFontMetrics fm(font());
    QFont bold = font();
    bold.setBold(true);

    // Header: the day, the signal and how the contributions are measured.
    p.setFont(bold);
    p.setPen(label);
    const QRect header(8, 2, width() - 16, kHeaderHeight);
    p.drawText(header, Qt::AlignLeft | Qt::AlignVCenter,
        fm.elidedText(headline(), Qt::ElideRight, header.width()));
    p.setFont(font());

    const int rows = int(m_steps.size()) + 2;
    int labelWidth = fm.horizontalAdvance(tr("Base value"));
    for (const auto& s : m_steps)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(s.label));
    labelWidth = std::min(labelWidth + 8, width() * 45 / 100);
    const int valueWidth = fm.horizontalAdvance(QStringLiteral("−0.000 ")) + 6;
    const int top = kHeaderHeight + 6;
    const int rowHeight
        = std::clamp((height() - top - kAxisHeight) / std::max(rows, 1), 14, kRowHeight + 6);
    const QRectF plot(8 + labelWidth, top, std::max(40, width() - 16 - labelWidth - valueWidth),
        rowHeight * rows);

    // Running totals: base, then after each step; the last is the score.
    const double base = m_e->base;
    std::vector<double> totals {base};
    for (const auto& s : m_steps)
        totals.push_back(totals.back() + s.contribution);
    const double score = totals.back();
    const bool logOdds = m_e->unit.find("log-odds") != std::string::npos;
    const double boundary = logOdds ? 0.0 : 0.5;
    double lo = std::min(boundary, *std::min_element(totals.begin(), totals.end()));
    double hi = std::max(boundary, *std::max_element(totals.begin(), totals.end()));
    const double pad = std::max((hi - lo) * 0.06, 1e-9);
    lo -= pad;
    hi += pad;
    const auto xOf = [&](double v) { return plot.left() + (v - lo) / (hi - lo) * plot.width(); };

    // Grid and the decision boundary.
    p.setPen(QPen(chartGridColor(), 1));
    const double step = niceStep((hi - lo) / 4.0);
    for (double t = std::ceil(lo / step) * step; t <= hi; t += step) {
        const double x = xOf(t);
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        p.save();
        p.setPen(label);
        p.drawText(QRectF(x - 40, plot.bottom() + 2, 80, kAxisHeight - 4), Qt::AlignCenter,
            number(t, step < 0.01 ? 3 : 2));
        p.restore();
    }
    if (m_classes == 2) {
        p.setPen(QPen(risk::kMutedColor, 1.2, Qt::DashLine));
        p.drawLine(QPointF(xOf(boundary), plot.top() - 2), QPointF(xOf(boundary), plot.bottom()));
    }

    const auto rowRect = [&](int r) {
        return QRectF(plot.left(), plot.top() + r * rowHeight, plot.width(), rowHeight);
    };
    const auto drawLabels = [&](int r, const QString& left, const QString& right) {
        const QRectF row = rowRect(r);
        p.setPen(label);
        p.drawText(QRectF(8, row.top(), labelWidth - 6, row.height()),
            Qt::AlignRight | Qt::AlignVCenter,
            fm.elidedText(left, Qt::ElideMiddle, labelWidth - 6));
        p.drawText(QRectF(plot.right() + 6, row.top(), valueWidth, row.height()),
            Qt::AlignLeft | Qt::AlignVCenter, right);
    };
    const double barInset = std::max(2.0, rowHeight * 0.18);

    // Base value: a tick where the explanation starts.
    drawLabels(0, tr("Base value"), number(base));
    p.setPen(QPen(label, 2));
    p.drawLine(QPointF(xOf(base), rowRect(0).top() + barInset),
        QPointF(xOf(base), rowRect(0).bottom() - barInset));

    for (std::size_t i = 0; i < m_steps.size(); ++i) {
        const int r = int(i) + 1;
        const double from = totals[i], to = totals[i + 1];
        const QRectF row = rowRect(r);
        const QColor c = to >= from ? risk::kScaleLow : risk::kScaleHigh;
        QRectF bar(QPointF(xOf(std::min(from, to)), row.top() + barInset),
            QPointF(xOf(std::max(from, to)), row.bottom() - barInset));
        if (bar.width() < 1.5)
            bar.setWidth(1.5);
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawRect(bar);
        // A faint connector from the previous total.
        p.setPen(QPen(risk::kMutedColor, 0.8, Qt::DotLine));
        p.drawLine(QPointF(xOf(from), row.top() - barInset), QPointF(xOf(from), bar.top()));
        drawLabels(r, m_steps[i].label, signedNumber(m_steps[i].contribution));
    }

    // The day's score.
    const int last = rows - 1;
    const QRectF row = rowRect(last);
    p.setFont(bold);
    drawLabels(last, tr("Score of up"), number(score));
    p.setFont(font());
    p.setPen(QPen(label, 1));
    p.setBrush(m_e->point.predicted == m_classes - 1        ? risk::kScaleLow
            : (m_classes == 3 && m_e->point.predicted == 1) ? risk::kScaleMid
                                                            : risk::kScaleHigh);
    p.drawRect(QRectF(QPointF(xOf(std::min(boundary, score)), row.top() + barInset),
        QPointF(xOf(std::max(boundary, score)), row.bottom() - barInset)));

    // Unit under the axis.
    p.setPen(risk::kMutedColor);
    // Across the whole width (the plot alone may be narrower than the text), elided if need be.
    const QString unit = QStringLiteral("%1 · %2").arg(
        QString::fromStdString(m_e->unit), QString::fromStdString(m_e->method));
    p.drawText(QRectF(8, plot.bottom() + kAxisHeight - 6, width() - 16, kAxisHeight),
        Qt::AlignCenter, fm.elidedText(unit, Qt::ElideRight, width() - 16));
}

} // namespace marketlens::ui
