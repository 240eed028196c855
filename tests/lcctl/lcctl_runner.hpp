#pragma once
// Runs the real lcctl binary against a temporary store, at a fixed instant, for end-to-end tests.

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

namespace lc::testing {

namespace fs = std::filesystem;

/// What one run printed and how it ended.
struct Run {
    int status = -1;
    std::string out;
};

/// A private temporary folder, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "lcctl-test-XXXXXX").string();
        path = ::mkdtemp(tmpl.data());
    }
    ~TempDir() { fs::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

/// Single-quotes a shell word.
inline std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

/// Runs lcctl with `args` (already quoted where needed) on `dir`'s store at `now`; stdout is
/// captured, stderr goes to dir/stderr.txt.
inline Run lcctl(const TempDir& dir, const std::string& args, const std::string& now = "2026-11-30T12:00:00Z") {
    const char* bin = std::getenv("LC_LCCTL");
    REQUIRE(bin != nullptr);
    const std::string cmd = quote(bin) + " --db " + quote((dir.path / "lc.db").string()) + " --now " + now +
                            " " + args + " 2>" + quote((dir.path / "stderr.txt").string());
    Run r;
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    std::array<char, 4096> buf{};
    while (std::size_t n = std::fread(buf.data(), 1, buf.size(), p)) r.out.append(buf.data(), n);
    const int st = ::pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

/// The required answers and consent of a signup, for `lcctl signup`.
inline constexpr const char* kAnswers = "--goals 'Get a job' --support 'Come every week' --consent ";

/// The sample feed as a file:// URL.
inline std::string sampleFeed() { return std::string("file://") + LC_TEST_DATA_DIR "/p2pu-learningcircles-sample.json"; }

/// A whole file as a string.
inline std::string readFile(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace lc::testing
