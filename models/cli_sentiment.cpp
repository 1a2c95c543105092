// Placeholder until the issue-5 work fills it in (see models/cli_models.h).
#include "models/cli_models.h"
#include "core/cli_support.h"

#include <QTextStream>

namespace marketlens::models {

int cmdSentiment(const QStringList&, QTextStream&, QTextStream& err)
{
    return core::cli::usage(QStringLiteral("not available yet"), err);
}

} // namespace marketlens::models
