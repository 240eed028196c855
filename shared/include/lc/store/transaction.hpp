#pragma once
// RAII transactions (shared/README.md, H9): BEGIN IMMEDIATE, an explicit commit(), and a destructor
// that rolls back and never throws. Nested use becomes a SAVEPOINT, so a caller may wrap several
// repository calls in one outer Transaction and they commit or roll back together.

#include <memory>
#include <string>

#include <lc/core/result.hpp>
#include <lc/store/database.hpp>

namespace lc::store {

/// Rolls an open transaction (or savepoint) back; used as the deleter of Transaction's handle.
struct TransactionRollback {
    std::string savepoint;  ///< "" for a top-level transaction
    void operator()(sqlite3* db) const noexcept;
};

/// One write transaction. Thread-safety: as its Database.
class Transaction {
  public:
    /// BEGIN IMMEDIATE (takes the write lock now, waiting up to the busy timeout), or a SAVEPOINT
    /// when the connection is already inside a transaction.
    /// Errors: [store.tx.1] Database (busy: another process holds the write lock too long).
    static Result<Transaction> begin(Database& db);
    /// The same, for code inside lc_store that holds only the connection.
    static Result<Transaction> begin(sqlite3* db);

    /// COMMIT (or RELEASE); afterwards the destructor does nothing. [store.tx.2] Database.
    Result<void> commit();

    /// Whether commit() has not run yet.
    bool active() const { return m_handle != nullptr; }

  private:
    explicit Transaction(std::unique_ptr<sqlite3, TransactionRollback> handle)
        : m_handle(std::move(handle)) {}

    std::unique_ptr<sqlite3, TransactionRollback> m_handle;
};

}  // namespace lc::store
