// lcctl end to end: the real binary against a temporary store, at a fixed instant.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "lcctl_runner.hpp"

namespace {

using namespace lc::testing;
using nlohmann::json;

const std::string kAna = std::string("--name 'Ana Ruiz' ") + kAnswers;

}  // namespace

TEST_CASE("lcctl sync and circles", "[lcctl]") {
    TempDir dir;
    REQUIRE(lcctl(dir, "sync --feed " + sampleFeed()).status == 0);

    SECTION("circles --json lists the 13 circles with their states and local times") {
        auto r = lcctl(dir, "circles --json");
        REQUIRE(r.status == 0);
        const json circles = json::parse(r.out);
        REQUIRE(circles.size() == 13);
        std::map<int, json> byId;
        for (const auto& c : circles) byId[c["id"].get<int>()] = c;
        CHECK(byId[3102]["signup"] == "full");
        CHECK(byId[3104]["signup"] == "closed");
        CHECK(byId[3101]["signup"] == "open");
        CHECK(byId[3101]["seats_left"] == 7);
        CHECK(byId[3103]["seats_left"].is_null());
        CHECK(byId[3113]["first_meeting"] == "2026-10-03T10:00:00+02:00");
        CHECK(byId[3113]["next_meeting"] == "2026-12-05T10:00:00+01:00");
        CHECK(byId[3113]["time_zone"] == "Europe/Paris");
        CHECK(byId[3106]["time_zone"] == "America/Detroit");
        CHECK(byId[3112]["irregular"] == true);
        CHECK(byId[3112]["meetings"] == 5);
    }
    SECTION("meetings --circle gives every meeting, across DST") {
        const json m = json::parse(lcctl(dir, "meetings --circle 3113 --json").out);
        REQUIRE(m.size() == 10);
        for (int i = 0; i < 10; ++i)
            CHECK(m[i]["start"].get<std::string>().substr(19) == (i < 4 ? "+02:00" : "+01:00"));
        const json irregular = json::parse(lcctl(dir, "meetings --circle 3112 --json").out);
        CHECK(irregular.size() == 2);
    }
    SECTION("meetings --from --days lists all circles' meetings in order") {
        const json m = json::parse(lcctl(dir, "--json meetings --from 2026-12-01 --days 1").out);
        REQUIRE_FALSE(m.empty());
        for (std::size_t i = 1; i < m.size(); ++i) CHECK(m[i - 1]["start"] <= m[i]["start"]);
    }
    SECTION("a garbage feed fails and keeps the previous circles") {
        std::ofstream(dir.path / "garbage.json") << "<html>captive portal</html>";
        auto r = lcctl(dir, "sync --feed " + quote((dir.path / "garbage.json").string()));
        CHECK(r.status == 1);
        CHECK_THAT(readFile(dir.path / "stderr.txt"), Catch::Contains("not JSON"));
        CHECK(json::parse(lcctl(dir, "circles --json").out).size() == 13);
        const json status = json::parse(lcctl(dir, "status --json").out);
        CHECK(status["last_sync_ok"] == false);
        CHECK_THAT(status["last_error"].get<std::string>(), Catch::Contains("not JSON"));
    }
    SECTION("an empty feed, or one whose every start_date is YYYY/MM/DD, fails and keeps all 13") {
        std::ofstream(dir.path / "empty.json") << R"({"count": 0, "items": []})";
        auto empty = lcctl(dir, "sync --feed " + quote((dir.path / "empty.json").string()));
        CHECK(empty.status == 1);
        CHECK_THAT(readFile(dir.path / "stderr.txt"), Catch::Contains("[feed.ingest.1]") && Catch::Contains("the feed is empty"));
        CHECK(json::parse(lcctl(dir, "circles --json").out).size() == 13);

        std::string sample = readFile(std::string(LC_TEST_DATA_DIR) + "/p2pu-learningcircles-sample.json");
        const json parsed = json::parse(sample);
        json slashed = parsed;
        for (auto& item : slashed["items"]) {
            std::string d = item["start_date"];
            std::replace(d.begin(), d.end(), '-', '/');
            item["start_date"] = d;
        }
        std::ofstream(dir.path / "slashed.json") << slashed.dump();
        auto bad = lcctl(dir, "sync --feed " + quote((dir.path / "slashed.json").string()));
        CHECK(bad.status == 1);
        CHECK_THAT(readFile(dir.path / "stderr.txt"), Catch::Contains("13 items skipped") && Catch::Contains("start_date"));
        CHECK(json::parse(lcctl(dir, "circles --json").out).size() == 13);
        const json status = json::parse(lcctl(dir, "status --json").out);
        CHECK(status["last_sync_ok"] == false);
        CHECK_THAT(status["last_error"].get<std::string>(), Catch::Contains("start_date"));
    }
    SECTION("lcctl circles never prints ESC or BEL from feed text") {
        json feed = json::parse(readFile(std::string(LC_TEST_DATA_DIR) + "/p2pu-learningcircles-sample.json"));
        feed["items"][0]["name"] = "Python\x1b]0;owned\x07\x1b[2J for all";
        feed["items"][1]["venue"] = "Room\x1b[31m 2";
        std::ofstream(dir.path / "esc.json") << feed.dump();
        REQUIRE(lcctl(dir, "sync --feed " + quote((dir.path / "esc.json").string())).status == 0);
        for (const char* cmd : {"circles", "circles --json"}) {
            const std::string out = lcctl(dir, cmd).out;
            CHECK(out.find('\x1b') == std::string::npos);
            CHECK(out.find('\x07') == std::string::npos);
            CHECK_THAT(out, Catch::Contains("Python]0;owned[2J for all"));
        }
    }
    SECTION("a sync prints why items were skipped, and a circle dated 9999 is skipped") {
        json feed = json::parse(readFile(std::string(LC_TEST_DATA_DIR) + "/p2pu-learningcircles-sample.json"));
        feed["items"][0]["start_date"] = "9999-01-04";  // a whole circle in the year 9999
        feed["items"][0]["start_datetime"] = "9999-01-04T18:00:00-06:00";
        feed["items"][0]["last_meeting_date"] = "9999-02-08";
        feed["items"][0]["next_meeting_date"] = "9999-01-04";
        feed["items"][1]["start_date"] = "2026/12/01";
        std::ofstream(dir.path / "some.json") << feed.dump();
        auto r = lcctl(dir, "sync --feed " + quote((dir.path / "some.json").string()));
        CHECK(r.status == 0);
        const std::string err = readFile(dir.path / "stderr.txt");
        CHECK_THAT(err, Catch::Contains("2 items skipped") && Catch::Contains("more than 5 years") &&
                            Catch::Contains("start_date"));
        CHECK(json::parse(lcctl(dir, "circles --json").out).size() == 11);
    }
}

