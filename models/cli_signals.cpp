// Placeholder: being written (issue 6). `marketlens signals` (docs/cli.md).
#include "core/cli_support.h"
#include "models/cli_models.h"

namespace marketlens::models {

int cmdSignals(const QStringList&, QTextStream&, QTextStream& err)
{
    return core::cli::usage(QStringLiteral("signals: not built yet"), err);
}

} // namespace marketlens::models
