// The layout audit: deliberately broken layouts, drawn headlessly, each caught by its rule; a
// clean layout passes; the script step `audit` prints one line a finding.

#include <catch2/catch.hpp>

#include <algorithm>

#include <lc/ui/headless.hpp>
#include <lc/ui/layout_audit.hpp>
#include <lc/ui/widgets.hpp>

using namespace lc::ui;

namespace {

std::unique_ptr<HeadlessUi> makeUi(int w = 1920, int h = 1080) {
    HeadlessConfig cfg;
    cfg.width = w;
    cfg.height = h;
    cfg.messagesDir = LC_MESSAGES_BUILD_DIR;
    auto made = HeadlessUi::create(cfg);
    REQUIRE(made);
    return std::move(*made);
}

// Draws `draw` for a few frames (fonts and scroll limits settle) and audits the last one.
std::vector<Finding> auditOf(HeadlessUi& h, const std::function<void(Ui&)>& draw) {
    for (int i = 0; i < 3; ++i) h.frame(draw);
    return auditLayout(h.ui().lastFrameLayout());
}

// Every finding, one a line: what a failing CHECK shows.
std::string listed(const std::vector<Finding>& fs) {
    std::string out;
    for (const auto& f : fs) out += f.describe("test") + "\n";
    return out;
}

std::vector<AuditRule> rulesOf(const std::vector<Finding>& fs) {
    std::vector<AuditRule> out;
    for (const auto& f : fs) out.push_back(f.rule);
    return out;
}

bool has(const std::vector<Finding>& fs, AuditRule rule, std::string_view what) {
    return std::any_of(fs.begin(), fs.end(), [&](const Finding& f) {
        return f.rule == rule && f.what.find(what) != std::string::npos;
    });
}

void heading(Ui& ui) {
    ImGui::SetCursorPos(ImVec2(40, 40));
    ui.title("Learning circles");
}

// A clean screen: a heading, a long feed title declared elidable, two buttons side by side
// well apart, a list that scrolls and shows it.
void cleanScreen(Ui& ui) {
    heading(ui);
    ImGui::SetCursorPosX(40);
    ui.textElided("Introduction to Data Science with Python for absolute beginners and more", 500);
    ImGui::SetCursorPosX(40);
    ui.button("a.back", "Back", ImVec2(200, 0), ButtonStyle::Secondary);
    ImGui::SameLine(0, 40);
    ui.button("a.next", "Continue", ImVec2(300, 0));
    ImGui::SetCursorPosX(40);
    beginScrollWithHint(ui, "a.list", ImVec2(800, 400));
    for (int i = 0; i < 12; ++i) ui.button("a.row." + std::to_string(i), "Row " + std::to_string(i), ImVec2(-1, 0));
    endScrollWithHint(ui);
}

}  // namespace

TEST_CASE("Layout audit: a clean layout has no findings", "[ui][audit]") {
    auto h = makeUi();
    CHECK(listed(auditOf(*h, cleanScreen)) == "");
    const LayoutFrame& frame = h->ui().lastFrameLayout();
    CHECK(frame.regions.size() == 1);
    CHECK(frame.regions[0].hintHeight > 0);  // it shows that it scrolls
    CHECK(frame.targets.size() >= 14);       // Back, Continue, rows, "More below"
    SECTION("also in portrait and at 4K") {
        auto p = makeUi(1080, 1920);
        CHECK(listed(auditOf(*p, cleanScreen)) == "");
        auto k = makeUi(3840, 2160);
        CHECK(listed(auditOf(*k, cleanScreen)) == "");
    }
}

TEST_CASE("Layout audit: clipped", "[ui][audit]") {
    auto h = makeUi();
    SECTION("text beyond the window's right edge") {
        const auto fs = auditOf(*h, [](Ui& ui) {
            ImGui::SetCursorPos(ImVec2(1700, 40));
            ui.text("Chicago Public Library, 400 S State St");
        });
        CHECK(rulesOf(fs) == std::vector{AuditRule::Clipped});
        CHECK(fs[0].describe("home").rfind("home clipped: Chicago Public Library, 400 S State St at 1700,", 0) == 0);
    }
    SECTION("a button label wider than its button") {
        const auto fs = auditOf(*h, [](Ui& ui) {
            ImGui::SetCursorPos(ImVec2(40, 40));
            ui.button("x.confirm", "Confirm my signup for this learning circle", ImVec2(120, 0));
        });
        CHECK(has(fs, AuditRule::Clipped, "Confirm my signup"));
    }
}

