#pragma once
// CorrelationHeatmap: a painted k x k matrix of correlations on the diverging scale
// (risk_palette.h: -1 low end, 0 middle, +1 high end), ticker labels on the left and top, the value
// printed in each cell when the cell is large enough, a tooltip with the pair and value on hover,
// and a colour legend. highlightTicker() outlines that ticker's row and column (the holding
// selected in the table). Caller's contract: GUI thread; `matrix` is row-major k x k.

#include <QStringList>
#include <QWidget>

#include <vector>

namespace marketlens::ui {

class CorrelationHeatmap : public QWidget {
    Q_OBJECT
public:
    explicit CorrelationHeatmap(QWidget* parent = nullptr);

    void setData(const QStringList& tickers, std::vector<double> matrix);
    void clear();
    void highlightTicker(const QString& ticker);

    QStringList tickers() const { return m_tickers; }
    QString highlightedTicker() const;
    double value(int row, int column) const;
    // Fill colour of a cell (tests) and the cell under a widget position (-1, -1 outside).
    QColor cellColor(int row, int column) const;
    QPoint cellAt(QPoint pos) const;
    QRect cellRect(int row, int column) const;
    QImage toImage();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void tickerClicked(const QString& ticker);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void layoutCells();

    QStringList m_tickers;
    std::vector<double> m_matrix;
    int m_highlight = -1;
    QRect m_grid; // the cells' area
    double m_cell = 0.0;
    int m_labelWidth = 0;
};

} // namespace marketlens::ui
