#include <lc/ui/bidi.hpp>

#include <lc/core/text.hpp>

#include <fribidi.h>

#include <vector>

namespace lc::ui {
namespace {

bool isRightToLeft(char32_t cp) {
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFF);
}

// One line (no newline) through FriBidi: levels, Arabic joining and shaping, then reordering.
std::u32string visualLine(const std::u32string& logical) {
    const auto n = static_cast<FriBidiStrIndex>(logical.size());
    if (n == 0) return logical;
    std::vector<FriBidiChar> chars(logical.begin(), logical.end());
    std::vector<FriBidiCharType> types(logical.size());
    std::vector<FriBidiBracketType> brackets(logical.size());
    std::vector<FriBidiLevel> levels(logical.size());
    std::vector<FriBidiArabicProp> joining(logical.size());
    fribidi_get_bidi_types(chars.data(), n, types.data());
    fribidi_get_bracket_types(chars.data(), n, types.data(), brackets.data());
    FriBidiParType base = FRIBIDI_PAR_ON;  // the first strong letter decides
    if (!fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &base, levels.data()))
        return logical;
    fribidi_get_joining_types(chars.data(), n, joining.data());
    fribidi_join_arabic(types.data(), n, levels.data(), joining.data());
    const FriBidiFlags flags = FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC;
    fribidi_shape(flags, levels.data(), n, joining.data(), chars.data());
    if (!fribidi_reorder_line(flags, types.data(), n, 0, base, levels.data(), chars.data(), nullptr))
        return logical;
    std::u32string out;
    out.reserve(chars.size());
    for (FriBidiChar c : chars)
        if (c != FRIBIDI_CHAR_FILL) out += static_cast<char32_t>(c);  // the half a ligature ate
    return out;
}

}  // namespace

bool hasRightToLeft(std::string_view utf8) {
    std::size_t pos = 0;
    while (pos < utf8.size())
        if (isRightToLeft(text::nextCodepoint(utf8, pos))) return true;
    return false;
}

std::string visualOrder(std::string_view utf8) {
    if (!hasRightToLeft(utf8)) return std::string(utf8);
    std::string out;
    out.reserve(utf8.size() * 2);
    std::u32string line;
    std::size_t pos = 0;
    const auto flush = [&] {
        for (char32_t cp : visualLine(line)) text::appendUtf8(out, cp);
        line.clear();
    };
    while (pos < utf8.size()) {
        const char32_t cp = text::nextCodepoint(utf8, pos);
        if (cp == '\n') {
            flush();
            out += '\n';
        } else {
            line += cp;
        }
    }
    flush();
    return out;
}

}  // namespace lc::ui
