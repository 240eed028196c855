#pragma once
// Internal to lc_store: exceptions inside, Result at the edges (shared/README.md, H11). Helpers throw
// StoreFailure; every public method runs its body through guarded(), which turns it into a Result.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

#include <sqlite3.h>

#include <lc/core/model.hpp>
#include <lc/core/guarded.hpp>
#include <lc/core/result.hpp>
#include <lc/store/statement_cache.hpp>
#include <lc/store/transaction.hpp>

namespace lc::store::detail {

/// An lc::Error thrown inside lc_store, caught by guarded().
struct StoreFailure : std::runtime_error {
    explicit StoreFailure(Error e) : std::runtime_error(e.describe()), error(std::move(e)) {}
    Error error;
};

[[noreturn]] void throwError(ErrorCode code, std::string id, std::string message);
/// Maps a SQLite result code to an Error ([store.sql.2] step, [store.sql.3] busy, [store.sql.4]
/// constraint) and throws it. SQLite's messages name columns, never values.
[[noreturn]] void throwSql(sqlite3* db, int rc, std::string_view what);

/// Runs `f`, turning a StoreFailure (or any exception) into a failed Result.
template <class F>
auto guarded(F&& f) {
    return guardedBy<StoreFailure>("[store.internal.1]", std::forward<F>(f));
}

/// Begins a Transaction or throws.
Transaction beginTx(sqlite3* db);
/// Commits or throws.
void commitTx(Transaction& tx);
/// Executes SQL with no parameters and no rows, or throws.
void exec(sqlite3* db, const char* sql);

/// "2026-12-01".
std::string formatDate(Date d);
/// Parses "2026-12-01"; throws [store.row.1] on garbage (a corrupt row).
Date parseDate(std::string_view text);
/// ASCII lower-case: the key emails are compared by (as SQLite's lower() does).
std::string lowerAscii(std::string_view s);

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};

/// Resets and clears a borrowed cached statement when a Query ends.
struct StatementReset {
    void operator()(sqlite3_stmt* s) const noexcept {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
    }
};

/// One use of a cached statement: bind, step, read columns.
class Query {
  public:
    Query(StatementCache& cache, const std::string& sql) : m_db(cache.db()), m_s(cache.get(sql)) {}

    /// Binds parameters ?1..?N in order.
    template <class... A>
    Query& bind(const A&... args) {
        int i = 0;
        (bindOne(++i, args), ...);
        return *this;
    }
    /// Steps once: true when a row is ready.
    bool step();
    /// Steps to the end; returns sqlite3_changes().
    int run();
    /// Ready to bind and run again (inside a loop).
    void reset() { StatementReset{}(m_s.get()); }

    bool isNull(int col) const { return sqlite3_column_type(m_s.get(), col) == SQLITE_NULL; }
    std::int64_t i64(int col) const { return sqlite3_column_int64(m_s.get(), col); }
    int i32(int col) const { return sqlite3_column_int(m_s.get(), col); }
    bool flag(int col) const { return sqlite3_column_int(m_s.get(), col) != 0; }
    double real(int col) const { return sqlite3_column_double(m_s.get(), col); }
    std::string text(int col) const;
    Instant instant(int col) const { return Instant{std::chrono::seconds{i64(col)}}; }
    std::optional<Instant> optInstant(int col) const {
        return isNull(col) ? std::nullopt : std::optional<Instant>(instant(col));
    }

  private:
    template <class T>
    void bindOne(int i, const T& v) {
        if constexpr (std::is_same_v<T, std::nullopt_t>) {
            sqlite3_bind_null(m_s.get(), i);
        } else if constexpr (IsOptional<T>::value) {
            if (v)
                bindOne(i, *v);
            else
                sqlite3_bind_null(m_s.get(), i);
        } else if constexpr (std::is_same_v<T, bool>) {
            sqlite3_bind_int(m_s.get(), i, v ? 1 : 0);
        } else if constexpr (std::is_integral_v<T>) {
            sqlite3_bind_int64(m_s.get(), i, static_cast<sqlite3_int64>(v));
        } else if constexpr (std::is_floating_point_v<T>) {
            sqlite3_bind_double(m_s.get(), i, v);
        } else if constexpr (std::is_same_v<T, Instant>) {
            sqlite3_bind_int64(m_s.get(), i, v.time_since_epoch().count());
        } else {
            std::string_view sv(v);
            sqlite3_bind_text(m_s.get(), i, sv.data(), static_cast<int>(sv.size()),
                              SQLITE_TRANSIENT);
        }
    }

    sqlite3* m_db;
    std::unique_ptr<sqlite3_stmt, StatementReset> m_s;
};

/// Drops a signup's outbox rows not yet sent or being sent: a voided signup is not delivered.
void dropPendingUpstream(StatementCache& stmts, const std::string& signupId);

/// Marks a record the fleet exchange already knows as changed (its remembered revision emptied),
/// inside the writer's transaction: the next exchange pushes it whatever its revision says (an
/// update within the same second, another device's signup voided here). Nothing without a fleet.
void markFleetChanged(StatementCache& stmts, const std::string& id);

}  // namespace lc::store::detail
