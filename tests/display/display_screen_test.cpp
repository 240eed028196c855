// Headless smoke tests of the display's screens (shared/README.md, H15): canned view-models drawn in
// an ImGui context with no window; what was drawn is read back from the recording text path.
#ifdef LC_DISPLAY_HAS_SCREENS

#include <catch2/catch.hpp>

#include <lc/ui/headless.hpp>

#include "display_fixtures.hpp"
#include "flow/display_model.hpp"
#include "screens/display_screen.hpp"
#include "screens/display_theme.hpp"
#include "screens/screen_parts.hpp"

using namespace lc::display;
using namespace lc::display::testing;

namespace {

std::unique_ptr<lc::ui::HeadlessUi> headless(int w, int h, const char* lang = "en") {
    lc::ui::HeadlessConfig cfg;
    cfg.width = w;
    cfg.height = h;
    cfg.lang = lang;
    cfg.domains = {"display", "common"};
    auto ui = lc::ui::HeadlessUi::create(cfg).value();
    ui->ui().setTheme(displayTheme(w, h));
    ui->ui().fonts().setLadder(displayLadder(h));
    ui->frame([](lc::ui::Ui&) {});  // bakes the ladder
    return ui;
}

DisplayView sampleView(lc::Instant now, std::size_t page) {
    auto ps = circle(3101, "Public Speaking", day(2026, 12, 1), 6, hm(18, 0), hm(19, 30));
    ps.signupLimit = 12;
    ps.signupCount = 5;
    auto longName = circle(3102, std::string(40, 'W') + " Resume Writing Workshop for Everyone" + std::string(120, '!'),
                           day(2026, 11, 17), 6, hm(10, 30), hm(12, 30));
    auto v = buildView(input({ps, longName}, now), now);
    v.currentPage = page;
    return v;
}

}  // namespace

TEST_CASE("DisplayScreen", "[display]") {
    const auto now = at("2026-12-01T17:40:00-06:00");

    SECTION("body text is readable across the lobby: cap height at least 2.2 % of the height") {
        for (auto [w, h] : {std::pair{1280, 720}, {1920, 1080}, {1080, 1920}, {3840, 2160}}) {
            auto ui = headless(w, h);
            ui->frame([&](lc::ui::Ui& u) { drawDisplayScreen(u, sampleView(now, 0), ImVec2(float(w), float(h))); });
            const ImFontGlyph* g = ui->ui().fonts().font(lc::ui::FontRole::Body)->FindGlyph('H');
            REQUIRE(g);
            CHECK(g->Y1 - g->Y0 >= 0.022f * float(h));
        }
    }

    SECTION("the fit pass: the largest type that fits, never under the floor; QR codes a fifth of the short side") {
        for (auto [w, h] : {std::pair{1280, 720}, {1920, 1080}, {1080, 1920}, {3840, 2160}}) {
            auto ui = headless(w, h);
            const auto ladder = displayLadder(h);
            const auto busy = at("2026-12-01T13:50:00-06:00");
            auto in = input(busyDay(), busy);
            in.settings.config = busyConfig();
            in.settings.joinCardsPerPage = joinCardsPerPage(h > w);
            const ImVec2 size{float(w), float(h)};
            auto v = buildView(in, busy);
            ui->frame([&](lc::ui::Ui& u) {
                for (std::size_t i = 0; i < v.pages.size(); ++i) {
                    const PageFit fit = measurePage(u, v, i, size);
                    CHECK(fit.bodyCapPx >= 0.022f * float(h) - 0.5f);
                    CHECK(fit.bodyCapPx <= capHeight(ladder.back().body) + 0.5f);
                    INFO(w << "x" << h << " page " << i << " " << pageKind(v.pages[i]));
                    if (std::holds_alternative<JoinPage>(v.pages[i])) CHECK(fit.qrPx >= minQrSide(size));
                }
            });
            // A short day's Today page grows its type above the floor.
            auto quiet = input({busyDay()[3]}, busy);
            quiet.settings.config = busyConfig();
            const auto qv = buildView(quiet, busy);
            ui->frame([&](lc::ui::Ui& u) { CHECK(measurePage(u, qv, 0, size).bodyCapPx > capHeight(ladder[0].body) + 0.5f); });
        }
    }

    SECTION("every page draws its content, in English and in French") {
        auto ui = headless(1920, 1080);
        ui->frame([&](lc::ui::Ui& u) { drawDisplayScreen(u, sampleView(now, 0), {1920, 1080}); });
        ui->frame([&](lc::ui::Ui& u) { drawDisplayScreen(u, sampleView(now, 0), {1920, 1080}); });
        CHECK(ui->ui().lastFrameShows("Public Speaking"));
        CHECK(ui->ui().lastFrameShows("Starting soon"));
        CHECK(ui->ui().lastFrameShows("Harold Washington Library Center"));
        CHECK(ui->ui().lastFrameShows("Resume Writing Workshop for Everyone"));  // cut past two lines, recorded whole
        ui->frame([&](lc::ui::Ui& u) { drawDisplayScreen(u, sampleView(now, 1), {1920, 1080}); });
        CHECK(ui->ui().lastFrameShows("Join a learning circle"));
        CHECK(ui->ui().lastFrameShows("7 seats left"));
        CHECK(ui->ui().lastFrameShows("Scan to sign up"));
        ui->ui().setLanguage("fr");
        ui->frame([&](lc::ui::Ui& u) { drawDisplayScreen(u, sampleView(now, 2), {1920, 1080}); });
        CHECK(ui->ui().lastFrameShows("Cette semaine"));
        CHECK(ui->ui().lastFrameShows("mardi 1er décembre"));
    }

    SECTION("outside opening hours nothing is drawn") {
        auto ui = headless(1280, 720);
        DisplayView blank;
        blank.blank = true;
        ui->frame([&](lc::ui::Ui& u) { drawDisplayScreen(u, blank, {1280, 720}); });
        CHECK(ui->ui().lastFrameText().empty());
    }
}

#endif  // LC_DISPLAY_HAS_SCREENS
