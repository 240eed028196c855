#pragma once
// The lobby screen: a function of the const view-model (STYLE.md item 5). The display takes no
// input, so it returns nothing. ImGui only, no I/O.

#include <lc/ui/ui.hpp>

#include "flow/display_view.hpp"

namespace lc::display {

/// Draws the whole frame of `size` pixels: black when blank, else header, the current page and
/// the footer (page dots, "Schedule updated …"), all shifted by the view's burn-in offset.
/// The caller has set ui's language to v.language.
void drawDisplayScreen(lc::ui::Ui& ui, const DisplayView& v, ImVec2 size);

}  // namespace lc::display
