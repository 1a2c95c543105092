#pragma once
// The first step of every model import (forecasters, sentiment models): the analyst picks the
// TorchScript file and confirms that it comes from a source they trust, since a model file is a
// program that runs with their permissions (docs/models.md, docs/hostile-files.md). Nothing is
// loaded here.

#include <QString>

class QWidget;

namespace marketlens::ui {

// Asks for a .pt/.pth file (starting in `folder`) and then for the confirmation, both titled
// `title`. Returns the chosen file, or an empty string when the analyst cancelled either step.
QString chooseTrustedModelFile(QWidget* parent, const QString& title, const QString& folder);

} // namespace marketlens::ui
