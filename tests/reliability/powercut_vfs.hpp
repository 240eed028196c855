#pragma once
// A power cut for SQLite: a VFS over the default unix VFS that remembers, per file (main database,
// -wal, -journal), what each region held at the last xSync and, at a chosen write/truncate/sync/
// delete operation, puts every unsynced region and size back to that content and ends the
// process at once. A process kill keeps the OS cache and proves nothing about fsync; this does.
//
// Model: xSync makes a file's content and size durable; anything written or truncated since is
// lost whole at the cut (per byte range, as SQLITE_IOCAP_POWERSAFE_OVERWRITE assumes); deletes
// are durable. The -shm file is left alone (SQLite rebuilds the WAL index after a crash).

#include <cstdint>
#include <map>
#include <string>

struct sqlite3_vfs;

namespace lc::reliability {

/// What survived of one file: its size and, for regions touched since, their synced bytes.
struct SyncedImage {
    std::int64_t size = 0;
    std::map<std::int64_t, std::string> blocks;  ///< block index → the bytes it held at the sync
};

/// The shim's state, owned by the test driver. Thread-safety: one thread (the test's).
struct PowercutState {
    std::uint64_t cutAt = 0;    ///< the 1-based operation at which the power goes; 0: never
    int exitCode = 42;          ///< the process ends with this code at the cut
    std::uint64_t ops = 0;      ///< write, truncate, sync and delete operations seen so far
    sqlite3_vfs* real = nullptr;
    std::map<std::string, SyncedImage> files;  ///< by path
};

/// Registers the "powercut" VFS over the default one and makes it the default. `state` must
/// outlive every connection opened afterwards (in practice: the process, which the cut ends).
void installPowercutVfs(PowercutState& state);

/// Drops every unsynced write now (as the cut does) without ending the process; for tests of
/// the shim itself.
void dropUnsynced(PowercutState& state);

}  // namespace lc::reliability
