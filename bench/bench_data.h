#pragma once
// Shared by the import and read benchmarks: a deterministic, realistic long-format price file
// (date,ticker,open,high,low,close,volume), one random walk per ticker over business days,
// written ticker by ticker as vendor exports usually are.

#include "core/date.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace marketlens::bench {

inline bool writeLongCsv(const std::string& path, int tickers, int days)
{
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f)
        return false;
    std::vector<core::Date> dates;
    for (std::int32_t d = core::Date::fromYmd(2000, 1, 3)->days(); int(dates.size()) < days; ++d) {
        if (core::Date(d).dayOfWeek() <= 5)
            dates.emplace_back(d);
    }
    std::string buf = "date,ticker,open,high,low,close,volume\n";
    std::mt19937_64 rng(42);
    std::normal_distribution<double> ret(0.0003, 0.015);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    auto num = [&buf](double v) {
        char tmp[32];
        const auto r = std::to_chars(tmp, tmp + sizeof tmp, v, std::chars_format::fixed, 2);
        buf.append(tmp, r.ptr);
    };
    char iso[10];
    for (int t = 0; t < tickers; ++t) {
        std::string ticker = std::to_string(t);
        ticker.insert(ticker.begin(), 'T');
        double close = 20 + 180 * unit(rng);
        for (const core::Date d : dates) {
            const double open = close * (1 + 0.003 * (unit(rng) - 0.5));
            close = close * (1 + ret(rng));
            const double high = std::max(open, close) * (1 + 0.01 * unit(rng));
            const double low = std::min(open, close) * (1 - 0.01 * unit(rng));
            d.writeIso(iso);
            buf.append(iso, 10);
            buf += ',';
            buf += ticker;
            buf += ',';
            num(open);
            buf += ',';
            num(high);
            buf += ',';
            num(low);
            buf += ',';
            num(close);
            buf += ',';
            buf += std::to_string(100000 + static_cast<long>(5e6 * unit(rng)));
            buf += '\n';
        }
        if (buf.size() > (8u << 20)) {
            std::fwrite(buf.data(), 1, buf.size(), f);
            buf.clear();
        }
    }
    std::fwrite(buf.data(), 1, buf.size(), f);
    return std::fclose(f) == 0;
}

} // namespace marketlens::bench
