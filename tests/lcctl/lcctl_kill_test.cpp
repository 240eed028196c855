// `lcctl sync` killed with SIGKILL while the server holds its push, then run again: every signup
// reaches the server at least once and none is lost (issue #3, fault table).
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <map>

#include <nlohmann/json.hpp>

#include "../feed/p2pu_test_server.hpp"
#include "lcctl_runner.hpp"

using namespace lc::testing;
using nlohmann::json;

namespace {

/// Starts lcctl `args` on dir's store at `now` in the background (stdout and stderr to files).
pid_t startLcctl(const TempDir& dir, std::vector<std::string> args, const std::string& now) {
    const char* bin = std::getenv("LC_LCCTL");
    REQUIRE(bin != nullptr);
    args.insert(args.begin(), {bin, "--db", (dir.path / "lc.db").string(), "--now", now});
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const std::string out = (dir.path / "killed-out.txt").string();
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        const int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) {
            ::dup2(fd, 1);
            ::dup2(fd, 2);
        }
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

/// How many times the server created or updated an application, per email.
std::map<std::string, int> createdPerEmail(P2puTestServer& server) {
    std::map<std::string, int> n;
    for (const auto& req : server.received("/api/signup/"))
        if (req["outcome"] == "created") ++n[json::parse(req["body"].get<std::string>())["email"].get<std::string>()];
    return n;
}

/// Waits (bounded, polling) until the server has created `email`'s application.
bool waitCreated(P2puTestServer& server, const std::string& email) {
    for (int i = 0; i < 1000; ++i) {
        if (createdPerEmail(server)[email] > 0) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

}  // namespace

TEST_CASE("lcctl sync killed mid-push", "[lcctl][network]") {
    TempDir dir;
    P2puTestServer server;
    const std::string feedUrl = server.feedUrl("?scope=active");
    const std::string feed = quote(feedUrl);
    const std::vector<std::pair<std::string, std::string>> people{
        {"3101", "ana@example.org"}, {"3103", "ben@example.org"}, {"3101", "chen@example.org"}};
    REQUIRE(lcctl(dir, "sync --feed " + feed).status == 0);
    for (const auto& [circle, email] : people)
        REQUIRE(lcctl(dir, "signup --circle " + circle + " --name 'Pat Doe' --email " + email + " " + kAnswers)
                    .status == 0);

    // The first signup goes through, the second is held; then lcctl dies without a word.
    server.fault({{"mode", "hold"}, {"path", "/api/signup/"}, {"after", 1}});
    const pid_t pid = startLcctl(dir, {"sync", "--feed", feedUrl}, "2026-11-30T12:00:00Z");
    const bool held = server.waitHeld(1);
    ::kill(pid, SIGKILL);
    int st = 0;
    REQUIRE(::waitpid(pid, &st, 0) == pid);
    REQUIRE(held);
    CHECK(WIFSIGNALED(st));
    CHECK(WTERMSIG(st) == SIGKILL);
    // The held request now completes on the server, but nobody hears the answer.
    server.control("/release");
    CHECK(json::parse(lcctl(dir, "status --json").out)["outbox_pending"] == 2);

    // Before the lease ends, the held row is not sent again; the ones behind it are.
    auto early = lcctl(dir, "--json sync --feed " + feed, "2026-11-30T12:05:00Z");
    CHECK(early.status == 2);
    CHECK(json::parse(early.out)["pushed"] == 1);
    REQUIRE(waitCreated(server, "ben@example.org"));  // the killed run's request, finished late
    CHECK(createdPerEmail(server)["ben@example.org"] == 1);
    // After the lease (10 minutes), the row goes again: at least once, never lost.
    auto again = lcctl(dir, "--json sync --feed " + feed, "2026-11-30T12:11:00Z");
    CHECK(again.status == 0);
    CHECK(json::parse(lcctl(dir, "status --json", "2026-11-30T12:11:00Z").out)["outbox_pending"] == 0);
    const auto created = createdPerEmail(server);
    for (const auto& person : people) {
        INFO(person.second);
        CHECK(created.count(person.second) == 1);
        CHECK(created.at(person.second) >= 1);
    }
    CHECK(created.at("ana@example.org") == 1);
    CHECK(created.at("chen@example.org") == 1);
    CHECK(created.at("ben@example.org") == 2);  // the held one and its resend: at-least-once
    CHECK(server.query("/signups")["signups"].size() == 3);
}
