// Fleet mode against a real PostgreSQL 15 that the binary starts itself (one server for every
// case: CTest runs this binary as one test). Devices are separate stores and configs driven
// through the real lcctl, as a library's kiosks and displays would be.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <set>

#include <nlohmann/json.hpp>

#include <lc/core/clock.hpp>
#include <lc/core/config.hpp>
#include <lc/fleet/exchange.hpp>
#include <lc/fleet/schema.hpp>
#include <lc/store/database.hpp>
#include <lc/store/signup_repository.hpp>

#include "fleet_device.hpp"

using namespace lc::testing;
using nlohmann::json;

namespace {

int caseNumber = 0;

// A fresh database for one case, so cases do not see each other's records.
std::string freshDatabase() { return pgServer().createDatabase("fleet_case_" + std::to_string(++caseNumber)); }

int count(const std::string& db, const std::string& where) {
    return std::stoi(pgServer().sql(db, "SELECT count(*) FROM lc_records WHERE " + where));
}

// One exchange of `device` in this process, with a hook between steps.
lc::fleet::ExchangeResult exchangeOf(const Device& device, lc::fleet::ExchangeOptions options) {
    auto cfg = lc::loadConfig(device.configPath());
    REQUIRE(cfg);
    auto db = lc::store::Database::open(device.dbPath());
    REQUIRE(db);
    lc::FixedClock clock(*lc::parseInstant(kNow));
    return lc::fleet::exchange(*db, *cfg, clock, options);
}

// Runs an exchange of `device` in a child process that SIGKILLs itself at the `n`th `step`.
void killedExchange(const Device& device, const std::string& step, int n) {
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        int seen = 0;
        lc::fleet::ExchangeOptions o;
        o.batch = 2;
        o.onStep = [&](const char* s) {
            if (step == s && ++seen == n) ::raise(SIGKILL);
        };
        exchangeOf(device, o);
        ::_exit(0);
    }
    int st = 0;
    REQUIRE(::waitpid(child, &st, 0) == child);
    REQUIRE(WIFSIGNALED(st));
    CHECK(WTERMSIG(st) == SIGKILL);
}

// Kiosks A and B of one library on a fresh database, each with the sample feed.
struct TwoDevices {
    std::string db = freshDatabase();
    Device a{"kiosk-a", pgServer().conninfo(db)};
    Device b{"kiosk-b", pgServer().conninfo(db)};
    TwoDevices() {
        a.syncFeed();
        b.syncFeed();
    }
};

std::string rosterCsv(const Device& d, int people) {
    std::string csv = "name,email\n";
    for (int i = 0; i < people; ++i)
        csv += "Learner " + std::to_string(i) + ",learner" + std::to_string(i) + "@example.org\n";
    const std::string path = d.dbPath() + ".roster.csv";
    std::ofstream(path) << csv;
    return path;
}

}  // namespace

TEST_CASE("fleet: two devices share seats; signups and status", "[fleet]") {
    const TwoDevices two;
    const std::string& db = two.db;
    const Device &a = two.a, &b = two.b;
    REQUIRE(b.seatsLeft3101() == 7);
    for (const char* email : {"ana@example.org", "ben@example.org", "cai@example.org"}) {
        const auto r = a.signup(email);
        INFO(a.stderrText());
        REQUIRE(r.status == 0);
    }
    a.sync();
    const auto synced = b.sync();
    CHECK(synced.out.find("fleet: pushed 0, erased 0, pulled 3") != std::string::npos);
    CHECK(b.seatsLeft3101() == 4);
    CHECK(a.seatsLeft3101() == 4);
    const std::string csv = b.exportSignups();
    for (const char* email : {"ana@example.org", "ben@example.org", "cai@example.org"})
        CHECK(csv.find(email) != std::string::npos);
    // Signups taken online hold their seats in PostgreSQL, claimed there, once each.
    CHECK(count(db, "kind = 'signup' AND holds_seat AND NOT claimed_offline") == 3);
    // B's store holds A's signups without queueing them for P2PU: A delivers them.
    CHECK(b.storeSql("SELECT count(*) FROM outbox") == "0");

    const auto status = json::parse(a.run("--json fleet status").out, nullptr, false);
    REQUIRE(status.contains("devices"));
    std::set<std::string> names;
    for (const auto& d : status["devices"]) {
        names.insert(d.value("device", ""));
        for (const char* key : {"device", "library", "version", "last_seen", "last_sync_ok",
                                "outbox_pending", "integrity_ok", "clock_skew_s", "stale"})
            CHECK(d.contains(key));
        CHECK(d["library"] == kLibrary);
        CHECK(d["integrity_ok"] == true);
        CHECK(d["stale"] == false);
    }
    CHECK(names == std::set<std::string>{"kiosk-a", "kiosk-b"});
}

