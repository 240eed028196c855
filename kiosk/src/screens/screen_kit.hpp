#pragma once
// Pieces every kiosk screen uses: the layout of the window (portrait keeps controls in the lower
// two thirds), a header with Back, circle cards, badges. ImGui only, no I/O, no state.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include <lc/ui/ui.hpp>

#include "flow/circle_card.hpp"

namespace lc::kiosk::screens {

/// The window's shape for this frame.
struct Frame {
    ImVec2 size;          ///< content region at the start of the screen
    ImVec2 origin;        ///< its top-left in screen coordinates
    bool portrait = false;
    float pad = 24;       ///< outer padding
    float gap = 16;
};

/// Measures the current window (call first in a screen).
Frame frameOf(lc::ui::Ui& ui);

/// The header: an optional Back button (id "back") then a title. Returns true when Back was
/// tapped.
bool header(lc::ui::Ui& ui, const Frame& f, std::string_view title, bool withBack);

/// Height of `s` wrapped at `width` in `role`.
float wrappedHeight(lc::ui::Ui& ui, std::string_view s, lc::ui::FontRole role, float width);

/// `s` broken into lines no wider than `width` in `role` (at spaces and newlines).
std::vector<std::string> wrapLines(lc::ui::Ui& ui, std::string_view s, lc::ui::FontRole role,
                                   float width);

/// Draws `s` wrapped at `width`, each line centred between window x `x` and `x + width`, and
/// records `s` whole (so a script's `expect` finds it however it wraps). Returns its height.
float textCenteredWrapped(lc::ui::Ui& ui, std::string_view s, lc::ui::FontRole role,
                          std::optional<ImVec4> color, float x, float width);

/// Height a circle card needs at `width`.
float cardHeight(lc::ui::Ui& ui, const CircleCard& c, float width);

/// Draws a tappable circle card (id "circle.<id>", label its name). True when tapped.
bool circleCard(lc::ui::Ui& ui, const CircleCard& c, float width);

/// A tappable check box with a wrapped label (id given). True when tapped.
bool checkRow(lc::ui::Ui& ui, std::string_view id, std::string_view label, bool checked,
              float width, std::string_view error = {});

/// Height of listRow() at `width`.
float listRowHeight(lc::ui::Ui& ui, std::string_view title, std::string_view detail, float width);

/// A tappable list row: a bold title and a muted second line, both wrapped. True when tapped.
bool listRow(lc::ui::Ui& ui, std::string_view id, std::string_view title, std::string_view detail,
             float width);

/// The colour of a seats/state badge.
ImVec4 stateColor(const lc::ui::Ui& ui, SignupState s);

/// Moves the cursor to `y` (window-relative) when it is above it.
void moveDownTo(float y);

// Scroll regions with a "More below" hint: lc::ui::beginScrollWithHint (lc/ui/widgets.hpp).

/// Begins a screen's body at the cursor's height: a region down to just above an action bar
/// `barH` high at the window's bottom, which scrolls (showing "More below") when its content
/// outgrows it, so the bar's actions always stay on screen. Lay content out from x = 0 in the
/// returned width. Pair with endBody().
float beginBody(lc::ui::Ui& ui, const Frame& f, std::string_view id, float barH);
/// Ends the body and puts the cursor at the action bar's top-left.
void endBody(lc::ui::Ui& ui, const Frame& f, float barH);

/// Padding applied to both sides: sets the cursor x and returns the usable width.
float indent(const Frame& f);

}  // namespace lc::kiosk::screens