TEST_CASE("lcctl signup", "[lcctl]") {
    TempDir dir;
    REQUIRE(lcctl(dir, "sync --feed " + sampleFeed()).status == 0);

    SECTION("a full circle is refused with one line") {
        auto r = lcctl(dir, "signup --circle 3102 --email ana@example.org --answer yes " + kAna);
        CHECK(r.status == 1);
        CHECK(r.out.rfind("circle: ", 0) == 0);
        CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
    }
    SECTION("the same email again updates the signup") {
        auto first = lcctl(dir, "signup --circle 3101 --email ana@example.org " + kAna);
        REQUIRE(first.status == 0);
        auto again = lcctl(dir, "signup --circle 3101 --email ANA@EXAMPLE.ORG " + kAna);
        REQUIRE(again.status == 0);
        CHECK(first.out == again.out);
        REQUIRE(lcctl(dir, "export signups --csv " + quote((dir.path / "s.csv").string())).status == 0);
        const std::string csv = readFile(dir.path / "s.csv");
        CHECK(std::count(csv.begin(), csv.end(), '\n') == 2);  // header + one row
        CHECK((fs::status(dir.path / "s.csv").permissions() & fs::perms::others_read) == fs::perms::none);
        const json circles = json::parse(lcctl(dir, "circles --json").out);
        for (const auto& c : circles)
            if (c["id"] == 3101) CHECK(c["seats_left"] == 6);  // 12 - 5 upstream - 1 here
    }
    SECTION("an email upstream refuses is refused here") {
        auto r = lcctl(dir, "signup --circle 3101 --email ana@correo.c " + kAna);
        CHECK(r.status == 1);
        CHECK(r.out == "email: Please enter a valid email address.\n");
    }
    SECTION("global options after the subcommand, and bad arguments") {
        CHECK(lcctl(dir, "circles --json").status == 0);
        CHECK(lcctl(dir, "circles --bogus").status == 64);
        CHECK(lcctl(dir, "signup --circle abc").status == 64);
        CHECK(lcctl(dir, "frobnicate").status == 64);
    }
}

