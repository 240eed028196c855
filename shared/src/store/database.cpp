#include <lc/store/database.hpp>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "migrations.hpp"
#include "sql.hpp"

namespace lc::store {

using detail::throwError;

void ConnectionCloser::operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }

namespace {

constexpr int kBusyTimeoutMs = 5000;

bool isMemory(const std::string& path) { return path == ":memory:" || path.empty(); }

std::string howToRun(const std::string& path) {
    return " Run it as the user that owns the database (e.g. `sudo -u learning-circles lcctl "
           "--db " +
           path + " ...`), or pass a --db you can write.";
}

std::string directoryOf(const std::string& path) {
    auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// Creates the file with mode 0600 before SQLite sees it, so it is never readable by others, and
// refuses one this process cannot write (SQLite would open it read-only and fail on first write).
void prepareFile(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        if (::access(path.c_str(), R_OK | W_OK) != 0 ||
            ::access(directoryOf(path).c_str(), W_OK | X_OK) != 0) {
            throwError(ErrorCode::Io, "[store.open.2]",
                       "cannot write the database " + path + "." + howToRun(path));
        }
        if (st.st_uid == ::geteuid() && (st.st_mode & 077) != 0) ::chmod(path.c_str(), 0600);
        return;
    }
    int fd = ::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0) {
        int err = errno;
        if (err == EACCES || err == EPERM || err == EROFS) {
            throwError(ErrorCode::Io, "[store.open.2]",
                       "cannot create the database " + path + ": " + std::strerror(err) + "." +
                           howToRun(path));
        }
        throwError(ErrorCode::Io, "[store.open.1]",
                   "cannot create the database " + path + ": " + std::strerror(err));
    }
    ::fchmod(fd, 0600);  // the umask may have been looser or stricter; 0600 is what we want
    ::close(fd);
}

void restrictSideFiles(const std::string& path) {
    for (const char* suffix : {"-wal", "-shm"}) {
        std::string side = path + suffix;
        struct stat st {};
        if (::stat(side.c_str(), &st) == 0 && st.st_uid == ::geteuid()) ::chmod(side.c_str(), 0600);
    }
}

// The online backup API: a consistent copy of `src` at `dest`, created 0600.
Result<void> copyDatabase(sqlite3* src, const std::string& dest) {
    if (!src)
        return fail(ErrorCode::Database, "[store.backup.2]",
                    "no source connection to back up from");
    int fd = ::open(dest.c_str(), O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        return fail(ErrorCode::Io, "[store.backup.1]",
                    "cannot create " + dest + ": " + std::strerror(errno));
    }
    ::fchmod(fd, 0600);
    ::close(fd);
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(dest.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    ConnectionPtr target(raw);
    if (rc == SQLITE_OK) {
        sqlite3_backup* b = sqlite3_backup_init(raw, "main", src, "main");
        if (b) {
            // -1: copy every page in one step, holding a read lock: the copy is consistent.
            while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_OK) {
            }
            sqlite3_backup_finish(b);
        }
        rc = sqlite3_errcode(raw);
    }
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
        std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        return fail(ErrorCode::Database, "[store.backup.2]",
                    "backup to " + dest + " failed: " + msg);
    }
    return {};
}

int readVersion(sqlite3* db) {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &raw, nullptr);
    StatementPtr stmt(raw);
    if (rc == SQLITE_OK) rc = sqlite3_step(raw);
    if (rc != SQLITE_ROW) {
        throwError(ErrorCode::Database, "[store.open.3]",
                   std::string("not a usable database: ") + sqlite3_errmsg(db));
    }
    return sqlite3_column_int(raw, 0);
}

bool hasTables(sqlite3* db) {
    sqlite3_stmt* raw = nullptr;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &raw, nullptr);
    StatementPtr stmt(raw);
    return raw && sqlite3_step(raw) == SQLITE_ROW && sqlite3_column_int(raw, 0) > 0;
}

void setPragmas(sqlite3* db, bool memory) {
    const char* wal = memory ? "PRAGMA journal_mode=MEMORY" : "PRAGMA journal_mode=WAL";
    // secure_delete: deleted personal data is overwritten with zeros, not left in free pages.
    for (const char* sql : {"PRAGMA foreign_keys=ON", wal, "PRAGMA synchronous=FULL", "PRAGMA secure_delete=ON"}) {
        if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
            throwError(ErrorCode::Database, "[store.open.7]",
                       std::string(sql) + " failed: " + sqlite3_errmsg(db));
        }
    }
}

// Each step is its own transaction (a savepoint inside upgrade's) and re-reads the version.
void migrate(sqlite3* db) {
    for (const auto& step : detail::migrations()) {
        auto tx = Transaction::begin(db);
        if (!tx)
            throwError(ErrorCode::Database, "[store.open.6]",
                       "migration blocked: " + tx.error().message);
        if (readVersion(db) >= step.version) continue;
        std::string sql =
            std::string(step.sql) + "\nPRAGMA user_version=" + std::to_string(step.version) + ";";
        char* err = nullptr;
        if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
            std::string msg = err ? err : "unknown error";
            sqlite3_free(err);
            throwError(
                ErrorCode::Database, "[store.open.6]",
                "migration to schema version " + std::to_string(step.version) + " failed: " + msg);
        }
        auto committed = tx->commit();
        if (!committed)
            throwError(ErrorCode::Database, "[store.open.6]", committed.error().message);
    }
}

