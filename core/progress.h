#pragma once
// Progress reporting and cancellation for one-shot jobs (import, risk runs, reports).
// A job calls the callback now and then with how much is done out of a total (any unit: bytes,
// rows); the callback returns false to ask the job to stop, which then returns ErrorCode::Cancelled
// having undone its partial work. An empty callback means "no reporting, never cancel".

#include <cstdint>
#include <functional>

namespace marketlens::core {

using Progress = std::function<bool(std::int64_t done, std::int64_t total)>;

// Calls `progress` if set; true means "carry on".
inline bool reportProgress(const Progress& progress, std::int64_t done, std::int64_t total)
{
    return !progress || progress(done, total);
}

} // namespace marketlens::core
