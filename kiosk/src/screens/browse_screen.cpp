#include "browse_screen.hpp"

#include <algorithm>

#include <lc/ui/widgets.hpp>

#include "screen_kit.hpp"

namespace lc::kiosk::screens {

using lc::ui::ButtonStyle;
using lc::ui::FontRole;

namespace {

std::optional<BrowseIntent> chips(lc::ui::Ui& ui, const BrowseView& v, const Frame& f) {
    std::optional<BrowseIntent> out;
    float x = f.pad;
    ImGui::SetCursorPosX(f.pad);
    for (std::size_t i = 0; i < v.languages.size(); ++i) {
        const auto& c = v.languages[i];
        const float w = ui.measure(c.label, FontRole::Bold).x + 2 * ui.metrics().padding;
        if (i > 0) {
            if (x + f.gap + w > f.size.x - f.pad) {
                x = f.pad;
                ImGui::SetCursorPosX(f.pad);
            } else {
                ImGui::SameLine(0, f.gap);
                x += f.gap;
            }
        }
        const std::string id = "filter." + (c.code.empty() ? std::string("all") : c.code);
        if (ui.button(id, c.label, ImVec2(w, 0),
                      c.selected ? ButtonStyle::Primary : ButtonStyle::Secondary)) {
            out = FilterLanguage{c.code};
        }
        x += w;
    }
    if (!v.languages.empty()) ImGui::Dummy(ImVec2(0, f.gap));
    return out;
}

}  // namespace

std::optional<BrowseIntent> drawBrowseScreen(lc::ui::Ui& ui, const BrowseView& v) {
    const Frame f = frameOf(ui);
    std::optional<BrowseIntent> out;
    // In portrait the header sits in the top third; the list starts below it.
    if (header(ui, f, ui.tr("Choose a learning circle"), true)) out = GoBack{};
    if (auto c = chips(ui, v, f)) out = c;
    if (v.cards.empty()) {
        ImGui::SetCursorPosX(f.pad);
        ui.textWrapped(v.emptyMessage, FontRole::Body, ui.palette().textMuted, f.size.x - 2 * f.pad);
        return out;
    }
    ImGui::SetCursorPosX(f.pad);
    const float listH = f.size.y - ImGui::GetCursorPosY() - f.pad;
    const float width = f.size.x - 2 * f.pad;
    // The list shows that it continues ("More below") rather than cutting a card at the edge.
    beginScrollWithHint(ui, "browse.list", ImVec2(width, listH));
    const bool twoColumns = !f.portrait && width > 1400 * ui.metrics().scale;
    const float cardW = twoColumns ? (width - f.gap) * 0.5f : width;
    // Rows of one or two cards, each row as tall as its taller card.
    const std::size_t perRow = twoColumns ? 2 : 1;
    float y = ImGui::GetCursorPosY();
    for (std::size_t i = 0; i < v.cards.size(); i += perRow) {
        float rowH = 0;
        for (std::size_t k = 0; k < perRow && i + k < v.cards.size(); ++k) {
            const CircleCard& c = v.cards[i + k];
            ImGui::SetCursorPos(ImVec2(k * (cardW + f.gap), y));
            if (circleCard(ui, c, cardW)) out = OpenCircle{c.id};
            rowH = std::max(rowH, cardHeight(ui, c, cardW));
        }
        y += rowH + f.gap * 0.75f;
    }
    ImGui::SetCursorPos(ImVec2(0, y));
    ImGui::Dummy(ImVec2(1, 1));
    endScrollWithHint(ui);
    return out;
}

}  // namespace lc::kiosk::screens
