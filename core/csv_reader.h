#pragma once
// CsvReader: a streaming RFC 4180 reader for delimited text files (prices, holdings, news).
//
// Contract:
//  - The file is read in blocks of CsvOptions::blockSize bytes; memory stays bounded by the block
//    size plus the longest single record, whatever the file size. A record with a field longer
//    than 1 MiB is skipped: the reader goes on with the next record and takeSkipped() returns an
//    error naming the skipped record's line, for the caller to report. A record longer than
//    4 MiB or with more than 16384 fields (its end cannot be trusted) stops the reader with
//    BadData at the record's line (docs/hostile-files.md).
//  - Quoted fields may contain the delimiter, doubled quotes ("") and line breaks. Lines end with
//    LF or CRLF. A UTF-8 byte order mark at the start is skipped.
//  - The delimiter is CsvOptions::delimiter, or, when 0, sniffed among , ; TAB | from the first
//    lines (outside quotes): the candidate present in the header with the same count on every
//    sampled line wins; ',' when nothing fits (a one-column file).
//  - next() makes the next record available as fields(): string_views into the reader's buffer,
//    quotes removed and "" unescaped, valid until the next call to next(). line() is the 1-based
//    physical line where that record starts (line breaks inside quotes count). Blank lines are
//    skipped.
//  - next() returns false at the end of the file or on an error; status() tells which (Io,
//    BadData for an unterminated quote, Cancelled when CsvOptions::progress returned false).
//  - CsvOptions::onBlock sees every byte of the file exactly once, in order (e.g. to hash it);
//    CsvOptions::progress is called after each block with (bytes read, file size).
// Nothing here throws. Not thread-safe; one reader per thread.

#include "progress.h"
#include "result.h"

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace marketlens::core {

struct CsvOptions {
    char delimiter = 0; // 0 = sniff
    std::size_t blockSize = std::size_t(2) << 20;
    std::function<void(const char* data, std::size_t size)> onBlock;
    Progress progress;
};

class CsvReader {
public:
    CsvReader() = default;
    ~CsvReader();
    CsvReader(CsvReader&& other) noexcept;
    CsvReader& operator=(CsvReader&& other) noexcept;
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    // Opens `path` (UTF-8) and reads the first block. Io error when it cannot be read.
    static Result<CsvReader> open(const std::string& path, CsvOptions options = {});

    bool next();
    const std::vector<std::string_view>& fields() const { return m_fields; }
    std::int64_t line() const { return m_recordLine; }
    const Status& status() const { return m_status; }
    // The records skipped since the last call (a field over the limit), in file order: BadData
    // errors with the file and the record's first line. Call after next(), whatever it returned.
    std::vector<Error> takeSkipped();

    char delimiter() const { return m_delimiter; }
    bool hadBom() const { return m_hadBom; }
    std::int64_t fileSize() const { return m_fileSize; }
    std::int64_t bytesRead() const { return m_bytesRead; }
    const std::string& path() const { return m_path; }

    // Sniffs the delimiter of `sample` (text starting at a header line) as described above.
    static char sniffDelimiter(std::string_view sample);

private:
    bool fill(); // moves the unread tail to the front and appends one block; false on error
    bool parseRecord(std::size_t& consumed, bool atEof);

    std::FILE* m_file = nullptr;
    std::string m_path;
    CsvOptions m_options;
    std::vector<char> m_buf;
    std::size_t m_pos = 0; // start of unread data in m_buf
    std::size_t m_end = 0; // end of valid data in m_buf
    bool m_eof = false;
    char m_delimiter = ',';
    bool m_hadBom = false;
    std::int64_t m_fileSize = 0;
    std::int64_t m_bytesRead = 0;
    std::int64_t m_line = 1;       // line at m_pos
    std::int64_t m_recordLine = 0; // line of the current record
    std::vector<std::string_view> m_fields;
    std::vector<std::uint32_t> m_bounds; // per field: begin, end offsets and a flag word
    std::vector<Error> m_skipped;
    Status m_status;
};

} // namespace marketlens::core