TEST_CASE("Layout audit: elided", "[ui][audit]") {
    auto h = makeUi();
    SECTION("text shortened with an ellipsis that nobody declared elidable") {
        const auto fs = auditOf(*h, [](Ui& ui) {
            heading(ui);
            ImGui::SetCursorPosX(40);
            ui.text(ui.ellipsize("Chicago Public Library, 400 S State St, Chicago", FontRole::Title, 500),
                    FontRole::Title);
        });
        CHECK(rulesOf(fs) == std::vector{AuditRule::Elided});
    }
    SECTION("a declared elidable text and a translation ending in an ellipsis pass") {
        const auto fs = auditOf(*h, [](Ui& ui) {
            heading(ui);
            ImGui::SetCursorPosX(40);
            ui.textElided("Chicago Public Library, 400 S State St, Chicago", 300, FontRole::Title);
            ImGui::SetCursorPosX(40);
            ui.text(ui.tr("One moment…"));
        });
        CHECK(fs.empty());
        const auto& texts = h->ui().lastFrameLayout().texts;
        REQUIRE(texts.size() == 3);
        CHECK(texts[1].elided);
        CHECK(texts[1].elidable);
    }
}

TEST_CASE("Layout audit: offscreen", "[ui][audit]") {
    auto h = makeUi();
    SECTION("a button half below the window's bottom") {
        const auto fs = auditOf(*h, [](Ui& ui) {
            heading(ui);
            ImGui::SetCursorPos(ImVec2(40, 1050));
            ui.button("review.confirm", "Confirm", ImVec2(300, 0));
        });
        CHECK(has(fs, AuditRule::Offscreen, "review.confirm"));
    }
    SECTION("below the fold of a region that scrolls without saying so") {
        const auto fs = auditOf(*h, [](Ui& ui) {
            ImGui::SetCursorPos(ImVec2(40, 40));
            beginDragScroll(ui, "list", ImVec2(600, 300));
            for (int i = 0; i < 8; ++i) ui.button("row." + std::to_string(i), "Row", ImVec2(-1, 0));
            endDragScroll(ui);
        });
        CHECK(has(fs, AuditRule::Offscreen, "row.7"));
        CHECK_FALSE(has(fs, AuditRule::Offscreen, "row.0"));
    }
    SECTION("the same region with its hint passes") {
        const auto fs = auditOf(*h, [](Ui& ui) {
            ImGui::SetCursorPos(ImVec2(40, 40));
            beginScrollWithHint(ui, "list", ImVec2(600, 300));
            for (int i = 0; i < 8; ++i) ui.button("row." + std::to_string(i), "Row", ImVec2(-1, 0));
            endScrollWithHint(ui);
        });
        CHECK(listed(fs) == "");
    }
}

TEST_CASE("Layout audit: overlap", "[ui][audit]") {
    auto h = makeUi();
    SECTION("two buttons drawn at one place") {
        const auto fs = auditOf(*h, [](Ui& ui) {
            ImGui::SetCursorPos(ImVec2(40, 40));
            ui.button("review.edit", "Edit", ImVec2(300, 0), ButtonStyle::Secondary);
            ImGui::SetCursorPos(ImVec2(200, 60));
            ui.button("review.confirm", "Confirm", ImVec2(300, 0));
        });
        CHECK(has(fs, AuditRule::Overlap, "review.edit / review.confirm"));
    }
    SECTION("two text runs over each other") {
        const auto fs = auditOf(*h, [](Ui& ui) {
            ImGui::SetCursorPos(ImVec2(40, 40));
            ui.text("Tuesday, December 1");
            ImGui::SetCursorPos(ImVec2(60, 50));
            ui.text("Room 2B");
        });
        CHECK(rulesOf(fs) == std::vector{AuditRule::Overlap});
        CHECK(fs[0].what == "Tuesday, December 1 / Room 2B");
    }
}

