#pragma once
// A private PostgreSQL 15 for the fleet tests: initdb into a temporary folder as an unprivileged
// user (CI runs as root, and PostgreSQL refuses to run as root), a unix socket in that folder on
// a random port, no TCP at all, stopped (or killed) by the test and removed at the end.

#include <pwd.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace lc::testing {

/// The PostgreSQL 15 server binaries (Debian's postgresql-15).
inline const char* kPgBin = "/usr/lib/postgresql/15/bin";

/// Runs a shell command, returning its exit status and stdout.
inline std::pair<int, std::string> shell(const std::string& cmd) {
    std::string out;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) return {-1, out};
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    const int st = ::pclose(p);
    return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, out};
}

/// The processes whose parent is `parent` (from /proc).
inline std::vector<pid_t> childrenOf(pid_t parent) {
    std::vector<pid_t> out;
    for (const auto& e : std::filesystem::directory_iterator("/proc")) {
        const std::string name = e.path().filename();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        std::ifstream stat(e.path() / "stat");
        std::string line;
        std::getline(stat, line);
        const auto close = line.rfind(')');
        if (close == std::string::npos) continue;
        char state = 0;
        int ppid = 0;
        if (std::sscanf(line.c_str() + close + 1, " %c %d", &state, &ppid) == 2 && ppid == parent)
            out.push_back(pid_t(std::stoi(name)));
    }
    return out;
}

/// One server for the whole test binary.
class PgServer {
  public:
    PgServer() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "lc-pg-XXXXXX").string();
        m_dir = ::mkdtemp(tmpl.data());
        std::mt19937 rng(std::random_device{}());
        m_port = 20000 + int(rng() % 40000);
        // As root, the server runs as the postgres package's user (or nobody): never as root.
        if (::geteuid() == 0) {
            const passwd* pw = ::getpwnam("postgres");
            if (!pw) pw = ::getpwnam("nobody");
            REQUIRE(pw != nullptr);
            m_runAs = std::string("runuser -u ") + pw->pw_name + " -- ";
            REQUIRE(::chown(m_dir.c_str(), pw->pw_uid, pw->pw_gid) == 0);
        }
        const auto init = run(std::string(kPgBin) + "/initdb -D " + data() +
                              " -A trust -U lc -E UTF8 --locale=C.UTF-8 --no-sync >" + m_dir +
                              "/initdb.log 2>&1");
        INFO(readLog("initdb.log"));
        REQUIRE(init == 0);
        start();
    }
    ~PgServer() {
        stop();
        std::filesystem::remove_all(m_dir);
    }
    PgServer(const PgServer&) = delete;
    PgServer& operator=(const PgServer&) = delete;

    /// Starts the server and waits until it accepts connections.
    void start() {
        const auto st = run(std::string(kPgBin) + "/pg_ctl -D " + data() + " -w -t 30 -l " + m_dir +
                            "/server.log -o \"-k " + m_dir + " -p " + std::to_string(m_port) +
                            " -c listen_addresses='' -c fsync=off\" start >/dev/null 2>&1");
        INFO(readLog("server.log"));
        REQUIRE(st == 0);
        m_running = true;
    }
    /// Stops it cleanly (fast shutdown: open sessions are cut).
    void stop() {
        if (!m_running && !std::filesystem::exists(data() + "/postmaster.pid")) return;
        run(std::string(kPgBin) + "/pg_ctl -D " + data() + " -m fast -w stop >/dev/null 2>&1");
        m_running = false;
    }
    /// SIGKILLs the postmaster and its backends, as a power cut or the OOM killer would.
    void kill9() {
        std::ifstream pidFile(data() + "/postmaster.pid");
        pid_t pid = 0;
        pidFile >> pid;
        REQUIRE(pid > 0);
        const auto children = childrenOf(pid);
        ::kill(pid, SIGKILL);  // first, or it would restart its killed backends
        for (pid_t child : children) ::kill(child, SIGKILL);
        // Dead may still mean a zombie nobody has reaped yet, which the next start would take for
        // a running server: once it is dead, its lock file goes (as an admin would after a crash).
        REQUIRE(waitGone(pid));
        for (pid_t child : children) REQUIRE(waitGone(child));
        std::filesystem::remove(data() + "/postmaster.pid");
        std::filesystem::remove(m_dir + "/.s.PGSQL." + std::to_string(m_port) + ".lock");
        m_running = false;
    }

    /// Freezes (SIGSTOP) or thaws (SIGCONT) the postmaster and its backends: a server that takes
    /// connections into its socket's backlog and never answers, as a hung or partitioned one.
    void freeze(bool frozen) {
        std::ifstream pidFile(data() + "/postmaster.pid");
        pid_t pid = 0;
        pidFile >> pid;
        REQUIRE(pid > 0);
        const int sig = frozen ? SIGSTOP : SIGCONT;
        ::kill(pid, sig);
        for (pid_t child : childrenOf(pid)) ::kill(child, sig);
    }

    /// A libpq connection string for database `db`.
    std::string conninfo(const std::string& db) const {
        return "host=" + m_dir + " port=" + std::to_string(m_port) + " user=lc dbname=" + db;
    }
    /// Runs SQL through psql on database `db`; returns unaligned, tuples-only output.
    std::string sql(const std::string& db, const std::string& query) const {
        const auto r = shell(std::string(kPgBin) + "/psql -X -q -At -v ON_ERROR_STOP=1 \"" +
                             conninfo(db) + "\" -c \"" + query + "\" 2>&1");
        INFO(query << ": " << r.second);
        REQUIRE(r.first == 0);
        std::string out = r.second;
        while (!out.empty() && out.back() == '\n') out.pop_back();
        return out;
    }
    /// Creates an empty database for one test case.
    std::string createDatabase(const std::string& name) {
        sql("postgres", "CREATE DATABASE " + name);
        return name;
    }

  private:
    // Exited, or a zombie.
    static bool gone(pid_t pid) {
        std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
        std::string line;
        if (!std::getline(stat, line)) return true;
        const auto close = line.rfind(')');
        return close != std::string::npos && line.size() > close + 2 && line[close + 2] == 'Z';
    }
    static bool waitGone(pid_t pid) {
        for (int i = 0; i < 500 && !gone(pid); ++i) ::usleep(10000);
        return gone(pid);
    }
    std::string data() const { return m_dir + "/data"; }
    int run(const std::string& cmd) const { return shell(m_runAs + cmd).first; }
    std::string readLog(const char* name) const {
        std::ifstream in(m_dir + "/" + name);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }

    std::string m_dir;
    std::string m_runAs;
    int m_port = 0;
    bool m_running = false;
};

/// The binary's server, started on first use and stopped when the binary exits.
inline PgServer& pgServer() {
    static PgServer server;
    return server;
}

}  // namespace lc::testing