TEST_CASE("fleet: three devices; a check-in of another device's signup; the report", "[fleet]") {
    const std::string db = freshDatabase();
    Device a("kiosk-a", pgServer().conninfo(db)), b("kiosk-b", pgServer().conninfo(db)),
        c("display-c", pgServer().conninfo(db));
    for (const Device* d : {&a, &b, &c}) d->syncFeed();
    REQUIRE(a.signup("ana@example.org").status == 0);
    REQUIRE(b.signup("ben@example.org").status == 0);
    a.sync();
    b.sync();
    c.sync();
    CHECK(c.seatsLeft3101() == 5);
    // At the first meeting, C checks Ana in by name: it found her signup, taken on A.
    const std::string meeting = "2026-12-01T23:55:00Z";
    const auto in = c.run("checkin --circle 3101 --name 'Patron ana'", meeting);
    INFO(c.stderrText());
    REQUIRE(in.status == 0);
    c.sync();
    a.sync();
    const auto path = a.dbPath() + ".attendance.csv";
    REQUIRE(a.run("export attendance --circle 3101 --csv " + quote(path), meeting).status == 0);
    CHECK(readFile(path).find("Patron ana") != std::string::npos);
    CHECK(a.storeSql("SELECT count(*) FROM checkins WHERE signup_id IS NOT NULL") == "1");

    const auto report = a.dbPath() + ".report.csv";
    REQUIRE(a.run("fleet report --from 2026-11-01 --to 2026-12-31 --csv " + quote(report)).status == 0);
    const std::string text = readFile(report);
    CHECK(text.find("library,circle_id,meeting_date,signups,attendance") == 0);
    CHECK(text.find(std::string(kLibrary) + ",3101,,2,1") != std::string::npos);
    CHECK(text.find(std::string(kLibrary) + ",3101,2026-12-01,,1") != std::string::npos);
}

TEST_CASE("fleet: the last seat; claimed by two devices at once; goes to one", "[fleet]") {
    for (int round = 0; round < 3; ++round) {
        const TwoDevices two;
        const std::string& db = two.db;
        const Device &a = two.a, &b = two.b;
        for (int i = 0; i < 6; ++i) REQUIRE(a.signup("p" + std::to_string(i) + "@example.org").status == 0);
        a.sync();
        b.sync();
        REQUIRE(b.seatsLeft3101() == 1);
        FILE* pa = a.start("signup --circle 3101 --name 'Zoe Last' --email zoe@example.org " + std::string(kAnswers));
        FILE* pb = b.start("signup --circle 3101 --name 'Yan Last' --email yan@example.org " + std::string(kAnswers));
        const Run ra = Device::finish(pa), rb = Device::finish(pb);
        INFO("round " << round << ": A " << ra.status << " " << ra.out << "B " << rb.status << " " << rb.out);
        CHECK(((ra.status == 0) + (rb.status == 0)) == 1);
        const Run& loser = ra.status == 0 ? rb : ra;
        CHECK(loser.status == 1);
        CHECK(loser.out.find("This circle is full.") != std::string::npos);
        CHECK(count(db, "kind = 'signup' AND holds_seat AND circle_id = 3101") == 7);
        a.sync();
        b.sync();
        CHECK(a.seatsLeft3101() == 0);
        CHECK(b.seatsLeft3101() == 0);
    }
}

