#pragma once
// Fonts from Debian (DejaVu Sans, regular and bold) in a few sizes, with glyph ranges built from
// the catalogs and from the text actually drawn. Characters the font lacks (emoji; ImGui 1.86 has
// 16-bit characters only) are drawn as a box placeholder, never as '?'.

#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include <lc/core/result.hpp>
#include <lc/ui/theme.hpp>

namespace lc::ui {

/// The faces and sizes screens draw with.
enum class FontRole { Body, Bold, Small, Title, Huge };

/// Font files to use; the defaults are fonts-dejavu-core's.
struct FontFiles {
    std::string regular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    std::string bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    /// Merged in for Arabic and Hebrew only, when such text is drawn (fonts-noto-core). A file
    /// that is missing leaves those letters to DejaVu.
    std::string arabic = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf";
    std::string arabicBold = "/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf";
    std::string hebrew = "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf";
    std::string hebrewBold = "/usr/share/fonts/truetype/noto/NotoSansHebrew-Bold.ttf";
};

/// The code point drawn for a character the font lacks: U+25A1 WHITE SQUARE.
inline constexpr char32_t kPlaceholderCodepoint = 0x25A1;

/// One step of a type ladder: Body and Bold at `body`, Small at `small` (pixel sizes).
struct TypeStep {
    float body = 0;
    float small = 0;
    bool operator==(const TypeStep&) const = default;
};

/// Owns the set of characters to cover and (re)builds ImGui's font atlas.
/// Thread-safety: main thread only (it touches the current ImGui context).
class Fonts {
public:
    /// Checks that the files exist and are readable ("[ui.fonts.1]").
    [[nodiscard]] static Result<Fonts> create(FontFiles files = {});

    /// Adds every character of `utf8` to the set to cover (catalog text, store content), and
    /// for right-to-left text the joined forms it is drawn with.
    /// Marks the atlas dirty when something new appears.
    void require(std::string_view utf8);
    /// Like require() for one character seen while drawing; cheap when already known.
    void noteDrawn(char32_t cp);

    /// Builds the atlas into the current context's io.Fonts for `metrics` (sizes). Does not
    /// upload a texture: the shell (or a headless test) does that. Clears the dirty flag.
    void build(const Metrics& metrics);
    /// True when require()/noteDrawn() saw characters the atlas lacks but the font may have,
    /// or the sizes changed: rebuild before the next frame.
    bool dirty() const { return m_dirty; }
    /// True when the sizes differ from the last build.
    bool sizesChanged(const Metrics& metrics) const;

    /// The ImFont for a role (after build()).
    ImFont* font(FontRole role) const;

    /// Sizes a screen may switch between within a frame, never rebuilding the atlas for it (the
    /// lobby display fits its type per page): baked by build() beside the theme's sizes, a size
    /// that appears twice baked once. Marks the atlas dirty when the ladder changes.
    void setLadder(std::vector<TypeStep> steps);
    /// The ladder, smallest first.
    const std::vector<TypeStep>& ladder() const { return m_ladder; }
    /// Body, Bold and Small from ladder step `step` (after build()), or the theme's with -1.
    /// A pointer swap; out-of-range steps are clamped.
    void useStep(int step);
    /// The step in use (-1: the theme's sizes).
    int step() const { return m_step; }

    /// Characters of `utf8` the built fonts cannot draw (they will show the placeholder).
    std::u32string missing(std::string_view utf8) const;
    /// True when the built Body font has a glyph for `cp`.
    bool hasGlyph(char32_t cp) const;

private:
    FontFiles m_files;
    std::set<char32_t> m_wanted;
    std::set<char32_t> m_absent;  ///< wanted, but the font file has no glyph
    ImFont* m_fonts[5] = {};  ///< in use: the theme's, or Body/Bold/Small of a ladder step
    ImFont* m_base[5] = {};   ///< the theme's
    std::vector<TypeStep> m_ladder;
    std::vector<std::array<ImFont*, 3>> m_steps;  ///< Body, Bold, Small of each ladder step
    int m_step = -1;
    Metrics m_builtFor{};
    bool m_dirty = true;
    ImVector<ImWchar> m_ranges;  ///< must outlive the atlas build
    ImVector<ImWchar> m_arabicRanges, m_hebrewRanges;
    float m_arabicScale = 1, m_hebrewScale = 1;  ///< merged faces' size over DejaVu's (equal ems)
    void planRanges();
    ImFont* addFace(bool bold, float size);
};

}  // namespace lc::ui
