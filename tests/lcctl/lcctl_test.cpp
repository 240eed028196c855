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
