// SignalsView: showing a result (charts, metrics next to baselines, backtest, confusion matrix,
// importance, explanations) and the stored signal models of the ticker.
#include "signals_view.h"

#include "signal_waterfall_view.h"
#include "signals_charts.h"

#include "ui/locale_format.h"
#include "ui/project_controller.h"
#include "ui/risk/risk_palette.h"
#include "ui/signals/signals_stored.h"

#include <QComboBox>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>

#include <algorithm>
#include <cmath>

namespace marketlens::ui {

namespace cs = core::signals;
namespace ms = models::signals;

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QString number(double v, int decimals = 3)
{
    return std::isfinite(v) ? QLocale().toString(v, 'f', decimals) : QStringLiteral("—");
}

QString percent(double v, int decimals = 1)
{
    if (!std::isfinite(v))
        return QStringLiteral("—");
    double x = v * 100.0;
    if (std::abs(x) < 0.5 * std::pow(10.0, -decimals))
        x = 0.0; // no "-0.0 %"
    return QLocale().toString(x, 'f', decimals) + QStringLiteral(" %");
}

QTableWidgetItem* cell(const QString& text, bool bold = false)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (bold) {
        QFont f = item->font();
        f.setBold(true);
        item->setFont(f);
    }
    return item;
}

} // namespace

void SignalsView::clearResults(const QString& message)
{
    m_result.reset();
    m_explanations.clear();
    m_wantedExplanation.reset();
    m_priceChart->clear(message);
    m_equityChart->clear(tr("The backtest's equity curve against buy-and-hold appears here"));
    m_waterfall->clear(
        tr("Click a buy or sell marker on the chart to see why the model gave that signal"));
    m_verdict->clear();
    m_verdict->setStyleSheet(QString());
    for (QTableWidget* t : {m_metrics, m_backtest, m_confusion}) {
        t->clear();
        t->setRowCount(0);
        t->setColumnCount(0);
    }
    m_importance->clear(tr("Permutation importance appears here after a run"));
    m_attribution->clear(tr("Mean |SHAP| (trees) or |integrated gradients| (MLP) appear here"));
}

void SignalsView::addExplanation(const ms::SignalExplanation& e)
{
    m_explanations[e.point.date] = e;
}

bool SignalsView::showExplanation(core::Date date)
{
    if (!m_result)
        return false;
    const int classes = m_result->dataset ? m_result->dataset->label.classes
                                          : m_result->model.evaluation.metrics.model.classes;
    m_priceChart->setSelectedDate(date);
    m_wantedExplanation = date;
    if (const auto it = m_explanations.find(date); it != m_explanations.end()) {
        m_waterfall->setExplanation(it->second, classes);
        Q_EMIT explanationShown(date);
        return true;
    }
    if (m_controller->explain(date) < 0) {
        m_waterfall->clear(tr("No explanation is available for %1.").arg(displayDate(date)));
        return false;
    }
    m_waterfall->clear(tr("Explaining the signal of %1…").arg(displayDate(date)));
    return true;
}

