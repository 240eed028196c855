#include "home_screen.hpp"

#include <algorithm>

#include "screen_kit.hpp"

namespace lc::kiosk::screens {

using lc::ui::ButtonStyle;
using lc::ui::FontRole;

namespace {

std::optional<HomeIntent> languageRow(lc::ui::Ui& ui, const HomeView& v, const Frame& f) {
    const float w = std::max(ui.metrics().touchTarget * 1.6f, ui.measure("EN", FontRole::Bold).x * 2.5f);
    const float total = v.languages.size() * w + (v.languages.size() - 1) * f.gap;
    ImGui::SetCursorPosX(std::max(f.pad, (f.size.x - total) * 0.5f));
    std::optional<HomeIntent> out;
    for (std::size_t i = 0; i < v.languages.size(); ++i) {
        const auto& l = v.languages[i];
        if (i > 0) ImGui::SameLine(0, f.gap);
        if (ui.button("lang." + l.code, l.label, ImVec2(w, 0),
                      l.selected ? ButtonStyle::Primary : ButtonStyle::Secondary)) {
            out = SetLanguage{l.code};
        }
    }
    return out;
}

// Read aloud and Large text at the bottom left, Staff opposite; when the three do not fit on one
// line (French on a narrow screen), Read aloud goes a row up.
std::optional<HomeIntent> cornerButtons(lc::ui::Ui& ui, const Frame& f, const HomeAccess& access) {
    const auto& m = ui.metrics();
    std::optional<HomeIntent> out;
    const auto widthOf = [&](const std::string& label) { return ui.measure(label, FontRole::Bold).x + 2 * m.padding; };
    const std::string read = ui.tr("Read aloud"), large = ui.tr("Large text"), staff = ui.tr("Staff");
    const float staffW = widthOf(staff);
    const bool oneRow = widthOf(read) + widthOf(large) + staffW + 3 * f.gap <= f.size.x - 2 * f.pad;
    const float rowY = f.size.y - f.pad - m.touchTarget;
    ImGui::SetCursorPos(ImVec2(f.pad, oneRow ? rowY : rowY - m.touchTarget - f.gap));
    if (ui.button("home.speech", read, ImVec2(0, 0),
                  access.speechOn ? ButtonStyle::Primary : ButtonStyle::Secondary)) {
        out = ToggleSpeech{};
    }
    ui.describeLast(lc::ui::Role::Button, access.speechOn ? ui.tr("on") : ui.tr("off"));
    if (oneRow) ImGui::SameLine(0, f.gap);
    else ImGui::SetCursorPos(ImVec2(f.pad, rowY));
    if (ui.button("home.large-text", large, ImVec2(0, 0),
                  access.largeText ? ButtonStyle::Primary : ButtonStyle::Secondary)) {
        out = ToggleLargeText{};
    }
    ui.describeLast(lc::ui::Role::Button, access.largeText ? ui.tr("on") : ui.tr("off"));

    ImGui::SetCursorPos(ImVec2(f.size.x - f.pad - staffW, rowY));
    if (ui.button("home.staff", staff, ImVec2(staffW, 0), ButtonStyle::Quiet)) {
        out = OpenStaff{};
    }
    return out;
}

}  // namespace

std::optional<HomeIntent> drawHomeScreen(lc::ui::Ui& ui, const HomeView& v,
                                         const HomeAccess& access) {
    const Frame f = frameOf(ui);
    const auto& m = ui.metrics();
    std::optional<HomeIntent> out;

    // Greeting in the upper part; every control in the lower two thirds in portrait. The
    // library's name wraps, never elides; a name too long for two title lines is set smaller.
    const float textW = f.size.x - 2 * f.pad;
    const std::string name = v.libraryName.empty() ? ui.tr("Learning circles") : v.libraryName;
    const FontRole role = wrapLines(ui, name, FontRole::Title, textW).size() <= 2 ? FontRole::Title
                                                                                 : FontRole::Bold;
    ImGui::SetCursorPosY(f.portrait ? f.size.y * 0.14f : f.size.y * 0.08f);
    textCenteredWrapped(ui, name, role, std::nullopt, f.pad, textW);
    ImGui::Dummy(ImVec2(0, f.gap * 0.5f));
    textCenteredWrapped(ui, ui.tr("Free study groups that meet at the library."), FontRole::Body,
                        ui.palette().textMuted, f.pad, textW);

    const float bw = std::min(f.size.x - 2 * f.pad, 900 * m.scale);
    const float bh = std::max(m.touchTarget * 2.2f, m.titleSize * 2.2f);
    moveDownTo(f.portrait ? f.size.y * 0.40f : f.size.y * 0.34f);
    ImGui::Dummy(ImVec2(0, f.gap));
    ImGui::SetCursorPosX((f.size.x - bw) * 0.5f);
    if (ui.button("home.signup", ui.tr("Sign up for a learning circle"), ImVec2(bw, bh))) {
        out = OpenBrowse{};
    }
    if (!v.signupNotice.empty()) {
        ImGui::SetCursorPosX((f.size.x - bw) * 0.5f);
        ui.textWrapped(v.signupNotice, FontRole::Body, ui.palette().warning, bw);
    }
    ImGui::Dummy(ImVec2(0, f.gap * 1.5f));
    ImGui::SetCursorPosX((f.size.x - bw) * 0.5f);
    if (v.checkinOffered) {
        if (ui.button("home.checkin", ui.tr("Check in"), ImVec2(bw, bh), ButtonStyle::Secondary)) {
            out = OpenCheckin{};
        }
    }

    ImGui::Dummy(ImVec2(0, f.gap * 3));
    if (auto l = languageRow(ui, v, f)) out = l;

    if (auto c = cornerButtons(ui, f, access)) out = c;
    return out;
}

float largeTextScale(lc::ui::Ui& ui, ImVec2 screenMm, ImVec2 framePx, float base) {
    const float mmPerPx = std::min(screenMm.x / framePx.x, screenMm.y / framePx.y);
    const ImFont* small = ui.fonts().font(FontRole::Small);
    const ImFontGlyph* h = small ? small->FindGlyphNoFallback('H') : nullptr;
    // The glyph's box may hold a row of antialiasing above or below the letter: not counted.
    const float capPx = h ? h->Y1 - h->Y0 - 1.0f : ui.metrics().smallSize * 0.6f;
    const float capPerScale = capPx / ui.metrics().textScale;
    if (capPerScale <= 0 || mmPerPx <= 0) return base;
    // A little over: the sizes are rounded to whole pixels when the fonts are baked.
    const float wanted = kLargeTextCapMm / mmPerPx / capPerScale * 1.04f;
    return std::clamp(wanted, base, 2.0f);
}

}  // namespace lc::kiosk::screens
