#include <catch2/catch.hpp>

#include <lc/ui/options.hpp>

#include <vector>

using namespace lc::ui;

namespace {

lc::Result<AppOptions> parse(std::vector<const char*> args, const std::vector<ExtraOption>& extra = {}) {
    args.insert(args.begin(), "lc-test");
    return parseAppOptions(static_cast<int>(args.size()), args.data(), extra);
}

}  // namespace

TEST_CASE("AppOptions", "[ui]") {
    SECTION("the common options of shared/README.md") {
        auto o = parse({"--db", "d.sqlite", "--lang", "fr", "--now", "2026-12-01T17:55:00-06:00",
                        "--size", "1080x1920", "--script", "s.txt", "--screenshot=out.png",
                        "--dump-view", "v.json", "--exit-after", "2.5", "--fullscreen",
                        "--config", "c.json", "--feed", "file:///f.json", "--high-contrast",
                        "--text-scale", "1.25"});
        REQUIRE(o);
        CHECK(*o->dbPath == "d.sqlite");
        CHECK(*o->lang == "fr");
        CHECK(lc::formatInstantUtc(*o->now) == "2026-12-01T23:55:00Z");
        CHECK(o->width == 1080);
        CHECK(o->height == 1920);
        CHECK(o->sizeGiven);
        CHECK(*o->screenshotPath == "out.png");
        CHECK(*o->exitAfterSeconds == 2.5);
        CHECK(o->fullscreen);
        CHECK(o->highContrast);
        CHECK(o->textScale == 1.25f);
        CHECK(*o->feedUrl == "file:///f.json");
    }
    SECTION("defaults") {
        auto o = parse({});
        REQUIRE(o);
        CHECK(o->width == 1920);
        CHECK(o->height == 1080);
        CHECK_FALSE(o->now);
        CHECK_FALSE(o->lang);
    }
    SECTION("app-specific options") {
        auto o = parse({"--rooms", "A,B", "--demo"}, {{"--rooms", true, "rooms"}, {"--demo", false, "demo"}});
        REQUIRE(o);
        CHECK(o->extra.at("--rooms") == "A,B");
        CHECK(o->extra.at("--demo") == "1");
    }
    SECTION("bad arguments: one line, a stable id") {
        auto expectId = [](std::vector<const char*> args, const char* id) {
            auto o = parse(std::move(args));
            REQUIRE_FALSE(o);
            CHECK(o.error().id == id);
            CHECK(o.error().code == lc::ErrorCode::InvalidInput);
            CHECK(o.error().message.find('\n') == std::string::npos);
        };
        expectId({"--bogus"}, "[ui.options.1]");
        expectId({"--fullscreen=yes"}, "[ui.options.1]");
        expectId({"--db"}, "[ui.options.2]");
        expectId({"--lang", "de"}, "[ui.options.3]");
        expectId({"--now", "2026-12-01"}, "[ui.options.4]");
        expectId({"--size", "1920"}, "[ui.options.5]");
        expectId({"--size", "10x10"}, "[ui.options.5]");
        expectId({"--size", "1920x1080x3"}, "[ui.options.5]");
        expectId({"--exit-after", "-1"}, "[ui.options.6]");
        expectId({"--text-scale", "5"}, "[ui.options.7]");
        expectId({"stray"}, "[ui.options.8]");
    }
    SECTION("help lists every option") {
        const std::string h = appOptionsHelp("lc-kiosk", "Kiosk.", {{"--rooms", true, "rooms"}});
        for (const char* opt : {"--config", "--db", "--feed", "--lang", "--now", "--size", "--fullscreen",
                                "--script", "--screenshot", "--dump-view", "--exit-after", "--rooms"})
            CHECK(h.find(opt) != std::string::npos);
        auto o = parse({"-h"});
        REQUIRE(o);
        CHECK(o->help);
    }
}
