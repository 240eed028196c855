#include <catch2/catch.hpp>

#include <lc/ui/headless.hpp>
#include <lc/ui/widgets.hpp>

using namespace lc::ui;

namespace {

// Presses the on-screen key labelled `label` (as the last frame laid it out) with a real touch.
void press(HeadlessUi& h, const std::function<void(Ui&)>& draw, const std::string& label) {
    const auto& targets = h.ui().lastFrameLayout().targets;
    const auto it = std::find_if(targets.begin(), targets.end(),
                                 [&](const TargetRect& t) { return t.id == "keyboard." + label; });
    INFO(label);
    REQUIRE(it != targets.end());
    const ImVec2 p(it->rect.x + it->rect.w * 0.5f, it->rect.y + it->rect.h * 0.5f);
    h.setMouse(p, true);
    h.frame(draw);
    h.setMouse(p, false);
    h.frame(draw);  // released: the key acts
    h.frame(draw);  // and the keyboard shows what it did
}

}  // namespace

TEST_CASE("on-screen keyboard: the Arabic page", "[ui]") {
    HeadlessConfig cfg;
    cfg.messagesDir = LC_MESSAGES_BUILD_DIR;
    auto created = HeadlessUi::create(cfg);
    REQUIRE(created);
    HeadlessUi& h = **created;
    std::string typed;
    const auto draw = [&](Ui& ui) {
        if (ui.input().focused() != "name") ui.input().focus("name", FieldKind::Name);
        for (const auto& e : ui.input().take("name"))
            if (e.kind == KeyEvent::Kind::Text) typed += e.text;
        drawKeyboard(ui, 1200);
    };
    const std::string arabicKey = "\u0639\u0631\u0628\u064A";  // عربي

    SECTION("not offered unless the config lists ar") {
        h.frame(draw);
        for (const auto& t : h.ui().lastFrameLayout().targets) CHECK(t.id != "keyboard." + arabicKey);
    }
    SECTION("offered: its letters type Arabic, lam-alef types two letters, ABC goes back") {
        h.ui().setArabicKeyboard(true);
        h.frame(draw);
        press(h, draw, arabicKey);
        press(h, draw, "س");
        press(h, draw, "ل");
        press(h, draw, "لا");
        CHECK(typed == "سللا");
        CHECK(h.ui().keyboardState().page == 3);
        h.frame(draw);  // the labels' glyphs were asked for; the atlas has them now
        // The page key "عربي" is drawn joined, right to left, written out by hand: YEH final
        // FEF2, BEH initial FE91 (REH does not join leftwards), REH final FEAE, AIN initial FECB.
        const std::u32string drawn = h.drawnCodepoints();
        CHECK(drawn.find(U"\uFEF2\uFE91\uFEAE\uFECB") == std::u32string::npos);  // on page 3 it reads ABC
        CHECK(drawn.find(U"\uFEFB") != std::u32string::npos);                     // لا as one ligature
        press(h, draw, "ABC");
        CHECK(h.ui().keyboardState().page == 0);
        h.frame(draw);
        CHECK(h.drawnCodepoints().find(U"\uFEF2\uFE91\uFEAE\uFECB") != std::u32string::npos);
    }
}
