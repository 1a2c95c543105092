// Holdings risk table: numeric sorting through the proxy (not text order), the score cell's
// colour from the diverging scale with readable text, the "why" tooltip, and a CSV export that
// reads back to exactly the model's values in the order shown.
#include "ui/risk/holdings_risk_model.h"
#include "ui/risk/risk_csv.h"
#include "ui/risk/risk_palette.h"

#include <QFile>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace marketlens::ui;

namespace {
HoldingRiskRow row(
    const char* ticker, double vol, double var95, double var99, double score, double beta = 1.0)
{
    HoldingRiskRow r;
    r.ticker = QString::fromLatin1(ticker);
    r.weight = 1.0 / 3.0;
    r.volatility = vol;
    r.var = {var95, var99};
    r.es = {var95 * 1.3, var99 * 1.2};
    r.maxDrawdown = vol * 1.5;
    r.beta = beta;
    r.componentVar = var95 / 3.0;
    r.componentShare = 1.0 / 3.0;
    r.score = score;
    r.scoreExplanation = QStringLiteral("volatility: %1 pts (rank 100 %, weight 25 %)").arg(score);
    return r;
}

// Splits one CSV line (fields quoted by the exporter only when needed).
QStringList splitCsv(const QString& line)
{
    QStringList out;
    QString cur;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                cur += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cur += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            out << cur;
            cur.clear();
        } else {
            cur += c;
        }
    }
    out << cur;
    return out;
}
} // namespace

