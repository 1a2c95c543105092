#include "price_import.h"
