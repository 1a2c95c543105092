#pragma once
// HoldingsRiskModel: one row per holding of a risk run with its risk score and measures: ticker,
// score 0-100, weight, annualised volatility, VaR and ES at each confidence (for one method),
// maximum drawdown, beta, component VaR and its share of the portfolio VaR.
// Roles: DisplayRole is formatted text ("2.31 %"), SortRole the raw number (missing values sort
// first), RawValueRole the raw number or an invalid QVariant when missing (CSV export); the score
// cell has its diverging-scale colour as BackgroundRole, a readable ForegroundRole and the
// factor contributions as ToolTipRole. Beside the score, the learned tail-risk probability
// (models/tail_risk.h) of the newest stored model for the portfolio, kept across setTable calls
// (setLearnedTail; "–" for a holding without one). Plain data in, GUI thread only.

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

#include <limits>

#include <vector>

namespace marketlens::ui {

struct HoldingRiskRow {
    QString ticker;
    double weight = 0.0; // fraction
    double volatility = 0.0; // annualised fraction
    std::vector<double> var, es; // one per HoldingRiskTable::confidences, sign of the run
    double maxDrawdown = 0.0; // positive fraction
    double beta = 0.0; // NaN: no benchmark
    double componentVar = 0.0; // NaN: not available for the method
    double componentShare = 0.0; // fraction of the portfolio VaR
    double score = 0.0; // 0..100, NaN: none
    QString scoreExplanation; // one line per factor ("volatility 25 pts (rank 100 %)")
};

struct HoldingRiskTable {
    std::vector<double> confidences; // e.g. 0.95, 0.99
    QString methodName; // "historical", shown in the headers' tooltips
    double selectedConfidence = 0.0; // its columns are marked in the header
    std::vector<HoldingRiskRow> rows;
};

// One holding's learned tail-risk score: P(loss beyond its 95 % VaR within 5 trading days).
struct LearnedTailRisk {
    double probability = std::numeric_limits<double>::quiet_NaN();
    double baseRate = std::numeric_limits<double>::quiet_NaN(); // the holding's historical rate
    double brierSkill = std::numeric_limits<double>::quiet_NaN(); // of the model, test part
    QString asOf; // display date (locale_format.h) of the window the probability is from
};

class HoldingsRiskModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int RawValueRole = Qt::UserRole + 2;

    explicit HoldingsRiskModel(QObject* parent = nullptr);

    void setTable(HoldingRiskTable table);
    const HoldingRiskTable& table() const { return m_table; }
    // Learned scores by ticker (empty: none stored); replaces the previous ones.
    void setLearnedTail(QHash<QString, LearnedTailRisk> scores);
    const QHash<QString, LearnedTailRisk>& learnedTail() const { return m_learned; }

    // Column layout: ticker, score and learned tail probability first (visible when the table
    // scrolls sideways), then fixed columns around 2 per confidence.
    int tickerColumn() const { return 0; }
    int scoreColumn() const { return 1; }
    int learnedTailColumn() const { return 2; }
    int weightColumn() const { return 3; }
    int volatilityColumn() const { return 4; }
    int varColumn(int confidenceIndex) const { return 5 + 2 * confidenceIndex; }
    int esColumn(int confidenceIndex) const { return 6 + 2 * confidenceIndex; }
    int maxDrawdownColumn() const { return 5 + 2 * confidenceCount(); }
    int betaColumn() const { return maxDrawdownColumn() + 1; }
    int componentVarColumn() const { return maxDrawdownColumn() + 2; }
    int componentShareColumn() const { return maxDrawdownColumn() + 3; }
    int rowOf(const QString& ticker) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    int confidenceCount() const { return int(m_table.confidences.size()); }
    double rawValue(const HoldingRiskRow& row, int column) const;

    QVariant learnedTailData(const HoldingRiskRow& row, int role) const;

    HoldingRiskTable m_table;
    QHash<QString, LearnedTailRisk> m_learned;
};

} // namespace marketlens::ui
