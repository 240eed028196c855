#include <catch2/catch.hpp>

#include <lc/core/config.hpp>

#include "display_fixtures.hpp"
#include "flow/display_model.hpp"

using namespace lc::display;
using namespace lc::display::testing;

TEST_CASE("DisplaySettings", "[display]") {
    SECTION("the shipped example configs load and say what the display needs") {
        const auto chicago = lc::loadConfig(std::string(LC_ASSETS_DIR) + "/config/chicago.json");
        REQUIRE(chicago);
        CHECK(chicago->libraryName == "Harold Washington Library Center");
        CHECK(chicago->timeZone == "America/Chicago");
        CHECK(chicago->display.hasOpeningHours);
        const auto nairobi = lc::loadConfig(std::string(LC_ASSETS_DIR) + "/config/nairobi.json");
        REQUIRE(nairobi);
        CHECK(nairobi->display.languages == std::vector<std::string>{"sw", "en"});
        CHECK_FALSE(nairobi->display.openingHours[6]);  // closed on Sundays
    }

    SECTION("Public Speaking is in its room, starting soon, at 17:40 on Dec 1 with chicago.json") {
        const auto cfg = lc::loadConfig(std::string(LC_ASSETS_DIR) + "/config/chicago.json").value();
        const auto now = at("2026-12-01T17:40:00-06:00");
        auto in = input({circle(3101, "Public Speaking", day(2026, 12, 1), 6, hm(18, 0), hm(19, 30))}, now);
        in.settings = settingsFromConfig(cfg);
        const auto v = buildView(in, now);
        CHECK_FALSE(v.blank);
        const auto& today = std::get<TodayPage>(v.pages.at(0));
        REQUIRE(today.rooms.size() == 1);
        CHECK(today.rooms[0].room == "Room 4N-1 (4th floor)");
        CHECK(today.rooms[0].rows.at(0).state == MeetingState::StartingSoon);
    }

    SECTION("--lang replaces the configured languages; burn-in can be switched off") {
        auto cfg = chicagoConfig();
        cfg.display.languages = {"fr", "en"};
        cfg.display.burnInShift = false;
        const auto s = settingsFromConfig(cfg, "es");
        CHECK(s.config.display.languages == std::vector<std::string>{"es"});
        CHECK(s.burnInPixels == 0);
        CHECK(settingsFromConfig(cfg).config.display.languages.size() == 2);
    }
}
