#include <lc/platform/files.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>

namespace lc::platform {

namespace {

// A file descriptor closed at scope end.
class Fd {
  public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd() {
        if (m_fd >= 0) ::close(m_fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return m_fd; }
    /// Closes now; false (errno set) when close failed (NFS, quota: a late write error).
    bool close() {
        const int fd = m_fd;
        m_fd = -1;
        return fd < 0 || ::close(fd) == 0;
    }

  private:
    int m_fd;
};

bool writeAll(int fd, std::string_view content) {
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = EIO;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

// "<dir>/.<name>.<random>.tmp", created exclusively; -1 with errno set when it cannot be.
int createTemp(const std::string& path, std::string& tmp) {
    const auto slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    std::random_device rd;
    for (int attempt = 0; attempt < 16; ++attempt) {
        char suffix[24];
        std::snprintf(suffix, sizeof suffix, "%08x%08x", rd(), rd());
        tmp = dir + "." + name + "." + suffix + ".tmp";
        const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd >= 0 || errno != EEXIST) return fd;
    }
    return -1;
}

}  // namespace

std::string describeErrno(int err) {
    switch (err) {
    case ENOSPC:
    case EDQUOT: return "the disk is full (no space left)";
    case EROFS: return "the file system is read-only";
    case EACCES:
    case EPERM: return "permission denied";
    case ENOENT: return "no such file or folder";
    default: return std::strerror(err);
    }
}

Error ioError(const char* id, const std::string& what, int err) {
    return {ErrorCode::Io, id, what + ": " + describeErrno(err)};
}

Result<void> writePrivateFile(const std::string& path, std::string_view content) {
    std::string tmp;
    Fd fd(createTemp(path, tmp));
    if (fd.get() < 0) return fail(ioError("[platform.write.1]", "cannot write " + path, errno));
    // The umask never widens 0600, but a narrower one must not stop the owner reading it.
    const bool ok = ::fchmod(fd.get(), 0600) == 0 && writeAll(fd.get(), content) && ::fsync(fd.get()) == 0;
    const int err = errno;
    if (!ok || !fd.close()) {
        const int cause = ok ? errno : err;
        ::unlink(tmp.c_str());
        return fail(ioError("[platform.write.2]", "cannot write " + path, cause));
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const int cause = errno;
        ::unlink(tmp.c_str());
        return fail(ioError("[platform.write.3]", "cannot write " + path, cause));
    }
    return {};
}

Result<std::string> readFile(const std::string& path) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) return fail(ioError("[platform.read.1]", "cannot read " + path, errno));
    std::string out;
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fail(ioError("[platform.read.2]", "cannot read " + path, errno));
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
}

std::optional<std::string> env(const char* name) {
    const char* v = std::getenv(name);
    if (!v || !*v) return std::nullopt;
    return std::string(v);
}

}  // namespace lc::platform
