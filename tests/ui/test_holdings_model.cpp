// HoldingsModel: values, display text and numeric sorting through QSortFilterProxyModel.
#include "ui/holdings_model.h"
#include "ui/instruments_model.h"

#include <QLocale>
#include <QSortFilterProxyModel>
#include <QtTest>

#include <cmath>

using marketlens::core::Date;
using marketlens::core::Holding;
using marketlens::core::InstrumentInfo;
using marketlens::core::kMissing;
using marketlens::core::Portfolio;
using marketlens::ui::HoldingsModel;
using marketlens::ui::InstrumentsModel;

class TestHoldingsModel : public QObject {
    Q_OBJECT
private:
    static Holding holding(const char* ticker, std::optional<double> qty,
        std::optional<double> weight, std::optional<double> cost, const char* currency)
    {
        Holding h;
        h.ticker = ticker;
        h.quantity = qty;
        h.weight = weight;
        h.costBasis = cost;
        h.currency = currency;
        return h;
    }

    // AAA 10 x 9.5 = 95, BBB 2 x 120 = 240, CCC 100 x 1.5 = 150, DDD weight only, no price.
    static void fill(HoldingsModel& model)
    {
        Portfolio p;
        p.name = "Core";
        p.holdings = {holding("AAA", 10.0, {}, 5.0, "USD"), holding("BBB", 2.0, {}, 100.0, "USD"),
            holding("CCC", 100.0, {}, {}, "EUR"), holding("DDD", {}, 0.25, {}, "USD")};
        model.setPortfolio(p, {9.5, 120.0, 1.5, kMissing});
    }

    static QStringList column(const QAbstractItemModel& m, int col)
    {
        QStringList out;
        for (int r = 0; r < m.rowCount(); ++r)
            out << m.index(r, col).data().toString();
        return out;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void valuesAndRoles()
    {
        HoldingsModel model;
        fill(model);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(HoldingsModel::ColumnCount));
        QCOMPARE(model.portfolioName(), QStringLiteral("Core"));
        QCOMPARE(model.marketValue(0), 95.0);
        QCOMPARE(model.marketValue(1), 240.0);
        QCOMPARE(model.marketValue(2), 150.0);
        QVERIFY(std::isnan(model.marketValue(3)));
        QCOMPARE(model.totalMarketValue(), 485.0);

        const QLocale locale;
        auto idx = [&](int r, int c) { return model.index(r, c); };
        QCOMPARE(idx(0, HoldingsModel::Ticker).data().toString(), QStringLiteral("AAA"));
        QCOMPARE(idx(0, HoldingsModel::Quantity).data().toString(), QStringLiteral("10"));
        QCOMPARE(idx(0, HoldingsModel::CostBasis).data().toString(), locale.toString(5.0, 'f', 2));
        QCOMPARE(idx(2, HoldingsModel::Currency).data().toString(), QStringLiteral("EUR"));
        QCOMPARE(
            idx(1, HoldingsModel::LastClose).data().toString(), locale.toString(120.0, 'f', 2));
        QCOMPARE(
            idx(1, HoldingsModel::MarketValue).data().toString(), locale.toString(240.0, 'f', 2));
        // Weight from market value for quantity holdings, stored weight otherwise.
        QCOMPARE(
            idx(1, HoldingsModel::Weight).data(HoldingsModel::SortRole).toDouble(), 240.0 / 485.0);
        QCOMPARE(idx(1, HoldingsModel::Weight).data().toString(),
            locale.toString(240.0 / 485.0 * 100.0, 'f', 2) + QStringLiteral(" %"));
        QCOMPARE(idx(3, HoldingsModel::Weight).data(HoldingsModel::SortRole).toDouble(), 0.25);
        // Missing values: empty text, -inf sort key.
        QCOMPARE(idx(3, HoldingsModel::MarketValue).data().toString(), QString());
        QVERIFY(std::isinf(
            idx(3, HoldingsModel::MarketValue).data(HoldingsModel::SortRole).toDouble()));
        QCOMPARE(idx(0, HoldingsModel::MarketValue).data(HoldingsModel::SortRole).toDouble(), 95.0);
        QCOMPARE(model.headerData(HoldingsModel::MarketValue, Qt::Horizontal).toString(),
            QStringLiteral("Market value"));
    }

    void sortsNumerically()
    {
        HoldingsModel model;
        fill(model);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(HoldingsModel::SortRole);

        // As text "10" < "100" < "2"; numerically 2 < 10 < 100 (missing first).
        proxy.sort(HoldingsModel::Quantity, Qt::AscendingOrder);
        QCOMPARE(column(proxy, HoldingsModel::Ticker), QStringList({"DDD", "BBB", "AAA", "CCC"}));
        // As text "150.00" < "240.00" < "95.00"; numerically 95 < 150 < 240.
        proxy.sort(HoldingsModel::MarketValue, Qt::AscendingOrder);
        QCOMPARE(column(proxy, HoldingsModel::Ticker), QStringList({"DDD", "AAA", "CCC", "BBB"}));
        proxy.sort(HoldingsModel::MarketValue, Qt::DescendingOrder);
        QCOMPARE(column(proxy, HoldingsModel::Ticker), QStringList({"BBB", "CCC", "AAA", "DDD"}));
        proxy.sort(HoldingsModel::LastClose, Qt::DescendingOrder);
        QCOMPARE(column(proxy, HoldingsModel::Ticker), QStringList({"BBB", "AAA", "CCC", "DDD"}));
        proxy.sort(HoldingsModel::Ticker, Qt::DescendingOrder);
        QCOMPARE(column(proxy, HoldingsModel::Ticker), QStringList({"DDD", "CCC", "BBB", "AAA"}));
    }

    void instrumentsModel()
    {
        InstrumentsModel model;
        InstrumentInfo a;
        a.ticker = "ZED";
        a.priceCount = 9;
        a.firstDate = Date::fromIso("2020-01-02");
        a.lastDate = Date::fromIso("2020-01-14");
        InstrumentInfo b;
        b.ticker = "ABC";
        b.priceCount = 10;
        b.firstDate = Date::fromIso("2019-05-01");
        b.lastDate = Date::fromIso("2021-01-01");
        model.setInstruments({a, b});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf("ABC"), 1);
        QCOMPARE(model.index(0, InstrumentsModel::FirstDate).data().toString(),
            QStringLiteral("2020-01-02"));
        QCOMPARE(
            model.index(1, InstrumentsModel::Rows).data(InstrumentsModel::SortRole).toLongLong(),
            10);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(InstrumentsModel::SortRole);
        // Rows 9 < 10 numerically ("10" < "9" as text).
        proxy.sort(InstrumentsModel::Rows, Qt::AscendingOrder);
        QCOMPARE(column(proxy, InstrumentsModel::Ticker), QStringList({"ZED", "ABC"}));
        proxy.sort(InstrumentsModel::LastDate, Qt::DescendingOrder);
        QCOMPARE(column(proxy, InstrumentsModel::Ticker), QStringList({"ABC", "ZED"}));
    }
};

QTEST_MAIN(TestHoldingsModel)
#include "test_holdings_model.moc"
