#pragma once
// The lobby screen: a function of the const view-model (shared/README.md, H5). The display takes no
// input, so it returns nothing. ImGui only, no I/O.

#include <lc/ui/ui.hpp>

#include "flow/display_view.hpp"

namespace lc::display {

/// Draws the whole frame of `size` pixels: black when blank, else header, the current page and
/// the footer (page dots, "Schedule updated …"), all shifted by the view's burn-in offset.
/// The caller has set ui's language to v.language.
/// Each page picks the largest step of the font ladder at which it fits (the fit pass).
void drawDisplayScreen(lc::ui::Ui& ui, const DisplayView& v, ImVec2 size);

/// What the fit pass chooses for a page, for --dump-view and tests.
struct PageFit {
    float bodyCapPx = 0;  ///< cap height of its body text
    float qrPx = 0;       ///< join pages: the QR side, the same on every card
};

/// The fit of page `index` of `v` on a `size` screen (measures only; draws nothing).
PageFit measurePage(lc::ui::Ui& ui, const DisplayView& v, std::size_t index, ImVec2 size);

/// Whether Today `page` fits a `size` screen at the smallest type, framed by `v`'s header and
/// footer (DisplayInput::todayFits; measures only).
bool todayPageFits(lc::ui::Ui& ui, const DisplayView& v, const TodayPage& page, ImVec2 size);

}  // namespace lc::display
