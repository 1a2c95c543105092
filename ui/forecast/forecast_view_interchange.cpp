// ForecastView's model interchange: export of a stored model as TorchScript with its JSON side
// file and import of a forecaster trained elsewhere (models/interchange.h), split from
// forecast_view.cpp to keep each file short.
#include "forecast_view.h"

#include "models_model.h"
#include "models_panel.h"

#include "core/forecast/model_store.h"
#include "core/project_store.h"
#include "models/interchange.h"
#include "ui/model_import_confirm.h"
#include "ui/project_controller.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>

namespace marketlens::ui {

namespace fc = core::forecast;

namespace {
QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}
} // namespace

bool ForecastView::exportModel(qint64 id, const QString& ptPath)
{
    auto store = core::ProjectStore::open(m_project->path().toStdString());
    auto record = store ? fc::loadModel(*store, id) : core::Result<fc::ModelRecord>(store.error());
    const core::Status st = record ? models::exportModel(*record, ptPath.toStdString())
                                   : core::Status(record.error());
    if (!st) {
        Q_EMIT errorOccurred(tr("Export model"), qs(st.error().toString()), ptPath);
        return false;
    }
    const QString meta = qs(models::metaPathFor(ptPath.toStdString()));
    setStatus(tr("Exported “%1” to %2 and %3.")
                  .arg(qs(record->name), QDir::toNativeSeparators(ptPath),
                      QDir::toNativeSeparators(meta)));
    Q_EMIT message(statusText());
    return true;
}

bool ForecastView::importModel(
    const QString& ptPath, const QString& metaPath, const QString& ticker)
{
    auto record = models::importModel(ptPath.toStdString(), metaPath.toStdString());
    if (!record) {
        Q_EMIT errorOccurred(tr("Import model"), qs(record.error().toString()),
            qs(record.error().file.empty() ? ptPath.toStdString() : record.error().file));
        return false;
    }
    if (!ticker.isEmpty())
        record->ticker = ticker.toStdString();
    if (!m_project->instrument(qs(record->ticker))) {
        Q_EMIT errorOccurred(tr("Import model"),
            tr("The model is for the ticker “%1”, which this project has no prices for. Import "
               "its prices first or choose another ticker.")
                .arg(qs(record->ticker)),
            metaPath);
        return false;
    }
    auto store = core::ProjectStore::open(m_project->path().toStdString());
    auto id = store ? fc::saveModel(*store, *record) : core::Result<std::int64_t>(store.error());
    if (!id) {
        Q_EMIT errorOccurred(tr("Import model"), qs(id.error().toString()), m_project->path());
        return false;
    }
    reloadModels();
    Q_EMIT message(tr("Imported the model “%1” from %2")
                       .arg(qs(record->name), QDir::toNativeSeparators(ptPath)));
    selectModel(*id);
    return true;
}

void ForecastView::onExport()
{
    const qint64 id = m_panel->currentId();
    const int row = m_panel->model()->rowOfId(id);
    if (row < 0)
        return;
    const auto& r = m_panel->model()->records()[std::size_t(row)];
    QString suggested = qs(r.name).replace(
        QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]+")), QStringLiteral("_"));
    const QString dir = QFileInfo(m_project->path()).absolutePath();
    QString path = QFileDialog::getSaveFileName(this, tr("Export Model"),
        QDir(dir).filePath(suggested + QStringLiteral(".pt")), tr("TorchScript models (*.pt)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".pt");
    exportModel(id, path);
}

void ForecastView::onImport()
{
    // Model files are code (docs/models.md): the analyst confirms the model's source first.
    const QString pt = chooseTrustedModelFile(
        this, tr("Import Model"), QFileInfo(m_project->path()).absolutePath());
    if (pt.isEmpty())
        return;
    QString meta = qs(models::metaPathFor(pt.toStdString()));
    if (!QFileInfo::exists(meta)) {
        meta = QFileDialog::getOpenFileName(this, tr("Side File of the Model"),
            QFileInfo(pt).absolutePath(), tr("Model side files (*.json)"));
        if (meta.isEmpty())
            return;
    }
    // The side file names the ticker; when the project lacks it, let the analyst pick one.
    QString ticker;
    auto parsed = [&]() -> QString {
        QFile f(meta);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        auto r = models::parseModelMeta(f.readAll().toStdString(), meta.toStdString());
        return r ? qs(r->ticker) : QString();
    }();
    if (!m_project->instrument(parsed)) {
        QStringList tickers;
        for (const auto& info : m_project->instruments())
            tickers << qs(info.ticker);
        if (tickers.isEmpty()) {
            Q_EMIT errorOccurred(
                tr("Import model"), tr("Import prices before importing a model."), pt);
            return;
        }
        bool ok = false;
        ticker = QInputDialog::getItem(this, tr("Import Model"),
            parsed.isEmpty() ? tr("Forecast which instrument with this model?")
                             : tr("The project has no prices for “%1”. Forecast which instrument "
                                  "with this model?")
                                   .arg(parsed),
            tickers, 0, false, &ok);
        if (!ok)
            return;
    }
    importModel(pt, meta, ticker);
}

} // namespace marketlens::ui
