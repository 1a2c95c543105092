#include "measure_set.h"
