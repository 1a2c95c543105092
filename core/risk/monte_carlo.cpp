#include "monte_carlo.h"
