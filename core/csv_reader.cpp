#include "csv_reader.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

namespace marketlens::core {
namespace {

constexpr std::uint32_t kEscaped = 1; // field holds "" pairs to collapse
constexpr std::uint32_t kRaw = 2;     // quoted field with stray text after the closing quote
constexpr std::uint32_t kQuoted = 4;

// Limits (docs/hostile-files.md): memory stays bounded by the block size plus kMaxRecordBytes
// whatever the file holds, e.g. a 10-million-character line without a line break or a quote
// that is never closed. A price row is under 200 bytes and a news article under 100 KB.
constexpr std::size_t kMaxFieldBytes = std::size_t(1) << 20;  // 1 MiB
constexpr std::size_t kMaxRecordBytes = std::size_t(4) << 20; // 4 MiB, quoted line breaks included
constexpr std::size_t kMaxFields = 16384;                     // Excel's column limit

// Collapses "" to " in place; returns the new length.
std::size_t unescapeQuotes(char* s, std::size_t n)
{
    std::size_t w = 0;
    for (std::size_t r = 0; r < n; ++r) {
        s[w++] = s[r];
        if (s[r] == '"' && r + 1 < n && s[r + 1] == '"')
            ++r;
    }
    return w;
}

} // namespace

CsvReader::~CsvReader()
{
    if (m_file)
        std::fclose(m_file);
}

CsvReader::CsvReader(CsvReader&& other) noexcept { *this = std::move(other); }

CsvReader& CsvReader::operator=(CsvReader&& other) noexcept
{
    if (this != &other) {
        if (m_file)
            std::fclose(m_file);
        m_file = std::exchange(other.m_file, nullptr);
        m_path = std::move(other.m_path);
        m_options = std::move(other.m_options);
        m_buf = std::move(other.m_buf);
        m_pos = other.m_pos;
        m_end = other.m_end;
        m_eof = other.m_eof;
        m_delimiter = other.m_delimiter;
        m_hadBom = other.m_hadBom;
        m_fileSize = other.m_fileSize;
        m_bytesRead = other.m_bytesRead;
        m_line = other.m_line;
        m_recordLine = other.m_recordLine;
        m_fields = std::move(other.m_fields); // views stay valid: the buffer moved, not copied
        m_bounds = std::move(other.m_bounds);
        m_skipped = std::move(other.m_skipped);
        m_status = std::move(other.m_status);
    }
    return *this;
}

Result<CsvReader> CsvReader::open(const std::string& path, CsvOptions options)
{
    CsvReader r;
    r.m_path = path;
    r.m_options = std::move(options);
    if (r.m_options.blockSize < 64)
        r.m_options.blockSize = 64;
    r.m_file = std::fopen(path.c_str(), "rb");
    if (!r.m_file)
        return makeError(ErrorCode::Io, std::string("cannot open file: ") + std::strerror(errno),
                         path);
    if (std::fseek(r.m_file, 0, SEEK_END) == 0) {
        r.m_fileSize = std::max<long>(0, std::ftell(r.m_file));
        std::fseek(r.m_file, 0, SEEK_SET);
    }
    // A small file gets a block just larger than itself instead of zeroing 4 MiB per file (a
    // folder of small news files; several times faster under the fuzzers' AddressSanitizer).
    if (r.m_fileSize > 0)
        r.m_options.blockSize = std::min<std::size_t>(
            r.m_options.blockSize, std::max<std::size_t>(64, std::size_t(r.m_fileSize) + 1));
    r.m_buf.resize(r.m_options.blockSize * 2);
    if (!r.fill())
        return r.m_status.error();
    if (r.m_end >= 3 && std::memcmp(r.m_buf.data(), "\xEF\xBB\xBF", 3) == 0) {
        r.m_hadBom = true;
        r.m_pos = 3;
    }
    r.m_delimiter = r.m_options.delimiter;
    if (r.m_delimiter == 0) {
        const std::size_t n = std::min<std::size_t>(r.m_end - r.m_pos, 64 * 1024);
        r.m_delimiter = sniffDelimiter(std::string_view(r.m_buf.data() + r.m_pos, n));
    }
    return r;
}

char CsvReader::sniffDelimiter(std::string_view sample)
{
    static constexpr std::array<char, 4> kCandidates = {',', ';', '\t', '|'};
    constexpr int kMaxLines = 20;
    // counts[line][candidate], outside quotes; the last line may be cut off by the sample size
    std::vector<std::array<int, 4>> counts;
    std::array<int, 4> cur{};
    bool inQuotes = false;
    bool complete = false;
    for (std::size_t i = 0; i < sample.size() && counts.size() < kMaxLines; ++i) {
        const char c = sample[i];
        if (c == '"') {
            inQuotes = !inQuotes;
        } else if (!inQuotes && c == '\n') {
            counts.push_back(cur);
            cur = {};
        } else if (!inQuotes) {
            for (std::size_t k = 0; k < kCandidates.size(); ++k)
                cur[k] += c == kCandidates[k];
        }
        complete = i + 1 == sample.size();
    }
    if (complete && cur != std::array<int, 4>{})
        counts.push_back(cur); // a file without a final newline
    if (counts.empty())
        return ',';
    int best = -1;
    int bestCount = 0;
    for (std::size_t k = 0; k < kCandidates.size(); ++k) {
        const int header = counts[0][k];
        if (header == 0)
            continue;
        const bool consistent = std::all_of(counts.begin(), counts.end(),
                                            [&](const auto& c) { return c[k] == header; });
        // A consistent candidate beats any inconsistent one; among equals the larger count wins.
        const int score = header + (consistent ? 1 << 20 : 0);
        if (score > bestCount) {
            bestCount = score;
            best = static_cast<int>(k);
        }
    }
    return best < 0 ? ',' : kCandidates[static_cast<std::size_t>(best)];
}

bool CsvReader::fill()
{
    if (m_pos > 0) {
        std::memmove(m_buf.data(), m_buf.data() + m_pos, m_end - m_pos);
        m_end -= m_pos;
        m_pos = 0;
    }
    const std::size_t block = m_options.blockSize;
    if (m_buf.size() < m_end + block)
        m_buf.resize(m_end + block); // only when one record is longer than a block
    const std::size_t n = std::fread(m_buf.data() + m_end, 1, block, m_file);
    if (n < block) {
        if (std::ferror(m_file)) {
            m_status = makeError(ErrorCode::Io, "read error", m_path);
            return false;
        }
        m_eof = true;
    }
    if (n > 0 && m_options.onBlock)
        m_options.onBlock(m_buf.data() + m_end, n);
    m_end += n;
    m_bytesRead += static_cast<std::int64_t>(n);
    if (!reportProgress(m_options.progress, m_bytesRead, m_fileSize)) {
        m_status = makeError(ErrorCode::Cancelled, "cancelled", m_path);
        return false;
    }
    return true;
}

// Scans one record starting at m_pos. Returns false when the buffer ends inside the record and
// more data can be read (nothing has been modified then, so the scan can simply restart), or on
// a hard error (m_status set).
bool CsvReader::parseRecord(std::size_t& consumed, bool atEof)
{
    char* const base = m_buf.data();
    const char* p = base + m_pos;
    const char* const end = base + m_end;
    const char d = m_delimiter;
    std::int64_t newlines = 0;
    m_bounds.clear();
    for (;;) {
        const char* begin = p;
        const char* stop = nullptr;
        std::uint32_t flags = 0;
        if (p < end && *p == '"') {
            const char* q = p + 1;
            begin = q;
            flags = kQuoted;
            for (;;) {
                const auto* hit = static_cast<const char*>(
                    std::memchr(q, '"', static_cast<std::size_t>(end - q)));
                if (!hit) {
                    if (!atEof)
                        return false;
                    m_status = makeError(ErrorCode::BadData,
                                         "unterminated quoted field (a \" is never closed)", m_path,
                                         m_line);
                    return false;
                }
                if (hit + 1 == end && !atEof)
                    return false; // cannot tell "" from a closing quote yet
                if (hit + 1 < end && hit[1] == '"') {
                    flags |= kEscaped;
                    q = hit + 2;
                    continue;
                }
                newlines += std::count(p, hit, '\n');
                stop = hit;
                p = hit + 1;
                break;
            }
            if (p < end && *p != d && *p != '\n' && *p != '\r') {
                // Stray text after the closing quote: keep the field as written.
                begin = begin - 1;
                while (p < end && *p != d && *p != '\n' && *p != '\r')
                    ++p;
                stop = p;
                flags = kRaw;
            }
        } else {
            while (p < end && *p != d && *p != '\n' && *p != '\r')
                ++p;
            stop = p;
        }
        if (p == end && !atEof)
            return false;
        if (m_bounds.size() >= 3 * kMaxFields) {
            m_status = makeError(ErrorCode::BadData,
                                 "the line has more than " + std::to_string(kMaxFields) + " fields",
                                 m_path, m_line);
            return false;
        }
        m_bounds.push_back(static_cast<std::uint32_t>(begin - base));
        m_bounds.push_back(static_cast<std::uint32_t>(stop - base));
        m_bounds.push_back(flags);
        if (p == end)
            break;
        if (*p == d) {
            ++p;
            continue;
        }
        if (*p == '\r') {
            if (p + 1 == end && !atEof)
                return false;
            if (p + 1 < end && p[1] == '\n')
                ++p;
        }
        ++p; // the line break
        ++newlines;
        break;
    }
    consumed = static_cast<std::size_t>(p - (base + m_pos));
    m_fields.clear();
    for (std::size_t i = 0; i < m_bounds.size(); i += 3) {
        if (m_bounds[i + 1] - m_bounds[i] > kMaxFieldBytes) {
            // The record's end is known: skip it (no fields: next() goes on) and say so.
            m_skipped.push_back(makeError(ErrorCode::BadData,
                "field " + std::to_string(i / 3 + 1) + " is longer than "
                    + std::to_string(kMaxFieldBytes >> 20) + " MiB ("
                    + std::to_string(m_bounds[i + 1] - m_bounds[i])
                    + " bytes): the record was skipped",
                m_path, m_line));
            m_line += newlines;
            return true;
        }
    }
    m_recordLine = m_line;
    m_line += newlines;
    for (std::size_t i = 0; i < m_bounds.size(); i += 3) {
        char* s = base + m_bounds[i];
        std::size_t n = m_bounds[i + 1] - m_bounds[i];
        if (m_bounds[i + 2] & kEscaped)
            n = unescapeQuotes(s, n);
        m_fields.emplace_back(s, n);
    }
    return true;
}

bool CsvReader::next()
{
    for (;;) {
        if (!m_status)
            return false;
        if (m_pos >= m_end) {
            if (m_eof || !fill())
                return false;
            continue;
        }
        std::size_t consumed = 0;
        if (!parseRecord(consumed, m_eof)) {
            if (!m_status)
                return false;
            if (m_end - m_pos > kMaxRecordBytes) {
                m_status = makeError(ErrorCode::BadData,
                                     "the record starting here is longer than "
                                         + std::to_string(kMaxRecordBytes >> 20)
                                         + " MiB (a line without line breaks, or a quote that is "
                                           "never closed): reading stopped here",
                                     m_path, m_line);
                return false;
            }
            if (!fill())
                return false;
            continue;
        }
        m_pos += consumed;
        if (m_fields.empty()) // skipped (takeSkipped())
            continue;
        // A blank line is one empty unquoted field; it is not a record.
        if (m_fields.size() == 1 && m_fields[0].empty() && m_bounds[2] == 0)
            continue;
        return true;
    }
}

std::vector<Error> CsvReader::takeSkipped()
{
    return std::exchange(m_skipped, {});
}

} // namespace marketlens::core
