#include "import_detect.h"
