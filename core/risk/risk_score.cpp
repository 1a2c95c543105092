#include "risk_score.h"