void SignalsView::showResult(std::shared_ptr<const SignalRunResult> result)
{
    if (!result)
        return;
    clearResults(QString());
    m_result = std::move(result);
    const SignalRunResult& r = *m_result;
    const auto& record = r.model.record;
    const cs::SignalDataset* data = r.dataset.get();
    const int classes
        = data ? data->label.classes : std::max(2, r.model.evaluation.metrics.model.classes);
    const bool shortMode = r.longShort;

    // Prices: the dataset's, or (hand-made results) the project's.
    std::vector<core::Date> dates;
    std::vector<double> prices;
    if (data) {
        dates = data->dates;
        prices = data->prices;
    } else if (auto series = m_project->prices(qs(record.ticker))) {
        for (std::size_t i = 0; i < series->size(); ++i) {
            dates.push_back(series->dates[i]);
            prices.push_back(series->valueAt(i));
        }
    }
    std::vector<SignalMarker> markers = signalMarkers(r.points, dates, prices, classes, shortMode);
    std::optional<SignalMarker> latest;
    if (!dates.empty()) {
        const auto it = std::lower_bound(dates.begin(), dates.end(), r.model.latest.date);
        if (it != dates.end() && *it == r.model.latest.date) {
            const double pos = r.model.latest.predicted == classes - 1 ? 1.0
                : (shortMode && r.model.latest.predicted == 0)         ? -1.0
                                                                       : 0.0;
            latest = SignalMarker {
                r.model.latest.date, prices[std::size_t(it - dates.begin())], pos > 0, pos};
        }
    }
    const QString kind
        = record.kind.rfind("signal_", 0) == 0 ? qs(record.kind.substr(7)) : qs(record.kind);
    const auto parsedKind = ms::kindFromKey(kind.toStdString());
    const QString kindTitle = parsedKind ? SignalsController::kindTitle(*parsedKind) : kind;
    const QString latestText = latest
        ? tr(" · latest (%1): %2")
              .arg(displayDate(latest->date), signalClassName(r.model.latest.predicted, classes))
        : QString();
    m_priceChart->setData(tr("%1 · %2 · %3 d ahead%4")
                              .arg(qs(record.ticker), kindTitle)
                              .arg(record.horizon)
                              .arg(latestText),
        dates, prices, std::move(markers), latest);

    const auto& bt = r.model.evaluation.backtest;
    if (!bt.dates.empty())
        m_equityChart->setData(
            bt.dates, bt.strategy.equity, bt.buyAndHold.equity, tr("Signal (%1)").arg(kindTitle));
    else
        m_equityChart->clear(r.fromStore
                ? tr("A stored model keeps its backtest's statistics (Metrics tab), not its "
                     "equity curve: run it again to see the curve")
                : tr("No backtest"));

    showMetrics(r);
    showImportance(r);
    if (r.latestExplanation) {
        addExplanation(*r.latestExplanation);
        showExplanation(r.latestExplanation->point.date);
    } else if (!r.explainError.isEmpty()) {
        m_waterfall->clear(tr("No explanation of the latest signal: %1").arg(r.explainError));
    }
    setStatus(r.fromStore
            ? tr("Stored model “%1”: signals after its training period.").arg(qs(record.name))
            : tr("“%1”: %2 test days, %3 signal changes; %4")
                  .arg(qs(record.name))
                  .arg(QLocale().toString(qlonglong(r.points.size())))
                  .arg(QLocale().toString(qlonglong(m_priceChart->markers().size())))
                  .arg(r.stored ? tr("stored in the project.") : tr("not stored.")));
    Q_EMIT resultShown();
}

