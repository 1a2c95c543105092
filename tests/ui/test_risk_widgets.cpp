// Risk dashboard widgets: each is fed known data and shows exactly it: histogram bin counts equal
// a hand count, the VaR/ES lines sit at the given values, the underwater minimum equals minus
// the maximum drawdown of the engine, heatmap cells take the palette's ends and middle for
// -1/0/+1 (in the painted image too), the backtest shows one marker per exceedance and the test
// results of the engine.
#include "core/risk/backtest.h"
#include "core/risk/drawdown.h"
#include "ui/risk/backtest_view.h"
#include "ui/risk/correlation_heatmap.h"
#include "ui/risk/return_histogram_view.h"
#include "ui/risk/risk_palette.h"
#include "ui/risk/rolling_vol_view.h"
#include "ui/risk/underwater_view.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace marketlens::ui;
namespace cr = marketlens::core::risk;

namespace {
constexpr qint64 kDay = 86400000LL;

double contrast(const QColor& a, const QColor& b)
{
    const auto lum = [](const QColor& c) {
        const auto lin = [](double v) {
            v /= 255.0;
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * lin(c.red()) + 0.7152 * lin(c.green()) + 0.0722 * lin(c.blue());
    };
    const double la = lum(a), lb = lum(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Deterministic returns with fat-ish tails: a sine mix plus occasional shocks.
std::vector<double> syntheticReturns(std::size_t n)
{
    std::vector<double> r(n);
    for (std::size_t i = 0; i < n; ++i) {
        r[i] = 0.01 * std::sin(0.7 * double(i)) + 0.004 * std::cos(2.3 * double(i));
        if (i % 37 == 11)
            r[i] -= 0.035;
    }
    return r;
}
} // namespace

class TestRiskWidgets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void paletteEndsAndReadableText()
    {
        QCOMPARE(risk::divergingColor(0.0), risk::kScaleLow);
        QCOMPARE(risk::divergingColor(0.5), risk::kScaleMid);
        QCOMPARE(risk::divergingColor(1.0), risk::kScaleHigh);
        QCOMPARE(risk::correlationColor(-1.0), risk::kScaleLow);
        QCOMPARE(risk::correlationColor(0.0), risk::kScaleMid);
        QCOMPARE(risk::correlationColor(1.0), risk::kScaleHigh);
        QCOMPARE(risk::scoreColor(100.0), risk::kScaleHigh);
        // Every colour of the scale gets a text colour with WCAG AA contrast (>= 4.5).
        for (int i = 0; i <= 20; ++i) {
            const QColor bg = risk::divergingColor(i / 20.0);
            QVERIFY2(contrast(bg, risk::readableTextColor(bg)) >= 4.5, qPrintable(bg.name()));
        }
        // The middle is the lightest: the ends differ from it in lightness, not only in hue.
        QVERIFY(risk::kScaleMid.lightness() > risk::kScaleLow.lightness() + 40);
        QVERIFY(risk::kScaleMid.lightness() > risk::kScaleHigh.lightness() + 40);
    }

    void histogramCountsAndLines()
    {
        // Multiples of 1/64 are exact in binary, so the bin of each value is known exactly:
        // min -3/64, max 3/64, 6 bins of width 1/64; index = k + 3, the maximum in the last bin.
        const std::vector<int> k {-3, -2, -1, 0, 1, 2, 3, 1, 1, -1};
        std::vector<double> r;
        for (int v : k)
            r.push_back(v / 64.0);
        ReturnHistogramView view;
        view.resize(640, 400);
        view.setBinCount(6);
        view.setData(r, -0.025, -0.03125, QStringLiteral("95 %, historical"));
        QCOMPARE(view.binCounts(), (std::vector<int> {1, 1, 2, 1, 3, 2}));
        QCOMPARE(view.binLow(), -3.0 / 64.0);
        QCOMPARE(view.binWidth(), 1.0 / 64.0);
        QVERIFY(std::abs(view.varLineX() - (-0.025)) < 1e-15);
        QCOMPARE(view.esLineX(), -0.03125);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!view.toImage().isNull());

        // Automatic bins: ceil(sqrt(n)) clamped to 10..80, counts add up to n.
        const auto many = syntheticReturns(900);
        view.setBinCount(0);
        view.setData(many, -0.02, -0.03, QString());
        QCOMPARE(int(view.binCounts().size()), 30);
        int total = 0;
        for (int c : view.binCounts())
            total += c;
        QCOMPARE(total, 900);

        view.clear();
        QVERIFY(view.binCounts().empty());
        QVERIFY(std::isnan(view.varLineX()));
        QVERIFY(!view.placeholderText().isEmpty());
    }

    void underwaterMinimumIsMaxDrawdown()
    {
        const auto r = syntheticReturns(400);
        std::vector<marketlens::core::Date> dates;
        std::vector<qint64> ms;
        for (std::size_t i = 0; i < r.size(); ++i) {
            dates.emplace_back(int(18000 + i));
            ms.push_back(dates.back().toMsecsSinceEpoch());
        }
        auto dd = cr::analyseDrawdowns(r, true, dates);
        QVERIFY(dd);
        QVERIFY(dd->maxDrawdown > 0.01);
        const auto& worst = dd->episodes[dd->worstEpisode];
        UnderwaterView view;
        view.resize(640, 360);
        view.setData(ms, dd->underwater, worst.peakDate ? worst.peakDate->toMsecsSinceEpoch() : -1,
            worst.recoveryDate ? worst.recoveryDate->toMsecsSinceEpoch() : -1);
        QCOMPARE(view.pointCount(), 400);
        QVERIFY(std::abs(view.minimumValue() - (-dd->maxDrawdown)) < 1e-15);
        QCOMPARE(view.troughMs(), worst.troughDate->toMsecsSinceEpoch());
        QVERIFY2(view.annotation().contains(
                     QString::number(-dd->maxDrawdown * 100.0, 'f', 1) + QStringLiteral(" %")),
            qPrintable(view.annotation()));
        QVERIFY(view.annotation().contains(QString::fromStdString(worst.troughDate->toIso())));
    }

    void rollingVolatilityLines()
    {
        std::vector<qint64> ms;
        std::vector<double> a, b;
        for (int i = 0; i < 100; ++i) {
            ms.push_back(qint64(18000 + i) * kDay);
            a.push_back(i < 20 ? std::nan("") : 0.15 + i * 0.001);
            b.push_back(0.2);
        }
        RollingVolView view;
        view.setData(ms, {{QStringLiteral("Rolling 20 days"), a}, {QStringLiteral("EWMA"), b}});
        QCOMPARE(view.lineCount(), 2);
        QCOMPARE(view.lineName(0), QStringLiteral("Rolling 20 days"));
        QCOMPARE(view.pointCount(0), 80); // NaN head left out
        QCOMPARE(view.pointCount(1), 100);
        QVERIFY(std::isnan(view.valueAt(0, ms[5])));
        QVERIFY(std::abs(view.valueAt(0, ms[50]) - 0.2) < 1e-12);
        view.clear();
        QCOMPARE(view.lineCount(), 0);
    }

    void heatmapColoursTooltipsAndHighlight()
    {
        CorrelationHeatmap map;
        map.resize(420, 400);
        const QStringList tickers {
            QStringLiteral("AA"), QStringLiteral("KO"), QStringLiteral("IBM")};
        map.setData(tickers, {1.0, -1.0, 0.0, -1.0, 1.0, 0.5, 0.0, 0.5, 1.0});
        QCOMPARE(map.cellColor(0, 0), risk::kScaleHigh);
        QCOMPARE(map.cellColor(0, 1), risk::kScaleLow);
        QCOMPARE(map.cellColor(2, 0), risk::kScaleMid);
        QCOMPARE(map.value(1, 2), 0.5);
        // What is painted: a pixel inside each cell, away from the printed value.
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        const QImage image = map.toImage();
        const qreal dpr = image.devicePixelRatio();
        const auto pixel = [&](int row, int column) {
            const QRect cell = map.cellRect(row, column);
            return QColor(image.pixel(int((cell.left() + 3) * dpr), int((cell.top() + 3) * dpr)));
        };
        QCOMPARE(pixel(0, 0), risk::kScaleHigh);
        QCOMPARE(pixel(1, 0), risk::kScaleLow);
        QCOMPARE(pixel(0, 2), risk::kScaleMid);
        // Hover: the cell under the cursor.
        QCOMPARE(map.cellAt(map.cellRect(1, 2).center()), QPoint(2, 1));
        QCOMPARE(map.cellAt(QPoint(1, 1)), QPoint(-1, -1));
        // Selection from the table and clicks in the map.
        map.highlightTicker(QStringLiteral("KO"));
        QCOMPARE(map.highlightedTicker(), QStringLiteral("KO"));
        QSignalSpy clicked(&map, &CorrelationHeatmap::tickerClicked);
        QTest::mouseClick(&map, Qt::LeftButton, {}, map.cellRect(2, 0).center());
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.first().first().toString(), QStringLiteral("IBM"));
        QCOMPARE(map.highlightedTicker(), QStringLiteral("IBM"));

        // Thirty holdings: every label and cell is drawn (see MARKETLENS_RISK_SHOTS).
        QStringList many;
        std::vector<double> m(900);
        for (int i = 0; i < 30; ++i)
            many << QStringLiteral("T%1").arg(i, 2, 10, QLatin1Char('0'));
        for (int i = 0; i < 30; ++i) {
            for (int j = 0; j < 30; ++j)
                m[std::size_t(i * 30 + j)] = i == j ? 1.0 : std::cos(0.3 * (i - j)) * 0.8;
        }
        map.resize(520, 480);
        map.setData(many, m);
        map.highlightTicker(QStringLiteral("T07"));
        QCOMPARE(map.cellColor(3, 3), risk::kScaleHigh);
        QVERIFY(map.cellRect(29, 29).right() < map.width());
        const QString dir = qEnvironmentVariable("MARKETLENS_RISK_SHOTS");
        if (!dir.isEmpty()) {
            QDir().mkpath(dir);
            map.toImage().save(QDir(dir).filePath(QStringLiteral("heatmap30.png")));
        }
    }