TEST_CASE("Layout audit: small", "[ui][audit]") {
    SECTION("under 56 px at 1080") {
        auto h = makeUi();
        const auto fs = auditOf(*h, [](Ui& ui) {
            ImGui::SetCursorPos(ImVec2(40, 40));
            ui.touchArea("tiny.close", "x", ImVec2(40, 40));
        });
        CHECK(rulesOf(fs) == std::vector{AuditRule::Small});
    }
    SECTION("scaled with the window: 80 px is small at 4K, fine at 1080") {
        const auto draw = [](Ui& ui) {
            ImGui::SetCursorPos(ImVec2(40, 40));
            ui.touchArea("t", "t", ImVec2(80, 80));
        };
        auto k = makeUi(3840, 2160);
        CHECK(rulesOf(auditOf(*k, draw)) == std::vector{AuditRule::Small});
        auto h = makeUi();
        CHECK(auditOf(*h, draw).empty());
    }
}

TEST_CASE("Layout audit: contrast", "[ui][audit]") {
    auto h = makeUi();
    SECTION("pale text on the background") {
        const auto fs = auditOf(*h, [](Ui& ui) {
            heading(ui);
            ImGui::SetCursorPosX(40);
            ui.text("Seats left", FontRole::Body, ImVec4(0.75f, 0.75f, 0.75f, 1));
        });
        CHECK(rulesOf(fs) == std::vector{AuditRule::Contrast});
    }
    SECTION("text on a fill of nearly its own colour") {
        const auto fs = auditOf(*h, [](Ui& ui) {
            ImGui::SetCursorPos(ImVec2(40, 40));
            const ImVec2 a = ImGui::GetCursorScreenPos();
            ui.fillRect(a, ImVec2(a.x + 400, a.y + 80), ImVec4(0.1f, 0.1f, 0.1f, 1));
            ui.text("Full", FontRole::Body, ImVec4(0.25f, 0.25f, 0.25f, 1));
        });
        CHECK(rulesOf(fs) == std::vector{AuditRule::Contrast});
    }
    SECTION("the theme's own colours pass, in both themes") {
        CHECK(contrastRatio(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)) == Approx(21.0f));
        for (ThemeKind kind : {ThemeKind::Touch, ThemeKind::HighContrast}) {
            const Palette p = makeTheme(kind, 1920, 1080).palette;
            CHECK(contrastRatio(p.text, p.background) >= kMinContrast);
            CHECK(contrastRatio(p.textMuted, p.surface) >= kMinContrast);
            CHECK(contrastRatio(p.accentText, p.accent) >= kMinContrast);
            CHECK(contrastRatio(p.buttonText, p.button) >= kMinContrast);
        }
    }
}

TEST_CASE("Layout audit: a run counts findings that last kAuditFrames frames, once each", "[ui][audit]") {
    auto h = makeUi();
    AuditLog log;
    bool broken = false;
    const auto draw = [&](Ui& ui) {
        ImGui::SetCursorPos(ImVec2(40, broken ? 1060 : 40));
        ui.button("go", "Go", ImVec2(200, 0));
    };
    for (int i = 0; i < 3; ++i) h->frame(draw), log.check("home", h->ui().lastFrameLayout());
    broken = true;
    for (int i = 0; i < kAuditFrames - 1; ++i) h->frame(draw), log.check("home", h->ui().lastFrameLayout());
    CHECK(log.lines().empty());  // fewer frames than kAuditFrames: a transition
    for (int i = 0; i < 3; ++i) h->frame(draw), log.check("home", h->ui().lastFrameLayout());
    // The button's label is cut by the window's edge too.
    REQUIRE(log.lines().size() == 2);
    CHECK(log.lines()[0].rfind("home clipped: Go at ", 0) == 0);
    CHECK(log.lines()[1].rfind("home offscreen: go at 40,1060 200x", 0) == 0);
    CHECK(log.frames() == 3 + (kAuditFrames - 1) + 3);
    log.check("browse", h->ui().lastFrameLayout());
    log.check("home", h->ui().lastFrameLayout());
    CHECK(log.screens() == std::vector<std::string>{"home", "browse"});
}

