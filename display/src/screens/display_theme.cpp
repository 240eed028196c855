#include "screens/display_theme.hpp"

#include <algorithm>
#include <cmath>

namespace lc::display {
namespace {

ImVec4 rgb(unsigned hex) {
    return ImVec4(((hex >> 16) & 0xff) / 255.0f, ((hex >> 8) & 0xff) / 255.0f,
                  (hex & 0xff) / 255.0f, 1.0f);
}

// Near-black background, light text (≥ 12:1), muted text ≥ 7:1, state colours ≥ 4.5:1.
lc::ui::Palette lobbyPalette() {
    lc::ui::Palette p;
    p.background = rgb(0x111417);
    p.surface = rgb(0x1D2329);
    p.text = rgb(0xF3F1EC);
    p.textMuted = rgb(0xB9C0C7);
    p.accent = rgb(0x6CB8F0);
    p.accentText = rgb(0x0B1520);
    p.button = rgb(0x2A323A);
    p.buttonText = rgb(0xF3F1EC);
    p.success = rgb(0x6FDC8C);
    p.warning = rgb(0xFFC25C);
    p.danger = rgb(0xFF8A80);
    p.border = rgb(0x3A444E);
    return p;
}

}  // namespace

lc::ui::Theme displayTheme(int width, int height, bool highContrast) {
    using lc::ui::ThemeKind;
    auto theme = lc::ui::makeTheme(highContrast ? ThemeKind::HighContrast : ThemeKind::Touch,
                                   width, height);
    if (!highContrast) theme.palette = lobbyPalette();
    const float h = static_cast<float>(std::max(height, 64));
    auto& m = theme.metrics;
    m.scale = h / 1080.0f;
    m.bodySize = std::ceil(h * kBodyCapShare / kCapHeightRatio);
    m.smallSize = std::ceil(h * 0.025f / kCapHeightRatio);
    m.titleSize = std::round(m.bodySize * 1.35f);
    m.hugeSize = std::round(m.bodySize * 1.6f);
    m.gap = std::round(m.bodySize * 0.45f);
    m.padding = std::round(m.bodySize * 0.6f);
    m.rounding = std::round(m.bodySize * 0.3f);
    return theme;
}

}  // namespace lc::display
