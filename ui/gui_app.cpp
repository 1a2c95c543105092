#include "gui_app.h"

#include <QApplication>

namespace marketlens::ui {

int runGui(int& argc, char** argv, const QString&)
{
    QApplication app(argc, argv);
    return 0;
}

} // namespace marketlens::ui
