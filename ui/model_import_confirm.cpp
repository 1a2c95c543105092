#include "model_import_confirm.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

namespace marketlens::ui {

namespace {
// The translation context of these texts: "marketlens::ui::ModelImport".
struct ModelImport {
    Q_DECLARE_TR_FUNCTIONS(ModelImport)
};
} // namespace

QString chooseTrustedModelFile(QWidget* parent, const QString& title, const QString& folder)
{
    const QString pt = QFileDialog::getOpenFileName(
        parent, title, folder, ModelImport::tr("TorchScript models (*.pt *.pth);;All files (*)"));
    if (pt.isEmpty())
        return {};
    QMessageBox trust(QMessageBox::Warning, title,
        ModelImport::tr("A model file is a program: it runs with your permissions whenever the model is used. "
           "Import “%1” only if it comes from a source you trust.")
            .arg(QFileInfo(pt).fileName()),
        QMessageBox::Cancel, parent);
    QPushButton* accept = trust.addButton(ModelImport::tr("&Import"), QMessageBox::AcceptRole);
    trust.setDefaultButton(QMessageBox::Cancel);
    trust.exec();
    return trust.clickedButton() == accept ? pt : QString();
}

} // namespace marketlens::ui
