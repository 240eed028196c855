#pragma once
// Right-to-left text (Arabic, Hebrew, Urdu) in names and feed text: Dear ImGui draws code points
// left to right, one glyph each, so text is handed to it in visual order with Arabic letters in
// their joined presentation forms (GNU FriBidi: the Unicode bidi algorithm and Arabic shaping).
// The UI itself stays left to right; each line takes its direction from its first strong letter.

#include <string>
#include <string_view>

namespace lc::ui {

/// True when `utf8` holds a right-to-left letter (Hebrew, Arabic and their presentation forms).
bool hasRightToLeft(std::string_view utf8);

/// `utf8` in the order it is drawn left to right: each line reordered by the bidi algorithm,
/// Arabic joined into presentation forms (lam-alef as one ligature). Returned unchanged when it
/// has no right-to-left letter.
std::string visualOrder(std::string_view utf8);

}  // namespace lc::ui
