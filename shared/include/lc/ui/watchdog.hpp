#pragma once
// The shell's duties towards systemd and the operator, kept out of the render loop's code:
// READY=1 after the first frame and WATCHDOG=1 from the loop (libsystemd's sd_notify), and the
// health file /run/learning-circles/<program>.json once a minute and whenever the app's sync
// state changes. Nothing here leaves the machine.

#include <chrono>
#include <optional>
#include <string>

#include <lc/core/clock.hpp>
#include <lc/core/health.hpp>

namespace lc::ui {

/// systemd notifications. Thread-safety: main thread only.
class Watchdog {
public:
    /// Off unless $NOTIFY_SOCKET is set; pings only when health::watchdogInterval accepts
    /// $WATCHDOG_USEC and $WATCHDOG_PID (ours or our parent's: under cage, cage is the main pid).
    static Watchdog fromEnvironment();
    /// `interval` nullopt: no pings (READY=1 is still sent when `notify`).
    Watchdog(bool notify, std::optional<std::chrono::microseconds> interval);

    /// True when pings are due at all.
    bool pinging() const { return m_interval.has_value(); }
    /// Sends READY=1, once; later calls do nothing.
    void ready();
    /// After ready(): sends WATCHDOG=1 when half the interval has passed since the last ping
    /// (`now`: steady seconds).
    void pingIfDue(double now);
    /// Seconds from `now` (steady) until the next ping; a large number when not pinging.
    double secondsUntilPing(double now) const;

private:
    bool m_notify = false;
    std::optional<std::chrono::microseconds> m_interval;
    bool m_readySent = false;
    double m_lastPing = -1e18;
};

/// The health file of one running app. Thread-safety: main thread only.
class HealthPublisher {
public:
    /// Writes into health::runDir(). When $LC_RUN_DIR is unset and /run/learning-circles does not
    /// exist (a developer's machine, the demo), it stays silent and writes nothing.
    HealthPublisher(std::string program, Instant startedAtWall);
    /// Removes the file it wrote (lcctl also skips files whose pid is gone).
    ~HealthPublisher();
    HealthPublisher(const HealthPublisher&) = delete;
    HealthPublisher& operator=(const HealthPublisher&) = delete;

    /// Writes when a minute has passed since the last write, or `sync` differs from what was
    /// last written (a sync finished). `steadyNow` steady seconds; `appNow` the app clock.
    void update(double steadyNow, Instant appNow, const health::SyncHealth& sync);
    /// Seconds from `steadyNow` until the next periodic write.
    double secondsUntilDue(double steadyNow) const;

private:
    health::HealthReport m_report;
    std::string m_dir;
    bool m_enabled = true;
    bool m_wrote = false;
    bool m_complained = false;
    double m_lastWrite = -1e18;
};

}  // namespace lc::ui
