#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "display_fixtures.hpp"
#include "flow/display_model.hpp"
#include "flow/view_dump.hpp"

using namespace lc::display;
using namespace lc::display::testing;

TEST_CASE("ViewDump", "[display]") {
    const auto now = at("2026-12-01T17:40:00-06:00");
    auto ps = circle(3101, "Public Speaking", day(2026, 12, 1), 6, hm(18, 0), hm(19, 30));
    ps.signupLimit = 12;
    ps.signupCount = 5;
    const auto j = nlohmann::json::parse(dumpViewJson(buildView(input({ps}, now), now)));

    SECTION("every page, starting on Today, rows with id, room, local ISO times and state") {
        REQUIRE(j["pages"].size() == 3);
        CHECK(j["pages"][0]["kind"] == "today");
        CHECK(j["current_page"] == 0);
        const auto& row = j["pages"][0]["rows"][0];
        CHECK(row["circle_id"].is_number_integer());
        CHECK(row["circle_id"] == 3101);
        CHECK(row["room"] == "Room 4N-1");
        CHECK(row["start"] == "2026-12-01T18:00:00-06:00");
        CHECK(row["end"] == "2026-12-01T19:30:00-06:00");
        CHECK(row["state"] == "starting_soon");
        CHECK(j["pages"][1]["kind"] == "join");
        CHECK(j["pages"][1]["rows"][0]["seats_left"] == 7);
        CHECK(j["pages"][1]["rows"][0]["badge"] == "seats_left");
        CHECK(j["pages"][2]["kind"] == "week");
        CHECK(j["pages"][2]["days"].size() == 7);
    }

    SECTION("header, language, guards") {
        CHECK(j["header"]["library"] == "Harold Washington Library Center");
        CHECK(j["header"]["date"] == "2026-12-01");
        CHECK(j["header"]["time"] == "17:40");
        CHECK(j["language"] == "en");
        CHECK(j["stale"].is_null());
        CHECK(j["clock_plausible"] == true);
        CHECK(j["blank"] == false);
    }
}
