#include "holdings_risk_model.h"

#include "risk_palette.h"

#include <QFont>
#include <QLocale>

#include <cmath>
#include <limits>

namespace marketlens::ui {

namespace {
QString percentText(double v, int decimals = 2)
{
    return std::isfinite(v) ? QLocale().toString(v * 100.0, 'f', decimals) + QStringLiteral(" %")
                            : QStringLiteral("–");
}

QString confidenceText(double p)
{
    // 0.95 -> "95", 0.975 -> "97.5" ("97,5" in German)
    return QLocale().toString(p * 100.0, 'g', 4);
}
} // namespace

HoldingsRiskModel::HoldingsRiskModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void HoldingsRiskModel::setTable(HoldingRiskTable table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

void HoldingsRiskModel::setLearnedTail(QHash<QString, LearnedTailRisk> scores)
{
    m_learned = std::move(scores);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, learnedTailColumn()),
            index(rowCount() - 1, learnedTailColumn()));
}

QVariant HoldingsRiskModel::learnedTailData(const HoldingRiskRow& row, int role) const
{
    const auto it = m_learned.constFind(row.ticker);
    const double p = it == m_learned.constEnd() ? std::numeric_limits<double>::quiet_NaN()
                                                : it->probability;
    switch (role) {
    case Qt::DisplayRole:
        return percentText(p, 1);
    case SortRole:
        return std::isfinite(p) ? p : -std::numeric_limits<double>::infinity();
    case RawValueRole:
        return std::isfinite(p) ? QVariant(p) : QVariant();
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (!std::isfinite(p))
            return tr("No learned tail-risk score for this holding: press Learn tail risk");
        return tr("Learned probability of a loss beyond the 95 % VaR within 5 trading days: %1\n"
                  "Historical rate of such losses for this holding: %2\n"
                  "Brier skill of the model over the base rate (test part): %3\n"
                  "As of %4")
            .arg(percentText(p, 1), percentText(it->baseRate, 1),
                std::isfinite(it->brierSkill) ? QLocale().toString(it->brierSkill, 'f', 3)
                                              : QStringLiteral("–"),
                it->asOf);
    default:
        return {};
    }
}

int HoldingsRiskModel::rowOf(const QString& ticker) const
{
    for (std::size_t i = 0; i < m_table.rows.size(); ++i) {
        if (m_table.rows[i].ticker == ticker)
            return int(i);
    }
    return -1;
}

int HoldingsRiskModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_table.rows.size());
}

int HoldingsRiskModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : componentShareColumn() + 1;
}

double HoldingsRiskModel::rawValue(const HoldingRiskRow& row, int column) const
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    if (column == weightColumn())
        return row.weight;
    if (column == volatilityColumn())
        return row.volatility;
    if (column >= varColumn(0) && column < maxDrawdownColumn()) {
        const auto k = std::size_t((column - varColumn(0)) / 2);
        const bool isVar = (column - varColumn(0)) % 2 == 0;
        const auto& v = isVar ? row.var : row.es;
        return k < v.size() ? v[k] : nan;
    }
    if (column == maxDrawdownColumn())
        return row.maxDrawdown;
    if (column == betaColumn())
        return row.beta;
    if (column == componentVarColumn())
        return row.componentVar;
    if (column == componentShareColumn())
        return row.componentShare;
    if (column == scoreColumn())
        return row.score;
    return nan;
}

