// Axis ticks of the report charts (see report_chart_axes.h).
#include "ui/report/report_chart_axes.h"

#include "core/date.h"
#include "ui/chart_style.h"

#include <algorithm>
#include <cmath>

namespace marketlens::ui::report_detail {

namespace {

const char* const kMonths[]
    = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int decimalsFor(double step)
{
    return std::max(0, int(std::ceil(-std::log10(step) - 1e-9)));
}

QString numberLabel(double value, int decimals)
{
    if (std::fabs(value) < 1e-12)
        value = 0.0; // never "-0"
    return QString::number(value, 'f', decimals);
}

int monthIndex(core::Date d)
{
    return d.year() * 12 + d.month() - 1;
}

double dayOfMonthIndex(int index)
{
    const auto d = core::Date::fromYmd(index / 12, index % 12 + 1, 1);
    return d ? double(d->days()) : 0.0;
}

} // namespace

AxisTicks numericTicks(double lo, double hi, int target, bool percent)
{
    AxisTicks ticks;
    if (!(hi > lo)) {
        const double pad = std::fabs(lo) > 0.0 ? std::fabs(lo) * 0.1 : (percent ? 0.01 : 1.0);
        lo -= pad;
        hi += pad;
    }
    const double step = niceStep((hi - lo) / std::max(1, target));
    ticks.lo = std::floor(lo / step + 1e-9) * step;
    ticks.hi = std::ceil(hi / step - 1e-9) * step;
    const int decimals = decimalsFor(percent ? step * 100.0 : step);
    const int count = int(std::lround((ticks.hi - ticks.lo) / step));
    for (int i = 0; i <= count; ++i) {
        const double v = ticks.lo + i * step;
        ticks.values.push_back(v);
        ticks.labels.push_back(percent ? numberLabel(v * 100.0, decimals) + QLatin1Char('%')
                                       : numberLabel(v, decimals));
    }
    return ticks;
}

AxisTicks dateTicks(double lo, double hi, int target)
{
    AxisTicks ticks;
    ticks.lo = lo;
    ticks.hi = hi;
    target = std::max(2, target);
    const double span = hi - lo;
    if (span <= 62.0) {
        double step = 1.0;
        for (double s : {1.0, 2.0, 7.0, 14.0, 31.0}) {
            step = s;
            if (span / s <= target)
                break;
        }
        bool first = true;
        for (double d = std::ceil(lo); d <= hi + 1e-9; d += step) {
            const core::Date date(static_cast<std::int32_t>(d));
            QString label = QString::number(date.day()) + QLatin1Char(' ')
                + QLatin1String(kMonths[date.month() - 1]);
            if (first || (date.month() == 1 && date.day() <= step))
                label += QLatin1Char(' ') + QString::number(date.year());
            ticks.values.push_back(d);
            ticks.labels.push_back(label);
            first = false;
        }
        return ticks;
    }
    int step = 1;
    for (int s : {1, 2, 3, 6, 12, 24, 60, 120, 240, 600}) {
        step = s;
        if (span / 30.44 / s <= target)
            break;
    }
    const core::Date start(static_cast<std::int32_t>(std::ceil(lo)));
    int m = monthIndex(start);
    if (dayOfMonthIndex(m) < lo)
        ++m;
    m = (m + step - 1) / step * step; // align: years on multiples, months on quarter starts...
    bool first = true;
    for (; dayOfMonthIndex(m) <= hi + 1e-9; m += step) {
        const int year = m / 12;
        const int month = m % 12 + 1;
        QString label;
        if (step >= 12 || month == 1)
            label = QString::number(year);
        else if (first)
            label = QLatin1String(kMonths[month - 1]) + QLatin1Char(' ') + QString::number(year);
        else
            label = QLatin1String(kMonths[month - 1]);
        ticks.values.push_back(dayOfMonthIndex(m));
        ticks.labels.push_back(label);
        first = false;
    }
    return ticks;
}

} // namespace marketlens::ui::report_detail
