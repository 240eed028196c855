#pragma once
// The touch theme and the high-contrast theme: colours and sizes, scaled with the window.

#include <imgui.h>

namespace lc::ui {

/// Which palette.
enum class ThemeKind { Touch, HighContrast };

/// Colours screens use by role, never by value, so both themes stay readable.
struct Palette {
    ImVec4 background;    ///< the window
    ImVec4 surface;       ///< cards, panels
    ImVec4 text;          ///< body text
    ImVec4 textMuted;     ///< secondary text (still ≥ 4.5:1 against surface)
    ImVec4 accent;        ///< primary buttons
    ImVec4 accentText;    ///< text on accent
    ImVec4 button;        ///< secondary buttons, keyboard keys
    ImVec4 buttonText;    ///< text on button
    ImVec4 success;       ///< "You're in!", check marks
    ImVec4 warning;       ///< "Full", "Still there?"
    ImVec4 danger;        ///< field errors
    ImVec4 border;        ///< outlines (thick in high contrast)
};

/// Sizes in pixels for the current window; everything derives from `scale`.
struct Metrics {
    float scale = 1.0f;       ///< min(width, height) / 1080
    float textScale = 1.0f;   ///< the user's text size factor (1.0, 1.25, 1.5)
    float touchTarget = 56;   ///< minimum height/width of anything tappable (≥ 56 at scale 1)
    float keySize = 72;       ///< on-screen keyboard key height
    float gap = 16;           ///< space between controls
    float padding = 24;       ///< inside cards and windows
    float rounding = 12;      ///< corner radius
    float bodySize = 30;      ///< FontRole::Body pixel size (includes textScale)
    float smallSize = 24;     ///< FontRole::Small
    float titleSize = 52;     ///< FontRole::Title
    float hugeSize = 96;      ///< FontRole::Huge (the display's clock, "You're in!")
};

/// A palette and metrics for one window size.
struct Theme {
    ThemeKind kind = ThemeKind::Touch;
    Palette palette;
    Metrics metrics;
};

/// The theme for a window of `width` x `height` pixels.
Theme makeTheme(ThemeKind kind, int width, int height, float textScale = 1.0f);

/// Copies the theme into ImGui's style (colours, rounding, padding, scrollbar, spacing).
void applyTheme(const Theme& theme, ImGuiStyle& style);

/// ImVec4 → packed ImU32 for draw lists.
inline ImU32 toU32(const ImVec4& c) { return ImGui::ColorConvertFloat4ToU32(c); }

}  // namespace lc::ui