QVariant HoldingsRiskModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const HoldingRiskRow& row = m_table.rows[std::size_t(index.row())];
    const int c = index.column();
    if (c == tickerColumn()) {
        if (role == Qt::DisplayRole || role == SortRole || role == RawValueRole)
            return row.ticker;
        if (role == Qt::ToolTipRole && !row.scoreExplanation.isEmpty())
            return row.scoreExplanation;
        return {};
    }
    if (c == learnedTailColumn())
        return learnedTailData(row, role);
    const double v = rawValue(row, c);
    switch (role) {
    case Qt::DisplayRole:
        if (c == betaColumn())
            return std::isfinite(v) ? QLocale().toString(v, 'f', 2) : QStringLiteral("–");
        if (c == scoreColumn())
            return std::isfinite(v) ? QLocale().toString(v, 'f', 0) : QStringLiteral("–");
        if (c == weightColumn() || c == componentShareColumn())
            return percentText(v, 1);
        return percentText(v);
    case SortRole:
        return std::isfinite(v) ? v : -std::numeric_limits<double>::infinity();
    case RawValueRole:
        return std::isfinite(v) ? QVariant(v) : QVariant();
    case Qt::TextAlignmentRole:
        return c == scoreColumn() ? int(Qt::AlignCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (c == scoreColumn() && std::isfinite(v))
            return risk::scoreColor(v);
        return {};
    case Qt::ForegroundRole:
        if (c == scoreColumn() && std::isfinite(v))
            return risk::readableTextColor(risk::scoreColor(v));
        return {};
    case Qt::FontRole:
        if (c == scoreColumn()) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        if (c == scoreColumn()) {
            if (!std::isfinite(v))
                return tr("No score for this holding");
            const QString zone = v > 70.0 ? tr("red") : v >= 40.0 ? tr("amber") : tr("green");
            return tr("Risk score %1 (%2 zone: green < 40, amber 40-70, red > 70)\n"
                      "Points per factor (rank among the holdings):\n%3")
                .arg(QLocale().toString(v, 'f', 0))
                .arg(zone, row.scoreExplanation);
        }
        if (c == componentVarColumn() && !std::isfinite(v))
            return tr("Component VaR is not available for the %1 method").arg(m_table.methodName);
        return {};
    default:
        return {};
    }
}

QVariant HoldingsRiskModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    const int vc = varColumn(0);
    const bool tailColumn = section >= vc && section < maxDrawdownColumn();
    const auto k = std::size_t(tailColumn ? (section - vc) / 2 : 0);
    const bool isVar = tailColumn && (section - vc) % 2 == 0;
    if (role == Qt::DisplayRole) {
        if (section == tickerColumn())
            return tr("Holding");
        if (section == weightColumn())
            return tr("Weight");
        if (section == volatilityColumn())
            return tr("Volatility");
        if (tailColumn) {
            const QString p = confidenceText(m_table.confidences[k]);
            return isVar ? tr("VaR\n%1 %").arg(p) : tr("ES\n%1 %").arg(p);
        }
        if (section == maxDrawdownColumn())
            return tr("Max\ndrawdown");
        if (section == betaColumn())
            return tr("Beta");
        if (section == componentVarColumn())
            return tr("Component\nVaR");
        if (section == componentShareColumn())
            return tr("VaR\nshare");
        if (section == scoreColumn())
            return tr("Risk\nscore");
        if (section == learnedTailColumn())
            return tr("Tail prob.\n(learned)");
        return {};
    }
    if (role == Qt::FontRole && tailColumn
        && std::abs(m_table.confidences[k] - m_table.selectedConfidence) < 1e-9) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::ToolTipRole) {
        if (section == weightColumn())
            return tr("Initial weight of the holding in the portfolio");
        if (section == volatilityColumn())
            return tr("Sample standard deviation of daily returns, annualised");
        if (tailColumn) {
            const QString p = confidenceText(m_table.confidences[k]);
            return isVar ? tr("Value at risk at %1 % confidence, %2 method, one day")
                               .arg(p, m_table.methodName)
                         : tr("Expected shortfall (mean loss beyond VaR) at %1 % confidence, %2 "
                              "method, one day")
                               .arg(p, m_table.methodName);
        }
        if (section == maxDrawdownColumn())
            return tr("Largest peak-to-trough fall over the period");
        if (section == betaColumn())
            return tr("Beta against the benchmark (OLS of daily returns)");
        if (section == componentVarColumn())
            return tr("Euler contribution to the portfolio VaR at the selected confidence; the "
                      "contributions sum to the portfolio figure");
        if (section == componentShareColumn())
            return tr("Component VaR as a share of the portfolio VaR");
        if (section == scoreColumn())
            return tr("0 (least risky) to 100 (most risky) among the holdings: weighted rank of "
                      "volatility, modified ES, drawdown, beta and VaR share (see docs/risk.md)");
        if (section == learnedTailColumn())
            return tr("Probability of a loss beyond the holding's 95 % VaR within 5 trading days, "
                      "from the newest learned tail-risk model of the portfolio (1D-CNN on "
                      "returns and volatility; see docs/risk.md)");
    }
    return {};
}

} // namespace marketlens::ui
