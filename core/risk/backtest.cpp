#include "backtest.h"
