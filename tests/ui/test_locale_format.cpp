// Numbers shown in the UI follow QLocale() (the language's decimal point and grouping) while the
// exports stay locale-independent: with German as the default locale the holdings table shows
// "1.234,56" and the risk table "12,34 %", yet the table CSV writes "1234.56" and the risk CSV
// "0.1234"; with English the same cells read "1,234.56" and "12.34 %".
// Dates likewise: 2 January 2024 reads "02.01.2024" (German), "1/2/2024" (US English) and
// "2024/1/2" (Chinese) in the instruments table, the models table and a price chart's day axis,
// always with four year digits, while the CSV of the same table writes "2024-01-02"; the C locale
// (no language chosen) keeps ISO.
#include "core/date.h"
#include "ui/forecast/models_model.h"
#include "ui/holdings_model.h"
#include "ui/instruments_model.h"
#include "ui/locale_format.h"
#include "ui/price_chart_view.h"
#include "ui/risk/holdings_risk_model.h"
#include "ui/risk/risk_csv.h"
#include "ui/table_export.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QLocale>
#include <QRegularExpression>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace marketlens;
using namespace marketlens::ui;

namespace {
// One holding of 2 units bought at 1,000.50, last close 1,234.56: market value 2,469.12 (2 x
// 1234.56 is exact in binary, so the CSV's shortest form is exactly "2469.12").
void fillHoldings(HoldingsModel& model)
{
    core::Portfolio p;
    p.name = "Growth";
    core::Holding h;
    h.ticker = "AAA";
    h.quantity = 2.0;
    h.costBasis = 1000.5;
    h.currency = "USD";
    p.holdings.push_back(h);
    model.setPortfolio(p, {1234.56});
}

HoldingRiskTable riskTable()
{
    HoldingRiskRow r;
    r.ticker = QStringLiteral("AAA");
    r.weight = 0.5;
    r.volatility = 0.1234;
    r.var = {-0.012345};
    r.es = {-0.02};
    r.maxDrawdown = 0.25;
    r.beta = 1.25;
    r.componentVar = std::numeric_limits<double>::quiet_NaN();
    r.componentShare = 0.5;
    r.score = 62.0;
    HoldingRiskTable t;
    t.confidences = {0.975};
    t.methodName = QStringLiteral("historical");
    t.selectedConfidence = 0.975;
    t.rows = {r};
    return t;
}

core::InstrumentInfo instrumentOf2024()
{
    core::InstrumentInfo info;
    info.ticker = "AAA";
    info.priceCount = 20;
    info.firstDate = core::Date::fromYmd(2024, 1, 2);
    info.lastDate = core::Date::fromYmd(2024, 1, 29);
    return info;
}

// 20 daily closes from 2024-01-02: a span short enough for the chart to label days.
core::PriceSeries seriesOf2024()
{
    core::PriceSeries s;
    s.ticker = "AAA";
    for (int i = 0; i < 20; ++i) {
        s.dates.push_back(core::Date(core::Date::fromYmd(2024, 1, 2)->days() + i));
        s.close.push_back(100.0 + i);
    }
    return s;
}

QString axisFormatOfChart()
{
    PriceChartView view;
    view.resize(800, 400);
    view.setSeries({seriesOf2024()});
    for (QAbstractAxis* axis : view.chart()->axes(Qt::Horizontal)) {
        if (auto* dates = qobject_cast<QDateTimeAxis*>(axis))
            return dates->format();
    }
    return {};
}

QString cell(const QAbstractItemModel& m, int column)
{
    return m.data(m.index(0, column), Qt::DisplayRole).toString();
}
} // namespace

