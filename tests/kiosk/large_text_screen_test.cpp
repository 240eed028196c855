// Large text: the scale Home's toggle picks makes a capital H of every type role at least 6 mm
// tall on the configured screen, measured on the glyphs the atlas bakes at that scale.
#include <catch2/catch.hpp>

#include "fakes.hpp"
#include "headless_kiosk.hpp"
#include "screens/home_screen.hpp"

using namespace lc;
using namespace lc::kiosk;
using namespace lc::kiosk::testing;

TEST_CASE("large text makes a capital H at least 6 mm tall", "[kiosk]") {
    struct Screen {
        bool portrait;
        ImVec2 mm;  // visible area as mounted
    };
    const Screen s = GENERATE(Screen{false, {531, 299}},   // 24-inch 1920x1080
                              Screen{true, {299, 531}},    // the same, portrait
                              Screen{false, {344, 194}});  // 15.6-inch 1920x1080
    const auto headless = kioskHeadless(s.portrait);
    ui::HeadlessUi& h = *headless;
    World w;
    KioskFlow k(w.deps());
    const ImVec2 px = s.portrait ? ImVec2(1080, 1920) : ImVec2(1920, 1080);
    const auto draw = [&](ui::Ui& u) { screens::drawHomeScreen(u, k.homeView(), {false, true}); };
    h.frame(draw);
    const float scale = screens::largeTextScale(h.ui(), s.mm, px, 1.0f);
    h.ui().setTheme(ui::makeTheme(ui::ThemeKind::Touch, static_cast<int>(px.x), static_cast<int>(px.y), scale));
    h.frame(draw);  // the fonts are baked again at the new sizes
    h.frame(draw);
    const float mmPerPx = std::min(s.mm.x / px.x, s.mm.y / px.y);
    INFO("scale " << scale << ", " << s.mm.x << "x" << s.mm.y << " mm");
    if (scale >= 2.0f) {
        // The 15.6-inch panel needs more than the theme's largest scale: large text stops there.
        CHECK(s.mm.x < 400);
        return;
    }
    for (auto role : {ui::FontRole::Small, ui::FontRole::Body, ui::FontRole::Bold, ui::FontRole::Title}) {
        const ImFont* f = h.ui().fonts().font(role);
        REQUIRE(f);
        const ImFontGlyph* H = f->FindGlyphNoFallback('H');
        REQUIRE(H);
        CHECK((H->Y1 - H->Y0 - 1.0f) * mmPerPx >= screens::kLargeTextCapMm);
    }
    // Without large text the smallest type is under 6 mm (else the toggle would change nothing).
    h.ui().setTheme(ui::makeTheme(ui::ThemeKind::Touch, static_cast<int>(px.x), static_cast<int>(px.y), 1.0f));
    h.frame(draw);
    const ImFontGlyph* small = h.ui().fonts().font(ui::FontRole::Small)->FindGlyphNoFallback('H');
    REQUIRE(small);
    CHECK((small->Y1 - small->Y0 - 1.0f) * mmPerPx < screens::kLargeTextCapMm);
}
