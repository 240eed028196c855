#pragma once
// Touch widgets over lc::ui::Ui: text field, on-screen keyboard, QR code, drag-scrolled list.
// All state lives in Ui (no static locals), so Ui::reset() clears it.

#include <optional>
#include <string>
#include <string_view>

#include <imgui.h>

#include <lc/core/result.hpp>
#include <lc/ui/input.hpp>
#include <lc/ui/ui.hpp>

namespace lc::ui {

/// What a text field did this frame.
struct FieldResult {
    std::optional<std::string> changed;  ///< the new value when keys changed it
    bool submitted = false;              ///< Enter pressed while focused
    bool tabbed = false;                 ///< Tab pressed while focused (move to the next field)
    bool escaped = false;                ///< Escape pressed while focused
    bool focused = false;                ///< it has the focus now
};

/// Options of a text field.
struct FieldOptions {
    FieldKind kind = FieldKind::Text;
    std::string placeholder;             ///< drawn muted when empty (recorded like any text)
    std::optional<std::string> error;    ///< drawn beside/below the field in danger colour
    std::size_t maxChars = 120;
    float width = -1;                    ///< negative: fill the row
};

/// A touch text field showing `value` (the flow owns it). Tapping it (or a script `tap` on its
/// id or label) focuses it; keys from the input queue are applied to a copy and returned in
/// FieldResult::changed. `label` is drawn above it and registered for `tap`. Pin fields draw dots.
FieldResult textField(Ui& ui, std::string_view id, std::string_view label,
                      const std::string& value, const FieldOptions& options = {});

/// Height the on-screen keyboard needs at `width` for the focused field's layout.
float keyboardHeight(const Ui& ui, float width);

/// Draws the on-screen keyboard at the cursor, `width` wide (≤0: the content region), for the
/// focused field's kind: letters with shift, an accents page (é è ê à ç ñ á í ó ú ü ô î ï ë),
/// digits and symbols, @ . - _ ".com" for email, a numeric pad for phone and PIN; space,
/// backspace, Enter ("Done"). Each key pushes into ui.input(), the path `type` uses.
/// Draws nothing (returns 0) when no field has the focus. Returns the height used.
/// Placement is the screen's: put it below the field (in portrait, in the lower two thirds).
float drawKeyboard(Ui& ui, float width = 0);

/// Draws a QR code of `text` (UTF-8, byte mode, ECC level M) as a `side` x `side` square of
/// dark modules on white with a 4-module quiet zone. "[ui.qr.1]" when qrencode refuses it
/// (too long); then nothing is drawn.
Result<void> drawQrCode(Ui& ui, std::string_view text, float side);

/// Begins a child region of `size` that scrolls by dragging anywhere in it (touch: GLFW delivers
/// it as a mouse), with momentum after release that decays over ~1 s of animation time; the
/// scrollbar is hidden. Always pair with endDragScroll(). Buttons inside still work: a press
/// that moves more than a few pixels becomes a drag, not a tap.
void beginDragScroll(Ui& ui, std::string_view id, ImVec2 size);
/// Ends the region begun by beginDragScroll().
void endDragScroll(Ui& ui);

/// Begins a drag-scroll region of `size` (pair with endScrollWithHint). When its content runs
/// past the bottom edge, the last visible lines fade out under a tappable "More below" with a
/// down arrow (id "<id>.more"; a tap scrolls most of a page down), so nothing looks cut off and
/// the layout audit knows that the region shows it scrolls.
void beginScrollWithHint(Ui& ui, std::string_view id, ImVec2 size);
/// Ends it; returns true when the hint was shown.
bool endScrollWithHint(Ui& ui);

/// Draws the neutral "One moment…" screen (used by the shell after a frame throws).
void drawOneMomentScreen(Ui& ui);

}  // namespace lc::ui
