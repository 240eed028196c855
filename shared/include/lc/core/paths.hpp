#pragma once
// Where things live: bundled assets, the demo's state, the installed defaults.

#include <string>

namespace lc::paths {

/// The assets folder: $LC_ASSETS_DIR, else the installed one (/usr/share/learning-circles) when
/// it exists, else the source tree's assets/ (a build that was not installed).
std::string assetsDir();

/// The demo's state folder, $XDG_STATE_HOME/learning-circles (~/.local/state/learning-circles),
/// created with mode 0700 when missing.
std::string demoStateDir();

/// The demo's database, shared by lcctl, lc-kiosk and lc-display: demoStateDir() + "/demo.db".
std::string demoDb();

/// The installed database, /var/lib/learning-circles/lc.db.
inline constexpr const char* kInstalledDb = "/var/lib/learning-circles/lc.db";
/// The installed config, /etc/learning-circles/config.json.
inline constexpr const char* kInstalledConfig = "/etc/learning-circles/config.json";

/// True when a file exists at `path`.
bool exists(const std::string& path);

}  // namespace lc::paths
