#include "volatility.h"
