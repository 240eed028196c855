#pragma once
// Helpers for the operations tests: temporary folders, running commands, reading files.

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/wait.h>

namespace lc::ops_test {

namespace fs = std::filesystem;

/// A private temporary folder, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "lc-ops-XXXXXX").string();
        path = ::mkdtemp(tmpl.data());
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

/// A shell word: 'text' with quotes escaped.
inline std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

/// What a command printed (stdout and stderr together) and its exit status (-1: a signal).
struct Run {
    int status = -1;
    std::string out;
};

/// Runs `cmd` with /bin/sh, stderr merged into stdout.
inline Run run(const std::string& cmd) {
    Run r;
    FILE* p = ::popen((cmd + " 2>&1").c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf{};
    while (std::size_t n = std::fread(buf.data(), 1, buf.size(), p)) r.out.append(buf.data(), n);
    const int st = ::pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

/// True when `program` is on $PATH.
inline bool onPath(const std::string& program) {
    return run("command -v " + quote(program) + " >/dev/null").status == 0;
}

/// The whole file, "" when unreadable.
inline std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Installs the build (`cmake --install`, prefix /usr) into `root`, as the package stages it.
/// Output goes to `log`; true on success.
inline bool stageInstall(const fs::path& root, std::string& log) {
    const Run r = run("DESTDIR=" + quote(root.string()) + " cmake --install " + quote(LC_BINARY_DIR) +
                      " --prefix /usr");
    log = r.out;
    return r.status == 0;
}

}  // namespace lc::ops_test
