#pragma once
// The lobby screen's theme: dark (kinder to panels that show one layout for months) and sized by
// the screen's height so that body text is readable at 5 m (cap height ≥ 2.5 % of the height).

#include <lc/ui/theme.hpp>

namespace lc::display {

/// DejaVu Sans: cap height 1493 / (ascent 1901 + descent 483) of ImGui's pixel size.
inline constexpr float kCapHeightRatio = 1493.0f / 2384.0f;
/// Body text cap height, as a share of the screen height.
inline constexpr float kBodyCapShare = 0.026f;

/// The theme for a `width` x `height` screen.
lc::ui::Theme displayTheme(int width, int height, bool highContrast = false);

}  // namespace lc::display
