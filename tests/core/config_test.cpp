#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <fstream>

#include <lc/core/config.hpp>

TEST_CASE("Config", "[core]") {
    SECTION("an empty object gives the demo's defaults") {
        auto cfg = lc::parseConfig("{}");
        REQUIRE(cfg);
        CHECK(cfg->venues.empty());
        CHECK(cfg->kiosk.idleResetS == 75);
        CHECK(cfg->signup.retentionDays == 90);
        CHECK(cfg->display.rotationS == 12);
    }
    SECTION("a full config is read") {
        auto cfg = lc::parseConfig(R"({
          "library": {"name": "Harold Washington Library Center", "time_zone": "America/Chicago",
                      "country": "US", "data_controller": "Chicago Public Library"},
          "venues": [{"name": "Harold Washington Library Center", "city": "Chicago",
                      "default_room": "Learning Lab"}],
          "circle_rooms": {"3101": "Room 3N-5"},
          "signup": {"allow_mobile_only": true},
          "display": {"languages": ["fr", "en"], "opening_hours": {"mon": ["09:00", "20:00"], "sun": []}}
        })");
        REQUIRE(cfg);
        REQUIRE(cfg->venues.size() == 1);
        CHECK(cfg->venues[0].timeZone == "America/Chicago");
        CHECK(cfg->circleRooms.at(3101) == "Room 3N-5");
        CHECK(cfg->signup.allowMobileOnly);
        REQUIRE(cfg->display.openingHours[0]);
        CHECK(cfg->display.openingHours[0]->open == lc::TimeOfDay{9 * 60});
        CHECK_FALSE(cfg->display.openingHours[6]);

        lc::Circle c;
        c.id = 3101;
        c.venue.name = "Harold Washington Library Center";
        c.venue.city = "Chicago";
        CHECK(lc::configuredZone(*cfg, c) == "America/Chicago");
        CHECK(lc::roomFor(*cfg, c) == "Room 3N-5");
        CHECK(lc::servesCircle(*cfg, c));
        c.id = 3102;
        CHECK(lc::roomFor(*cfg, c) == "Learning Lab");
        c.venue.name = "Elsewhere";
        CHECK_FALSE(lc::servesCircle(*cfg, c));
        CHECK(lc::configuredZone(*cfg, c).empty());
    }
    SECTION("the screen's size and a USB keypad's keys (accessibility)") {
        auto cfg = lc::parseConfig(R"({"kiosk": {"screen_width_mm": 299, "screen_height_mm": 531,
          "keypad": {"up": "KP_8", "down": "KP_2", "enter": "KP_ENTER", "back": "KP_0", "help": "F1"}}})");
        REQUIRE(cfg);
        CHECK(cfg->kiosk.screenWidthMm == 299);
        CHECK(cfg->kiosk.screenHeightMm == 531);
        CHECK(cfg->kiosk.keypad.size() == 5);
        CHECK(cfg->kiosk.keypad.at("help") == "F1");
        CHECK(lc::parseConfig(R"({"kiosk": {"keyboard_layouts": ["ar"]}})")->kiosk.keyboardLayouts ==
              std::vector<std::string>{"ar"});
        auto layout = lc::parseConfig(R"({"kiosk": {"keyboard_layouts": ["he"]}})");
        REQUIRE_FALSE(layout);
        CHECK_THAT(layout.error().message, Catch::Contains("kiosk.keyboard_layouts: unknown layout 'he'"));
        auto bad = lc::parseConfig(R"({"kiosk": {"keypad": {"jump": "KP_5"}}})");
        REQUIRE_FALSE(bad);
        CHECK_THAT(bad.error().message, Catch::Contains("kiosk.keypad.jump: unknown action"));
        bad = lc::parseConfig(R"({"kiosk": {"keypad": {"up": 8}}})");
        REQUIRE_FALSE(bad);
        CHECK_THAT(bad.error().message, Catch::Contains("kiosk.keypad.up: expected a key name"));
        bad = lc::parseConfig(R"({"kiosk": {"screen_height_mm": 2}})");
        REQUIRE_FALSE(bad);
        CHECK_THAT(bad.error().message, Catch::Contains("kiosk.screen_height_mm: must be between 50 and 5000"));
    }
    SECTION("errors name the path") {
        const auto check = [](const char* json, const char* expected) {
            auto cfg = lc::parseConfig(json);
            REQUIRE_FALSE(cfg);
            CHECK(cfg.error().id == "[config.3]");
            CHECK_THAT(cfg.error().message, Catch::Contains(expected));
        };
        check(R"({"kiosk": {"idle_reset_s": "75"}})", "kiosk.idle_reset_s: expected an integer");
        check(R"({"kiosk": {"idle_resett_s": 75}})", "kiosk.idle_resett_s: unknown key");
        check(R"({"colour": "red"})", "colour: unknown key");
        check(R"({"library": {"time_zone": "Mars/Olympus"}})", "library.time_zone: unknown IANA");
        check(R"({"venues": [{"city": "Chicago"}]})", "venues[0].name: required");
        check(R"({"display": {"languages": ["de"]}})", "unsupported language 'de'");
        check(R"({"display": {"opening_hours": {"mon": ["20:00", "09:00"]}}})",
              "display.opening_hours.mon");
        check(R"({"circle_rooms": {"abc": "Room"}})", "circle_rooms.abc");
        check(R"({"kiosk": {"idle_prompt_s": 80, "idle_reset_s": 75}})", "greater than idle_prompt_s");
        check(R"({"webhook": {"url": "http://crm.example.org/hook", "secret": "0123456789abcdef"}})",
              "webhook.url: must be an https:// URL");
        check(R"({"webhook": {"url": "file:///etc/passwd", "secret": "0123456789abcdef"}})",
              "webhook.url: must be an https:// URL");
        check(R"({"webhook": {"url": "http://127.0.0.1.evil.org/", "secret": "0123456789abcdef"}})",
              "webhook.url: must be an https:// URL");
        CHECK(lc::parseConfig(R"({"webhook": {"url": "https://crm.example.org/hook", "secret": "0123456789abcdef"}})"));
        CHECK(lc::parseConfig(R"({"webhook": {"url": "http://127.0.0.1:8080/hook", "secret": "0123456789abcdef"}})"));
    }
    SECTION("not JSON, or not an object") {
        auto bad = lc::parseConfig("{nope");
        REQUIRE_FALSE(bad);
        CHECK(bad.error().id == "[config.1]");
        auto arr = lc::parseConfig("[]");
        REQUIRE_FALSE(arr);
        CHECK(arr.error().id == "[config.2]");
    }
    SECTION("a missing file") {
        auto cfg = lc::loadConfig("/nonexistent/lc.json");
        REQUIRE_FALSE(cfg);
        CHECK(cfg.error().id == "[config.4]");
    }
    SECTION("a config holding a secret that others can read is flagged; 0640 is fine") {
        const std::string path = (std::filesystem::temp_directory_path() / "lc-config-exposure.json").string();
        std::ofstream(path) << R"({"webhook": {"url": "https://crm.example.org/hook", "secret": "0123456789abcdef"}})";
        std::filesystem::permissions(path, std::filesystem::perms(0644));
        auto open = lc::loadConfig(path);
        REQUIRE(open);
        CHECK_THAT(open->exposureWarning, Catch::Contains("webhook.secret") && Catch::Contains("chmod 640"));
        std::filesystem::permissions(path, std::filesystem::perms(0640));
        auto closed = lc::loadConfig(path);
        REQUIRE(closed);
        CHECK(closed->exposureWarning.empty());
        std::filesystem::remove(path);
    }
}

TEST_CASE("Config fleet", "[core]") {
    SECTION("without fleet nothing changes") {
        auto cfg = lc::parseConfig("{}");
        REQUIRE(cfg);
        CHECK_FALSE(cfg->fleet.enabled());
    }
    SECTION("database, device and the claim timeout are read; the timeout defaults to 1500 ms") {
        auto cfg = lc::parseConfig(R"({"library": {"name": "Chicago Public Library"},
          "fleet": {"database": "postgresql://kiosk@db.example.org/lc?sslmode=verify-full",
                    "device": "hwlc-kiosk-1"}})");
        REQUIRE(cfg);
        CHECK(cfg->fleet.enabled());
        CHECK(cfg->fleet.device == "hwlc-kiosk-1");
        CHECK(cfg->fleet.claimTimeoutMs == 1500);
        auto tuned = lc::parseConfig(R"({"library": {"name": "L"},
          "fleet": {"database": "host=/run/pg", "device": "d", "claim_timeout_ms": 800}})");
        REQUIRE(tuned);
        CHECK(tuned->fleet.claimTimeoutMs == 800);
    }
    SECTION("mistakes are named") {
        const auto error = [](const char* json) {
            auto cfg = lc::parseConfig(json);
            REQUIRE_FALSE(cfg);
            return cfg.error().message;
        };
        CHECK(error(R"({"library": {"name": "L"}, "fleet": {"database": "h", "device": "d", "pool": 3}})") ==
              "fleet.pool: unknown key");
        CHECK(error(R"({"library": {"name": "L"}, "fleet": {"device": "d"}})").find("fleet.database") == 0);
        CHECK(error(R"({"library": {"name": "L"}, "fleet": {"database": "h", "device": "a b"}})").find("fleet.device") == 0);
        CHECK(error(R"({"library": {"name": "L"}, "fleet": {"database": "h", "device": "d", "claim_timeout_ms": 5}})")
                  .find("fleet.claim_timeout_ms") == 0);
        CHECK(error(R"({"fleet": {"database": "h", "device": "d"}})").find("library.name") != std::string::npos);
    }
}
