#include "forecast_types.h"

#include <QCoreApplication>

namespace marketlens::ui {

QString modelKindTitle(const QString& kind)
{
    if (kind == QLatin1String("mlp"))
        return QStringLiteral("MLP");
    if (kind == QLatin1String("cnn"))
        return QStringLiteral("1D-CNN");
    if (kind == QLatin1String("lstm"))
        return QStringLiteral("LSTM");
    if (kind == QLatin1String("gru"))
        return QStringLiteral("GRU");
    if (kind == QLatin1String("transformer"))
        return QStringLiteral("Transformer");
    if (kind == QLatin1String("tailrisk_cnn"))
        return QCoreApplication::translate("marketlens::ui::ModelsModel", "Tail-risk CNN");
    if (kind == QLatin1String("imported"))
        return QCoreApplication::translate("marketlens::ui::ModelsModel", "Imported");
    return kind;
}

QString modelKindTitle(models::ModelKind kind)
{
    switch (kind) {
    case models::ModelKind::Mlp:
        return modelKindTitle(QStringLiteral("mlp"));
    case models::ModelKind::Cnn:
        return modelKindTitle(QStringLiteral("cnn"));
    case models::ModelKind::Lstm:
        return modelKindTitle(QStringLiteral("lstm"));
    case models::ModelKind::Gru:
        return modelKindTitle(QStringLiteral("gru"));
    case models::ModelKind::Transformer:
        return modelKindTitle(QStringLiteral("transformer"));
    }
    return {};
}

} // namespace marketlens::ui
