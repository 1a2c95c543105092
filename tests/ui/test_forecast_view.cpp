// The "Forecasts" tab end to end on a project imported from tests/data/msft_ohlcv.csv: the
// training dialog remembers its values, trains a small MLP through the controller, the models
// table then lists the stored model with its metrics and the chart shows its forecast (median
// inside its bands); selecting the model again after reopening forecasts identically; a
// backtest fills the per-fold chart; the main window has the tab and the Models > Train
// forecaster action; export and re-import give a model that forecasts the same, a bad file is
// refused with an error; deleting empties the table.
// With MARKETLENS_FORECAST_SHOTS=<dir> the tab and the dialog are written there as PNG.
#include "core/price_import.h"
#include "core/project_store.h"
#include "models/torch_runtime.h"
#include "ui/forecast/forecast_chart_view.h"
#include "ui/forecast/forecast_controller.h"
#include "ui/forecast/forecast_view.h"
#include "ui/forecast/loss_chart_view.h"
#include "ui/forecast/models_model.h"
#include "ui/forecast/models_panel.h"
#include "ui/forecast/scores_table.h"
#include "ui/forecast/training_dialog.h"
#include "ui/main_window.h"
#include "ui/project_controller.h"

#include <QAction>
#include <QAreaSeries>
#include <QBarSet>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineSeries>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace marketlens;
using ui::ForecastView;
using ui::TrainingDialog;

namespace {
constexpr int kTimeoutMs = 300000;

void shot(QWidget* w, const QString& name)
{
    const QString dir = qEnvironmentVariable("MARKETLENS_FORECAST_SHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    w->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

ui::TrainRequest smallRequest()
{
    ui::TrainRequest r;
    r.ticker = QStringLiteral("MSFT_OHLCV");
    r.kind = models::ModelKind::Mlp;
    r.horizon = 4;
    r.window = 12;
    r.epochs = 3;
    r.seed = 5;
    r.folds = 2;
    return r;
}
} // namespace

class TestForecastView : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MarketLensTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_forecast_view"));
        QSettings().clear();
        models::initTorchRuntime();
        m_path = m_dir.filePath(QStringLiteral("msft.mlens"));
        QVERIFY(core::ProjectStore::create(m_path.toStdString()));
        auto a = core::importFiles(m_path.toStdString(),
            {std::string(MARKETLENS_TEST_DATA "/msft_ohlcv.csv")}, core::ImportOptions {});
        QVERIFY2(a, a ? "" : a.error().toString().c_str());
    }

    void trainShowsModelAndForecast()
    {
        ui::ProjectController project;
        QVERIFY(project.openProject(m_path));
        ForecastView view(&project);
        view.resize(1300, 850);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.modelsPanel()->model()->rowCount(), 0);
        QVERIFY(view.chart()->medianSeries() == nullptr);

