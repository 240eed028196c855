#include <catch2/catch.hpp>

#include <lc/core/names.hpp>
#include <lc/core/text.hpp>
#include <lc/ui/bidi.hpp>
#include <lc/ui/headless.hpp>

#include <imgui_internal.h>

using namespace lc::ui;

namespace {

// "Salma Haddad" in Arabic, as typed (logical order).
constexpr const char* kSalmaHaddad = "سلمى حداد";

// The same name as it must be drawn left to right, written out by hand from the Unicode
// presentation forms: the second word first (RTL), each word's letters from its end, every
// letter in the form its neighbours ask for.
//   دَال isolated (alef does not join leftwards)  U+FEA9
//   ALEF isolated (dal does not join leftwards)   U+FE8D
//   DAL final (after hah, which joins)            U+FEAA
//   HAH initial                                   U+FEA3
//   space
//   ALEF MAKSURA final                            U+FEF0
//   MEEM medial                                   U+FEE4
//   LAM medial                                    U+FEE0
//   SEEN initial                                  U+FEB3
const std::u32string kSalmaHaddadVisual = {0xFEA9, 0xFE8D, 0xFEAA, 0xFEA3, 0x0020,
                                           0xFEF0, 0xFEE4, 0xFEE0, 0xFEB3};

std::u32string codepoints(std::string_view s) {
    std::u32string out;
    std::size_t pos = 0;
    while (pos < s.size()) out += lc::text::nextCodepoint(s, pos);
    return out;
}

}  // namespace

TEST_CASE("visualOrder", "[ui]") {
    SECTION("an Arabic name is reordered and joined into presentation forms") {
        CHECK(codepoints(visualOrder(kSalmaHaddad)) == kSalmaHaddadVisual);
    }
    SECTION("lam-alef becomes one ligature") {
        // "لا": LAM + ALEF → U+FEFB LAM WITH ALEF ISOLATED.
        CHECK(codepoints(visualOrder("لا")) == std::u32string{0xFEFB});
    }
    SECTION("Hebrew is reversed; Latin text and numbers keep their order") {
        CHECK(codepoints(visualOrder("שלום")) == std::u32string{0x05DD, 0x05D5, 0x05DC, 0x05E9});
        CHECK(visualOrder("Room 12, María") == "Room 12, María");
        CHECK(visualOrder("Welcome, שלום!") == "Welcome, םולש!");
    }
    SECTION("each line is ordered on its own") {
        CHECK(codepoints(visualOrder("שלום\nab")) ==
              std::u32string{0x05DD, 0x05D5, 0x05DC, 0x05E9, '\n', 'a', 'b'});
    }
    SECTION("a masked Arabic name keeps its first name and initial, and is drawn right to left") {
        const std::string masked = lc::names::maskAll({kSalmaHaddad})[0];
        CHECK(masked == "سلمى ح.");
        // ". ح" then the joined first name: the full stop sits at the end of the RTL reading.
        CHECK(codepoints(visualOrder(masked)) ==
              std::u32string{'.', 0xFEA1, 0x0020, 0xFEF0, 0xFEE4, 0xFEE0, 0xFEB3});
    }
}

TEST_CASE("Ui draws right-to-left names joined and in visual order", "[ui]") {
    HeadlessConfig cfg;
    cfg.messagesDir = LC_MESSAGES_BUILD_DIR;
    auto created = HeadlessUi::create(cfg);
    REQUIRE(created);
    auto& h = *created;
    const auto draw = [](Ui& ui) { ui.text(kSalmaHaddad); };
    h->frame(draw);  // the first frame asks for the glyphs; the atlas is rebuilt before the next
    h->frame(draw);
    const ImFont* font = h->ui().fonts().font(FontRole::Body);
    REQUIRE(font);
    std::u32string expected;
    for (char32_t cp : kSalmaHaddadVisual) {
        if (cp == ' ') continue;  // a space advances without a quad
        INFO("U+" << std::hex << static_cast<unsigned>(cp));
        REQUIRE(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)));  // Noto Sans Arabic merged in
        expected += cp;
    }
    CHECK(h->drawnCodepoints() == expected);
    CHECK(h->ui().lastFrameShows(kSalmaHaddad));  // `expect` still matches the name as typed
    CHECK_FALSE(h->ui().lastFrameText().back().placeholder);
}
