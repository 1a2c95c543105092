#pragma once
// Starts the GUI: creates the QApplication, the main window, opens `projectPath` (or the demo
// project when empty) and runs the event loop. Returns the process exit code.

#include <QString>

namespace marketlens::ui {

int runGui(int& argc, char** argv, const QString& projectPath);

} // namespace marketlens::ui
