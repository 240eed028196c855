#include <lc/ui/fonts.hpp>

#include <lc/core/text.hpp>

#include <cstdio>
#include <fstream>

namespace lc::ui {
namespace {

// Always covered, whatever the catalogs hold: Latin-1, Latin Extended-A, general punctuation
// (– — ’ “ ” … •), and the few symbols the widgets draw.
constexpr char32_t kBaseRanges[][2] = {
    {0x0020, 0x017F}, {0x2010, 0x2027}, {0x2030, 0x203A}, {0x20AC, 0x20AC},
    {0x2190, 0x2193}, {0x21E7, 0x21E7}, {0x2713, 0x2717}, {0x25A1, 0x25A1},
    {0x232B, 0x232B},
};

// ImGui decodes characters above U+FFFF to U+FFFD; keeping U+FFFD out of the atlas makes it fall
// back to our placeholder too, so an emoji shows as one box.
bool coverable(char32_t cp) { return cp >= 0x20 && cp <= 0xFFFF && cp != 0xFFFD; }

void usePlaceholder(ImFont* f) {
    const ImFontGlyph* box = f->FindGlyphNoFallback(static_cast<ImWchar>(kPlaceholderCodepoint));
    if (!box) return;
    f->FallbackChar = static_cast<ImWchar>(kPlaceholderCodepoint);
    f->FallbackGlyph = box;
    f->FallbackAdvanceX = box->AdvanceX;
    for (int i = 0; i < f->IndexAdvanceX.Size && i < f->IndexLookup.Size; ++i)
        if (f->IndexLookup[i] == static_cast<ImWchar>(-1)) f->IndexAdvanceX[i] = box->AdvanceX;
}

}  // namespace

Result<Fonts> Fonts::create(FontFiles files) {
    for (const auto* path : {&files.regular, &files.bold}) {
        std::ifstream in(*path, std::ios::binary);
        if (!in)
            return fail(ErrorCode::NotFound, "[ui.fonts.1]",
                        "font file not readable: " + *path + " (install fonts-dejavu-core)");
    }
    Fonts f;
    f.m_files = std::move(files);
    for (const auto& r : kBaseRanges)
        for (char32_t cp = r[0]; cp <= r[1]; ++cp) f.m_wanted.insert(cp);
    return f;
}

void Fonts::require(std::string_view utf8) {
    std::size_t pos = 0;
    while (pos < utf8.size()) noteDrawn(text::nextCodepoint(utf8, pos));
}

void Fonts::noteDrawn(char32_t cp) {
    if (!coverable(cp) || m_wanted.count(cp)) return;
    m_wanted.insert(cp);
    m_dirty = true;
}

bool Fonts::sizesChanged(const Metrics& m) const {
    return m.bodySize != m_builtFor.bodySize || m.smallSize != m_builtFor.smallSize ||
           m.titleSize != m_builtFor.titleSize || m.hugeSize != m_builtFor.hugeSize;
}

void Fonts::build(const Metrics& metrics) {
    m_ranges.clear();
    for (auto it = m_wanted.begin(); it != m_wanted.end();) {
        const char32_t first = *it;
        char32_t last = first;
        while (++it != m_wanted.end() && *it == last + 1) last = *it;
        m_ranges.push_back(static_cast<ImWchar>(first));
        m_ranges.push_back(static_cast<ImWchar>(last));
    }
    m_ranges.push_back(0);

    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    ImFontConfig cfg;
    cfg.OversampleH = 1;  // pixel-snapped text is crisp and the atlas stays small
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    struct Spec {
        const std::string* file;
        float size;
    };
    const Spec specs[5] = {{&m_files.regular, metrics.bodySize},
                           {&m_files.bold, metrics.bodySize},
                           {&m_files.regular, metrics.smallSize},
                           {&m_files.bold, metrics.titleSize},
                           {&m_files.bold, metrics.hugeSize}};
    for (int i = 0; i < 5; ++i) {
        std::snprintf(cfg.Name, sizeof cfg.Name, "DejaVu %d %.0fpx", i, specs[i].size);
        m_fonts[i] = atlas->AddFontFromFileTTF(specs[i].file->c_str(), specs[i].size, &cfg,
                                               m_ranges.Data);
    }
    atlas->Build();
    // The glyphs are baked: drop the atlas's copies of the font files (one per face and size,
    // ~0.7 MB each). A later rebuild starts from Clear() and the files again.
    atlas->ClearInputData();
    for (ImFont* f : m_fonts)
        if (f) usePlaceholder(f);
    // What we asked for but the file lacks stays a placeholder; remember it so that drawing it
    // again does not trigger another rebuild.
    m_absent.clear();
    if (m_fonts[0])
        for (char32_t cp : m_wanted)
            if (!m_fonts[0]->FindGlyphNoFallback(static_cast<ImWchar>(cp))) m_absent.insert(cp);
    m_builtFor = metrics;
    m_dirty = false;
}

ImFont* Fonts::font(FontRole role) const { return m_fonts[static_cast<int>(role)]; }

bool Fonts::hasGlyph(char32_t cp) const {
    if (!coverable(cp) || !m_fonts[0]) return false;
    return m_fonts[0]->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr;
}

std::u32string Fonts::missing(std::string_view utf8) const {
    std::u32string out;
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const char32_t cp = text::nextCodepoint(utf8, pos);
        if (cp == '\n' || cp == '\t') continue;
        if (!hasGlyph(cp)) out += cp;
    }
    return out;
}

}  // namespace lc::ui
