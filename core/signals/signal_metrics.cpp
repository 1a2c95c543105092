// Placeholder: being written (issue 6). See the header for the contract.
#include "core/signals/signal_metrics.h"
