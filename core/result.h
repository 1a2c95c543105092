#pragma once
// Result<T>: the error contract of core/ and models/. Public functions there do not throw; they
// return either a value or an Error that says what went wrong and, for data problems, where
// (file and 1-based line). Callers test with `if (!r)` and read `r.error()`.

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace marketlens::core {

enum class ErrorCode {
    Ok = 0,
    InvalidArgument,  // the caller passed something that cannot work (programmer or usage error)
    Io,               // a file could not be read or written
    BadData,          // the content of an input file is wrong
    NotAProject,      // a file that is not a MarketLens project
    Corrupt,          // a project file that is damaged or truncated
    TooNew,           // a project written by a newer MarketLens
    Database,         // any other SQLite failure
    Cancelled,        // the user cancelled
    NotFound,         // a named thing (ticker, portfolio) does not exist
    PasswordRequired, // an encrypted project was opened without a password
    WrongPassword,    // the password does not open this encrypted project
    Tampered,         // an encrypted project failed authentication: altered or damaged
};

struct Error {
    ErrorCode code = ErrorCode::Ok;
    std::string message;
    std::string file;      // file the problem is in, when there is one
    std::int64_t line = 0; // 1-based line in that file, 0 when not applicable

    // "file:line: message", or just the message when no location is known.
    std::string toString() const;
};

// Convenience constructor used throughout the code base.
inline Error makeError(ErrorCode code, std::string message, std::string file = {},
                       std::int64_t line = 0)
{
    return Error{code, std::move(message), std::move(file), line};
}

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_data); }
    const T& value() const& { return std::get<0>(m_data); }
    T&& value() && { return std::get<0>(std::move(m_data)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// Result<void>: success carries nothing.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

using Status = Result<void>;

} // namespace marketlens::core