class TestRiskTable : public QObject {
    Q_OBJECT
private:
    HoldingRiskTable table()
    {
        HoldingRiskTable t;
        t.confidences = {0.95, 0.99};
        t.methodName = QStringLiteral("historical");
        t.selectedConfidence = 0.95;
        // Text order of the volatility ("25.00 %" < "5.00 %" < "50.00 %") differs from numeric.
        t.rows = {row("AAA", 0.05, -0.010, -0.020, 12.5),
            row("BBB", 0.50, -0.045, -0.080, 87.0, std::numeric_limits<double>::quiet_NaN()),
            row("CCC", 0.25, -0.020, -0.035, 55.0)};
        return t;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void columnsAndDisplay()
    {
        HoldingsRiskModel model;
        model.setTable(table());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), 13); // ticker, score, learned tail probability, weight,
                                           // vol, 2 x (VaR, ES), dd, beta, cVaR, share
        QCOMPARE(model.headerData(model.varColumn(1), Qt::Horizontal, Qt::DisplayRole).toString(),
            QStringLiteral("VaR\n99 %"));
        QCOMPARE(model.headerData(model.esColumn(0), Qt::Horizontal, Qt::DisplayRole).toString(),
            QStringLiteral("ES\n95 %"));
        QCOMPARE(
            model.index(1, model.volatilityColumn()).data().toString(), QStringLiteral("50.00 %"));
        QCOMPARE(model.index(1, model.betaColumn()).data().toString(), QStringLiteral("–"));
        QVERIFY(
            !model.index(1, model.betaColumn()).data(HoldingsRiskModel::RawValueRole).isValid());
        QCOMPARE(model.index(1, model.scoreColumn()).data().toString(), QStringLiteral("87"));
        QCOMPARE(
            model.index(2, model.varColumn(0)).data(HoldingsRiskModel::RawValueRole).toDouble(),
            -0.020);
        QCOMPARE(model.rowOf(QStringLiteral("CCC")), 2);
    }

    void numericSorting()
    {
        HoldingsRiskModel model;
        model.setTable(table());
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(HoldingsRiskModel::SortRole);
        const auto order = [&] {
            QStringList t;
            for (int r = 0; r < proxy.rowCount(); ++r)
                t << proxy.index(r, 0).data().toString();
            return t.join(QLatin1Char(' '));
        };
        proxy.sort(model.volatilityColumn(), Qt::AscendingOrder);
        QCOMPARE(order(), QStringLiteral("AAA CCC BBB"));
        proxy.sort(model.scoreColumn(), Qt::DescendingOrder);
        QCOMPARE(order(), QStringLiteral("BBB CCC AAA"));
        proxy.sort(model.varColumn(0), Qt::AscendingOrder); // largest loss first
        QCOMPARE(order(), QStringLiteral("BBB CCC AAA"));
        proxy.sort(model.betaColumn(), Qt::AscendingOrder); // missing beta sorts first
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("BBB"));
    }

    void scoreColourAndTooltip()
    {
        HoldingsRiskModel model;
        model.setTable(table());
        const int sc = model.scoreColumn();
        for (int r = 0; r < 3; ++r) {
            const double score = model.table().rows[std::size_t(r)].score;
            const QColor bg = model.index(r, sc).data(Qt::BackgroundRole).value<QColor>();
            const QColor fg = model.index(r, sc).data(Qt::ForegroundRole).value<QColor>();
            QCOMPARE(bg, risk::divergingColor(score / 100.0));
            QCOMPARE(fg, risk::readableTextColor(bg));
        }
        // Zones: green (12.5) nearer the low end, red (87) nearer the high end, amber (55) near
        // the middle of the scale.
        const auto dist = [](const QColor& a, const QColor& b) {
            return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green())
                + std::abs(a.blue() - b.blue());
        };
        const QColor green = model.index(0, sc).data(Qt::BackgroundRole).value<QColor>();
        const QColor red = model.index(1, sc).data(Qt::BackgroundRole).value<QColor>();
        const QColor amber = model.index(2, sc).data(Qt::BackgroundRole).value<QColor>();
        QVERIFY(dist(green, risk::kScaleLow) < dist(green, risk::kScaleHigh));
        QVERIFY(dist(red, risk::kScaleHigh) < dist(red, risk::kScaleLow));
        QVERIFY(dist(amber, risk::kScaleMid) < dist(amber, risk::kScaleHigh));
        QVERIFY(dist(amber, risk::kScaleMid) < dist(amber, risk::kScaleLow));
        // No colour on other cells.
        QVERIFY(!model.index(0, model.volatilityColumn()).data(Qt::BackgroundRole).isValid());
        const QString tip = model.index(1, sc).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("red zone")), qPrintable(tip));
        QVERIFY(tip.contains(QStringLiteral("volatility: 87 pts")));
        QVERIFY(model.index(0, sc)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("green zone")));
    }

    void csvExportReadsBack()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        HoldingsRiskModel model;
        model.setTable(table());
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(HoldingsRiskModel::SortRole);
        proxy.sort(model.scoreColumn(), Qt::DescendingOrder);
        const QString path = dir.filePath(QStringLiteral("holdings.csv"));
        QString error;
        QVERIFY2(writeTableCsv(proxy, path, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines
            = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        const QStringList header = splitCsv(lines[0]);
        QCOMPARE(header.size(), model.columnCount());
        for (int c = 0; c < model.columnCount(); ++c)
            QCOMPARE(header[c],
                model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString().simplified());
        for (int r = 0; r < 3; ++r) {
            const QStringList cells = splitCsv(lines[r + 1]);
            QCOMPARE(cells.size(), model.columnCount());
            QCOMPARE(cells[0], proxy.index(r, 0).data().toString());
            for (int c = 1; c < model.columnCount(); ++c) {
                const QVariant raw = proxy.index(r, c).data(HoldingsRiskModel::RawValueRole);
                if (!raw.isValid()) {
                    QVERIFY(cells[c].isEmpty());
                    continue;
                }
                bool ok = false;
                QCOMPARE(cells[c].toDouble(&ok), raw.toDouble()); // exact round trip
                QVERIFY(ok);
            }
        }
        QCOMPARE(splitCsv(lines[1])[0], QStringLiteral("BBB"));
        // Quoting of text fields.
        HoldingRiskTable t = table();
        t.rows[0].ticker = QStringLiteral("A,\"B\"");
        model.setTable(t);
        QVERIFY(tableToCsv(model).contains(QStringLiteral("\"A,\"\"B\"\"\"")));
        // An unwritable path fails with a message.
        QVERIFY(!writeTableCsv(model, dir.filePath(QStringLiteral("no/such/dir/x.csv")), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestRiskTable)
#include "test_risk_table.moc"
