#include "idle_screen.hpp"

#include <algorithm>

#include "screen_kit.hpp"

namespace lc::kiosk::screens {

std::optional<StillHere> drawIdleScreen(lc::ui::Ui& ui, long secondsLeft) {
    const Frame f = frameOf(ui);
    ImGui::SetCursorPosY(f.size.y * (f.portrait ? 0.36f : 0.28f));
    const float textW = f.size.x - 2 * f.pad;
    textCenteredWrapped(ui, ui.tr("Still there?"), lc::ui::FontRole::Huge, ui.palette().warning,
                        f.pad, textW);
    ImGui::Dummy(ImVec2(0, f.gap));
    const std::string warning = lc::ui::format(
        ui.tr("Going back to the start in {n} s to protect your details."),
        {{"n", std::to_string(secondsLeft)}});
    textCenteredWrapped(ui, warning, lc::ui::FontRole::Body, std::nullopt, f.pad, textW);
    ui.announce("idle", warning);  // once, as it appears: not every second
    ImGui::Dummy(ImVec2(0, f.gap * 2));
    const float w = std::min(f.size.x - 2 * f.pad, 800 * ui.metrics().scale);
    ImGui::SetCursorPosX((f.size.x - w) * 0.5f);
    if (ui.button("idle.here", ui.tr("I'm still here"), ImVec2(w, ui.metrics().touchTarget * 1.6f))) {
        return StillHere{};
    }
    return std::nullopt;
}

}  // namespace lc::kiosk::screens
