#include "scores_table.h"

#include <QHeaderView>
#include <QLocale>

#include <cmath>
#include <limits>

namespace marketlens::ui {

namespace {
enum Column { Name, Mae, Rmse, Mape, Smape, Mase, Direction, Cov80, Cov95, Count };

QString number(double v, int decimals, const QString& suffix = {})
{
    if (!std::isfinite(v))
        return QStringLiteral("—");
    return QLocale().toString(v, 'f', decimals) + suffix;
}
} // namespace

ScoresTable::ScoresTable(QWidget* parent)
    : QTableWidget(parent)
{
    setColumnCount(Count);
    setHorizontalHeaderLabels({tr("Forecaster"), tr("MAE"), tr("RMSE"), tr("MAPE"), tr("sMAPE"),
        tr("MASE"), tr("Direction"), tr("80 % cover"), tr("95 % cover")});
    horizontalHeaderItem(Direction)->setToolTip(
        tr("Share of forecasts that moved in the direction the price moved"));
    horizontalHeaderItem(Cov80)->setToolTip(
        tr("Share of actual prices inside the 80 % interval (ideal: 80 %)"));
    horizontalHeaderItem(Cov95)->setToolTip(
        tr("Share of actual prices inside the 95 % interval (ideal: 95 %)"));
    horizontalHeaderItem(Mase)->setToolTip(
        tr("MAE divided by the mean one-day price change of the training part"));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAlternatingRowColors(true);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(false);
    setWordWrap(false);
}

QString ScoresTable::baselineTitle(const std::string& name)
{
    if (name == "naive")
        return tr("Naive");
    if (name == "drift")
        return tr("Drift");
    if (name == "seasonal_naive")
        return tr("Seasonal naive");
    if (name == "moving_average")
        return tr("Moving average");
    if (name == "linear_ar")
        return tr("Linear AR");
    return QString::fromStdString(name);
}

void ScoresTable::clearScores()
{
    setRowCount(0);
}

void ScoresTable::setScores(
    const std::vector<models::ScoredForecaster>& scores, const QString& modelTitle)
{
    setRowCount(int(scores.size()));
    double bestMae = std::numeric_limits<double>::infinity();
    double bestMase = bestMae;
    for (const auto& s : scores) {
        if (std::isfinite(s.errors.mae))
            bestMae = std::min(bestMae, s.errors.mae);
        if (std::isfinite(s.errors.mase))
            bestMase = std::min(bestMase, s.errors.mase);
    }
    int row = 0;
    for (const auto& s : scores) {
        const auto& e = s.errors;
        const QString name = s.isModel ? tr("%1 (model)").arg(modelTitle) : baselineTitle(s.name);
        const QString cells[Count] = {name, number(e.mae, 3), number(e.rmse, 3),
            number(e.mape, 2, QStringLiteral(" %")), number(e.smape, 2, QStringLiteral(" %")),
            number(e.mase, 3), number(e.directional * 100.0, 1, QStringLiteral(" %")),
            number(e.coverage80 * 100.0, 1, QStringLiteral(" %")),
            number(e.coverage95 * 100.0, 1, QStringLiteral(" %"))};
        for (int c = 0; c < Count; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c != Name)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            QFont f = item->font();
            f.setBold(
                s.isModel || (c == Mae && e.mae == bestMae) || (c == Mase && e.mase == bestMase));
            item->setFont(f);
            if ((c == Mae && e.mae == bestMae) || (c == Mase && e.mase == bestMase))
                item->setToolTip(tr("Lowest of all forecasters"));
            setItem(row, c, item);
        }
        ++row;
    }
}

} // namespace marketlens::ui
