#include <lc/core/paths.hpp>

#include <cstdlib>
#include <sys/stat.h>

namespace lc::paths {

bool exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

std::string assetsDir() {
    if (const char* env = std::getenv("LC_ASSETS_DIR"); env && *env) return env;
    if (exists(LC_INSTALL_ASSETS_DIR "/demo/feed.json")) return LC_INSTALL_ASSETS_DIR;
    return LC_SOURCE_ASSETS_DIR;
}

std::string demoStateDir() {
    std::string base;
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg) {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        base = std::string(home) + "/.local/state";
        ::mkdir((std::string(home) + "/.local").c_str(), 0700);
    } else {
        base = "/tmp";
    }
    ::mkdir(base.c_str(), 0700);
    const std::string dir = base + "/learning-circles";
    ::mkdir(dir.c_str(), 0700);
    return dir;
}

std::string demoDb() { return demoStateDir() + "/demo.db"; }

}  // namespace lc::paths
