#pragma once
// Prepared statements kept for the life of a repository (prepared once, reset after each use).

#include <memory>
#include <string>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace lc::store {

/// Finalizes a statement.
struct StatementFinalizer {
    void operator()(sqlite3_stmt* stmt) const noexcept;
};
/// An owned prepared statement.
using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

/// SQL text → prepared statement, for one connection. Thread-safety: none (one per repository).
class StatementCache {
  public:
    /// Caches statements for `db`, which must outlive the cache.
    explicit StatementCache(sqlite3* db) : m_db(db) {}
    /// The statement for `sql`, prepared on first use; throws (inside lc_store) when it fails.
    sqlite3_stmt* get(const std::string& sql);
    /// The connection.
    sqlite3* db() const { return m_db; }

  private:
    sqlite3* m_db;
    std::unordered_map<std::string, StatementPtr> m_stmts;
};

}  // namespace lc::store
