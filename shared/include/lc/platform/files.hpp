#pragma once
// The platform library: the file and environment I/O the other modules need, in one place, with
// errors that name the real cause (disk full, read-only file system, permission).

#include <optional>
#include <string>
#include <string_view>

#include <lc/core/result.hpp>

namespace lc::platform {

/// "the disk is full", "the file system is read-only", "permission denied", else strerror(err).
std::string describeErrno(int err);

/// An Io error "[id] <what>: <describeErrno(err)>"; code Io.
Error ioError(const char* id, const std::string& what, int err);

/// Writes `content` to `path` with mode 0600: a new temp file next to it (O_CREAT|O_EXCL|
/// O_NOFOLLOW, so a planted file or symlink is never followed or reused), fsync, then rename
/// into place (replacing a symlink at `path`, never writing through it).
/// Errors: [platform.write.1] cannot create the temp file, [platform.write.2] write or fsync
/// failed, [platform.write.3] rename failed; each names the cause (describeErrno).
Result<void> writePrivateFile(const std::string& path, std::string_view content);

/// The whole file, or an Io error naming the path and the cause.
/// [platform.read.1] cannot open, [platform.read.2] read failed.
Result<std::string> readFile(const std::string& path);

/// The environment variable, or nullopt when unset or empty.
std::optional<std::string> env(const char* name);

}  // namespace lc::platform
