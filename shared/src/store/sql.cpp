#include "sql.hpp"

#include <cerrno>
#include <charconv>
#include <cstdio>

namespace lc::store {

void StatementFinalizer::operator()(sqlite3_stmt* stmt) const noexcept { sqlite3_finalize(stmt); }

sqlite3_stmt* StatementCache::get(const std::string& sql) {
    auto it = m_stmts.find(sql);
    if (it != m_stmts.end()) return it->second.get();
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v3(m_db, sql.c_str(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    if (rc != SQLITE_OK) {
        detail::throwError(ErrorCode::Database, "[store.sql.1]",
                           std::string("cannot prepare a statement: ") + sqlite3_errmsg(m_db));
    }
    return m_stmts.emplace(sql, StatementPtr(raw)).first->second.get();
}

namespace detail {

void throwError(ErrorCode code, std::string id, std::string message) {
    throw StoreFailure(Error{code, std::move(id), std::move(message)});
}

void throwSql(sqlite3* db, int rc, std::string_view what) {
    std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    int primary = rc & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
        throwError(ErrorCode::Database, "[store.sql.3]",
                   msg + " (another process held the database too long)");
    }
    if (primary == SQLITE_CONSTRAINT) throwError(ErrorCode::Database, "[store.sql.4]", msg);
    // Name the real cause: SQLite says "database or disk is full" or "attempt to write a readonly
    // database", which staff read as a damaged store.
    if (primary == SQLITE_FULL)
        throwError(ErrorCode::Io, "[store.sql.5]", msg + " (the disk is full: free some space)");
    if (primary == SQLITE_READONLY || rc == SQLITE_IOERR_WRITE || rc == SQLITE_CANTOPEN) {
        const int sysErr = db ? sqlite3_system_errno(db) : 0;
        if (primary == SQLITE_READONLY || sysErr == EROFS || sysErr == EACCES)
            throwError(ErrorCode::Io, "[store.sql.6]",
                       msg + (sysErr == EROFS || primary == SQLITE_READONLY
                                  ? " (the file system or the store is read-only)"
                                  : " (permission denied)"));
        if (sysErr == ENOSPC) throwError(ErrorCode::Io, "[store.sql.5]", msg + " (the disk is full: free some space)");
    }
    throwError(ErrorCode::Database, "[store.sql.2]", msg);
}

Transaction beginTx(sqlite3* db) {
    auto tx = Transaction::begin(db);
    if (!tx) throw StoreFailure(tx.error());
    return std::move(tx).value();
}

void commitTx(Transaction& tx) {
    auto r = tx.commit();
    if (!r) throw StoreFailure(r.error());
}

void exec(sqlite3* db, const char* sql) {
    int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throwSql(db, rc, "statement failed");
}

std::string formatDate(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

Date parseDate(std::string_view text) {
    int y = 0;
    unsigned m = 0, d = 0;
    bool ok = text.size() == 10 && text[4] == '-' && text[7] == '-';
    ok = ok && std::from_chars(text.data(), text.data() + 4, y).ec == std::errc{};
    ok = ok && std::from_chars(text.data() + 5, text.data() + 7, m).ec == std::errc{};
    ok = ok && std::from_chars(text.data() + 8, text.data() + 10, d).ec == std::errc{};
    Date date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!ok || !date.ok())
        throwError(ErrorCode::Database, "[store.row.1]", "a stored date is not a date");
    return date;
}

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool Query::step() {
    int rc = sqlite3_step(m_s.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throwSql(m_db, rc, "statement failed");
}

int Query::run() {
    while (step()) {
    }
    return sqlite3_changes(m_db);
}

std::string Query::text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_s.get(), col));
    if (!p) return {};
    return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_s.get(), col)));
}

void dropPendingUpstream(StatementCache& stmts, const std::string& signupId) {
    Query(stmts,
          "DELETE FROM outbox WHERE signup_id = ?1 AND state = 'pending' AND lease_until IS NULL")
        .bind(signupId)
        .run();
}

void markFleetChanged(StatementCache& stmts, const std::string& id) {
    Query(stmts, "UPDATE fleet_records SET rev = '' WHERE id = ?1").bind(id).run();
}

}  // namespace detail
}  // namespace lc::store
