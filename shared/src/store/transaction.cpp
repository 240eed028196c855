#include <lc/store/transaction.hpp>

#include <sqlite3.h>

namespace lc::store {

namespace {
constexpr const char* kSavepoint = "lc_sp";
}

void TransactionRollback::operator()(sqlite3* db) const noexcept {
    if (savepoint.empty()) {
        // SQLite may already have rolled back by itself (I/O error, full disk).
        if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        return;
    }
    std::string sql = "ROLLBACK TO " + savepoint + "; RELEASE " + savepoint;
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
}

Result<Transaction> Transaction::begin(Database& db) { return begin(db.handle()); }

Result<Transaction> Transaction::begin(sqlite3* db) {
    bool nested = sqlite3_get_autocommit(db) == 0;
    std::string sql = nested ? std::string("SAVEPOINT ") + kSavepoint : "BEGIN IMMEDIATE";
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        return fail(ErrorCode::Database, "[store.tx.1]",
                    std::string("cannot start a write transaction: ") + sqlite3_errmsg(db));
    }
    return Transaction(std::unique_ptr<sqlite3, TransactionRollback>(
        db, TransactionRollback{nested ? std::string(kSavepoint) : std::string()}));
}

Result<void> Transaction::commit() {
    if (!m_handle)
        return fail(ErrorCode::Internal, "[store.tx.3]", "the transaction was already committed");
    sqlite3* db = m_handle.get();
    const std::string& sp = m_handle.get_deleter().savepoint;
    std::string sql = sp.empty() ? std::string("COMMIT") : "RELEASE " + sp;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        // Still open (e.g. busy): the destructor rolls it back.
        return fail(ErrorCode::Database, "[store.tx.2]",
                    std::string("cannot commit: ") + sqlite3_errmsg(db));
    }
    (void)m_handle.release();
    return {};
}

}  // namespace lc::store