TEST_CASE("fleet: database down; signups confirmed alone; caught up; oversold shown", "[fleet]") {
    const TwoDevices two;
    const std::string& db = two.db;
    const Device &a = two.a, &b = two.b;
    for (int i = 0; i < 6; ++i) REQUIRE(a.signup("p" + std::to_string(i) + "@example.org").status == 0);
    a.sync();
    b.sync();
    pgServer().stop();
    // Each device still sees one seat and takes it: confirmed, decided alone.
    REQUIRE(a.signup("dee@example.org").status == 0);
    CHECK(a.stderrText().find("claimed offline") != std::string::npos);
    REQUIRE(b.signup("eve@example.org").status == 0);
    const auto offline = a.sync();
    CHECK(offline.status != 0);  // 2 for the database; the file feed has no signup endpoint: 1
    CHECK(offline.out.find("OFFLINE") != std::string::npos);
    pgServer().start();
    a.sync();
    b.sync();
    a.sync();
    CHECK(b.exportSignups().find("dee@example.org") != std::string::npos);
    CHECK(a.exportSignups().find("eve@example.org") != std::string::npos);
    CHECK(count(db, "kind = 'signup' AND claimed_offline") == 2);
    // Nothing dropped: 8 signups for 7 seats, shown to staff on both devices.
    CHECK(count(db, "kind = 'signup' AND holds_seat") == 8);
    for (const Device* d : {&a, &b}) {
        const auto st = json::parse(d->run("--json status").out, nullptr, false);
        REQUIRE(st.contains("fleet"));
        CHECK(st["fleet"]["oversold"] == json::parse(R"([{"circle_id": 3101, "over": 1}])"));
        CHECK(d->run("status").out.find("OVERSOLD:        circle 3101 by 1") != std::string::npos);
    }
}

TEST_CASE("fleet: staff of another device void a signup; every device sees it", "[fleet]") {
    const TwoDevices two;
    const Device &a = two.a, &b = two.b;
    REQUIRE(a.signup("ana@example.org").status == 0);
    const std::string id = a.storeSql("SELECT id FROM signups");
    a.sync();
    b.sync();
    REQUIRE(b.seatsLeft3101() == 6);
    {  // B's staff page voids it (the kiosk's StorePorts::voidSignup)
        auto db = lc::store::Database::open(b.dbPath());
        REQUIRE(db);
        REQUIRE(lc::store::SignupRepository(*db).voidSignup(id));
    }
    b.sync();
    a.sync();
    CHECK(a.storeSql("SELECT voided FROM signups WHERE id = '" + id + "'") == "1");
    // A took it, so A would have delivered it: a voided signup is not.
    CHECK(a.storeSql("SELECT count(*) FROM outbox WHERE signup_id = '" + id +
                     "' AND state = 'pending'") == "0");
    CHECK(a.seatsLeft3101() == 7);
    CHECK(b.seatsLeft3101() == 7);
    CHECK(count(two.db, "id = '" + id + "' AND kind = 'signup' AND NOT holds_seat") == 1);
    b.sync();
    a.sync();  // settled: nothing moves any more
    CHECK(b.sync().out.find("fleet: pushed 0, erased 0, pulled 0") != std::string::npos);
    CHECK(a.sync().out.find("fleet: pushed 0, erased 0, pulled 0") != std::string::npos);
}

TEST_CASE("fleet: PostgreSQL SIGKILLed mid-exchange loses and doubles nothing", "[fleet]") {
    const TwoDevices two;
    const std::string& db = two.db;
    const Device &a = two.a, &b = two.b;
    REQUIRE(a.run("import-roster --circle 3101 " + quote(rosterCsv(a, 9))).status == 0);
    int commits = 0;
    lc::fleet::ExchangeOptions o;
    o.batch = 2;
    o.onStep = [&](const char* step) {
        if (std::string(step) == "push-committed" && ++commits == 2) pgServer().kill9();
    };
    const auto killed = exchangeOf(a, o);
    INFO(killed.error);
    CHECK(killed.offline);
    CHECK(!killed.error.empty());
    pgServer().start();
    const auto again = exchangeOf(a, {});
    INFO(again.error);
    CHECK(again.error.empty());
    b.sync();
    CHECK(count(db, "kind = 'roster'") == 9);
    CHECK(pgServer().sql(db, "SELECT count(DISTINCT seq) FROM lc_records") == "9");
    CHECK(b.storeSql("SELECT count(*) FROM roster WHERE circle_id = 3101") == "9");
    CHECK(a.storeSql("SELECT count(*) FROM roster WHERE circle_id = 3101") == "9");
}

