#include <catch2/catch.hpp>

#include <lc/core/text.hpp>
#include <lc/ui/headless.hpp>
#include <lc/ui/i18n.hpp>
#include <lc/ui/widgets.hpp>

#include <cfloat>

using namespace lc::ui;

namespace {

std::unique_ptr<HeadlessUi> makeUi(std::string lang = "en") {
    HeadlessConfig cfg;
    cfg.lang = std::move(lang);
    cfg.messagesDir = LC_MESSAGES_BUILD_DIR;
    auto h = HeadlessUi::create(cfg);
    REQUIRE(h);
    return std::move(*h);
}

class FormApp final : public App {
public:
    std::string name;
    bool submitted = false;
    int goTaps = 0;
    bool party = false;
    ImVec2 keyboardAt;

    void drawFrame(FrameContext& ctx) override {
        Ui& ui = ctx.ui;
        ui.text(ui.tr("One moment…"));
        ui.text("now " + lc::formatInstantUtc(ctx.now));
        if (party) ui.text(ui.tr("Party 🎉"));
        if (ui.button("t.go", "Go")) ++goTaps;
        auto r = textField(ui, "t.name", "Name", name, {FieldKind::Name, "", {}, 40, -1});
        if (r.changed) name = *r.changed;
        if (r.submitted) submitted = true;
        if (submitted) ui.text("Hello, " + name + "!");
        keyboardAt = ImGui::GetCursorScreenPos();
        drawKeyboard(ui);
    }
    lc::Result<void> handleScriptCommand(const std::string& cmd,
                                         const std::vector<std::string>& args) override {
        if (cmd == "party" && args.empty()) {
            party = true;
            return {};
        }
        return App::handleScriptCommand(cmd, args);
    }
};

}  // namespace

TEST_CASE("HeadlessUi", "[ui]") {
    auto h = makeUi();
    Ui& ui = h->ui();

    SECTION("text is recorded; characters the font lacks are flagged and drawn as a box") {
        h->frame([](Ui& u) {
            u.text("María Gómez – “quoted” …");
            u.text("Hi 😀");
            u.textWrapped("a long line that wraps", FontRole::Small);
        });
        const auto& t = ui.lastFrameText();
        REQUIRE(t.size() == 3);
        CHECK_FALSE(t[0].placeholder);
        CHECK(t[1].placeholder);
        CHECK(ui.lastFrameShows("Gómez"));
        CHECK_FALSE(ui.lastFrameShows("Bob"));
        CHECK(ui.fonts().font(FontRole::Body)->FallbackChar == kPlaceholderCodepoint);
    }
    SECTION("a date and time wraps after its comma, never inside (\"saa 3:00\" stays whole)") {
        const auto t = lc::parseInstant("2026-12-02T00:00:00Z");
        REQUIRE(t);
        const std::string s = formatDateTime(ui.catalogs(), "sw", *t, "Africa/Nairobi");
        const ImFont* f = ui.fonts().font(FontRole::Body);
        // Room for everything up to "saa", not for the time after it.
        const std::string head = "Jumatano, 2\u00a0Desemba, saa";
        const float width =
            f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, head.data(), head.data() + head.size()).x + 1;
        const char* end = f->CalcWordWrapPositionA(1.0f, s.data(), s.data() + s.size(), width);
        const std::string firstLine(s.data(), end);
        CHECK(lc::text::trim(firstLine) == "Jumatano, 2\u00a0Desemba,");
    }
    SECTION("buttons are tappable by label or id, exactly one") {
        int a = 0, b = 0;
        auto draw = [&](Ui& u) {
            if (u.button("b.one", "Same")) ++a;
            if (u.button("b.two", "Same")) ++b;
            if (u.button("b.three", "Other")) ++b;
            CHECK(ImGui::GetItemRectSize().y >= 56);
        };
        h->frame(draw);
        auto none = ui.tap("Missing");
        REQUIRE_FALSE(none);
        CHECK(none.error().id == "[ui.tap.1]");
        auto several = ui.tap("Same");
        REQUIRE_FALSE(several);
        CHECK(several.error().id == "[ui.tap.2]");
        REQUIRE(ui.tap("b.one"));
        h->frame(draw);
        CHECK(a == 1);
        REQUIRE(ui.tap("Other"));
        h->frame(draw);
        h->frame(draw);
        CHECK(b == 1);  // fired once, not again
    }
    SECTION("a real click (touch) on a button, a drag is not a tap") {
        int taps = 0;
        ImVec2 at;
        auto draw = [&](Ui& u) {
            if (u.button("b", "Press me")) ++taps;
            at = ImGui::GetItemRectMin();
        };
        h->frame(draw);
        const ImVec2 p(at.x + 20, at.y + 20);
        h->setMouse(p, true);
        h->frame(draw);
        h->setMouse(p, false);
        h->frame(draw);
        CHECK(taps == 1);
        h->setMouse(p, true);
        h->frame(draw);
        h->setMouse(ImVec2(p.x + 5, p.y + 60), true);
        h->frame(draw);
        h->setMouse(ImVec2(p.x + 5, p.y + 60), false);
        h->frame(draw);
        CHECK(taps == 1);
    }
    SECTION("on-screen keyboard keys type through the input path") {
        FormApp app;
        h->setApp(&app, nullptr);
        h->runFrame();
        REQUIRE(ui.tap("Name"));
        h->runFrame();
        h->runFrame();
        REQUIRE(ui.input().focused());
        CHECK(*ui.input().focused() == "t.name");
        // Row one is q…p, centred: just right of the centre is "y".
        const float width = ImGui::GetIO().DisplaySize.x - 2 * ui.metrics().padding;
        const ImVec2 y(app.keyboardAt.x + width / 2 + ui.metrics().gap, app.keyboardAt.y + ui.metrics().keySize / 2);
        CHECK(keyboardHeight(ui, width) >= 4 * 56);
        h->setMouse(y, true);
        h->runFrame();
        h->setMouse(y, false);
        h->runFrame();
        h->runFrame();
        CHECK(app.name == "y");
        ui.input().pushText("é");
        ui.input().push({KeyEvent::Kind::Backspace, {}});
        ui.input().pushText("ès");
        h->runFrame();
        CHECK(app.name == "yès");
        ui.keyboardState().shift = true;
        ui.reset();
        CHECK_FALSE(ui.input().focused());
        CHECK_FALSE(ui.keyboardState().shift);
    }
    SECTION("drag-scrolling with momentum read from the animation clock") {
        float scroll = 0;
        int taps = 0;
        auto draw = [&](Ui& u) {
            ImGui::SetCursorScreenPos(ImVec2(0, 0));
            beginDragScroll(u, "list", ImVec2(600, 400));
            for (int i = 0; i < 60; ++i)
                if (u.button("row." + std::to_string(i), "Row " + std::to_string(i), ImVec2(-1, 0))) ++taps;
            scroll = ImGui::GetScrollY();
            endDragScroll(u);
        };
        h->frame(draw);
        float y = 350;
        h->setMouse(ImVec2(100, y), true);
        h->frame(draw);
        for (int i = 0; i < 6; ++i) {
            y -= 40;
            h->setMouse(ImVec2(100, y), true);
            h->frame(draw);
        }
        const float atRelease = scroll;
        CHECK(atRelease > 100);
        h->setMouse(ImVec2(100, y), false);
        h->frame(draw);
        h->frame(draw);
        h->frame(draw);
        CHECK(scroll > atRelease + 10);  // it keeps going
        CHECK(ui.wantsAnimationFrame());
        for (int i = 0; i < 240; ++i) h->frame(draw);
        CHECK_FALSE(ui.wantsAnimationFrame());  // and stops
        CHECK(taps == 0);
    }
    SECTION("QR code") {
        h->frame([](Ui& u) {
            CHECK(drawQrCode(u, "https://www.p2pu.org/en/signup/12345/", 300));
            CHECK(ImGui::GetItemRectSize().x == 300);
            const std::string huge(8000, 'x');
            auto r = drawQrCode(u, huge, 300);
            REQUIRE_FALSE(r);
            CHECK(r.error().id == "[ui.qr.1]");
        });
    }
    SECTION("one moment screen is translated") {
        ui.setLanguage("fr");
        h->frame([](Ui& u) { drawOneMomentScreen(u); });
        CHECK(ui.lastFrameShows("Un instant…"));
    }
}

