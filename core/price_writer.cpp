#include "price_writer.h"
