// The kiosk's signups claim their seats in the library's database: the real lc-kiosk under Xvfb,
// driven by --script, a device of a fleet on the tests' PostgreSQL. Screenshots land in
// <build>/tests/fleet-kiosk/ (look at them).
#include <chrono>
#include <filesystem>

#include <lc/core/clock.hpp>
#include <lc/core/config.hpp>
#include <lc/fleet/seat_claim.hpp>

#include "fleet_device.hpp"

using namespace lc::testing;

namespace {

int kioskCase = 0;

// From Home to Confirm on circle 3101 ("Public Speaking"), then what the script expects.
std::string signupScript(const std::string& email, const std::string& after) {
    return "tap \"Sign up for a learning circle\"\ntap \"Public Speaking\"\ntap \"Sign up here\"\n"
           "tap \"Your name\"\ntype \"Kim Kiosk\"\ntap \"Email\"\ntype \"" + email + "\"\n"
           "tap \"What are your goals for this circle?\"\ntype \"Speak up\"\n"
           "tap \"How will you help the group?\"\ntype \"Bring tea\"\ntap \"signup.consent\"\n"
           "tap \"Continue\"\nexpect \"Check your details\"\ntap \"Confirm signup\"\n" + after;
}

struct KioskRun {
    int status = -1;
    std::string stderrText;
};

// Runs lc-kiosk on `device`'s store and config with `script`; false when no kiosk was built.
std::optional<KioskRun> runKiosk(const Device& device, const std::string& script,
                                 const std::string& shot) {
    const char* kiosk = std::getenv("LC_KIOSK");
    if (!kiosk || !*kiosk || shell("command -v xvfb-run >/dev/null").first != 0) return std::nullopt;
    const std::string scriptPath = device.dir() + "/kiosk-script.txt";
    std::ofstream(scriptPath) << script;
    const auto shots = std::filesystem::current_path() / "fleet-kiosk";
    std::filesystem::create_directories(shots);
    const std::string err = device.dir() + "/kiosk-stderr.txt";
    const auto r = shell("xvfb-run -a -s '-screen 0 1920x1080x24' " + quote(kiosk) + " --db " +
                         quote(device.dbPath()) + " --config " + quote(device.configPath()) +
                         " --now " + kNow + " --size 1920x1080 --script " + quote(scriptPath) +
                         " --screenshot " + quote((shots / shot).string()) + " 2>" + quote(err));
    return KioskRun{r.first, readFile(err)};
}

int count(const std::string& db, const std::string& where) {
    return std::stoi(pgServer().sql(db, "SELECT count(*) FROM lc_records WHERE " + where));
}

// A kiosk device and a second device (lcctl) of one library on a fresh database.
struct KioskAndOther {
    std::string db = pgServer().createDatabase("fleet_kiosk_" + std::to_string(++kioskCase));
    Device kiosk, other;
    explicit KioskAndOther(int claimTimeoutMs = 0)
        : kiosk("kiosk-k", pgServer().conninfo(db), claimTimeoutMs),
          other("kiosk-o", pgServer().conninfo(db)) {
        kiosk.syncFeed();
        other.syncFeed();
    }
};

// Thaws the server however the case ends.
struct Frozen {
    Frozen() { pgServer().freeze(true); }
    ~Frozen() { pgServer().freeze(false); }
};

}  // namespace

TEST_CASE("fleet: a kiosk's signup takes its seat in PostgreSQL, or is refused there", "[fleet]") {
    SECTION("a seat free: You're in!, claimed in PostgreSQL under the kiosk's record id") {
        const KioskAndOther k;
        const auto run = runKiosk(k.kiosk, signupScript("kim@example.org", "expect \"You're in!\"\n"),
                                  "claimed.png");
        if (!run) {
            WARN("no lc-kiosk or xvfb-run: the kiosk's seat claims are not tested");
            return;
        }
        INFO(run->stderrText);
        REQUIRE(run->status == 0);
        const std::string id = k.kiosk.storeSql("SELECT id FROM signups");
        CHECK(pgServer().sql(k.db, "SELECT device || ' ' || claimed_offline || ' ' || holds_seat "
                                   "FROM lc_records WHERE id = '" + id + "'") == "kiosk-k false true");
        k.kiosk.sync();  // the push finds the claimed record there: still not "claimed offline"
        CHECK(count(k.db, "kind = 'signup' AND claimed_offline") == 0);
        CHECK(count(k.db, "kind = 'signup'") == 1);
    }

    SECTION("another device took the last seat: This circle is full., nothing stored") {
        const KioskAndOther k;
        // The kiosk's store still shows seats (it has not synced since): only PostgreSQL knows.
        for (int i = 0; i < 7; ++i)
            REQUIRE(k.other.signup("p" + std::to_string(i) + "@example.org").status == 0);
        REQUIRE(k.kiosk.seatsLeft3101() == 7);
        const auto run = runKiosk(
            k.kiosk, signupScript("kim@example.org", "expect \"This circle is full.\"\n"), "full.png");
        if (!run) return;
        INFO(run->stderrText);
        REQUIRE(run->status == 0);
        CHECK(k.kiosk.storeSql("SELECT count(*) FROM signups") == "0");
        CHECK(count(k.db, "kind = 'signup' AND holds_seat") == 7);
    }
}

