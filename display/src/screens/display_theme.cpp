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
    const auto ladder = displayLadder(height);
    auto& m = theme.metrics;
    m.scale = static_cast<float>(std::max(std::min(width, height), 64)) / 1080.0f;
    m.bodySize = ladder[0].body;
    m.smallSize = ladder[0].small;
    m.titleSize = std::round(ladder[0].body * kTitleScale);
    m.hugeSize = m.titleSize;  // the display draws nothing Huge; share the glyphs
    m.gap = std::round(m.bodySize * 0.45f);
    m.padding = std::round(m.bodySize * 0.6f);
    m.rounding = std::round(m.bodySize * 0.3f);
    return theme;
}

std::vector<lc::ui::TypeStep> displayLadder(int height) {
    const float h = static_cast<float>(std::max(height, 64));
    const float floor = std::ceil(h * kBodyCapShare / kCapHeightRatio);
    std::vector<lc::ui::TypeStep> steps;
    for (int k = 0; k < kLadderSteps; ++k)
        steps.push_back({std::round(floor * std::pow(kLadderRatio, float(k))),
                         std::round(floor * std::pow(kLadderRatio, float(k - 1)))});
    steps[0].body = floor;  // never below the floor by rounding
    return steps;
}

}  // namespace lc::display
