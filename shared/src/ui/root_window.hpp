#pragma once
// Private to lc_ui: the full-frame window every app draws into, shared by Shell and HeadlessUi.

#include <imgui.h>

#include <lc/ui/ui.hpp>

namespace lc::ui::detail {

/// Begins "##root": the whole frame, no decoration, the theme's background.
inline void beginRootWindow(const Ui& ui, ImVec2 size) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    // Transparent: the frame is cleared to the background colour already, and a second
    // full-screen fill is the most expensive thing software GL does for us.
    (void)ui;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 0));
    ImGui::Begin("##root", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();
}

/// Ends "##root".
inline void endRootWindow() { ImGui::End(); }

/// Rebuilds the font atlas when new characters were seen or the sizes changed. Returns true when
/// it rebuilt (the GL texture must then be re-uploaded).
inline bool refreshFonts(Ui& ui) {
    Fonts& f = ui.fonts();
    if (!f.dirty() && !f.sizesChanged(ui.metrics())) return false;
    f.build(ui.metrics());
    return true;
}

}  // namespace lc::ui::detail
