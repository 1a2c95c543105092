#include "component_var.h"
