// Check-in with an Arabic name on the roster: what the screen really draws (the glyph quads of
// its draw lists) is the masked name joined and in visual order, never the full name.
#include <catch2/catch.hpp>

#include <lc/ui/headless.hpp>

#include "fakes.hpp"
#include "headless_kiosk.hpp"
#include "screens/checkin_screen.hpp"

using namespace lc;
using namespace lc::kiosk;
using namespace lc::kiosk::testing;

namespace {

// "سلمى ح." (Salma H., the masked "سلمى حداد") as drawn left to right, written out by hand from
// the presentation forms; a space draws no quad, so none is listed.
//   FULL STOP (ends the right-to-left reading, so it is drawn first)   U+002E
//   HAH isolated (the full stop does not join)                         U+FEA1
//   ALEF MAKSURA final                                                 U+FEF0
//   MEEM medial                                                        U+FEE4
//   LAM medial                                                         U+FEE0
//   SEEN initial                                                       U+FEB3
const std::u32string kSalmaMaskedDrawn = {0x2E, 0xFEA1, 0xFEF0, 0xFEE4, 0xFEE0, 0xFEB3};
// "Welcome, سلمى!": the English stays left to right around the joined first name.
const std::u32string kWelcomeSalmaDrawn = {'W', 'e', 'l', 'c', 'o', 'm', 'e', ',',
                                           0xFEF0, 0xFEE4, 0xFEE0, 0xFEB3, '!'};
// "حداد" (the surname) as it would be drawn: it must not be.
const std::u32string kHaddadDrawn = {0xFEA9, 0xFE8D, 0xFEAA, 0xFEA3};

}  // namespace

TEST_CASE("check-in draws an Arabic name joined and in visual order", "[kiosk]") {
    const auto headless = kioskHeadless(GENERATE(false, true));
    ui::HeadlessUi& h = *headless;
    World w;
    w.checkins.byCircle[3101] = {{"سلمى حداد", "s1", ""}, {"María Gómez", "", "r1"}};
    w.clock.set(at("2026-12-01T17:50:00-06:00"));
    KioskFlow k(w.deps());
    k.go(Route{Screen::Checkin});
    k.checkin().apply(TypeText{"سلم"});
    std::optional<CheckinIntent> picked;
    const auto draw = [&](ui::Ui& u) {
        if (auto i = screens::drawCheckinScreen(u, k.checkin().view())) picked = i;
    };
    // The first frame asks for the Arabic glyphs; the atlas has them from the next one on.
    for (int i = 0; i < 3; ++i) h.frame(draw);
    CHECK(h.ui().lastFrameShows("سلمى ح."));  // `expect` matches the text as typed
    const std::u32string drawn = h.drawnCodepoints();
    CHECK(drawn.find(kSalmaMaskedDrawn) != std::u32string::npos);
    CHECK(drawn.find(kHaddadDrawn) == std::u32string::npos);

    REQUIRE(h.ui().tap("سلمى ح."));
    for (int i = 0; i < 2 && !picked; ++i) h.frame(draw);
    REQUIRE(picked);
    k.checkin().apply(*picked);
    for (int i = 0; i < 2; ++i) h.frame(draw);
    CHECK(h.ui().lastFrameShows("Welcome, سلمى!"));
    CHECK(h.drawnCodepoints().find(kWelcomeSalmaDrawn) != std::u32string::npos);
}
