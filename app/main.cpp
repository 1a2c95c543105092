#include "ui/gui_app.h"

int main(int argc, char** argv)
{
    return marketlens::ui::runGui(argc, argv, {});
}
