#include "text_parse.h"
