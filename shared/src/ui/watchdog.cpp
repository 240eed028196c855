#include <lc/ui/watchdog.hpp>

#include <lc/core/version.hpp>

#include <cerrno>
#include <cstdio>
#include <cstdlib>

#include <sys/stat.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

namespace lc::ui {
namespace {

constexpr double kHealthPeriod = 60;  // seconds between health file writes
constexpr double kNever = 3600;

}  // namespace

Watchdog Watchdog::fromEnvironment() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    const bool notify = socket && *socket;
    if (!notify) return Watchdog(false, std::nullopt);
    return Watchdog(true, health::watchdogInterval(std::getenv("WATCHDOG_USEC"),
                                                   std::getenv("WATCHDOG_PID"), ::getpid(), ::getppid()));
}

Watchdog::Watchdog(bool notify, std::optional<std::chrono::microseconds> interval)
    : m_notify(notify), m_interval(notify ? interval : std::nullopt) {}

void Watchdog::ready() {
    if (m_readySent || !m_notify) return;
    m_readySent = true;
    // unset_environment=0: the variables stay for our own later pings.
    if (const int r = sd_notify(0, "READY=1"); r < 0)
        std::fprintf(stderr, "[ui.watchdog.1] sd_notify READY=1 failed: error %d\n", -r);
}

void Watchdog::pingIfDue(double now) {
    // Pings start with READY=1: before it, systemd's start timeout watches us, not the watchdog.
    if (!m_interval || !m_readySent || secondsUntilPing(now) > 0) return;
    m_lastPing = now;
    sd_notify(0, "WATCHDOG=1");
}

double Watchdog::secondsUntilPing(double now) const {
    if (!m_interval) return kNever;
    const double half = std::chrono::duration<double>(*m_interval).count() / 2;
    return std::max(0.0, m_lastPing + half - now);
}

HealthPublisher::HealthPublisher(std::string program, Instant startedAtWall) : m_dir(health::runDir()) {
    m_report.program = std::move(program);
    m_report.pid = ::getpid();
    m_report.version = kVersion;
    m_report.startedAt = startedAtWall;
    const char* env = std::getenv("LC_RUN_DIR");
    struct stat st {};
    if (!(env && *env) && ::stat(m_dir.c_str(), &st) != 0) m_enabled = false;
}

HealthPublisher::~HealthPublisher() {
    if (m_wrote) ::unlink((m_dir + "/" + m_report.program + ".json").c_str());
}

void HealthPublisher::update(double steadyNow, Instant appNow, const health::SyncHealth& sync) {
    if (!m_enabled) return;
    if (m_wrote && sync == m_report.sync && secondsUntilDue(steadyNow) > 0) return;
    m_lastWrite = steadyNow;
    m_report.updatedAt = SystemClock().now();
    m_report.appNow = appNow;
    m_report.sync = sync;
    if (auto r = health::writeHealthFile(m_dir, m_report); !r) {
        if (!m_complained) std::fprintf(stderr, "%s\n", r.error().describe().c_str());
        m_complained = true;
        return;
    }
    m_wrote = true;
    m_complained = false;
}

double HealthPublisher::secondsUntilDue(double steadyNow) const {
    if (!m_enabled) return kNever;
    return std::max(0.0, m_lastWrite + kHealthPeriod - steadyNow);
}

}  // namespace lc::ui
