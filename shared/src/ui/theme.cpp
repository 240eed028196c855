#include <lc/ui/theme.hpp>

#include <algorithm>
#include <cmath>

namespace lc::ui {
namespace {

ImVec4 rgb(unsigned hex, float a = 1.0f) {
    return ImVec4(((hex >> 16) & 0xff) / 255.0f, ((hex >> 8) & 0xff) / 255.0f,
                  (hex & 0xff) / 255.0f, a);
}

// Calm, warm library colours; text contrast ≥ 7:1 on background, ≥ 4.5:1 for muted text.
Palette touchPalette() {
    Palette p;
    p.background = rgb(0xF6F3EE);
    p.surface = rgb(0xFFFFFF);
    p.text = rgb(0x1C1B1A);
    p.textMuted = rgb(0x57534E);
    p.accent = rgb(0x0F5E9C);
    p.accentText = rgb(0xFFFFFF);
    p.button = rgb(0xE4E0D9);
    p.buttonText = rgb(0x1C1B1A);
    p.success = rgb(0x1E7B34);
    p.warning = rgb(0x9A5B00);
    p.danger = rgb(0xB3261E);
    p.border = rgb(0xC9C3BA);
    return p;
}

// Black, white and yellow only (WCAG AAA everywhere), thick borders.
Palette highContrastPalette() {
    Palette p;
    p.background = rgb(0x000000);
    p.surface = rgb(0x000000);
    p.text = rgb(0xFFFFFF);
    p.textMuted = rgb(0xFFFFFF);
    p.accent = rgb(0xFFE500);
    p.accentText = rgb(0x000000);
    p.button = rgb(0x000000);
    p.buttonText = rgb(0xFFFFFF);
    p.success = rgb(0x7CFF7C);
    p.warning = rgb(0xFFE500);
    p.danger = rgb(0xFF8A80);
    p.border = rgb(0xFFFFFF);
    return p;
}

}  // namespace

Theme makeTheme(ThemeKind kind, int width, int height, float textScale) {
    Theme t;
    t.kind = kind;
    t.palette = kind == ThemeKind::HighContrast ? highContrastPalette() : touchPalette();
    // The short side decides: a 1080x1920 portrait screen is as dense as 1920x1080 landscape.
    const float scale = std::max(0.4f, static_cast<float>(std::min(width, height)) / 1080.0f);
    const float ts = std::clamp(textScale, 0.75f, 2.0f);
    Metrics& m = t.metrics;
    m.scale = scale;
    m.textScale = ts;
    m.touchTarget = std::max(56.0f, 72.0f * scale);
    m.keySize = std::max(56.0f, 80.0f * scale);
    m.gap = 16.0f * scale;
    m.padding = 28.0f * scale;
    m.rounding = 14.0f * scale;
    m.bodySize = std::round(30.0f * scale * ts);
    m.smallSize = std::round(24.0f * scale * ts);
    m.titleSize = std::round(50.0f * scale * ts);
    m.hugeSize = std::round(92.0f * scale * ts);
    return t;
}

void applyTheme(const Theme& theme, ImGuiStyle& style) {
    const Palette& p = theme.palette;
    const Metrics& m = theme.metrics;
    const bool hc = theme.kind == ThemeKind::HighContrast;
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(m.padding, m.padding);
    style.FramePadding = ImVec2(m.gap, m.gap * 0.75f);
    style.ItemSpacing = ImVec2(m.gap, m.gap);
    style.ItemInnerSpacing = ImVec2(m.gap * 0.5f, m.gap * 0.5f);
    style.WindowRounding = 0;
    style.ChildRounding = m.rounding;
    style.FrameRounding = m.rounding;
    style.GrabRounding = m.rounding;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = hc ? 3.0f * m.scale : 0;
    style.FrameBorderSize = hc ? 3.0f * m.scale : 0;
    style.ScrollbarSize = 12.0f * m.scale;
    style.AntiAliasedFill = true;
    style.AntiAliasedLines = true;
    // Lines are anti-aliased with geometry, not with the atlas's baked line texture: lc_ui
    // samples the atlas NEAREST (cheaper for llvmpipe; glyphs sit on whole pixels anyway), which
    // would step a textured line's edges.
    style.AntiAliasedLinesUseTex = false;
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.textMuted;
    c[ImGuiCol_WindowBg] = p.background;
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = p.surface;
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_FrameBg] = p.surface;
    c[ImGuiCol_FrameBgHovered] = p.surface;
    c[ImGuiCol_FrameBgActive] = p.surface;
    c[ImGuiCol_Button] = p.button;
    c[ImGuiCol_ButtonHovered] = p.button;  // touch: no hover state to mislead
    c[ImGuiCol_ButtonActive] = p.border;
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = p.border;
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.45f);
}

}  // namespace lc::ui
