#include <catch2/catch.hpp>

#include <GLFW/glfw3.h>

#include <lc/ui/focus.hpp>

using namespace lc::ui;

TEST_CASE("keypadKeys", "[ui]") {
    SECTION("a keypad's keys map to the moves and actions they stand for") {
        auto keys = keypadKeys({{"up", "KP_8"}, {"down", "KP_2"}, {"enter", "KP_ENTER"},
                                {"back", "KP_0"}, {"help", "F1"}, {"right", "F12"}});
        REQUIRE(keys);
        CHECK(keys->size() == 6);
        CHECK(keys->at(GLFW_KEY_KP_8) == NavKey::Up);
        CHECK(keys->at(GLFW_KEY_KP_2) == NavKey::Down);
        CHECK(keys->at(GLFW_KEY_KP_ENTER) == NavKey::Enter);
        CHECK(keys->at(GLFW_KEY_KP_0) == NavKey::Escape);
        CHECK(keys->at(GLFW_KEY_F1) == NavKey::Help);
        CHECK(keys->at(GLFW_KEY_F12) == NavKey::Right);
    }
    SECTION("an unknown key name or action is refused with what is wrong") {
        auto bad = keypadKeys({{"help", "F25"}});
        REQUIRE_FALSE(bad);
        CHECK(bad.error().id == "[ui.keypad.1]");
        CHECK_THAT(bad.error().message, Catch::Contains("kiosk.keypad.help: unknown key 'F25'"));
        CHECK_FALSE(keypadKeys({{"up", "KP_88"}}));
        CHECK_FALSE(keypadKeys({{"up", "kp_8"}}));
        auto action = keypadKeys({{"jump", "KP_5"}});
        REQUIRE_FALSE(action);
        CHECK(action.error().id == "[ui.keypad.2]");
    }
    SECTION("no keypad configured: nothing mapped") { CHECK(keypadKeys({})->empty()); }
}