    void backtestMarkersAndResults()
    {
        const auto r = syntheticReturns(600);
        auto bt = cr::backtestVar(r, 100, 0.95, cr::VarMethod::Historical);
        QVERIFY(bt);
        QVERIFY(bt->exceedances > 0);
        BacktestData data;
        for (std::size_t i = 0; i < r.size(); ++i)
            data.dates.push_back(qint64(18000 + i) * kDay);
        data.returns = r;
        data.forecast = bt->forecast;
        data.hits = bt->hit;
        data.observations = bt->observations;
        data.exceedances = bt->exceedances;
        data.expectedRate = bt->expectedRate;
        data.kupiecLr = bt->kupiec.statistic;
        data.kupiecP = bt->kupiec.pValue;
        data.independenceLr = bt->independence.statistic;
        data.independenceP = bt->independence.pValue;
        data.zone = int(bt->zone);
        BacktestView view;
        view.resize(900, 360);
        view.setData(data);
        QCOMPARE(view.exceedanceMarkerCount(), int(bt->exceedances));
        QCOMPARE(view.chart()->returnPointCount(), 600);
        QCOMPARE(view.chart()->forecastPointCount(), int(bt->observations));
        QVERIFY(view.exceedancesText().startsWith(
            QStringLiteral("%1 of %2 days").arg(bt->exceedances).arg(bt->observations)));
        QVERIFY(view.exceedancesText().contains(
            QString::number(double(bt->observations) * 0.05, 'f', 1)));
        QVERIFY(view.kupiecText().contains(QString::number(bt->kupiec.statistic, 'f', 2)));
        QVERIFY(
            view.independenceText().contains(QString::number(bt->independence.statistic, 'f', 2)));
        const int zone = int(bt->zone);
        QCOMPARE(view.zoneColor(), BacktestView::zoneColorOf(zone));
        QCOMPARE(BacktestView::zoneColorOf(0), risk::kScaleLow);
        QCOMPARE(BacktestView::zoneColorOf(2), risk::kScaleHigh);

        // A known case: three exceedances marked, Basel red shown in red.
        BacktestData small;
        small.dates = {kDay, 2 * kDay, 3 * kDay, 4 * kDay, 5 * kDay};
        small.returns = {-0.05, 0.01, -0.04, -0.06, 0.02};
        small.forecast = {-0.02, -0.02, -0.02, -0.02, -0.02};
        small.hits = {true, false, true, true, false};
        small.observations = 5;
        small.exceedances = 3;
        small.expectedRate = 0.01;
        small.zone = 2;
        view.setData(small);
        QCOMPARE(view.exceedanceMarkerCount(), 3);
        QCOMPARE(view.zoneText(), QStringLiteral("Red"));
        QCOMPARE(view.zoneColor(), risk::kScaleHigh);
        view.clear();
        QCOMPARE(view.exceedanceMarkerCount(), 0);
    }
};

QTEST_MAIN(TestRiskWidgets)
#include "test_risk_widgets.moc"
