#include <lc/ui/fonts.hpp>

#include <lc/core/text.hpp>
#include <lc/ui/bidi.hpp>

#include <algorithm>
#include <cstdint>
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

enum class Script { Other, Arabic, Hebrew };

Script scriptOf(char32_t cp) {
    if ((cp >= 0x0600 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
        (cp >= 0xFE70 && cp <= 0xFEFF))
        return Script::Arabic;
    if ((cp >= 0x0590 && cp <= 0x05FF) || (cp >= 0xFB1D && cp <= 0xFB4F)) return Script::Hebrew;
    return Script::Other;
}

bool readable(const std::string& path) { return std::ifstream(path, std::ios::binary).good(); }

// The share of a face's pixel size that its em gets: ImGui (stb_truetype) sizes a face by its
// ascent minus descent, from the 'head' and 'hhea' tables. 0 when the file does not say.
float emShare(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    const auto u16 = [&](std::streamoff at) {
        unsigned char b[2] = {};
        in.seekg(at);
        in.read(reinterpret_cast<char*>(b), 2);
        return static_cast<unsigned>(b[0] << 8 | b[1]);
    };
    const auto u32 = [&](std::streamoff at) { return u16(at) << 16 | u16(at + 2); };
    std::streamoff head = 0, hhea = 0;
    const unsigned tables = std::min(u16(4), 64u);
    for (unsigned i = 0; i < tables && in; ++i) {
        const std::streamoff entry = 12 + 16 * static_cast<std::streamoff>(i);
        const unsigned tag = u32(entry);
        if (tag == 0x68656164) head = u32(entry + 8);  // 'head'
        if (tag == 0x68686561) hhea = u32(entry + 8);  // 'hhea'
    }
    if (!in || head == 0 || hhea == 0) return 0;
    const int unitsPerEm = static_cast<int>(u16(head + 18));
    const int ascent = static_cast<std::int16_t>(u16(hhea + 4));
    const int descent = static_cast<std::int16_t>(u16(hhea + 6));
    if (!in || unitsPerEm <= 0 || ascent - descent <= 0) return 0;
    return static_cast<float>(unitsPerEm) / static_cast<float>(ascent - descent);
}

// How much larger than DejaVu's pixel size a merged face is baked so that its em matches
// DejaVu's (Noto Sans Arabic's tall ascent and descent would draw its letters at 55 %).
float matchEm(const std::string& base, const std::string& merged) {
    const float b = emShare(base), m = emShare(merged);
    return b > 0 && m > 0 ? b / m : 1.0f;
}

// ImGui's glyph ranges ([first, last] pairs, 0-terminated) for the wanted characters `keep`
// accepts.
template <typename Keep>
void rangesOf(const std::set<char32_t>& wanted, Keep keep, ImVector<ImWchar>& out) {
    out.clear();
    for (auto it = wanted.begin(); it != wanted.end();) {
        if (!keep(*it)) {
            ++it;
            continue;
        }
        const char32_t first = *it;
        char32_t last = first;
        while (++it != wanted.end() && *it == last + 1 && keep(*it)) last = *it;
        out.push_back(static_cast<ImWchar>(first));
        out.push_back(static_cast<ImWchar>(last));
    }
    out.push_back(0);
}

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
    if (hasRightToLeft(utf8)) {
        const std::string shown = visualOrder(utf8);
        pos = 0;
        while (pos < shown.size()) noteDrawn(text::nextCodepoint(shown, pos));
    }
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

ImFont* Fonts::addFace(bool bold, float size) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    ImFontConfig cfg;
    cfg.OversampleH = 1;  // pixel-snapped text is crisp and the atlas stays small
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    std::snprintf(cfg.Name, sizeof cfg.Name, "DejaVu%s %.0fpx", bold ? " Bold" : "", size);
    ImFont* f = atlas->AddFontFromFileTTF((bold ? m_files.bold : m_files.regular).c_str(), size,
                                          &cfg, m_ranges.Data);
    if (!f) return f;
    cfg.MergeMode = true;  // right-to-left letters from their own face, only when drawn
    if (m_arabicRanges.Size > 1)
        atlas->AddFontFromFileTTF((bold ? m_files.arabicBold : m_files.arabic).c_str(),
                                  size * m_arabicScale, &cfg, m_arabicRanges.Data);
    if (m_hebrewRanges.Size > 1)
        atlas->AddFontFromFileTTF((bold ? m_files.hebrewBold : m_files.hebrew).c_str(),
                                  size * m_hebrewScale, &cfg, m_hebrewRanges.Data);
    return f;
}

