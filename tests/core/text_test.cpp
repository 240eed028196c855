#include <catch2/catch.hpp>

#include <string>

#include <lc/core/text.hpp>

using namespace lc::text;

TEST_CASE("Text", "[core]") {
    SECTION("valid UTF-8") {
        CHECK(isValidUtf8(""));
        CHECK(isValidUtf8("María"));
        CHECK(isValidUtf8("\xE2\x82\xAC"));          // €
        CHECK(isValidUtf8("\xF0\x9F\x98\x80"));      // U+1F600
        CHECK(isValidUtf8("\xF4\x8F\xBF\xBF"));      // U+10FFFF
        CHECK(isValidUtf8(std::string("a\0b", 3)));  // NUL is well-formed
    }

    SECTION("invalid UTF-8") {
        CHECK_FALSE(isValidUtf8("\xC3"));              // truncated
        CHECK_FALSE(isValidUtf8("\xC3("));             // bad continuation
        CHECK_FALSE(isValidUtf8("\x80"));              // lone continuation
        CHECK_FALSE(isValidUtf8("\xC0\xAF"));          // overlong '/'
        CHECK_FALSE(isValidUtf8("\xE0\x80\xAF"));      // overlong, 3 bytes
        CHECK_FALSE(isValidUtf8("\xF0\x80\x80\xAF"));  // overlong, 4 bytes
        CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));      // surrogate U+D800
        CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // U+110000
        CHECK_FALSE(isValidUtf8("\xF8\x88\x80\x80\x80"));
        CHECK_FALSE(isValidUtf8("\xFF"));
        CHECK_FALSE(isValidUtf8("ok\xE2\x82"));  // truncated at the end
    }

    SECTION("repair") {
        CHECK(repairUtf8("María") == "María");
        CHECK(repairUtf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
        CHECK(repairUtf8(std::string("a\0b", 3)) == "ab");
        CHECK(repairUtf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
        CHECK(isValidUtf8(repairUtf8("\xC3\xC3\xA9\xE2\x82")));
        CHECK(repairUtf8("") == "");
    }

    SECTION("code points") {
        CHECK(codepointCount("") == 0);
        CHECK(codepointCount("abc") == 3);
        CHECK(codepointCount("María") == 5);
        CHECK(codepointCount("\xF0\x9F\x98\x80!") == 2);
        CHECK(truncateChars("María Gómez", 4) == "Marí");
        CHECK(truncateChars("María", 10) == "María");
        CHECK(truncateChars("María", 0) == "");
        CHECK(truncateChars("\xF0\x9F\x98\x80\xF0\x9F\x98\x80", 1) == "\xF0\x9F\x98\x80");
        CHECK(truncateChars("ééé", 2) == "éé");
    }

    SECTION("control characters") {
        CHECK_FALSE(hasControlChars("María Gómez"));
        CHECK_FALSE(hasControlChars(""));
        CHECK(hasControlChars("a\tb"));
        CHECK(hasControlChars("a\nb"));
        CHECK(hasControlChars(std::string("a\0b", 3)));
        CHECK(hasControlChars("\x7F"));
        CHECK(hasControlChars("\xC2\x80"));  // U+0080
        CHECK(hasControlChars("\xC2\x9F"));  // U+009F
        CHECK_FALSE(hasControlChars("\xC2\xA0"));  // no-break space is not a control
    }

    SECTION("trim") {
        CHECK(trim("  María  ") == "María");
        CHECK(trim("\t\n María Gómez \r\n") == "María Gómez");
        CHECK(trim("\xC2\xA0" "Ana" "\xE3\x80\x80") == "Ana");  // U+00A0, U+3000
        CHECK(trim("\xE2\x80\x8B" "Ana" "\xEF\xBB\xBF") == "Ana");  // U+200B, U+FEFF
        CHECK(trim("Ana  María") == "Ana  María");  // inner space kept
        CHECK(trim("") == "");
        CHECK(trim("   ") == "");
        CHECK(trim("\xC2\xA0\xC2\xA0") == "");
        CHECK(trim("x") == "x");
        CHECK(trim(" x") == "x");
        CHECK(trim("x ") == "x");
        CHECK(trim(" \xFF ") == "\xFF");  // invalid bytes are not space
        CHECK(isSpace(U' '));
        CHECK(isSpace(0x3000));
        CHECK_FALSE(isSpace(U'a'));
    }

    SECTION("decode and encode") {
        const std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
        std::size_t pos = 0;
        CHECK(nextCodepoint(s, pos) == U'a');
        CHECK(nextCodepoint(s, pos) == 0xE9);
        CHECK(nextCodepoint(s, pos) == 0x20AC);
        CHECK(nextCodepoint(s, pos) == 0x1F600);
        CHECK(pos == s.size());
        CHECK(nextCodepoint(s, pos) == 0xFFFD);  // at the end: no read past it, no advance
        CHECK(pos == s.size());

        std::size_t bad = 0;
        CHECK(nextCodepoint("\xFF" "a", bad) == 0xFFFD);
        CHECK(bad == 1);

        std::string out;
        for (const char32_t cp : {U'a', char32_t{0xE9}, char32_t{0x20AC}, char32_t{0x1F600}})
            appendUtf8(out, cp);
        CHECK(out == s);
    }

    SECTION("encoding never writes invalid UTF-8") {
        std::string out;
        appendUtf8(out, 0xD800);
        CHECK(out == "\xEF\xBF\xBD");
        out.clear();
        appendUtf8(out, 0x110000);
        CHECK(out == "\xEF\xBF\xBD");
        out.clear();
        appendUtf8(out, 0x10FFFF);
        CHECK(out == "\xF4\x8F\xBF\xBF");
        CHECK(isValidUtf8(out));
    }

    SECTION("a value keeps the word that introduces or measures it; a comma or colon may break") {
        CHECK(keepWithPlaceholder("{date}, saa {time}", "time") == "{date}, saa\u00a0{time}");
        CHECK(keepWithPlaceholder("{date} à {time}", "time") == "{date} à\u00a0{time}");
        CHECK(keepWithPlaceholder("{date}, {time}", "time") == "{date}, {time}");
        CHECK(keepWithPlaceholder("sync: {n} min ago", "n") == "sync: {n}\u00a0min ago");
        CHECK(keepWithPlaceholder("mwisho: saa {n} zilizopita", "n") ==
              "mwisho: saa\u00a0{n}\u00a0zilizopita");
        CHECK(keepWithPlaceholder("{n} of {n} {m}", "n") == "{n}\u00a0of\u00a0{n}\u00a0{m}");
        CHECK(keepWithPlaceholder("no value here", "n") == "no value here");
        CHECK(keepWithPlaceholder("{time}", "time") == "{time}");
    }
}
