#pragma once
// Text that never overflows: one line ending in an ellipsis, or a few wrapped lines.

#include <string>
#include <string_view>
#include <vector>

#include <lc/ui/ui.hpp>

namespace lc::display {

/// `s` cut to fit `width` in `role`, ending in "…" when cut.
std::string ellipsize(const lc::ui::Ui& ui, std::string_view s, lc::ui::FontRole role, float width);

/// `s` wrapped at word boundaries into at most `maxLines` lines of `width`; words longer than a
/// line are cut; the last line ends in "…" when text is left over. French « » : ; ! ? stay with
/// their words.
std::vector<std::string> wrapLines(const lc::ui::Ui& ui, std::string_view s, lc::ui::FontRole role,
                                   float width, int maxLines);

/// Draws `s` at `pos` (screen coordinates), fitted to `width` on one line. Returns its height.
float drawLine(lc::ui::Ui& ui, ImVec2 pos, std::string_view s, float width,
               lc::ui::FontRole role = lc::ui::FontRole::Body,
               std::optional<ImVec4> color = std::nullopt);

/// Draws `s` on one line, cut with "…" to fit `width`, declared elidable (a feed title in a list).
float drawElided(lc::ui::Ui& ui, ImVec2 pos, std::string_view s, float width,
                 lc::ui::FontRole role = lc::ui::FontRole::Body,
                 std::optional<ImVec4> color = std::nullopt);

/// Draws `s` right-aligned so that it ends at `right`, fitted to `width`. Returns its width.
float drawLineRight(lc::ui::Ui& ui, ImVec2 rightTop, std::string_view s, float width,
                    lc::ui::FontRole role = lc::ui::FontRole::Body,
                    std::optional<ImVec4> color = std::nullopt);

/// Draws up to `maxLines` wrapped lines at `pos`. Returns the height used.
float drawWrapped(lc::ui::Ui& ui, ImVec2 pos, std::string_view s, float width, int maxLines,
                  lc::ui::FontRole role = lc::ui::FontRole::Body,
                  std::optional<ImVec4> color = std::nullopt);

/// No practical limit on wrapped lines.
inline constexpr int kManyLines = 64;

/// How many lines `s` wraps to at `width`.
int lineCount(const lc::ui::Ui& ui, std::string_view s, lc::ui::FontRole role, float width);

/// True when `s` wraps into at most `maxLines` lines of `width` with nothing cut.
bool fitsLines(const lc::ui::Ui& ui, std::string_view s, lc::ui::FontRole role, float width,
               int maxLines);

/// One line's height in `role`.
float lineHeight(const lc::ui::Ui& ui, lc::ui::FontRole role = lc::ui::FontRole::Body);

}  // namespace lc::display
