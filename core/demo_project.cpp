#include "demo_project.h"
