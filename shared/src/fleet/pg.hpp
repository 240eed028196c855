#pragma once
// Internal to lc_fleet, the only code that speaks libpq: RAII for PGconn and PGresult, parameters
// always bound (PQexecParams), never spliced into SQL text. Exceptions inside, Result at the
// edges: helpers throw FleetFailure, the public functions turn it into a Result.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <libpq-fe.h>

#include <lc/core/guarded.hpp>
#include <lc/core/result.hpp>

namespace lc::fleet::detail {

/// An lc::Error thrown inside lc_fleet.
struct FleetFailure : std::runtime_error {
    explicit FleetFailure(Error e) : std::runtime_error(e.describe()), error(std::move(e)) {}
    Error error;
};

/// Closes a connection (PQfinish).
struct ConnCloser {
    void operator()(PGconn* c) const noexcept { PQfinish(c); }
};
/// Frees a result (PQclear).
struct ResultClear {
    void operator()(PGresult* r) const noexcept { PQclear(r); }
};

/// One text parameter; nullopt is SQL NULL.
using Param = std::optional<std::string>;

/// The rows of one statement.
class Rows {
  public:
    explicit Rows(PGresult* r) : m_r(r) {}
    int size() const { return PQntuples(m_r.get()); }
    bool isNull(int row, int col) const { return PQgetisnull(m_r.get(), row, col) != 0; }
    std::string text(int row, int col) const { return PQgetvalue(m_r.get(), row, col); }
    std::int64_t i64(int row, int col) const { return std::stoll(text(row, col)); }
    std::optional<std::int64_t> optI64(int row, int col) const {
        return isNull(row, col) ? std::nullopt : std::optional<std::int64_t>(i64(row, col));
    }
    bool flag(int row, int col) const { return text(row, col) == "t"; }
    PGresult* raw() const { return m_r.get(); }
    /// Hands the result over (the caller clears it).
    PGresult* release() { return m_r.release(); }

  private:
    std::unique_ptr<PGresult, ResultClear> m_r;
};

/// One connection. Thread-safety: one thread at a time.
class Connection {
  public:
    /// Connects within `timeout` (non-blocking, so a database that does not answer costs at most
    /// that). [fleet.connect.1] Network when it does not.
    static Connection open(const std::string& conninfo, std::chrono::milliseconds timeout,
                           const std::string& applicationName);

    /// Runs one statement with bound text parameters; throws on failure ([fleet.sql.1]
    /// Network when the connection is gone, [fleet.sql.2] Database otherwise, [fleet.sql.3]
    /// Conflict on a lock or statement timeout).
    Rows exec(const std::string& sql, const std::vector<Param>& params = {});

    /// Runs SQL text with no parameters, possibly several statements (schema steps only).
    void script(const char* sql);

    /// Whether the connection still works.
    bool ok() const { return PQstatus(m_c.get()) == CONNECTION_OK; }

    /// Bounds every later statement by one instant (a seat claim's whole budget): a server that
    /// stops answering (hung, partitioned) makes exec() throw [fleet.sql.4] Network then, where
    /// statement_timeout, enforced by that same server, could not.
    void setDeadline(std::chrono::steady_clock::time_point deadline) { m_deadline = deadline; }

  private:
    explicit Connection(PGconn* c) : m_c(c) {}
    PGresult* send(const std::string& sql, const std::vector<const char*>& values);
    void check(PGresult* r) const;
    std::unique_ptr<PGconn, ConnCloser> m_c;
    std::optional<std::chrono::steady_clock::time_point> m_deadline;
};

/// A PostgreSQL array literal of text values, for one bound `$n::text[]` parameter.
std::string textArray(const std::vector<std::string>& values);

/// BEGIN on construction, ROLLBACK unless commit() ran; the destructor never throws.
class PgTransaction {
  public:
    explicit PgTransaction(Connection& c);
    PgTransaction(const PgTransaction&) = delete;
    PgTransaction& operator=(const PgTransaction&) = delete;
    ~PgTransaction();
    /// COMMIT.
    void commit();

  private:
    Connection& m_c;
    bool m_open = true;
};

[[noreturn]] void throwError(ErrorCode code, std::string id, std::string message);

/// Runs `f`, turning a FleetFailure (or any exception) into a failed Result.
template <class F>
auto guarded(F&& f) {
    return guardedBy<FleetFailure>("[fleet.internal.1]", std::forward<F>(f));
}

}  // namespace lc::fleet::detail
