#include "screen_kit.hpp"

#include <algorithm>
#include <string>

#include <lc/ui/widgets.hpp>

namespace lc::kiosk::screens {

using lc::ui::FontRole;

Frame frameOf(lc::ui::Ui& ui) {
    Frame f;
    // Window-relative: SetCursorPos counts from the window's edge, whatever its padding.
    f.size = ImGui::GetWindowSize();
    f.origin = ImGui::GetCursorScreenPos();
    f.portrait = f.size.y > f.size.x;
    f.pad = ui.metrics().padding;
    f.gap = ui.metrics().gap;
    return f;
}

float indent(const Frame& f) {
    ImGui::SetCursorPosX(f.pad);
    return f.size.x - 2 * f.pad;
}

void moveDownTo(float y) {
    if (ImGui::GetCursorPosY() < y) ImGui::SetCursorPosY(y);
}

bool header(lc::ui::Ui& ui, const Frame& f, std::string_view title, bool withBack) {
    ImGui::SetCursorPos(ImVec2(f.pad, f.pad));
    bool back = false;
    if (withBack) {
        back = ui.button("back", ui.tr("Back"), ImVec2(0, 0), lc::ui::ButtonStyle::Secondary);
        ImGui::SameLine(0, f.gap * 1.5f);
        const float buttonH = ImGui::GetItemRectSize().y;
        const float titleH = ui.measure(title, FontRole::Title).y;
        ImGui::SetCursorPosY(f.pad + std::max(0.0f, (buttonH - titleH) * 0.5f));
    }
    const float width = f.size.x - ImGui::GetCursorPosX() - f.pad;
    ui.textWrapped(title, FontRole::Title, std::nullopt, width);
    ImGui::SetCursorPosX(f.pad);
    ImGui::Dummy(ImVec2(0, f.gap));
    return back;
}

float wrappedHeight(lc::ui::Ui& ui, std::string_view s, FontRole role, float width) {
    if (s.empty()) return 0;
    ui.pushFont(role);
    const ImVec2 size = ImGui::CalcTextSize(s.data(), s.data() + s.size(), false, width);
    ImGui::PopFont();
    return size.y;
}

std::vector<std::string> wrapLines(lc::ui::Ui& ui, std::string_view s, FontRole role, float width) {
    std::vector<std::string> out;
    const ImFont* font = ui.fonts().font(role);
    if (!font) font = ImGui::GetFont();
    const char* p = s.data();
    const char* end = s.data() + s.size();
    while (p < end) {
        const char* e = font->CalcWordWrapPositionA(1.0f, p, end, width);
        if (e == p) e = p + 1;  // a character wider than the line: never loop
        const char* t = e;
        while (t > p && (t[-1] == ' ' || t[-1] == '\n')) --t;
        out.emplace_back(p, t);
        p = e;
        while (p < end && (*p == ' ' || *p == '\n')) ++p;
    }
    return out;
}

float textCenteredWrapped(lc::ui::Ui& ui, std::string_view s, FontRole role,
                          std::optional<ImVec4> color, float x, float width) {
    const float y0 = ImGui::GetCursorPosY();
    ui.record(s);
    for (const auto& line : wrapLines(ui, s, role, width)) {
        const float w = ui.measure(line, role).x;
        ImGui::SetCursorPosX(x + std::max(0.0f, (width - w) * 0.5f));
        ui.text(line, role, color);
    }
    return ImGui::GetCursorPosY() - y0;
}

namespace {

std::string whenLine(const CircleCard& c) { return c.when + "  ·  " + c.dates; }
std::string metaLine(const CircleCard& c) {
    std::string s = c.language;
    if (!c.facilitators.empty()) s += "  ·  " + c.facilitators;
    return s;
}

}  // namespace

float cardHeight(lc::ui::Ui& ui, const CircleCard& c, float width) {
    const auto& m = ui.metrics();
    const float badgeW = ui.measure(c.seats, FontRole::Bold).x + 2 * m.padding;
    const float inner = width - 2 * m.padding;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float h = 2 * m.padding;
    h += wrappedHeight(ui, c.name, FontRole::Bold, inner - badgeW - m.gap) + spacing;
    h += wrappedHeight(ui, c.course, FontRole::Small, inner) + spacing;
    h += wrappedHeight(ui, whenLine(c), FontRole::Body, inner) + spacing;
    h += wrappedHeight(ui, c.place, FontRole::Small, inner) + spacing;
    h += wrappedHeight(ui, metaLine(c), FontRole::Small, inner);
    return std::max(h, m.touchTarget);
}

ImVec4 stateColor(const lc::ui::Ui& ui, SignupState s) {
    switch (s) {
        case SignupState::Open: return ui.palette().success;
        case SignupState::Full: return ui.palette().warning;
        default: return ui.palette().danger;
    }
}

bool circleCard(lc::ui::Ui& ui, const CircleCard& c, float width) {
    const auto& m = ui.metrics();
    const auto& p = ui.palette();
    const float h = cardHeight(ui, c, width);
    const ImVec2 start = ImGui::GetCursorPos();
    const bool tapped = ui.touchArea("circle." + std::to_string(c.id), c.name, ImVec2(width, h));
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const ImVec2 after = ImGui::GetCursorPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ui.fillRect(a, b, p.surface, m.rounding);
    dl->AddRect(a, b, lc::ui::toU32(p.border), m.rounding, 0, std::max(1.0f, 2 * m.scale));

    // The seats badge, top right.
    const ImVec2 bs = ui.measure(c.seats, FontRole::Bold);
    const float badgeW = bs.x + 2 * m.padding;
    const ImVec2 ba(b.x - m.padding - badgeW, a.y + m.padding);
    const ImVec2 bb(b.x - m.padding, ba.y + bs.y + m.padding * 0.5f);
    ui.fillRect(ba, bb, stateColor(ui, c.state), m.rounding);
    ImGui::SetCursorPos(ImVec2(start.x + (ba.x - a.x) + m.padding, start.y + m.padding + m.padding * 0.25f));
    ui.text(c.seats, FontRole::Bold, p.accentText);

    const float inner = width - 2 * m.padding;
    const float x = start.x + m.padding;
    ImGui::SetCursorPos(ImVec2(x, start.y + m.padding));
    ui.textWrapped(c.name, FontRole::Bold, std::nullopt, inner - badgeW - m.gap);
    ImGui::SetCursorPosX(x);
    ui.textWrapped(c.course, FontRole::Small, p.textMuted, inner);
    ImGui::SetCursorPosX(x);
    ui.textWrapped(whenLine(c), FontRole::Body, std::nullopt, inner);
    ImGui::SetCursorPosX(x);
    ui.textWrapped(c.place, FontRole::Small, p.textMuted, inner);
    ImGui::SetCursorPosX(x);
    ui.textWrapped(metaLine(c), FontRole::Small, p.textMuted, inner);
    ImGui::SetCursorPos(after);
    return tapped;
}

bool checkRow(lc::ui::Ui& ui, std::string_view id, std::string_view label, bool checked,
              float width, std::string_view error) {
    const auto& m = ui.metrics();
    const auto& p = ui.palette();
    const float box = m.touchTarget * 0.8f;
    const float textW = width - box - 2 * m.gap;
    const float textH = wrappedHeight(ui, label, FontRole::Body, textW);
    const float h = std::max(m.touchTarget, textH + m.gap);
    const ImVec2 start = ImGui::GetCursorPos();
    const bool tapped = ui.touchArea(id, label, ImVec2(width, h));
    ui.describeLast(lc::ui::Role::CheckBox, checked ? ui.tr("checked") : ui.tr("not checked"));
    const ImVec2 a = ImGui::GetItemRectMin();
    const ImVec2 after = ImGui::GetCursorPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 ba(a.x, a.y + (h - box) * 0.5f), bb(ba.x + box, ba.y + box);
    const ImVec4 edge = error.empty() ? p.border : p.danger;
    dl->AddRectFilled(ba, bb, lc::ui::toU32(checked ? p.accent : p.surface), m.rounding * 0.5f);
    dl->AddRect(ba, bb, lc::ui::toU32(checked ? p.accent : edge), m.rounding * 0.5f, 0,
                std::max(2.0f, 3 * m.scale));
    if (checked) {
        const float t = std::max(3.0f, 5 * m.scale);
        dl->AddLine(ImVec2(ba.x + box * 0.22f, ba.y + box * 0.52f),
                    ImVec2(ba.x + box * 0.43f, ba.y + box * 0.72f), lc::ui::toU32(p.accentText), t);
        dl->AddLine(ImVec2(ba.x + box * 0.43f, ba.y + box * 0.72f),
                    ImVec2(ba.x + box * 0.78f, ba.y + box * 0.28f), lc::ui::toU32(p.accentText), t);
    }
    ImGui::SetCursorPos(ImVec2(start.x + box + 2 * m.gap, start.y + (h - textH) * 0.5f));
    ui.textWrapped(label, FontRole::Body, std::nullopt, textW);
    ImGui::SetCursorPos(after);
    if (!error.empty()) {
        ImGui::SetCursorPosX(start.x);
        ui.textWrapped(error, FontRole::Small, p.danger, width);
    }
    return tapped;
}

float listRowHeight(lc::ui::Ui& ui, std::string_view title, std::string_view detail, float width) {
    const auto& m = ui.metrics();
    const float inner = width - 2 * m.padding;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    return std::max(m.touchTarget, 2 * m.padding * 0.6f + spacing +
                                       wrappedHeight(ui, title, FontRole::Bold, inner) +
                                       wrappedHeight(ui, detail, FontRole::Body, inner));
}

bool listRow(lc::ui::Ui& ui, std::string_view id, std::string_view title, std::string_view detail,
             float width) {
    const auto& m = ui.metrics();
    const float inner = width - 2 * m.padding;
    const float h = listRowHeight(ui, title, detail, width);
    const ImVec2 start = ImGui::GetCursorPos();
    const bool tapped = ui.touchArea(id, title, ImVec2(width, h));
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const ImVec2 after = ImGui::GetCursorPos();
    ui.fillRect(a, b, ui.palette().button, m.rounding);
    ImGui::SetCursorPos(ImVec2(start.x + m.padding, start.y + m.padding * 0.6f));
    ui.textWrapped(title, FontRole::Bold, ui.palette().buttonText, inner);
    ImGui::SetCursorPosX(start.x + m.padding);
    ui.textWrapped(detail, FontRole::Body, ui.palette().buttonText, inner);
    ImGui::SetCursorPos(ImVec2(after.x, after.y + m.gap * 0.5f));
    return tapped;
}

float beginBody(lc::ui::Ui& ui, const Frame& f, std::string_view id, float barH) {
    const float top = ImGui::GetCursorPosY();
    const float width = f.size.x - 2 * f.pad;
    ImGui::SetCursorPos(ImVec2(f.pad, top));
    const float barTop = f.size.y - f.pad - barH;
    lc::ui::beginScrollWithHint(ui, id, ImVec2(width, std::max(ui.metrics().touchTarget, barTop - f.gap - top)));
    return width;
}

void endBody(lc::ui::Ui& ui, const Frame& f, float barH) {
    ImGui::Dummy(ImVec2(1, f.gap * 0.5f));  // the last line never sits on the region's edge
    lc::ui::endScrollWithHint(ui);
    ImGui::SetCursorPos(ImVec2(f.pad, f.size.y - f.pad - barH));
}

}  // namespace lc::kiosk::screens
