#pragma once
// lc::Result<T>: a value or an lc::Error, shaped like std::expected (which clang 14 cannot compile
// against libstdc++ 12, see shared/README.md), so it can be swapped for it later.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace lc {

/// Broad classes of failure; callers branch on these, people read Error::message.
enum class ErrorCode {
    InvalidInput,  ///< bad arguments, form fields, CSV rows, config
    NotFound,      ///< a circle, person or file that is not there
    Conflict,      ///< the state forbids it (circle full, database newer than the code)
    Parse,         ///< a feed or file that is not what it should be
    Io,            ///< the file system
    Database,      ///< SQLite
    Network,       ///< transport failures: refused, timeout, TLS
    Upstream,      ///< the remote answered, but with an error
    Internal,      ///< a bug
};

/// A failure with a stable id (e.g. "[feed.parse.3]") for logs and tests, and a message for people.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string id;
    std::string message;

    /// "[id] message", the form written to logs, stderr and the store's last_error, with any
    /// credentials inside URLs redacted (text::redactCredentials).
    std::string describe() const;
};

/// Wraps an Error so that Result<T> can be built from it unambiguously, as std::unexpected does.
struct Unexpected {
    Error error;
};

/// Shorthand for returning a failure: `return lc::fail(ErrorCode::Parse, "[feed.parse.1]", "...")`.
inline Unexpected fail(ErrorCode code, std::string id, std::string message) {
    return Unexpected{Error{code, std::move(id), std::move(message)}};
}
inline Unexpected fail(Error error) { return Unexpected{std::move(error)}; }

/// A value of type T, or an Error.
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
    Result(Unexpected u) : m_v(std::in_place_index<1>, std::move(u.error)) {}  // NOLINT

    bool has_value() const { return m_v.index() == 0; }
    explicit operator bool() const { return has_value(); }

    T& value() & { assert(has_value()); return std::get<0>(m_v); }
    const T& value() const& { assert(has_value()); return std::get<0>(m_v); }
    T&& value() && { assert(has_value()); return std::get<0>(std::move(m_v)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T value_or(T fallback) const { return has_value() ? std::get<0>(m_v) : std::move(fallback); }

    const Error& error() const { assert(!has_value()); return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

/// A success with no value, or an Error.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Unexpected u) : m_error(std::move(u.error)), m_ok(false) {}  // NOLINT

    bool has_value() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    void value() const { assert(m_ok); }
    const Error& error() const { assert(!m_ok); return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

}  // namespace lc