TEST_CASE("lcctl roster, check-in and privacy", "[lcctl]") {
    TempDir dir;
    REQUIRE(lcctl(dir, "sync --feed " + sampleFeed()).status == 0);
    const std::string csvPath = quote((dir.path / "roster.csv").string());

    SECTION("a roster with a bad row imports nothing and names the line") {
        std::ofstream(dir.path / "roster.csv") << "Email,Name,notes\nm@x.org,María Gómez,\nbad@,José Pérez,\n";
        auto r = lcctl(dir, "import-roster --circle 3101 " + csvPath);
        CHECK(r.status == 1);
        CHECK(r.out == "line 3: email: Please enter a valid email address.\n");
    }
    SECTION("a good roster imports, and forget erases a person") {
        std::ofstream(dir.path / "roster.csv") << "NAME,email\nMaría Gómez,m@x.org\nJosé Pérez,\n";
        auto r = lcctl(dir, "import-roster --circle 3101 " + csvPath);
        CHECK(r.status == 0);
        CHECK_THAT(r.out, Catch::Contains("imported 2"));
        REQUIRE(lcctl(dir, "signup --circle 3101 --email m@x.org " + kAna).status == 0);
        const json held = json::parse(lcctl(dir, "export-person --email M@X.ORG").out);
        CHECK(held["signups"].size() == 1);
        CHECK(held["roster_entries"].size() == 1);
        REQUIRE(lcctl(dir, "forget --email m@x.org").status == 0);
        const json after = json::parse(lcctl(dir, "export-person --email m@x.org").out);
        CHECK(after["signups"].empty());
        CHECK(after["roster_entries"].empty());
    }
    SECTION("check-in outside a meeting window is refused") {
        auto r = lcctl(dir, "checkin --circle 3101 --name 'Ana Ruiz'");
        CHECK(r.status == 1);
        CHECK_THAT(r.out, Catch::StartsWith("circle: "));
    }
}

namespace {

// A quote-aware CSV reader splitting on `sep` (as a French or Spanish spreadsheet reads a file):
// quotes open only at the start of a cell, "" is a quote inside one.
std::vector<std::string> cellsSplitOn(const std::string& text, char sep) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false, started = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
            else if (c == '"') quoted = false;
            else cell += c;
        } else if (c == '"' && !started) {
            quoted = started = true;
        } else if (c == sep || c == '\n') {
            cells.push_back(cell);
            cell.clear();
            started = false;
        } else if (c != '\r') {
            cell += c;
            started = true;
        }
    }
    cells.push_back(cell);
    return cells;
}

}  // namespace