// Splits the wanted characters between DejaVu and the right-to-left faces (when installed).
void Fonts::planRanges() {
    const auto in = [](Script script) { return [script](char32_t cp) { return scriptOf(cp) == script; }; };
    rangesOf(m_wanted, in(Script::Arabic), m_arabicRanges);
    rangesOf(m_wanted, in(Script::Hebrew), m_hebrewRanges);
    const bool arabic = m_arabicRanges.Size > 1 && readable(m_files.arabic) && readable(m_files.arabicBold);
    const bool hebrew = m_hebrewRanges.Size > 1 && readable(m_files.hebrew) && readable(m_files.hebrewBold);
    if (arabic) m_arabicScale = matchEm(m_files.regular, m_files.arabic);
    if (hebrew) m_hebrewScale = matchEm(m_files.regular, m_files.hebrew);
    for (auto* unused : {arabic ? nullptr : &m_arabicRanges, hebrew ? nullptr : &m_hebrewRanges}) {
        if (!unused) continue;  // nothing merged: those letters stay DejaVu's
        unused->clear();
        unused->push_back(0);
    }
    rangesOf(m_wanted, [&](char32_t cp) {
        const Script sc = scriptOf(cp);  // what the merged faces draw is left out of DejaVu
        return !((sc == Script::Arabic && arabic) || (sc == Script::Hebrew && hebrew));
    }, m_ranges);
}

void Fonts::build(const Metrics& metrics) {
    planRanges();
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    // As tall as the glyphs need, not rounded up to a power of two (which nearly doubled it).
    atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    std::vector<std::pair<std::pair<bool, float>, ImFont*>> baked;  // (bold, size) → font
    const auto bake = [&](bool bold, float size) -> ImFont* {
        for (const auto& [key, f] : baked)
            if (key == std::pair{bold, size}) return f;
        ImFont* f = addFace(bold, size);
        baked.push_back({{bold, size}, f});
        return f;
    };
    m_base[0] = bake(false, metrics.bodySize);
    m_base[1] = bake(true, metrics.bodySize);
    m_base[2] = bake(false, metrics.smallSize);
    m_base[3] = bake(true, metrics.titleSize);
    m_base[4] = bake(true, metrics.hugeSize);
    m_steps.clear();
    for (const auto& s : m_ladder) m_steps.push_back({bake(false, s.body), bake(true, s.body), bake(false, s.small)});
    atlas->Build();
    // The glyphs are baked: drop the atlas's copies of the font files (one per face and size,
    // ~0.7 MB each). A later rebuild starts from Clear() and the files again.
    atlas->ClearInputData();
    for (const auto& [key, f] : baked)
        if (f) usePlaceholder(f);
    std::copy(std::begin(m_base), std::end(m_base), std::begin(m_fonts));
    const int step = m_step;
    m_step = -1;
    useStep(step);
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

void Fonts::setLadder(std::vector<TypeStep> steps) {
    if (steps == m_ladder) return;
    m_ladder = std::move(steps);
    m_dirty = true;
}

void Fonts::useStep(int step) {
    if (m_steps.empty() || step < 0) {
        m_step = -1;
        for (int i = 0; i < 3; ++i) m_fonts[i] = m_base[i];
        return;
    }
    m_step = std::min(step, int(m_steps.size()) - 1);
    for (int i = 0; i < 3; ++i) m_fonts[i] = m_steps[std::size_t(m_step)][std::size_t(i)];
}

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