TEST_CASE("fleet: a kiosk with its database not answering signs up alone, within the timeout",
          "[fleet]") {
    SECTION("stopped: You're in!, claimed offline; the oversold circle on the staff page") {
        const KioskAndOther k;
        for (int i = 0; i < 6; ++i)
            REQUIRE(k.other.signup("p" + std::to_string(i) + "@example.org").status == 0);
        k.other.sync();
        k.kiosk.sync();
        REQUIRE(k.kiosk.seatsLeft3101() == 1);
        pgServer().stop();
        REQUIRE(k.other.signup("dee@example.org").status == 0);  // the last seat, alone
        const auto run = runKiosk(k.kiosk, signupScript("kim@example.org", "expect \"You're in!\"\n"),
                                  "offline.png");
        pgServer().start();
        if (!run) return;
        INFO(run->stderrText);
        REQUIRE(run->status == 0);
        CHECK(run->stderrText.find("claimed offline") != std::string::npos);
        CHECK(k.kiosk.storeSql("SELECT count(*) FROM signups WHERE email = 'kim@example.org'") == "1");
        k.other.sync();
        k.kiosk.sync();
        CHECK(count(k.db, "kind = 'signup' AND claimed_offline AND device = 'kiosk-k'") == 1);
        CHECK(count(k.db, "kind = 'signup' AND holds_seat") == 8);  // nobody dropped
        // Staff see it on the kiosk.
        REQUIRE(shell("echo 482915 | " + quote(std::getenv("LC_LCCTL")) + " --db " +
                      quote(k.kiosk.dbPath()) + " set-pin >/dev/null").first == 0);
        const auto staff = runKiosk(k.kiosk,
                                    "tap \"Staff\"\ntype \"482915\"\ntap \"Unlock\"\n"
                                    "expect \"Today's meetings\"\n"
                                    "expect \"Public Speaking is oversold by 1\"\n",
                                    "oversold-staff.png");
        INFO(staff->stderrText);
        CHECK(staff->status == 0);
    }

    SECTION("hung: Saving… while frames draw, then You're in! when the timeout ends the wait") {
        const KioskAndOther k(400);
        std::optional<KioskRun> run;
        {
            const Frozen frozen;
            run = runKiosk(k.kiosk,
                           signupScript("kim@example.org",
                                        "expect \"Saving your signup…\"\nscreenshot " +
                                            (std::filesystem::current_path() / "fleet-kiosk" /
                                             "saving.png").string() +
                                            "\nexpect \"You're in!\"\n"),
                           "hung.png");
        }
        if (!run) return;
        INFO(run->stderrText);
        REQUIRE(run->status == 0);
        // The claim's own deadline ended it (no refusal from a server: it never answered).
        CHECK(run->stderrText.find("did not answer within") != std::string::npos);
        CHECK(k.kiosk.storeSql("SELECT count(*) FROM signups") == "1");
    }

    SECTION("a claim against a hung server costs the timeout, not more") {
        const KioskAndOther k(300);
        auto cfg = lc::loadConfig(k.kiosk.configPath());
        REQUIRE(cfg);
        lc::Signup s;
        s.id = "0b8e3c52-claim-timeout";
        s.circleId = 3101;
        s.email = "kim@example.org";
        const Frozen frozen;
        const auto t0 = std::chrono::steady_clock::now();
        const auto claim = lc::fleet::claimSeat(*cfg, s, {3101, 12, 5, {}});
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - t0).count();
        CHECK(claim.outcome == lc::fleet::ClaimOutcome::Offline);
        CHECK(ms >= 250);  // poll() counts whole milliseconds
        CHECK(ms < 300 + 1200);  // the deadline, plus scheduling on a busy machine
    }
}
