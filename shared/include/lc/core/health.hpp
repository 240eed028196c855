#pragma once
// Health of a running app, for operators: the file /run/learning-circles/<program>.json that
// `lcctl status` merges in (shared/README.md), and the systemd watchdog settings the app reads from its
// environment. Pure apart from writeHealthFile; no telemetry: nothing leaves the machine.

#include <chrono>
#include <optional>
#include <string>

#include <sys/types.h>

#include <lc/core/clock.hpp>
#include <lc/core/result.hpp>

namespace lc::health {

/// What the app knows about its store and the last sync (App::health()).
struct SyncHealth {
    std::string db;                          ///< the store's path ("" when unknown)
    std::optional<bool> lastSyncOk;          ///< nullopt: never synced / unknown
    std::optional<Instant> lastSyncAttempt;  ///< app clock
    std::optional<Instant> feedFetchedAt;    ///< the snapshot's fetch time (app clock)
    std::optional<Instant> pinLockedUntil;   ///< while a staff PIN lockout runs (app clock)
    int pinLockouts = 0;                     ///< PIN lockouts in a row
    std::optional<bool> integrityOk;         ///< the store's quick_check at start (nullopt: not run)

    bool operator==(const SyncHealth&) const = default;
};

/// One health file's content. No personal data, ever.
struct HealthReport {
    std::string program;   ///< "lc-kiosk", "lc-display"
    pid_t pid = 0;
    std::string version;   ///< lc::kVersion
    Instant startedAt{};   ///< wall clock (lcctl status computes uptime_s from it)
    Instant updatedAt{};   ///< wall clock
    Instant appNow{};      ///< the app clock (differs under --now): feed_age_s is measured on it
    SyncHealth sync;
};

/// The JSON text: {"program","pid","version","started_at","updated_at","db","feed_age_s",
/// "last_sync_ok","last_sync_attempt","pin_locked_until","pin_lockouts","integrity_ok"}; unknown
/// values are null.
std::string toJson(const HealthReport& report);

/// $LC_RUN_DIR when set and non-empty, else /run/learning-circles (the same rule as lcctl status).
std::string runDir();

/// Writes `<dir>/<program>.json` atomically: a temp file in `dir`, fsync-free (tmpfs), rename.
/// Errors: "[health.write.1]" the temp file cannot be written, "[health.write.2]" rename failed,
/// "[health.write.3]" a program name that is not a plain file name.
[[nodiscard]] Result<void> writeHealthFile(const std::string& dir, const HealthReport& report);

/// The systemd watchdog interval for this process, or nullopt when it is off.
/// `usec` is $WATCHDOG_USEC (must be a positive integer), `watchdogPid` is $WATCHDOG_PID: unset or
/// empty means "whoever reads it", else it must name us or our parent, because under cage the
/// unit's main process (the one systemd names) is cage, our parent. sd_watchdog_enabled() only
/// accepts its own pid, which is why this exists.
std::optional<std::chrono::microseconds> watchdogInterval(const char* usec, const char* watchdogPid,
                                                          pid_t self, pid_t parent);

}  // namespace lc::health