TEST_CASE("ScriptPlayer", "[ui]") {
    auto h = makeUi();
    FormApp app;
    auto start = lc::parseInstant("2026-12-01T00:00:00Z");
    REQUIRE(start);
    lc::FixedClock clock(*start);

    SECTION("a whole script passes") {
        const char* script =
            "# fill the form\n"
            "tap Name\n"
            "type \"Marío\"\n"
            "key Backspace\n"
            "type \"a Gómez\"\n"
            "key Enter\n"
            "expect \"Hello, María Gómez!\"\n"
            "expect-not \"Hello, Bob\"\n"
            "advance 90s\n"
            "expect \"now 2026-12-01T00:01:30Z\"\n"
            "lang fr\n"
            "expect \"Un instant…\"\n"
            "tap t.go\n";
        auto r = h->runScript(app, script, &clock);
        INFO((r ? "" : r.error().message));
        REQUIRE(r);
        CHECK(app.goTaps == 1);
        CHECK(h->ui().language() == "fr");
    }
    SECTION("a failing step says script:LINE: what failed") {
        auto check = [&](const char* script, const char* message) {
            FormApp fresh;
            auto r = h->runScript(fresh, script, &clock);
            REQUIRE_FALSE(r);
            CHECK(r.error().message == message);
        };
        check("expect \"One moment\"\nexpect \"Nope\"\n",
              "script:2: expect \"Nope\": not drawn within 10 frames");
        check("expect-not \"One moment\"", "script:1: expect-not \"One moment\": it is drawn");
        check("\ntap Nothing", "script:2: tap \"Nothing\": no control labelled or named \"Nothing\"");
        check("type \"abc\"", "script:1: type \"abc\": no field has the focus");
        check("fly away", "script:1: unknown command 'fly'");
        check("lang de", "script:1: lang de: not one of en, fr, es, sw");
        check("screenshot x.png", "script:1: screenshot x.png: no pixels headless: x.png");
        check("party\n", "script:1: catalog text \"Party 🎉\" (en) needs a placeholder for U+1F389");
    }
    SECTION("advance needs a fixed clock") {
        auto r = h->runScript(app, "advance 5m", nullptr);
        REQUIRE_FALSE(r);
        CHECK(r.error().id == "[ui.script.5]");
    }
}