TEST_CASE("lcctl hardening: PIN, purge, CSV, integrity", "[lcctl]") {
    TempDir dir;
    REQUIRE(lcctl(dir, "sync --feed " + sampleFeed()).status == 0);

    SECTION("set-pin refuses 1234, 0000, 2580 and any 5-digit PIN; takes 482915") {
        const std::string pinFile = quote((dir.path / "pin.txt").string());
        for (const char* weak : {"1234", "0000", "2580", "48291", "13579", "123456", "111111", "147258"}) {
            INFO(weak);
            std::ofstream(dir.path / "pin.txt") << weak << "\n";
            CHECK(lcctl(dir, "set-pin < " + pinFile).status != 0);
            CHECK_THAT(readFile(dir.path / "stderr.txt"), Catch::Contains("[lcctl.pin.2]"));
        }
        std::ofstream(dir.path / "pin.txt") << "482915\n";
        CHECK(lcctl(dir, "set-pin < " + pinFile).status == 0);
        const json status = json::parse(lcctl(dir, "status --json").out);
        CHECK(status["pin_locked_until"].is_null());
        CHECK(status["pin_lockouts"] == 0);
    }
    SECTION("after purge past retention, export-person returns nothing for a signup never delivered") {
        REQUIRE(lcctl(dir, "signup --circle 3101 --email never@example.org " + kAna).status == 0);
        CHECK(json::parse(lcctl(dir, "export-person --email never@example.org").out)["signups"].size() == 1);
        std::ofstream(dir.path / "lc.db.pre-v1.bak") << "old backup with personal data";
        auto purge = lcctl(dir, "--json purge --older-than 30", "2027-06-30T12:00:00Z");
        REQUIRE(purge.status == 0);
        const json n = json::parse(purge.out);
        CHECK(n["signups"] == 1);
        CHECK(n["outbox_undelivered"] == 1);
        CHECK(n["backups"] == 1);
        CHECK_FALSE(fs::exists(dir.path / "lc.db.pre-v1.bak"));
        const json after = json::parse(lcctl(dir, "export-person --email never@example.org").out);
        CHECK(after["signups"].empty());
        CHECK(after["outbox"].empty());
    }
    SECTION("read with ; by a quote-aware reader, no cell of an export starts with = + - @") {
        const std::string name = "Jean;=cmd|' /C calc'!A0";
        REQUIRE(lcctl(dir, "signup --circle 3101 --email jean@example.org --name " + quote(name) +
                               " --goals " + quote("+33;-1;@x\t=y") + " --support 'Come every week' --consent")
                    .status == 0);
        const fs::path out = dir.path / "s.csv";
        // Symlinks planted at the old temp name and at the target are never written through.
        fs::create_symlink(dir.path / "victim.txt", dir.path / "s.csv.tmp");
        fs::create_symlink(dir.path / "victim2.txt", out);
        REQUIRE(lcctl(dir, "export signups --csv " + quote(out.string())).status == 0);
        const std::string text = readFile(out);
        CHECK_FALSE(fs::is_symlink(out));
        CHECK((fs::status(out).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
        CHECK_FALSE(fs::exists(dir.path / "victim.txt"));
        CHECK_FALSE(fs::exists(dir.path / "victim2.txt"));
        for (char sep : {';', ',', '\t'}) {
            for (const std::string& cell : cellsSplitOn(text, sep)) {
                INFO(sep << " " << cell);
                CHECK((cell.empty() || std::string("=+-@").find(cell[0]) == std::string::npos));
            }
        }
        CHECK_THAT(text, Catch::Contains("Jean;'=cmd"));
    }
    SECTION("a store with a garbage page: backup exits non-zero and status reports it") {
        REQUIRE(lcctl(dir, "backup " + quote((dir.path / "good.db").string())).status == 0);
        REQUIRE(fs::file_size(dir.path / "lc.db") > 3 * 4096);
        {
            // Page 2: a table's root page (page 1 is the schema, which open() needs).
            std::fstream f(dir.path / "lc.db", std::ios::in | std::ios::out | std::ios::binary);
            f.seekp(4096);
            const std::string garbage(4096, '\x5a');
            f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
        }
        auto backup = lcctl(dir, "backup " + quote((dir.path / "bad.db").string()));
        CHECK(backup.status != 0);
        CHECK_FALSE(fs::exists(dir.path / "bad.db"));
        CHECK_THAT(readFile(dir.path / "stderr.txt"), Catch::Contains("[store.integrity.2]"));
        auto status = lcctl(dir, "status --json");
        CHECK(status.status != 0);
        const json s = json::parse(status.out);
        CHECK(s["integrity_ok"] == false);
        CHECK_THAT(s["integrity_error"].get<std::string>(), Catch::Contains("damaged"));
        CHECK_THAT(lcctl(dir, "status").out, Catch::Contains("INTEGRITY:       FAILED"));
    }
}
