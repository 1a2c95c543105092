#include "correlation_heatmap.h"

#include "risk_palette.h"
#include "ui/chart_export.h"
#include "ui/theme.h"

#include <QHelpEvent>
#include <QLinearGradient>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketlens::ui {

namespace {
constexpr int kMargin = 8;
constexpr int kLegendHeight = 34; // gradient bar and its labels below the grid
} // namespace

CorrelationHeatmap::CorrelationHeatmap(QWidget* parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setMinimumSize(220, 200);
    installChartExportActions(this); // right-click: copy chart, export chart
}

void CorrelationHeatmap::setData(const QStringList& tickers, std::vector<double> matrix)
{
    const auto k = std::size_t(tickers.size());
    m_tickers = tickers;
    m_matrix = std::move(matrix);
    if (m_matrix.size() != k * k)
        m_matrix.assign(k * k, std::numeric_limits<double>::quiet_NaN());
    m_highlight = -1;
    layoutCells();
    update();
}

void CorrelationHeatmap::clear()
{
    setData({}, {});
}

void CorrelationHeatmap::highlightTicker(const QString& ticker)
{
    m_highlight = int(m_tickers.indexOf(ticker));
    update();
}

QString CorrelationHeatmap::highlightedTicker() const
{
    return m_highlight >= 0 ? m_tickers[m_highlight] : QString();
}

double CorrelationHeatmap::value(int row, int column) const
{
    const int k = int(m_tickers.size());
    if (row < 0 || column < 0 || row >= k || column >= k)
        return std::numeric_limits<double>::quiet_NaN();
    return m_matrix[std::size_t(row) * std::size_t(k) + std::size_t(column)];
}

QColor CorrelationHeatmap::cellColor(int row, int column) const
{
    const double v = value(row, column);
    return std::isfinite(v) ? risk::correlationColor(v) : QColor(0xF2, 0xF2, 0xF2);
}

QSize CorrelationHeatmap::sizeHint() const
{
    return {420, 380};
}

QSize CorrelationHeatmap::minimumSizeHint() const
{
    return {220, 200};
}

QImage CorrelationHeatmap::toImage()
{
    return grab().toImage();
}

void CorrelationHeatmap::layoutCells()
{
    const int k = int(m_tickers.size());
    QFont bold = font();
    bold.setBold(true); // the highlighted ticker is drawn in bold
    const QFontMetrics fm(bold);
    m_labelWidth = 0;
    for (const QString& t : m_tickers)
        m_labelWidth = std::max(m_labelWidth, fm.horizontalAdvance(t));
    m_labelWidth += 8;
    const int labelHeight = fm.height() + 6;
    if (k == 0) {
        m_grid = QRect();
        m_cell = 0.0;
        return;
    }
    const int availW = width() - 2 * kMargin - m_labelWidth;
    int top = labelHeight;
    int availH = height() - 2 * kMargin - top - kLegendHeight;
    m_cell = std::max(4.0, std::min(double(availW), double(availH)) / k);
    if (m_cell < m_labelWidth - 6) {
        // Column labels will be drawn rotated by 60 degrees (paintEvent): make room for them.
        top = int(std::ceil((m_labelWidth - 8) * 0.87 + fm.height() * 0.5)) + 6;
        availH = height() - 2 * kMargin - top - kLegendHeight;
        m_cell = std::max(4.0, std::min(double(availW), double(availH)) / k);
    }
    const int side = int(m_cell * k);
    const int left = kMargin + m_labelWidth + std::max(0, (availW - side) / 2);
    m_grid = QRect(left, kMargin + top, side, side);
}

QRect CorrelationHeatmap::cellRect(int row, int column) const
{
    const int x0 = m_grid.left() + int(std::lround(column * m_cell));
    const int x1 = m_grid.left() + int(std::lround((column + 1) * m_cell));
    const int y0 = m_grid.top() + int(std::lround(row * m_cell));
    const int y1 = m_grid.top() + int(std::lround((row + 1) * m_cell));
    return QRect(x0, y0, x1 - x0, y1 - y0);
}

QPoint CorrelationHeatmap::cellAt(QPoint pos) const
{
    if (m_tickers.isEmpty() || !m_grid.contains(pos) || m_cell <= 0.0)
        return {-1, -1};
    const int k = int(m_tickers.size());
    const int column = std::min(k - 1, int((pos.x() - m_grid.left()) / m_cell));
    const int row = std::min(k - 1, int((pos.y() - m_grid.top()) / m_cell));
    return {column, row};
}

void CorrelationHeatmap::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    layoutCells();
}

bool CorrelationHeatmap::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QPoint cell = cellAt(help->pos());
        if (cell.x() < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const double v = value(cell.y(), cell.x());
        QToolTip::showText(help->globalPos(),
            tr("%1 / %2: correlation %3")
                .arg(m_tickers[cell.y()], m_tickers[cell.x()])
                .arg(QLocale().toString(v, 'f', 3)),
            this, cellRect(cell.y(), cell.x()));
        return true;
    }
    return QWidget::event(event);
}

