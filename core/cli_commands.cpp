#include "cli_commands.h"
