// Text safety: controls stripped from feed text, invisible characters out of names, credentials
// out of every message.
#include <catch2/catch.hpp>

#include <lc/core/result.hpp>
#include <lc/core/text.hpp>

using namespace lc::text;

TEST_CASE("Text safety", "[core]") {
    SECTION("stripControls drops ESC, BEL, C1 and DEL; breaks become spaces; the rest stays") {
        CHECK(stripControls("Python\x1b[2J\x07 for all") == "Python[2J for all");
        CHECK(stripControls("a\tb\nc\r\nd") == "a b c  d");
        CHECK(stripControls("caf\xc3\xa9 \xc2\x9b" "31m\x7f!") == "caf\xc3\xa9 31m!");
        CHECK(stripControls("Ana L\xc3\xb3pez \xd8\xb3\xd9\x84\xd8\xa7\xd9\x85") == "Ana L\xc3\xb3pez \xd8\xb3\xd9\x84\xd8\xa7\xd9\x85");
    }
    SECTION("cleanName removes bidi overrides and zero-width characters, keeps everything else") {
        CHECK(cleanName("Ana\xe2\x80\xae" "zepoL") == "AnazepoL");              // U+202E
        CHECK(cleanName("B\xe2\x80\x8bo\xef\xbb\xbf") == "Bo");                  // ZWSP, BOM
        CHECK(cleanName("\xe2\x81\xa6" "x\xe2\x81\xa9") == "x");                 // isolates
        CHECK(cleanName("  Ana  L\xc3\xb3pez ") == "  Ana  L\xc3\xb3pez ");       // exact otherwise
        CHECK(cleanName("\xd9\x85\xe2\x80\x8c\xd8\xa7") == "\xd9\x85\xe2\x80\x8c\xd8\xa7");  // ZWNJ kept
        CHECK(isInvisibleFormat(0x202D));
        CHECK_FALSE(isInvisibleFormat(0x200D));
    }
    SECTION("redactCredentials hides user:pass and secret query values in every URL") {
        CHECK(redactCredentials("cannot connect (https://kiosk:hunter2@feeds.example.org/api/?x=1)") ==
              "cannot connect (https://***@feeds.example.org/api/?x=1)");
        CHECK(redactCredentials("GET http://h/p?api_key=abc&limit=5&Token=t#frag") ==
              "GET http://h/p?api_key=***&limit=5&Token=***#frag");
        CHECK(redactCredentials("no url here: user:pass@host") == "no url here: user:pass@host");
        CHECK(redactCredentials("a https://h/x then file:///etc/p?secret=1") ==
              "a https://h/x then file:///etc/p?secret=***");
        lc::Error e{lc::ErrorCode::Network, "[feed.net.1]", "cannot connect (https://u:p@h/)"};
        CHECK(e.describe() == "[feed.net.1] cannot connect (https://***@h/)");
    }
}
