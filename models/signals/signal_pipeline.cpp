// Placeholder: being written (issue 6). See the header for the contract.
#include "models/signals/signal_pipeline.h"
