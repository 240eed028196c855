#include <catch2/catch.hpp>

#include <lc/core/script.hpp>

using lc::script::Command;
using lc::script::Key;

TEST_CASE("Script", "[ui]") {
    SECTION("the shared/README.md example parses, comments and blank lines skipped") {
        const char* src =
            "# a signup\n"
            "tap \"Sign up for a learning circle\"  # the control\n"
            "\n"
            "type \"María Gómez\"\n"
            "key Enter\n"
            "expect \"You're in!\"\n"
            "expect-not \"María Gómez\"\n"
            "advance 90s\n"
            "screenshot out/done.png\n"
            "lang fr\n";
        auto steps = lc::script::parse(src);
        REQUIRE(steps);
        REQUIRE(steps->size() == 8);
        CHECK((*steps)[0].command == Command::Tap);
        CHECK((*steps)[0].text == "Sign up for a learning circle");
        CHECK((*steps)[0].line == 2);
        CHECK((*steps)[1].text == "María Gómez");
        CHECK((*steps)[2].command == Command::Key);
        CHECK((*steps)[2].key == Key::Enter);
        CHECK((*steps)[3].text == "You're in!");
        CHECK((*steps)[4].command == Command::ExpectNot);
        CHECK((*steps)[5].amount == std::chrono::seconds{90});
        CHECK((*steps)[6].text == "out/done.png");
        CHECK((*steps)[7].command == Command::Lang);
        CHECK((*steps)[7].line == 10);
    }
    SECTION("quotes keep # and escapes") {
        auto steps = lc::script::parse(R"(expect "Room #3 \"A\" \\ ok")");
        REQUIRE(steps);
        CHECK((*steps)[0].text == R"(Room #3 "A" \ ok)");
    }
    SECTION("durations") {
        CHECK(*lc::script::parseDuration("5m") == std::chrono::minutes{5});
        CHECK(*lc::script::parseDuration("2h") == std::chrono::hours{2});
        CHECK_FALSE(lc::script::parseDuration("0s"));
        CHECK_FALSE(lc::script::parseDuration("-5s"));
        CHECK_FALSE(lc::script::parseDuration("5d"));
        CHECK_FALSE(lc::script::parseDuration("s"));
        CHECK_FALSE(lc::script::parseDuration("99999999999999999999h"));
    }
    SECTION("unknown words become custom steps with their arguments") {
        auto steps = lc::script::parse("staff-pin 1234 \"two words\"\r\n");
        REQUIRE(steps);
        CHECK((*steps)[0].command == Command::Custom);
        CHECK((*steps)[0].name == "staff-pin");
        CHECK((*steps)[0].args == std::vector<std::string>{"1234", "two words"});
    }
    SECTION("errors carry ids and script:LINE") {
        auto expectError = [](const char* src, const char* id, const char* where) {
            auto r = lc::script::parse(src);
            REQUIRE_FALSE(r);
            CHECK(r.error().code == lc::ErrorCode::InvalidInput);
            CHECK(r.error().id == id);
            CHECK(r.error().message.rfind(where, 0) == 0);
        };
        expectError("tap \"open", "[script.parse.1]", "script:1:");
        expectError("\n\ntap", "[script.parse.2]", "script:3:");
        expectError("tap Sign up", "[script.parse.3]", "script:1:");
        expectError("key Spacebar", "[script.parse.4]", "script:1:");
        expectError("advance soon", "[script.parse.5]", "script:1:");
        expectError("lang French", "[script.parse.6]", "script:1:");
        expectError("type \"\xff\"", "[script.parse.7]", "script:1:");
        expectError("type \"a\x01\"", "[script.parse.7]", "script:1:");
    }
    SECTION("names") {
        CHECK(lc::script::commandName(Command::ExpectNot) == "expect-not");
        CHECK(lc::script::keyName(Key::Backspace) == "Backspace");
    }
}

TEST_CASE("script: the audit step", "[ui][script][audit]") {
    auto steps = lc::script::parse("tap \"Go\"\naudit\n");
    REQUIRE(steps);
    REQUIRE(steps->size() == 2);
    CHECK((*steps)[1].command == lc::script::Command::Audit);
    CHECK((*steps)[1].line == 2);
    CHECK(lc::script::commandName(lc::script::Command::Audit) == "audit");
    auto extra = lc::script::parse("audit now\n");
    REQUIRE_FALSE(extra);
    CHECK(extra.error().id == "[script.parse.3]");
}
