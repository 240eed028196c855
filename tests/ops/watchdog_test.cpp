// The render loop's systemd watchdog against a real notify socket: lc-display (fixed --now, a
// synced temporary store, under Xvfb) started through a wrapper shell, as cage would start it,
// with NOTIFY_SOCKET, WATCHDOG_USEC=1 s and WATCHDOG_PID = the wrapper. READY=1 comes after the
// first frame, WATCHDOG=1 keeps coming while the display is idle, and stops when
// --test-freeze-after hangs the loop. Its health file is there, and `lcctl status` lists it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <optional>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "ops_fixtures.hpp"

using namespace lc::ops_test;

namespace {

double steadyNow() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

// A bound unix datagram socket, the way systemd listens for sd_notify.
class NotifySocket {
public:
    explicit NotifySocket(const fs::path& path) : m_path(path) {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        const std::string name = path.string();
        REQUIRE(name.size() < sizeof addr.sun_path);
        std::copy(name.begin(), name.end(), addr.sun_path);
        REQUIRE(::bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    }
    ~NotifySocket() { ::close(m_fd); }
    NotifySocket(const NotifySocket&) = delete;
    NotifySocket& operator=(const NotifySocket&) = delete;

    /// The next datagram, or nullopt when none came within `seconds`.
    std::optional<std::string> receive(double seconds) {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(seconds * 1000)) <= 0) return std::nullopt;
        char buf[4096];
        const ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
        return n < 0 ? std::string() : std::string(buf, static_cast<size_t>(n));
    }

private:
    fs::path m_path;
    int m_fd = -1;
};

// lc-display under `xvfb-run -a sh -c WRAPPER`, in its own process group; killed at the end.
class DisplayUnderXvfb {
public:
    DisplayUnderXvfb(const TempDir& dir, const std::string& watchdogPid, double freezeAfter) {
        m_log = dir.path / "display.log";
        // The wrapper gets systemd's variables, as cage does (Xvfb, which speaks sd_notify too,
        // must not see them).
        const std::string wrapper = "export NOTIFY_SOCKET=" + quote((dir.path / "notify.sock").string()) +
                                    " WATCHDOG_USEC=1000000 WATCHDOG_PID=" + watchdogPid + "; \"$@\"; exit $?";
        const std::string freeze = std::to_string(freezeAfter);
        m_pid = ::fork();
        REQUIRE(m_pid >= 0);
        if (m_pid == 0) {
            ::setpgid(0, 0);
            const int log = ::open(m_log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            ::dup2(log, 1);
            ::dup2(log, 2);
            ::unsetenv("NOTIFY_SOCKET");
            ::unsetenv("WATCHDOG_USEC");
            ::unsetenv("WATCHDOG_PID");
            ::setenv("LC_RUN_DIR", (dir.path / "run").c_str(), 1);
            const std::string db = (dir.path / "lc.db").string();
            ::execlp("xvfb-run", "xvfb-run", "-a", "-s", "-screen 0 1024x768x24", "sh", "-c", wrapper.c_str(), "sh",
                     LC_DISPLAY_BIN, "--db", db.c_str(), "--now", "2026-11-30T12:00:00Z", "--size", "640x360",
                     "--test-freeze-after", freeze.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::setpgid(m_pid, m_pid);
    }
    ~DisplayUnderXvfb() {
        ::kill(-m_pid, SIGTERM);
        for (int i = 0; i < 100; ++i) {  // up to 10 s for Xvfb and the app to go
            if (::waitpid(m_pid, nullptr, WNOHANG) == m_pid) return;
            ::poll(nullptr, 0, 100);
        }
        ::kill(-m_pid, SIGKILL);
        ::waitpid(m_pid, nullptr, 0);
    }
    DisplayUnderXvfb(const DisplayUnderXvfb&) = delete;
    DisplayUnderXvfb& operator=(const DisplayUnderXvfb&) = delete;

    std::string log() const { return readFile(m_log); }

private:
    pid_t m_pid = -1;
    fs::path m_log;
};

void syncStore(const TempDir& dir) {
    const Run r = run(quote(LC_LCCTL_BIN) + " --db " + quote((dir.path / "lc.db").string()) +
                      " --now 2026-11-30T12:00:00Z sync --feed " +
                      quote(std::string("file://") + LC_TEST_DATA_DIR "/p2pu-learningcircles-sample.json"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    fs::create_directories(dir.path / "run");
}

// Waits for READY=1 (start-up under Xvfb with software GL may take a while).
bool awaitReady(NotifySocket& sock, std::vector<std::string>& before) {
    const double deadline = steadyNow() + 60;
    while (steadyNow() < deadline) {
        auto m = sock.receive(deadline - steadyNow());
        if (!m) return false;
        if (*m == "READY=1") return true;
        before.push_back(*m);
    }
    return false;
}

}  // namespace

TEST_CASE("Watchdog", "[ops]") {
    TempDir dir;
    syncStore(dir);
    NotifySocket sock(dir.path / "notify.sock");

    SECTION("READY after the first frame, pings while idle, silence once the loop hangs") {
        DisplayUnderXvfb app(dir, "$$", 3.0);
        std::vector<std::string> early;
        const bool ready = awaitReady(sock, early);
        INFO(app.log());
        REQUIRE(ready);
        CHECK(early.empty());

        // Pings every half interval until the freeze; then none for 2.5 intervals.
        std::vector<double> pings;
        const double start = steadyNow();
        while (steadyNow() - start < 30) {
            auto m = sock.receive(2.5);
            if (!m) break;
            if (*m == "WATCHDOG=1") pings.push_back(steadyNow());
        }
        const std::string log = app.log();
        INFO(log);
        CHECK(steadyNow() - start < 30);  // the pings stopped
        CHECK_THAT(log, Catch::Contains("[ui.shell.6]"));
        REQUIRE(pings.size() >= 3);
        double widest = pings.front() - start;
        for (size_t i = 1; i < pings.size(); ++i) widest = std::max(widest, pings[i] - pings[i - 1]);
        CHECK(widest < 1.0);  // within WATCHDOG_USEC, though nothing on screen changes

        // The health file, written at the first frame, and lcctl status merging it.
        const auto health = nlohmann::json::parse(readFile(dir.path / "run/lc-display.json"), nullptr, false);
        REQUIRE(health.is_object());
        CHECK(health["program"] == "lc-display");
        CHECK(health["db"] == (dir.path / "lc.db").string());
        CHECK(health["version"].is_string());
        const Run status = run("LC_RUN_DIR=" + quote((dir.path / "run").string()) + " " + quote(LC_LCCTL_BIN) +
                               " --db " + quote((dir.path / "lc.db").string()) + " status --json");
        INFO(status.out);
        REQUIRE(status.status == 0);
        const auto procs = nlohmann::json::parse(status.out)["processes"];
        REQUIRE(procs.size() == 1);
        CHECK(procs[0]["program"] == "lc-display");
        CHECK(procs[0]["pid"] == health["pid"]);
        CHECK(procs[0]["uptime_s"].is_number_integer());
    }
    SECTION("a WATCHDOG_PID naming neither the app nor its parent: READY, but no pings") {
        DisplayUnderXvfb app(dir, "1", 30.0);
        std::vector<std::string> early;
        const bool ready = awaitReady(sock, early);
        INFO(app.log());
        REQUIRE(ready);
        CHECK_FALSE(sock.receive(2.0).has_value());
    }
}