void SignalsView::showMetrics(const SignalRunResult& r)
{
    const cs::MetricsComparison& c = r.model.evaluation.metrics;
    QString backtestVerdict;
    const bool haveBacktest = std::isfinite(r.model.evaluation.backtest.strategy.totalReturn);
    const bool haveMetrics = c.model.count > 0 || std::isfinite(c.model.accuracy);

    // Verdict: said plainly in the interface language with the numbers (the pipeline's English
    // sentence is the CLI's), and marked when the model is no better than its baselines.
    QString text;
    if (haveMetrics) {
        const QString scores
            = tr("accuracy %1 against majority %2 and always up %3")
                  .arg(number(c.model.accuracy), number(c.majority.accuracy),
                      number(c.alwaysUp.accuracy));
        const QString p = std::isfinite(c.pValue)
            ? tr(", p = %1").arg(QLocale().toString(c.pValue, 'f', 3))
            : QString();
        const bool aboveBoth = c.model.accuracy > c.majority.accuracy
            && c.model.accuracy > c.alwaysUp.accuracy;
        if (c.beatsBaselines)
            text = tr("Better than both baselines: %1%2.").arg(scores, p);
        else if (aboveBoth && std::isfinite(c.pValue) && c.pValue >= cs::kSignificance)
            text = tr("Not better than the baselines: not significantly (%1%2); treat it as no "
                      "edge.")
                       .arg(scores, p);
        else
            text = tr("Not better than the baselines: %1, ROC AUC %2.")
                       .arg(scores, number(c.model.rocAuc));
    } else {
        text = qs(c.verdict);
    }
    if (haveBacktest) {
        const auto& bt = r.model.evaluation.backtest;
        const QString numbers = tr("total return %1 against %2, Sharpe %3 against %4")
                                    .arg(percent(bt.strategy.totalReturn),
                                        percent(bt.buyAndHold.totalReturn),
                                        number(bt.strategy.sharpe, 2),
                                        number(bt.buyAndHold.sharpe, 2));
        backtestVerdict = bt.beatsBuyAndHold
            ? tr("After costs the signal beats buy-and-hold (%1).").arg(numbers)
            : tr("After costs the signal does not beat buy-and-hold (%1).").arg(numbers);
        text += QLatin1Char('\n') + backtestVerdict;
    }
    m_verdict->setText(text);
    const bool warn = haveMetrics && !c.beatsBaselines;
    m_verdict->setStyleSheet(warn
            ? QStringLiteral("QLabel { background: %1; color: #1A1A1A; padding: 4px 6px; "
                             "border-left: 4px solid %2; }")
                  .arg(risk::kScaleMid.name(), risk::kScaleHigh.name())
            : QStringLiteral("QLabel { padding: 4px 6px; border-left: 4px solid %1; }")
                  .arg(risk::kScaleLow.name()));

    // Model next to the baselines.
    if (haveMetrics) {
        const cs::ClassificationMetrics* cols[] = {&c.model, &c.majority, &c.alwaysUp};
        m_metrics->setColumnCount(3);
        const QString modelName = c.model.name.empty() ? tr("Model") : qs(c.model.name);
        m_metrics->setHorizontalHeaderLabels({modelName, tr("Majority"), tr("Always up")});
        const QStringList rows {tr("Accuracy"), tr("Precision"), tr("Recall"), tr("F1"),
            tr("ROC AUC"), tr("Test days")};
        m_metrics->setRowCount(int(rows.size()));
        m_metrics->setVerticalHeaderLabels(rows);
        for (int col = 0; col < 3; ++col) {
            const auto& m = *cols[col];
            const double values[] = {m.accuracy, m.precision, m.recall, m.f1, m.rocAuc};
            for (int row = 0; row < 5; ++row) {
                // The model's value in bold where it is above both baselines'.
                const double mine = values[row];
                bool best = false;
                if (col == 0) {
                    const double b1[] = {c.majority.accuracy, c.majority.precision,
                        c.majority.recall, c.majority.f1, c.majority.rocAuc};
                    const double b2[] = {c.alwaysUp.accuracy, c.alwaysUp.precision,
                        c.alwaysUp.recall, c.alwaysUp.f1, c.alwaysUp.rocAuc};
                    best = std::isfinite(mine) && !(mine <= b1[row]) && !(mine <= b2[row]);
                }
                m_metrics->setItem(row, col, cell(number(mine), best));
            }
            m_metrics->setItem(5, col,
                cell(m.count > 0 ? QLocale().toString(qulonglong(m.count)) : QStringLiteral("—")));
        }
        m_metrics->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    }

    // Backtest next to buy-and-hold.
    if (haveBacktest) {
        const auto& bt = r.model.evaluation.backtest;
        m_backtest->setColumnCount(2);
        m_backtest->setHorizontalHeaderLabels({tr("Signal"), tr("Buy and hold")});
        const QStringList rows {tr("Total return"), tr("Annual return"), tr("Volatility"),
            tr("Sharpe"), tr("Max drawdown"), tr("Turnover / year"), tr("Hit rate"), tr("Exposure"),
            tr("Trades"), tr("Costs paid")};
        m_backtest->setRowCount(int(rows.size()));
        m_backtest->setVerticalHeaderLabels(rows);
        const cs::StrategyStats* cols[] = {&bt.strategy, &bt.buyAndHold};
        for (int col = 0; col < 2; ++col) {
            const auto& s = *cols[col];
            const QString values[] = {percent(s.totalReturn), percent(s.annualReturn),
                percent(s.annualVolatility), number(s.sharpe, 2), percent(s.maxDrawdown),
                number(s.turnover, 1), percent(s.hitRate), percent(s.exposure),
                QLocale().toString(qlonglong(s.trades)), percent(s.costsPaid, 2)};
            for (int row = 0; row < int(rows.size()); ++row)
                m_backtest->setItem(row, col, cell(values[row]));
        }
        m_backtest->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    }
    if (haveMetrics && !c.model.confusion.empty())
        showConfusion(c.model);
    m_bottomTabs->setCurrentIndex(0);
}

