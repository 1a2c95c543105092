#pragma once
// SentimentTimelineView: a compact chart of the daily sentiment index under the price chart.
// Bars: the daily mean score of the first line's ticker, green above zero and red below
// (ui/sentiment_palette.h); lines: the exponentially decayed index of every line, in the price
// chart's series colours. Hover shows the day's mean, item count and decayed value. When there
// is nothing to show it paints an explanatory text instead (setEmptyText()).
// The x range and the plot's left and right edges follow a PriceChartView (follow()), so a day
// sits under the same day of the price chart; wheel, drag and double-click here ask that chart to
// zoom, pan and reset (rangeRequested / resetRequested). When zoomed out to less than a pixel
// per day, the bars of one pixel column are drawn as one (its largest and smallest mean).
// Caller's contract: GUI thread; setLines() copies the data.

#include "core/news/news_store.h"

#include <QColor>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <vector>

namespace marketlens::ui {

class PriceChartView;

class SentimentTimelineView : public QWidget {
    Q_OBJECT
public:
    struct Line {
        QString ticker;
        QColor color;
        std::vector<core::news::DailySentiment> days; // ascending dates
    };

    explicit SentimentTimelineView(QWidget* parent = nullptr);

    // Replaces the data; bars come from lines[0].
    void setLines(std::vector<Line> lines);
    const std::vector<Line>& lines() const { return m_lines; }
    // The text shown when no line has a day (e.g. "Score news on the News tab...").
    void setEmptyText(const QString& text);
    QString emptyText() const { return m_emptyText; }
    bool hasData() const;

    // x range in ms since the epoch (UTC).
    void setVisibleRange(qint64 fromMs, qint64 toMs);
    qint64 visibleFromMs() const { return m_from; }
    qint64 visibleToMs() const { return m_to; }
    // Follows `chart`: its visible range and the horizontal extent of its plot area.
    void follow(PriceChartView* chart);

    // Geometry (tests): the plot rectangle and the x of a time, in widget coordinates.
    QRectF plotRect() const;
    double xForMs(qint64 ms) const;
    // The hover text for the day at `ms` (empty when that day has no value).
    QString textAt(qint64 ms) const;
    // Bars drawn in the last paint (one per day or per pixel column).
    int drawnBarCount() const { return m_drawnBars; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void rangeRequested(qint64 fromMs, qint64 toMs);
    void resetRequested();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    double msAt(double x) const;
    double yScale() const; // half-height of the y range (symmetric around 0)
    void paintBars(QPainter& p, const QRectF& plot, double scale);
    void paintLines(QPainter& p, const QRectF& plot, double scale);
    void paintHover(QPainter& p, const QRectF& plot);

    std::vector<Line> m_lines;
    QString m_emptyText;
    qint64 m_from = 0, m_to = 86400000;
    QPointer<PriceChartView> m_chart;
    int m_hoverX = -1; // widget x of the cursor, -1 when outside
    int m_pressX = -1;
    qint64 m_pressFrom = 0, m_pressTo = 0;
    int m_drawnBars = 0;
};

} // namespace marketlens::ui
