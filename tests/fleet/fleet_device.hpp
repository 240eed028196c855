#pragma once
// A simulated device of the fleet: its own store and config, driven through the real lcctl.

#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "../lcctl/lcctl_runner.hpp"
#include "pg_server.hpp"

namespace lc::testing {

/// The tests' fixed instant, before circle 3101's first meeting.
inline constexpr const char* kNow = "2026-11-30T12:00:00Z";
/// The library every device of the tests belongs to.
inline constexpr const char* kLibrary = "Chicago Public Library";

/// One device: a temporary folder holding lc.db and config.json.
class Device {
  public:
    /// `claimTimeoutMs` 0: the default.
    Device(std::string name, const std::string& conninfo, int claimTimeoutMs = 0)
        : m_name(std::move(name)) {
        nlohmann::json cfg{{"library", {{"name", kLibrary}, {"time_zone", "America/Chicago"},
                                        {"country", "US"}}},
                           {"fleet", {{"database", conninfo}, {"device", m_name}}}};
        if (claimTimeoutMs > 0) cfg["fleet"]["claim_timeout_ms"] = claimTimeoutMs;
        std::ofstream(configPath()) << cfg.dump(2);
    }

    /// Runs `lcctl --db ... --config ... --now now ARGS`; stderr goes to stderr.txt.
    Run run(const std::string& args, const std::string& now = kNow) const {
        const char* bin = std::getenv("LC_LCCTL");
        REQUIRE(bin != nullptr);
        return finish(::popen(command(bin, args, now).c_str(), "r"));
    }
    /// Starts lcctl without waiting (two devices at once); finish() it.
    FILE* start(const std::string& args) const {
        return ::popen(command(std::getenv("LC_LCCTL"), args, kNow).c_str(), "r");
    }
    /// Waits for a started run.
    static Run finish(FILE* p) {
        REQUIRE(p != nullptr);
        Run r;
        char buf[4096];
        while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) r.out.append(buf, n);
        const int st = ::pclose(p);
        r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
        return r;
    }

    /// Pulls the sample feed (and exchanges).
    void syncFeed() const { run("sync --feed " + quote(sampleFeed())); }
    /// Exchanges (the sample feed again, unchanged).
    Run sync() const { return run("sync --feed " + quote(sampleFeed())); }
    /// Signs `email` up for circle 3101.
    Run signup(const std::string& email) const {
        return run("signup --circle 3101 --name " + quote("Patron " + email.substr(0, email.find('@'))) +
                   " --email " + email + " " + kAnswers);
    }
    /// Seats left in circle 3101 as this device sees it (-1 when not in the store).
    int seatsLeft3101() const {
        const auto all = nlohmann::json::parse(run("--json circles").out, nullptr, false);
        for (const auto& c : all)
            if (c.value("id", 0) == 3101) return c["seats_left"].is_number() ? c["seats_left"].get<int>() : 0;
        return -1;
    }
    /// The `export signups` CSV of circle 3101.
    std::string exportSignups() const {
        const auto path = (m_dir.path / "signups.csv").string();
        REQUIRE(run("export signups --circle 3101 --csv " + quote(path)).status == 0);
        return readFile(path);
    }
    /// Runs SQL on this device's store through the sqlite3 shell.
    std::string storeSql(const std::string& query) const {
        auto r = shell("sqlite3 " + quote(dbPath()) + " " + quote(query) + " 2>&1");
        REQUIRE(r.first == 0);
        while (!r.second.empty() && r.second.back() == '\n') r.second.pop_back();
        return r.second;
    }

    std::string dbPath() const { return (m_dir.path / "lc.db").string(); }
    std::string dir() const { return m_dir.path.string(); }
    std::string configPath() const { return (m_dir.path / "config.json").string(); }
    std::string stderrText() const { return readFile(m_dir.path / "stderr.txt"); }
    const std::string& name() const { return m_name; }

  private:
    std::string command(const char* bin, const std::string& args, const std::string& now) const {
        return quote(bin) + " --db " + quote(dbPath()) + " --config " + quote(configPath()) +
               " --now " + now + " " + args + " 2>" + quote((m_dir.path / "stderr.txt").string());
    }

    TempDir m_dir;
    std::string m_name;
};

}  // namespace lc::testing