class TestLocaleFormat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void germanHoldingsShowGroupingButCsvDoesNot()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        HoldingsModel model;
        fillHoldings(model);
        QCOMPARE(cell(model, HoldingsModel::Quantity), QStringLiteral("2"));
        QCOMPARE(cell(model, HoldingsModel::Weight), QStringLiteral("100,00 %"));
        QCOMPARE(cell(model, HoldingsModel::CostBasis), QStringLiteral("1.000,50"));
        QCOMPARE(cell(model, HoldingsModel::LastClose), QStringLiteral("1.234,56"));
        QCOMPARE(cell(model, HoldingsModel::MarketValue), QStringLiteral("2.469,12"));

        const QString csv = ui::tableToCsv(model, tableExportOptionsFor(model));
        QCOMPARE(csv,
            QStringLiteral("Ticker,Quantity,Weight,Cost basis,Currency,Last close,Market value\r\n"
                           "AAA,2,1,1000.5,USD,1234.56,2469.12\r\n"));
    }

    void englishHoldingsUseCommaGrouping()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        HoldingsModel model;
        fillHoldings(model);
        QCOMPARE(cell(model, HoldingsModel::Weight), QStringLiteral("100.00 %"));
        QCOMPARE(cell(model, HoldingsModel::CostBasis), QStringLiteral("1,000.50"));
        QCOMPARE(cell(model, HoldingsModel::LastClose), QStringLiteral("1,234.56"));
        QCOMPARE(cell(model, HoldingsModel::MarketValue), QStringLiteral("2,469.12"));
        QCOMPARE(ui::tableToCsv(model, tableExportOptionsFor(model)),
            QStringLiteral("Ticker,Quantity,Weight,Cost basis,Currency,Last close,Market value\r\n"
                           "AAA,2,1,1000.5,USD,1234.56,2469.12\r\n"));
    }

    void germanRiskTableAndLocaleFreeCsv()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        HoldingsRiskModel model;
        model.setTable(riskTable());
        QCOMPARE(cell(model, model.volatilityColumn()), QStringLiteral("12,34 %"));
        QCOMPARE(cell(model, model.weightColumn()), QStringLiteral("50,0 %"));
        QCOMPARE(cell(model, model.varColumn(0)), QStringLiteral("-1,23 %"));
        QCOMPARE(cell(model, model.betaColumn()), QStringLiteral("1,25"));
        QCOMPARE(cell(model, model.scoreColumn()), QStringLiteral("62"));
        // The confidence in the VaR header: 97.5 % reads "97,5" in German.
        QVERIFY2(model.headerData(model.varColumn(0), Qt::Horizontal, Qt::DisplayRole)
                     .toString()
                     .contains(QStringLiteral("97,5")),
            qPrintable(
                model.headerData(model.varColumn(0), Qt::Horizontal, Qt::DisplayRole).toString()));

        // Both CSV writers keep '.' decimals and no grouping.
        const QStringList riskCsv
            = ui::tableToCsv(model).split(QRegularExpression(QStringLiteral("\r?\n")));
        QVERIFY(riskCsv.size() >= 2);
        const QStringList fields = riskCsv.at(1).split(QLatin1Char(','));
        QCOMPARE(fields.at(model.volatilityColumn()), QStringLiteral("0.1234"));
        QCOMPARE(fields.at(model.betaColumn()), QStringLiteral("1.25"));
        QCOMPARE(fields.at(model.varColumn(0)), QStringLiteral("-0.012345"));
        const QStringList exportCsv
            = ui::tableToCsv(model, tableExportOptionsFor(model)).split(QStringLiteral("\r\n"));
        const QStringList exportFields = exportCsv.at(1).split(QLatin1Char(','));
        QCOMPARE(exportFields.at(model.volatilityColumn()), QStringLiteral("0.1234"));
        QCOMPARE(exportFields.at(model.betaColumn()), QStringLiteral("1.25"));
    }

    void englishRiskTable()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        HoldingsRiskModel model;
        model.setTable(riskTable());
        QCOMPARE(cell(model, model.volatilityColumn()), QStringLiteral("12.34 %"));
        QCOMPARE(cell(model, model.varColumn(0)), QStringLiteral("-1.23 %"));
        QCOMPARE(cell(model, model.betaColumn()), QStringLiteral("1.25"));
    }

    void datesByLocale_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        QTest::addColumn<QString>("axisFormat");
        QTest::addColumn<QString>("created"); // 2024-03-01T10:05:00Z shown in UTC
        QTest::newRow("German") << QLocale(QLocale::German, QLocale::Germany)
                                << QStringLiteral("02.01.2024") << QStringLiteral("29.01.2024")
                                << QStringLiteral("dd.MM.yyyy")
                                << QStringLiteral("01.03.2024 10:05");
        QTest::newRow("US English") << QLocale(QLocale::English, QLocale::UnitedStates)
                                    << QStringLiteral("1/2/2024") << QStringLiteral("1/29/2024")
                                    << QStringLiteral("M/d/yyyy")
                                    << QStringLiteral("3/1/2024 10:05 AM");
        QTest::newRow("Chinese") << QLocale(QLocale::Chinese, QLocale::China)
                                 << QStringLiteral("2024/1/2") << QStringLiteral("2024/1/29")
                                 << QStringLiteral("yyyy/M/d") << QStringLiteral("2024/3/1 10:05");
        QTest::newRow("C") << QLocale::c() << QStringLiteral("2024-01-02")
                           << QStringLiteral("2024-01-29") << QStringLiteral("yyyy-MM-dd")
                           << QStringLiteral("2024-03-01 10:05");
    }

    void datesByLocale()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, first);
        QFETCH(QString, last);
        QFETCH(QString, axisFormat);
        QFETCH(QString, created);
        QLocale::setDefault(locale);

        InstrumentsModel model;
        model.setInstruments({instrumentOf2024()});
        QCOMPARE(cell(model, InstrumentsModel::FirstDate), first);
        QCOMPARE(cell(model, InstrumentsModel::LastDate), last);
        QCOMPARE(displayDate(*core::Date::fromYmd(2024, 1, 2)), first);
        QCOMPARE(displayDateTime(QDateTime(QDate(2024, 3, 1), QTime(10, 5), Qt::UTC)), created);

        // The day labels of a chart spanning 4 weeks, and what they read for the first day.
        QCOMPARE(displayDateFormatForAxis(), axisFormat);
        QCOMPARE(axisFormatOfChart(), axisFormat);
        QCOMPARE(QLocale().toString(QDate(2024, 1, 2), axisFormat), first);

        // Exports stay ISO whatever the language.
        const QString csv = ui::tableToCsv(model, tableExportOptionsFor(model));
        QCOMPARE(csv.split(QStringLiteral("\r\n")).value(1),
            QStringLiteral("AAA,20,2024-01-02,2024-01-29"));
        const QString plainCsv = ui::tableToCsv(model, TableExportOptions {});
        QCOMPARE(plainCsv.split(QStringLiteral("\r\n")).value(1),
            QStringLiteral("AAA,20,2024-01-02,2024-01-29"));
    }
};

QTEST_MAIN(TestLocaleFormat)
#include "test_locale_format.moc"
