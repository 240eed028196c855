// The health file's I/O (declared in lc/core/health.hpp; lc_core itself does no I/O).
#include <lc/core/health.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>

#include <lc/platform/files.hpp>

namespace lc::health {
namespace {

bool writeAll(int fd, const std::string& text) {
    size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

}  // namespace

std::string runDir() {
    return platform::env("LC_RUN_DIR").value_or("/run/learning-circles");
}

Result<void> writeHealthFile(const std::string& dir, const HealthReport& report) {
    if (report.program.empty() || report.program.find('/') != std::string::npos || report.program[0] == '.')
        return fail(ErrorCode::InvalidInput, "[health.write.3]", "bad program name '" + report.program + "'");
    const std::string path = dir + "/" + report.program + ".json";
    std::string temp = dir + "/." + report.program + ".json.XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0)
        return fail(platform::ioError("[health.write.1]", "cannot write in " + dir, errno));
    // Readable by an admin running `lcctl status` (mkstemp makes 0600); it holds no personal data.
    const bool ok = ::fchmod(fd, 0644) == 0 && writeAll(fd, toJson(report));
    const int err = errno;
    ::close(fd);
    if (!ok) {
        ::unlink(temp.c_str());
        return fail(platform::ioError("[health.write.1]", "cannot write " + temp, err));
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int renameErr = errno;
        ::unlink(temp.c_str());
        return fail(platform::ioError("[health.write.2]", "cannot rename to " + path, renameErr));
    }
    return {};
}

}  // namespace lc::health