        TrainingDialog* dialog = view.showTrainingDialog(false);
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->mode(), TrainingDialog::Mode::Train);
        // CUDA is offered only where it is usable.
        QVERIFY(dialog->deviceBox()->count() == 2);
        dialog->setRequest(smallRequest());
        const ui::TrainRequest asked = dialog->request();
        QCOMPARE(asked.projectPath, m_path);
        QCOMPARE(asked.ticker, QStringLiteral("MSFT_OHLCV"));
        QCOMPARE(asked.kind, models::ModelKind::Mlp);
        QCOMPARE(asked.window, 12);

        QSignalSpy shown(&view, &ForecastView::forecastShown);
        QSignalSpy errors(&view, &ForecastView::errorOccurred);
        QVERIFY(dialog->start());
        QVERIFY(dialog->isRunning());
        QVERIFY(!dialog->startButton()->isEnabled());
        QVERIFY(dialog->cancelButton()->isEnabled());
        QVERIFY(shown.wait(kTimeoutMs));
        QVERIFY(!dialog->isRunning());
        QCOMPARE(errors.count(), 0);
        QVERIFY(dialog->epochText().contains(QStringLiteral("Finished")));
        QVERIFY(dialog->resultText().contains(QStringLiteral("naive")));
        QVERIFY(dialog->lossChart()->trainSeries()->count() >= 1);
        shot(dialog, QStringLiteral("training_dialog"));

        // The table lists the stored model with its metrics; the chart shows its forecast.
        ui::ModelsModel* model = view.modelsPanel()->model();
        QCOMPARE(model->rowCount(), 1);
        const qint64 id = shown.first().at(0).toLongLong();
        QVERIFY(id > 0);
        QCOMPARE(model->records().front().id, id);
        QCOMPARE(view.modelsPanel()->currentId(), id);
        const auto& result = view.controller()->lastResult();
        QVERIFY(result.evaluation.has_value());
        QCOMPARE(model->index(0, ui::ModelsModel::ModelMaeColumn)
                     .data(ui::ModelsModel::SortRole)
                     .toDouble(),
            result.evaluation->scores.front().errors.mae);
        QCOMPARE(model->index(0, ui::ModelsModel::BeatsNaiveColumn).data().toString(),
            result.evaluation->beatsNaive ? QStringLiteral("yes") : QStringLiteral("no"));
        QCOMPARE(view.scoresTable()->rowCount(), int(result.evaluation->scores.size()));
        QCOMPARE(view.verdictText(), QString::fromStdString(result.evaluation->verdict));
        QVERIFY(result.forecast.has_value());
        const auto median = view.chart()->medianSeries()->points();
        QCOMPARE(median.size(), 5); // origin + 4 horizons
        for (int h = 1; h <= 4; ++h) {
            QCOMPARE(median[h].y(), result.forecast->model.point[std::size_t(h - 1)]);
            QVERIFY(view.chart()->band95()->lowerSeries()->at(h).y() <= median[h].y());
            QVERIFY(view.chart()->band95()->upperSeries()->at(h).y() >= median[h].y());
        }
        shot(&view, QStringLiteral("forecast_tab"));

        // The dialog remembers its values for the next time.
        TrainingDialog again(view.controller());
        QCOMPARE(again.request().kind, models::ModelKind::Mlp);
        QCOMPARE(again.request().window, 12);
        QCOMPARE(again.request().horizon, 4);
        QCOMPARE(again.request().epochs, 3);
        QCOMPARE(again.request().seed, std::uint64_t(5));

        // A backtest fills the per-fold chart.
        dialog = view.showTrainingDialog(true);
        QCOMPARE(dialog->mode(), TrainingDialog::Mode::Backtest);
        QSignalSpy backtest(&view, &ForecastView::backtestShown);
        QVERIFY(dialog->start());
        QVERIFY(backtest.wait(kTimeoutMs));
        QCOMPARE(errors.count(), 0);
        QVERIFY(view.foldChart()->modelSet());
        QCOMPARE(view.foldChart()->modelSet()->count(), 2);
        QVERIFY(view.backtestScores()->rowCount() >= 2);
        shot(&view, QStringLiteral("forecast_backtest"));
    }

    void reopenedModelForecastsIdentically()
    {
        ui::ProjectController project;
        QVERIFY(project.openProject(m_path));
        ForecastView view(&project);
        QCOMPARE(view.modelsPanel()->model()->rowCount(), 1);
        const qint64 id = view.modelsPanel()->model()->records().front().id;
        QSignalSpy shown(&view, &ForecastView::forecastShown);
        view.selectModel(id);
        QVERIFY(shown.wait(kTimeoutMs));
        QCOMPARE(view.shownModelId(), id);
        QVERIFY(view.chart()->medianSeries());
        QCOMPARE(view.chart()->medianSeries()->count(), 5);
        QVERIFY(view.scoresTable()->rowCount() >= 2); // from the stored metrics
        QVERIFY(view.verdictText().contains(QStringLiteral("naive")));

        // Same stored model, same data: the same numbers as a second job.
        const auto first = view.chart()->medianSeries()->points();
        QSignalSpy ready(view.controller(), &ui::ForecastController::forecastReady);
        view.controller()->forecast(m_path, id);
        QVERIFY(ready.wait(kTimeoutMs));
        const auto r = ready.first().at(1).value<ui::ForecastJobResult>();
        QVERIFY(r.forecast.has_value());
        for (int h = 1; h <= 4; ++h)
            QCOMPARE(first[h].y(), r.forecast->model.point[std::size_t(h - 1)]);

        // Export as TorchScript + side file, import it back: an imported model that forecasts
        // exactly as the original.
        const QString pt = m_dir.filePath(QStringLiteral("exported.pt"));
        const QString meta = m_dir.filePath(QStringLiteral("exported.json"));
        QVERIFY(view.exportModel(id, pt));
        QVERIFY(QFileInfo::exists(pt) && QFileInfo::exists(meta));
        QSignalSpy errors(&view, &ForecastView::errorOccurred);
        QSignalSpy shownImported(&view, &ForecastView::forecastShown);
        QVERIFY(view.importModel(pt, meta));
        QCOMPARE(errors.count(), 0);
        ui::ModelsModel* model = view.modelsPanel()->model();
        QCOMPARE(model->rowCount(), 2);
        QVERIFY(shownImported.wait(kTimeoutMs));
        const qint64 imported = shownImported.last().at(0).toLongLong();
        QVERIFY(imported != id && model->rowOfId(imported) >= 0);
        QCOMPARE(
            model->index(model->rowOfId(imported), ui::ModelsModel::KindColumn).data().toString(),
            QStringLiteral("Imported"));
        const auto importedMedian = view.chart()->medianSeries()->points();
        QCOMPARE(importedMedian.size(), first.size());
        for (int h = 1; h <= 4; ++h)
            QVERIFY(qAbs(importedMedian[h].y() - first[h].y()) <= 1e-9 * qAbs(first[h].y()));

        // A file that is not a model: a clear error, nothing stored, no crash.
        const QString bad = m_dir.filePath(QStringLiteral("bad.pt"));
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("this is not a TorchScript archive");
        }
        QVERIFY(!view.importModel(bad, meta));
        QCOMPARE(errors.count(), 1);
        QVERIFY(!errors.first().at(1).toString().isEmpty());
        QCOMPARE(model->rowCount(), 2);

        QVERIFY(view.deleteModel(imported));
        QVERIFY(view.deleteModel(id));
        QCOMPARE(view.modelsPanel()->model()->rowCount(), 0);
        QVERIFY(view.chart()->medianSeries() == nullptr);
    }

    void mainWindowHasForecastsTabAndAction()
    {
        ui::MainWindow window;
        QAction* train = nullptr;
        for (QAction* a : window.findChildren<QAction*>()) {
            if (a->text().remove(QLatin1Char('&')) == QStringLiteral("Train Forecaster…"))
                train = a;
        }
        QVERIFY(train);
        QVERIFY(!train->shortcut().isEmpty());
        QVERIFY(!train->isEnabled()); // no project yet
        QVERIFY(window.openProject(m_path));
        auto* tabs = window.findChild<QTabWidget*>();
        QVERIFY(tabs);
        QStringList names;
        for (int i = 0; i < tabs->count(); ++i)
            names << tabs->tabText(i);
        const int prices = int(names.indexOf(QStringLiteral("Prices")));
        const int forecasts = int(names.indexOf(QStringLiteral("Forecasts")));
        QVERIFY2(forecasts > prices && prices >= 0, qPrintable(names.join(QLatin1Char(','))));
        QVERIFY(window.findChild<ForecastView*>());
        QVERIFY(train->isEnabled());
        train->trigger();
        auto* view = window.findChild<ForecastView*>();
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(view));
        QVERIFY(view->trainingDialog() && view->trainingDialog()->isVisible());
        view->trainingDialog()->close();
    }
};

QTEST_MAIN(TestForecastView)
#include "test_forecast_view.moc"