void CorrelationHeatmap::mousePressEvent(QMouseEvent* event)
{
    const QPoint cell = cellAt(event->position().toPoint());
    if (cell.x() >= 0) {
        m_highlight = cell.y();
        update();
        Q_EMIT tickerClicked(m_tickers[cell.y()]);
    }
    QWidget::mousePressEvent(event);
}

void CorrelationHeatmap::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const int k = int(m_tickers.size());
    if (k == 0) {
        p.setPen(risk::kMutedColor);
        p.drawText(rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap,
            tr("Run the risk analysis to see the correlations of the holdings"));
        return;
    }
    const QFontMetrics fm(font());
    QFont small = font();
    small.setPointSizeF(std::max(6.5, font().pointSizeF() * 0.85));
    const QFontMetrics sfm(small);
    const bool showValues = m_cell >= sfm.horizontalAdvance(QStringLiteral("-0.00")) + 4
        && m_cell >= sfm.height() + 2;
    const bool showLabels = m_cell >= fm.height() * 0.8;

    p.setFont(small);
    for (int r = 0; r < k; ++r) {
        for (int c = 0; c < k; ++c) {
            const QRect cell = cellRect(r, c);
            const QColor fill = cellColor(r, c);
            p.fillRect(cell, fill);
            if (showValues && std::isfinite(value(r, c))) {
                p.setPen(risk::readableTextColor(fill));
                p.drawText(cell, Qt::AlignCenter, QLocale().toString(value(r, c), 'f', 2));
            }
        }
    }
    // Thin lines of the background (white, or dark in the dark theme) separate cells of
    // similar colour.
    p.setPen(QPen(palette().color(QPalette::Base), 1.0));
    for (int i = 1; i < k; ++i) {
        const int x = cellRect(0, i).left();
        const int y = cellRect(i, 0).top();
        p.drawLine(x, m_grid.top(), x, m_grid.bottom());
        p.drawLine(m_grid.left(), y, m_grid.right(), y);
    }

    p.setFont(font());
    p.setPen(chartLabelColor());
    if (showLabels) {
        for (int i = 0; i < k; ++i) {
            const QRect row = cellRect(i, 0);
            if (i != m_highlight) // drawn in bold below
                p.drawText(QRect(kMargin, row.top(), m_grid.left() - kMargin - 6, row.height()),
                    Qt::AlignRight | Qt::AlignVCenter, m_tickers[i]);
            // Column labels above the grid, rotated when they do not fit horizontally.
            const QRect col = cellRect(0, i);
            if (fm.horizontalAdvance(m_tickers[i]) <= col.width() - 2) {
                p.drawText(QRect(col.left(), kMargin, col.width(), m_grid.top() - kMargin - 2),
                    Qt::AlignHCenter | Qt::AlignBottom, m_tickers[i]);
            } else {
                p.save();
                p.translate(col.center().x() + fm.ascent() / 2, m_grid.top() - 3);
                p.rotate(-60);
                p.drawText(0, 0, m_tickers[i].left(6));
                p.restore();
            }
        }
    }
    if (m_highlight >= 0 && m_highlight < k) {
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(QPen(chartLabelColor(), 2.0));
        p.setBrush(Qt::NoBrush);
        const QRect row = cellRect(m_highlight, 0).united(cellRect(m_highlight, k - 1));
        const QRect col = cellRect(0, m_highlight).united(cellRect(k - 1, m_highlight));
        p.drawRect(row.adjusted(0, 0, -1, -1));
        p.drawRect(col.adjusted(0, 0, -1, -1));
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        if (showLabels) {
            const QRect r = cellRect(m_highlight, 0);
            p.drawText(QRect(kMargin, r.top(), m_grid.left() - kMargin - 6, r.height()),
                Qt::AlignRight | Qt::AlignVCenter, m_tickers[m_highlight]);
        }
    }

    // Colour legend: -1 .. 0 .. +1 below the grid.
    const int barWidth = std::min(m_grid.width(), 260);
    const QRect bar(m_grid.center().x() - barWidth / 2, m_grid.bottom() + 10, barWidth, 10);
    QLinearGradient g(bar.topLeft(), bar.topRight());
    for (int i = 0; i <= 10; ++i)
        g.setColorAt(i / 10.0, risk::divergingColor(i / 10.0));
    p.setRenderHint(QPainter::Antialiasing, false);
    p.fillRect(bar, g);
    QFont legendFont = small;
    p.setFont(legendFont);
    p.setPen(chartLabelColor());
    const int textTop = bar.bottom() + 2;
    p.drawText(
        QRect(bar.left() - 20, textTop, 40, sfm.height()), Qt::AlignCenter, QStringLiteral("-1"));
    p.drawText(QRect(bar.center().x() - 20, textTop, 40, sfm.height()), Qt::AlignCenter,
        QStringLiteral("0"));
    p.drawText(
        QRect(bar.right() - 20, textTop, 40, sfm.height()), Qt::AlignCenter, QStringLiteral("+1"));
}

} // namespace marketlens::ui
