#pragma once
// Internal to ui/report: tick positions and labels of the report charts' axes. Labels are
// locale-independent ('.' decimal point, English month abbreviations) like the rest of a report.

#include <QString>

#include <vector>

namespace marketlens::ui::report_detail {

struct AxisTicks {
    std::vector<double> values;
    std::vector<QString> labels;
    double lo = 0.0; // the axis range (numeric axes: widened to whole steps)
    double hi = 1.0;
};

// About `target` ticks at 1, 2 or 5 times a power of ten covering [lo, hi]. With `percent` the
// values are fractions labelled as percentages ("-5%", "2.5%").
AxisTicks numericTicks(double lo, double hi, int target, bool percent);

// Ticks on calendar boundaries for x values in core::Date days: years ("2021") for long spans,
// months ("Apr", the year at January and on the first tick: "Apr 2021") for shorter ones, days
// for a few weeks. lo/hi are the data range unchanged.
AxisTicks dateTicks(double lo, double hi, int target);

} // namespace marketlens::ui::report_detail
