#include "types.h"

namespace marketlens::core {

bool PriceSeries::hasOhlc() const
{
    for (std::size_t i = 0; i < dates.size(); ++i) {
        if (!isMissing(open[i]) && !isMissing(high[i]) && !isMissing(low[i]) && !isMissing(close[i]))
            return true;
    }
    return false;
}

double PriceSeries::valueAt(std::size_t i) const
{
    return isMissing(adjClose[i]) ? close[i] : adjClose[i];
}

} // namespace marketlens::core
