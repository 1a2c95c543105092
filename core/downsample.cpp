#include "downsample.h"