void SignalsView::showConfusion(const cs::ClassificationMetrics& m)
{
    const int k = int(m.confusion.size());
    QStringList names;
    for (int i = 0; i < k; ++i)
        names << signalClassName(i, k);
    m_confusion->setColumnCount(k);
    m_confusion->setRowCount(k);
    QStringList predicted, truth;
    for (const QString& n : names) {
        predicted << tr("→ %1").arg(n);
        truth << tr("%1 (true)").arg(n);
    }
    m_confusion->setHorizontalHeaderLabels(predicted);
    m_confusion->setVerticalHeaderLabels(truth);
    long most = 1;
    for (const auto& row : m.confusion)
        for (long v : row)
            most = std::max(most, v);
    // A light-to-dark shade of the series blue by count (a heat map readable in both themes:
    // the text colour follows the cell's background).
    const QColor base = seriesColor(0);
    for (int i = 0; i < k; ++i) {
        long rowTotal = 0;
        for (long v : m.confusion[std::size_t(i)])
            rowTotal += v;
        for (int j = 0; j < k && j < int(m.confusion[std::size_t(i)].size()); ++j) {
            const long v = m.confusion[std::size_t(i)][std::size_t(j)];
            auto* item = cell(QLocale().toString(qlonglong(v)), i == j);
            item->setTextAlignment(Qt::AlignCenter);
            const double t = 0.12 + 0.78 * double(v) / double(most);
            const QColor bg(int(255 + (base.red() - 255) * t), int(255 + (base.green() - 255) * t),
                int(255 + (base.blue() - 255) * t));
            item->setBackground(bg);
            item->setForeground(risk::readableTextColor(bg));
            item->setToolTip(tr("True %1, predicted %2: %3 days (%4 of the true %1 days)")
                                 .arg(names[i], names[j], QLocale().toString(qlonglong(v)),
                                     percent(rowTotal > 0 ? double(v) / double(rowTotal) : NAN)));
            m_confusion->setItem(i, j, item);
        }
    }
    m_confusion->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
}

void SignalsView::showImportance(const SignalRunResult& r)
{
    const auto& imp = r.model.evaluation.importance;
    if (imp.empty()) {
        m_importance->clear(r.fromStore ? tr("Importance is computed when a model is run")
                                        : tr("No importance was computed"));
        m_attribution->clear(QString());
        return;
    }
    std::vector<QString> names;
    std::vector<double> values, errors;
    for (const auto& f : imp) {
        names.push_back(qs(f.feature));
        values.push_back(f.permutation);
        errors.push_back(f.permutationStd);
    }
    m_importance->setData(tr("Permutation importance"), tr("Drop in test accuracy"), names, values,
        errors, seriesColor(0));
    // Mean |attribution|, largest first, where the model has one.
    std::vector<const ms::FeatureImportance*> attributed;
    for (const auto& f : imp) {
        if (f.meanAbsAttribution >= 0)
            attributed.push_back(&f);
    }
    if (attributed.empty()) {
        m_attribution->clear(tr("This model has no per-prediction attributions of its own; "
                                "permutation importance applies to every model"));
        return;
    }
    std::stable_sort(attributed.begin(), attributed.end(),
        [](const auto* a, const auto* b) { return a->meanAbsAttribution > b->meanAbsAttribution; });
    names.clear();
    values.clear();
    for (const auto* f : attributed) {
        names.push_back(qs(f->feature));
        values.push_back(f->meanAbsAttribution);
    }
    const QString method = qs(r.model.evaluation.attributionMethod);
    m_attribution->setData(method.contains(QLatin1String("SHAP"), Qt::CaseInsensitive)
            ? tr("Mean |SHAP| (%1)").arg(method)
            : tr("Mean |attribution| (%1)").arg(method.isEmpty() ? tr("model") : method),
        tr("Mean |contribution|"), names, values, {}, seriesColor(1));
}

