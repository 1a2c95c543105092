#include "price_chart_view.h"
