#pragma once
// The SQLite database file: opening (permissions, pragmas, migrations), backup and checks.
// The store is the only code with SQL (shared/README.md); repositories borrow a Database.

#include <memory>
#include <string>

#include <lc/core/result.hpp>

struct sqlite3;

namespace lc::store {

/// Closes a connection (sqlite3_close_v2).
struct ConnectionCloser {
    void operator()(sqlite3* db) const noexcept;
};
/// An owned SQLite connection.
using ConnectionPtr = std::unique_ptr<sqlite3, ConnectionCloser>;

/// One connection to the store. Opening creates the file with mode 0600, refuses a file it cannot
/// write, sets WAL, synchronous=FULL, foreign keys and a 5 s busy timeout, backs the file up to
/// "<path>.pre-v<N>.bak" before migrating it to version N, and refuses a file newer than the code.
/// Repositories keep a pointer to the connection: the Database must outlive them (moving the
/// Database object is fine, the connection does not move).
/// Thread-safety: one Database (and its repositories) per thread; several processes and
/// connections may share one file.
class Database {
  public:
    /// Opens (creating it if needed) and migrates the store at `path`; ":memory:" for tests.
    /// Errors: [store.open.1] Io cannot create; [store.open.2] Io not writable (says how to run);
    /// [store.open.3] Database not a database; [store.open.4] Conflict schema newer than the code;
    /// [store.open.5] Io pre-migration backup failed; [store.open.6] Database migration failed;
    /// [store.open.7] Database pragma failed.
    static Result<Database> open(const std::string& path);

    /// The schema version this code writes (the last migration).
    static int latestSchemaVersion();

    /// The file's `PRAGMA user_version`.
    int schemaVersion() const;

    /// A consistent copy of the live database at `dest` (online backup API), mode 0600.
    /// Errors: [store.backup.1] Io cannot create dest; [store.backup.2] Database copy failed.
    Result<void> backupTo(const std::string& dest) const;

    /// `PRAGMA integrity_check` and `foreign_key_check`; [store.integrity.1] Database when not ok.
    Result<void> integrityCheck() const;

    /// `PRAGMA quick_check` (every page readable, every record well formed; no index
    /// cross-check), fast enough for every start, `lcctl status` and before `backup`.
    /// [store.integrity.2] Database, "the store is damaged: ...", when not ok.
    Result<void> quickCheck() const;

    /// After an erasure: VACUUM (the freed pages leave the file; secure_delete, set at open, has
    /// already zeroed them) and a TRUNCATE checkpoint of the WAL (old page images leave the -wal
    /// file). Returns false when another connection kept the checkpoint from finishing (run it
    /// again once that process has stopped); errors: [store.compact.1] Database.
    Result<bool> compact() const;

    /// The path it was opened with.
    const std::string& path() const { return m_path; }

    /// The raw connection, for repositories and transactions inside lc_store.
    sqlite3* handle() const { return m_db.get(); }

  private:
    Database(ConnectionPtr db, std::string path) : m_db(std::move(db)), m_path(std::move(path)) {}

    ConnectionPtr m_db;
    std::string m_path;
};

}  // namespace lc::store
