#include "powercut_vfs.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <sqlite3.h>

#include <cstdlib>

namespace lc::reliability {
namespace {

constexpr std::int64_t kBlock = 512;

// SQLite allocates szOsFile bytes per open file: this header, then the real VFS's file.
struct CutFile {
    sqlite3_file base;
    PowercutState* state;
    const char* path;  // valid until xClose (SQLite's promise); null for untracked temp files
};

sqlite3_file* realFile(sqlite3_file* f) { return reinterpret_cast<sqlite3_file*>(reinterpret_cast<CutFile*>(f) + 1); }
CutFile* cut(sqlite3_file* f) { return reinterpret_cast<CutFile*>(f); }

void restoreFile(const std::string& path, const SyncedImage& img) {
    const int fd = ::open(path.c_str(), O_RDWR);
    if (fd < 0) return;  // deleted since: deletes are durable
    for (const auto& [index, bytes] : img.blocks)
        if (::pwrite(fd, bytes.data(), bytes.size(), index * kBlock) != static_cast<ssize_t>(bytes.size())) std::abort();
    if (::ftruncate(fd, img.size) != 0) std::abort();
    ::close(fd);
}

// Counts one operation; at the chosen one, the power goes.
void tick(PowercutState& st) {
    ++st.ops;
    if (st.cutAt == 0 || st.ops < st.cutAt) return;
    dropUnsynced(st);
    std::_Exit(st.exitCode);
}

// Saves the synced bytes of every block in [offset, offset+length) not saved since the last sync.
int saveBlocks(CutFile* f, std::int64_t offset, std::int64_t length) {
    if (!f->path || length <= 0) return SQLITE_OK;
    SyncedImage& img = f->state->files[f->path];
    sqlite3_file* real = realFile(&f->base);
    for (std::int64_t b = offset / kBlock; b * kBlock < offset + length; ++b) {
        const std::int64_t start = b * kBlock;
        if (start >= img.size || img.blocks.count(b)) continue;
        std::string bytes(static_cast<std::size_t>(std::min(kBlock, img.size - start)), '\0');
        const int rc = real->pMethods->xRead(real, bytes.data(), int(bytes.size()), start);
        if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) return rc;
        img.blocks.emplace(b, std::move(bytes));
    }
    return SQLITE_OK;
}

int xClose(sqlite3_file* f) {
    sqlite3_file* real = realFile(f);
    return real->pMethods->xClose(real);
}
int xRead(sqlite3_file* f, void* buf, int n, sqlite3_int64 off) {
    sqlite3_file* real = realFile(f);
    return real->pMethods->xRead(real, buf, n, off);
}
int xWrite(sqlite3_file* f, const void* buf, int n, sqlite3_int64 off) {
    tick(*cut(f)->state);
    if (int rc = saveBlocks(cut(f), off, n); rc != SQLITE_OK) return rc;
    sqlite3_file* real = realFile(f);
    return real->pMethods->xWrite(real, buf, n, off);
}
int xTruncate(sqlite3_file* f, sqlite3_int64 size) {
    tick(*cut(f)->state);
    sqlite3_file* real = realFile(f);
    sqlite3_int64 now = 0;
    if (int rc = real->pMethods->xFileSize(real, &now); rc != SQLITE_OK) return rc;
    if (int rc = saveBlocks(cut(f), size, now - size); rc != SQLITE_OK) return rc;
    return real->pMethods->xTruncate(real, size);
}
int xSync(sqlite3_file* f, int flags) {
    tick(*cut(f)->state);
    sqlite3_file* real = realFile(f);
    const int rc = real->pMethods->xSync(real, flags);
    if (rc == SQLITE_OK && cut(f)->path) {
        SyncedImage& img = cut(f)->state->files[cut(f)->path];
        sqlite3_int64 size = 0;
        if (real->pMethods->xFileSize(real, &size) != SQLITE_OK) std::abort();
        img.size = size;
        img.blocks.clear();
    }
    return rc;
}
int xFileSize(sqlite3_file* f, sqlite3_int64* size) { return realFile(f)->pMethods->xFileSize(realFile(f), size); }
int xLock(sqlite3_file* f, int l) { return realFile(f)->pMethods->xLock(realFile(f), l); }
int xUnlock(sqlite3_file* f, int l) { return realFile(f)->pMethods->xUnlock(realFile(f), l); }
int xCheckReservedLock(sqlite3_file* f, int* out) {
    return realFile(f)->pMethods->xCheckReservedLock(realFile(f), out);
}
int xFileControl(sqlite3_file* f, int op, void* arg) {
    return realFile(f)->pMethods->xFileControl(realFile(f), op, arg);
}
int xSectorSize(sqlite3_file* f) { return realFile(f)->pMethods->xSectorSize(realFile(f)); }
int xDeviceCharacteristics(sqlite3_file* f) {
    return realFile(f)->pMethods->xDeviceCharacteristics(realFile(f));
}
int xShmMap(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
    return realFile(f)->pMethods->xShmMap(realFile(f), page, size, extend, out);
}
int xShmLock(sqlite3_file* f, int offset, int n, int flags) {
    return realFile(f)->pMethods->xShmLock(realFile(f), offset, n, flags);
}
void xShmBarrier(sqlite3_file* f) { realFile(f)->pMethods->xShmBarrier(realFile(f)); }
int xShmUnmap(sqlite3_file* f, int del) { return realFile(f)->pMethods->xShmUnmap(realFile(f), del); }
int xFetch(sqlite3_file* f, sqlite3_int64 off, int n, void** out) {
    return realFile(f)->pMethods->xFetch(realFile(f), off, n, out);
}
int xUnfetch(sqlite3_file* f, sqlite3_int64 off, void* p) {
    return realFile(f)->pMethods->xUnfetch(realFile(f), off, p);
}

const sqlite3_io_methods kMethods = {
    3,        xClose,          xRead,       xWrite,          xTruncate, xSync,
    xFileSize, xLock,          xUnlock,     xCheckReservedLock, xFileControl, xSectorSize,
    xDeviceCharacteristics, xShmMap, xShmLock, xShmBarrier,  xShmUnmap, xFetch,
    xUnfetch,
};

int xOpen(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* outFlags) {
    auto* st = static_cast<PowercutState*>(vfs->pAppData);
    CutFile* c = cut(f);
    c->state = st;
    c->path = nullptr;
    c->base.pMethods = nullptr;
    const int rc = st->real->xOpen(st->real, name, realFile(f), flags, outFlags);
    if (rc != SQLITE_OK) return rc;
    c->base.pMethods = &kMethods;
    if (name && (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL))) {
        c->path = name;
        if (!st->files.count(name)) {
            // What is on disk when we first see a file counts as synced.
            sqlite3_int64 size = 0;
            sqlite3_file* real = realFile(f);
            if (real->pMethods->xFileSize(real, &size) != SQLITE_OK) std::abort();
            st->files[name].size = size;
        }
    }
    return SQLITE_OK;
}

int xDelete(sqlite3_vfs* vfs, const char* name, int syncDir) {
    auto* st = static_cast<PowercutState*>(vfs->pAppData);
    tick(*st);
    st->files.erase(name);
    return st->real->xDelete(st->real, name, syncDir);
}

}  // namespace

void dropUnsynced(PowercutState& state) {
    for (auto& [path, img] : state.files) {
        restoreFile(path, img);
        img.blocks.clear();
    }
}

void installPowercutVfs(PowercutState& state) {
    // One VFS object per process: SQLite keeps the pointer, so it lives as long as the state's
    // owner promised (the whole process).
    static sqlite3_vfs vfs{};
    state.real = sqlite3_vfs_find(nullptr);
    vfs = *state.real;
    vfs.zName = "powercut";
    vfs.szOsFile = int(sizeof(CutFile)) + state.real->szOsFile;
    vfs.pAppData = &state;
    vfs.xOpen = xOpen;
    vfs.xDelete = xDelete;
    vfs.pNext = nullptr;
    sqlite3_vfs_register(&vfs, 1);
}

}  // namespace lc::reliability