void SignalsView::reloadStored()
{
    m_stored->setRowCount(0);
    m_storedDetails->clear();
    if (!m_project->isOpen() || m_project->isBusy() || m_tickerBox->currentText().isEmpty()) {
        updateActions();
        return;
    }
    auto list = SignalsController::storedModels(m_project->path(), m_tickerBox->currentText());
    if (!list) {
        m_storedDetails->setText(
            tr("The stored models could not be read: %1").arg(qs(list.error().toString())));
        updateActions();
        return;
    }
    m_stored->setRowCount(int(list->size()));
    for (int i = 0; i < int(list->size()); ++i) {
        const auto& rec = (*list)[std::size_t(i)];
        const StoredSignalSummary m = parseStoredSignalMetrics(rec.metricsJson);
        auto* name = new QTableWidgetItem(qs(rec.name));
        name->setData(Qt::UserRole, qlonglong(rec.id));
        name->setData(Qt::UserRole + 1, qs(rec.metricsJson));
        name->setToolTip(qs(m.evaluation.metrics.verdict));
        m_stored->setItem(i, 0, name);
        const QString key
            = rec.kind.rfind("signal_", 0) == 0 ? qs(rec.kind.substr(7)) : qs(rec.kind);
        const auto kind = ms::kindFromKey(key.toStdString());
        m_stored->setItem(i, 1, new QTableWidgetItem(kind ? SignalsController::kindTitle(*kind) : key));
        m_stored->setItem(i, 2, cell(tr("%n d", "", rec.horizon)));
        const QDateTime created = QDateTime::fromString(qs(rec.createdUtc), Qt::ISODate);
        m_stored->setItem(i, 3,
            new QTableWidgetItem(
                created.isValid() ? displayDateTime(created.toLocalTime()) : qs(rec.createdUtc)));
        m_stored->setItem(i, 4,
            cell(m.hasMetrics ? number(m.evaluation.metrics.model.accuracy) : QStringLiteral("—")));
        m_stored->setItem(i, 5,
            new QTableWidgetItem(!m.hasMetrics            ? QStringLiteral("—")
                    : m.evaluation.metrics.beatsBaselines ? tr("yes")
                                                          : tr("no")));
    }
    m_stored->resizeColumnsToContents();
    m_stored->horizontalHeader()->setStretchLastSection(true);
    updateActions();
}

void SignalsView::showStoredDetails()
{
    updateActions();
    const auto rows = m_stored->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_storedDetails->clear();
        return;
    }
    const QTableWidgetItem* item = m_stored->item(rows.first().row(), 0);
    const StoredSignalSummary m
        = parseStoredSignalMetrics(item->data(Qt::UserRole + 1).toString().toStdString());
    QString text = QStringLiteral("<b>%1</b><br>").arg(item->text().toHtmlEscaped());
    const auto& c = m.evaluation.metrics;
    if (m.hasMetrics) {
        const auto line = [](const QString& name, const cs::ClassificationMetrics& x) {
            return tr("%1: accuracy %2, F1 %3, AUC %4<br>")
                .arg(name.toHtmlEscaped(), number(x.accuracy), number(x.f1), number(x.rocAuc));
        };
        text += line(tr("Model"), c.model) + line(tr("Majority"), c.majority)
            + line(tr("Always up"), c.alwaysUp);
        text += qs(c.verdict).toHtmlEscaped() + QStringLiteral("<br>");
    }
    if (m.hasBacktest) {
        const auto& b = m.evaluation.backtest;
        text += tr("Backtest: total return %1 (buy and hold %2), Sharpe %3 (%4)<br>")
                    .arg(percent(b.strategy.totalReturn), percent(b.buyAndHold.totalReturn),
                        number(b.strategy.sharpe, 2), number(b.buyAndHold.sharpe, 2));
    }
    if (m.testFirst && m.testLast)
        text += tr("Test period %1 – %2").arg(displayDate(*m.testFirst), displayDate(*m.testLast));
    m_storedDetails->setText(text);
}

} // namespace marketlens::ui