namespace {

class BrokenApp final : public App {
public:
    bool broken = false;
    void drawFrame(FrameContext& ctx) override {
        Ui& ui = ctx.ui;
        ImGui::SetCursorPos(ImVec2(40, 40));
        if (ui.button("break", "Break it", ImVec2(300, 0))) broken = true;
        if (!broken) return;
        ImGui::SetCursorPos(ImVec2(40, 1040));
        ui.button("review.confirm", "Confirm", ImVec2(300, 0));
        ImGui::SetCursorPos(ImVec2(400, 40));
        ui.touchArea("tiny", "tiny", ImVec2(30, 30));
    }
    std::string screenName() const override { return "signup.review"; }
};

}  // namespace

TEST_CASE("Layout audit: the script step", "[ui][audit]") {
    auto h = makeUi();
    BrokenApp app;
    CHECK(h->runScript(app, "audit\n", nullptr));
    auto r = h->runScript(app, "tap \"Break it\"\n\naudit\n", nullptr);
    REQUIRE_FALSE(r);
    const std::string& m = r.error().message;
    INFO(m);
    CHECK(m.find("script:3: audit: signup.review clipped: Confirm at ") == 0);
    CHECK(m.find("\nscript:3: audit: signup.review offscreen: review.confirm at 40,1040 300x72\n") != std::string::npos);
    CHECK(m.find("\nscript:3: audit: signup.review small: tiny at 400,40 30x30") != std::string::npos);
    CHECK(std::count(m.begin(), m.end(), '\n') == 2);
}

TEST_CASE("Layout audit: the on-screen keyboard fits a half-window and its Done label", "[ui][audit]") {
    // Check-in in landscape puts the keyboard in the right half. At 1280x800 a floor on the key
    // unit made its rows wider than that half (Done past the window's edge); in Swahili at
    // 3840x2160 "Nimemaliza" outgrew the Done key.
    struct Case {
        int w, h;
        const char* lang;
    };
    for (const Case c : {Case{1280, 800, "en"}, Case{1280, 800, "sw"}, Case{3840, 2160, "sw"},
                         Case{800, 1280, "sw"}}) {
        HeadlessConfig cfg;
        cfg.width = c.w;
        cfg.height = c.h;
        cfg.lang = c.lang;
        cfg.domains = {"kiosk", "common"};
        cfg.messagesDir = LC_MESSAGES_BUILD_DIR;
        auto made = HeadlessUi::create(cfg);
        REQUIRE(made);
        HeadlessUi& h = **made;
        h.ui().input().focus("name", FieldKind::Name);
        const bool landscape = c.w > c.h;
        // Check-in's columns: the keyboard under the right one in landscape.
        const float pad = h.ui().metrics().padding, gap = h.ui().metrics().gap;
        const float kbW = landscape ? (c.w - 2 * pad) * 0.5f - gap : c.w - 2 * pad;
        const float left = landscape ? pad + kbW + 2 * gap : pad;
        const auto findings = auditOf(h, [&](Ui& ui) {
            ImGui::SetCursorPos(ImVec2(left, c.h - pad - keyboardHeight(ui, kbW)));
            drawKeyboard(ui, kbW);
        });
        INFO(c.w << "x" << c.h << " " << c.lang << "\n" << listed(findings));
        CHECK(findings.empty());
        // Every key inside the width it was given (the window's edge is not the only limit).
        for (const TargetRect& t : h.ui().lastFrameLayout().targets) {
            INFO(t.id << " at " << t.rect.x << "+" << t.rect.w);
            CHECK(t.rect.x >= left - 0.5f);
            CHECK(t.rect.right() <= left + kbW + 0.5f);
        }
    }
}
