#include "result.h"

namespace marketlens::core {

std::string Error::toString() const
{
    if (file.empty())
        return message;
    if (line > 0)
        return file + ":" + std::to_string(line) + ": " + message;
    return file + ": " + message;
}

} // namespace marketlens::core