[[noreturn]] void refuseNewer(const std::string& path, int version) {
    throwError(ErrorCode::Conflict, "[store.open.4]",
               "the database " + path + " has schema version " + std::to_string(version) +
                   ", newer than this program knows (" +
                   std::to_string(Database::latestSchemaVersion()) +
                   "): install the newer program, or restore a backup made before the upgrade.");
}

// Under one write lock: re-read the version (kiosk and display may start together after an
// upgrade), back up a non-empty file as it is, then run the steps (savepoints inside this
// transaction), so the backup is always the file before any migration and no step runs twice.
void upgrade(const Database& db, bool memory) {
    sqlite3* raw = db.handle();
    auto tx = Transaction::begin(raw);
    if (!tx)
        throwError(ErrorCode::Database, "[store.open.6]",
                   "migration blocked: " + tx.error().message);
    int version = readVersion(raw);
    int latest = Database::latestSchemaVersion();
    if (version > latest) refuseNewer(db.path(), version);
    if (version == latest) return;
    if (!memory && (version > 0 || hasTables(raw))) {
        // From a second connection: SQLite refuses to back up from one inside a write
        // transaction, and in WAL a reader sees the last commit while we hold the write lock.
        sqlite3* ro = nullptr;
        sqlite3_open_v2(db.path().c_str(), &ro, SQLITE_OPEN_READONLY, nullptr);
        ConnectionPtr reader(ro);
        sqlite3_busy_timeout(ro, kBusyTimeoutMs);
        std::string bak = db.path() + ".pre-v" + std::to_string(latest) + ".bak";
        auto backed = copyDatabase(ro, bak);
        if (!backed) {
            throwError(ErrorCode::Io, "[store.open.5]",
                       "refusing to migrate without a backup: " + backed.error().describe());
        }
    }
    migrate(raw);
    auto committed = tx->commit();
    if (!committed) throwError(ErrorCode::Database, "[store.open.6]", committed.error().message);
}

}  // namespace

int Database::latestSchemaVersion() { return detail::migrations().back().version; }

Result<Database> Database::open(const std::string& path) {
    return detail::guarded([&]() -> Database {
        bool memory = isMemory(path);
        if (!memory) prepareFile(path);
        sqlite3* raw = nullptr;
        int rc = sqlite3_open_v2(memory ? ":memory:" : path.c_str(), &raw,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
        Database db(ConnectionPtr(raw), memory ? ":memory:" : path);
        if (rc != SQLITE_OK) {
            throwError(ErrorCode::Database, "[store.open.3]",
                       "cannot open the database " + path + ": " +
                           (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
        }
        sqlite3_busy_timeout(raw, kBusyTimeoutMs);
        sqlite3_extended_result_codes(raw, 1);
        int version = readVersion(raw);
        int latest = latestSchemaVersion();
        if (version > latest) refuseNewer(path, version);
        setPragmas(raw, memory);
        if (version < latest) upgrade(db, memory);
        if (!memory) restrictSideFiles(path);
        return db;
    });
}

int Database::schemaVersion() const { return readVersion(m_db.get()); }

Result<void> Database::backupTo(const std::string& dest) const {
    return copyDatabase(m_db.get(), dest);
}

namespace {

// Runs a check pragma; every row must be "ok" (integrity_check, quick_check) or there must be no
// row (foreign_key_check). A step that fails (SQLITE_CORRUPT, SQLITE_NOTADB...) fails the check.
void runCheck(sqlite3* db, const char* sql, bool okRows, const char* id) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) {
        throwError(ErrorCode::Database, id, std::string(sql) + ": " + sqlite3_errmsg(db));
    }
    StatementPtr stmt(raw);
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
        const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(raw, 0));
        const std::string first = t ? t : "";
        if (okRows && first == "ok") continue;
        throwError(ErrorCode::Database, id,
                   std::string(okRows ? "the store is damaged: " : "foreign key check: table ") + first);
    }
    if (rc != SQLITE_DONE) {
        throwError(ErrorCode::Database, id, std::string("the store is damaged: ") + sqlite3_errstr(rc));
    }
}

}  // namespace

Result<void> Database::integrityCheck() const {
    return detail::guarded([&] {
        runCheck(m_db.get(), "PRAGMA integrity_check", true, "[store.integrity.1]");
        runCheck(m_db.get(), "PRAGMA foreign_key_check", false, "[store.integrity.1]");
    });
}

Result<void> Database::quickCheck() const {
    return detail::guarded([&] { runCheck(m_db.get(), "PRAGMA quick_check", true, "[store.integrity.2]"); });
}

Result<bool> Database::compact() const {
    return detail::guarded([&] {
        char* err = nullptr;
        if (sqlite3_exec(m_db.get(), "VACUUM", nullptr, nullptr, &err) != SQLITE_OK) {
            const std::string why = err ? err : "VACUUM failed";
            sqlite3_free(err);
            throwError(ErrorCode::Database, "[store.compact.1]", why);
        }
        int logFrames = 0;
        int checkpointed = 0;
        const int rc = sqlite3_wal_checkpoint_v2(m_db.get(), nullptr, SQLITE_CHECKPOINT_TRUNCATE,
                                                 &logFrames, &checkpointed);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) return false;
        if (rc != SQLITE_OK)
            throwError(ErrorCode::Database, "[store.compact.1]", sqlite3_errstr(rc));
        return true;
    });
}

}  // namespace lc::store