TEST_CASE("fleet: a device killed mid-exchange loses and doubles nothing", "[fleet]") {
    const TwoDevices two;
    const std::string& db = two.db;
    const Device &a = two.a, &b = two.b;
    REQUIRE(a.run("import-roster --circle 3101 " + quote(rosterCsv(a, 7))).status == 0);
    // A dies after PostgreSQL committed a batch, before its store noted it: pushed again later.
    killedExchange(a, "push-committed", 2);
    CHECK(count(db, "kind = 'roster'") == 4);
    CHECK(exchangeOf(a, {}).error.empty());
    CHECK(count(db, "kind = 'roster'") == 7);
    // B dies holding a pulled batch it had not applied: pulled again later.
    killedExchange(b, "pull-fetched", 2);
    CHECK(exchangeOf(b, {}).error.empty());
    CHECK(b.storeSql("SELECT count(*) FROM roster") == "7");
    CHECK(b.storeSql("PRAGMA integrity_check") == "ok");
    CHECK(count(db, "true") == 7);
}

TEST_CASE("fleet: the same record pushed twice is stored once", "[fleet]") {
    const TwoDevices two;
    const std::string& db = two.db;
    const Device &a = two.a, &b = two.b;
    REQUIRE(a.run("import-roster --circle 3101 " + quote(rosterCsv(a, 3))).status == 0);
    a.sync();
    const std::string before = pgServer().sql(db, "SELECT string_agg(id || seq, ',' ORDER BY id) FROM lc_records");
    a.storeSql("DELETE FROM fleet_records");  // A forgets what it pushed
    CHECK(a.sync().out.find("fleet: pushed 3,") != std::string::npos);
    CHECK(pgServer().sql(db, "SELECT string_agg(id || seq, ',' ORDER BY id) FROM lc_records") == before);
    b.sync();
    CHECK(b.storeSql("SELECT count(*) FROM roster") == "3");
}

TEST_CASE("fleet: forget on any device reaches every device; by record ids only", "[fleet]") {
    const TwoDevices two;
    const std::string& db = two.db;
    const Device &a = two.a, &b = two.b;
    REQUIRE(a.signup("ana@example.org").status == 0);
    REQUIRE(a.signup("bob@example.org").status == 0);
    a.sync();
    b.sync();
    REQUIRE(b.run("export-person --email ana@example.org").out.find("ana@example.org") != std::string::npos);
    // Forget on A: A's store, PostgreSQL, then B at its next exchange.
    REQUIRE(a.run("forget --email ana@example.org").status == 0);
    b.sync();
    CHECK(b.run("export-person --email ana@example.org").out.find("ana@example.org") == std::string::npos);
    // Forget on B of a signup B holds: A loses it at its next exchange.
    REQUIRE(b.run("forget --email bob@example.org").status == 0);
    a.sync();
    CHECK(a.run("export-person --email bob@example.org").out.find("bob@example.org") == std::string::npos);
    CHECK(a.seatsLeft3101() == 7);
    CHECK(b.seatsLeft3101() == 7);
    // The database keeps ids and nothing of the people.
    CHECK(count(db, "body::text LIKE '%example.org%' OR person IS NOT NULL") == 0);
    CHECK(count(db, "kind = 'tombstone' AND body = '{}'::jsonb") == 2);
}

TEST_CASE("fleet: the schema is versioned; and a newer one refused", "[fleet]") {
    const std::string db = freshDatabase();
    const auto conn = pgServer().conninfo(db);
    auto first = lc::fleet::migrateDatabase(conn);
    REQUIRE(first);
    CHECK(*first == 0);
    CHECK(*lc::fleet::migrateDatabase(conn) == lc::fleet::schemaVersion());
    pgServer().sql(db, "UPDATE lc_schema SET version = version + 1");
    auto newer = lc::fleet::migrateDatabase(conn);
    REQUIRE(!newer);
    CHECK(newer.error().id == "[fleet.schema.1]");
    Device a("kiosk-a", conn);
    const auto r = a.run("sync --feed " + quote(sampleFeed()));
    CHECK(r.status == 1);
    CHECK(a.stderrText().find("[fleet.schema.1]") != std::string::npos);
}
