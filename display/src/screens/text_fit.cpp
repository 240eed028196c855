#include "screens/text_fit.hpp"

#include <lc/core/text.hpp>

namespace lc::display {

using lc::ui::FontRole;

namespace {

constexpr std::string_view kEllipsis = "\u2026";

// Byte offsets of every code point boundary of `s` (0 … size).
std::vector<std::size_t> boundaries(std::string_view s) {
    std::vector<std::size_t> out{0};
    std::size_t pos = 0;
    while (pos < s.size()) {
        lc::text::nextCodepoint(s, pos);
        out.push_back(pos);
    }
    return out;
}

// The longest prefix of `s` (on a code point boundary) that fits `width` with `suffix`.
std::size_t fittingPrefix(const lc::ui::Ui& ui, std::string_view s, FontRole role, float width,
                          std::string_view suffix) {
    const auto b = boundaries(s);
    std::size_t lo = 0, hi = b.size() - 1;  // b[lo] fits; find the largest
    while (lo < hi) {
        const std::size_t mid = (lo + hi + 1) / 2;
        std::string candidate(s.substr(0, b[mid]));
        candidate += suffix;
        if (ui.measure(candidate, role).x <= width) lo = mid;
        else hi = mid - 1;
    }
    return b[lo];
}

// French keeps « with the word after it and », :, ;, ! and ? with the word before (they are
// written with a space); a line never ends on « nor starts with one of the others.
bool breakableAt(std::string_view s, std::size_t space) {
    static constexpr std::string_view kOpen = "\u00AB", kClose = "\u00BB";
    const std::string_view before = s.substr(0, space);
    const std::string_view after = s.substr(space + 1);
    if (before.size() >= kOpen.size() && before.substr(before.size() - kOpen.size()) == kOpen) return false;
    if (after.substr(0, kClose.size()) == kClose) return false;
    return after.empty() || std::string_view(":;!?").find(after.front()) == std::string_view::npos;
}

// The last place at or before `cut` where `s` may break (a space), or npos.
std::size_t lastBreak(std::string_view s, std::size_t cut) {
    std::size_t space = s.substr(0, cut + 1).find_last_of(' ');
    while (space != std::string_view::npos && space > 0) {
        if (breakableAt(s, space)) return space;
        space = s.substr(0, space).find_last_of(' ');
    }
    return std::string_view::npos;
}

std::string trimRight(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

}  // namespace

std::string ellipsize(const lc::ui::Ui& ui, std::string_view s, FontRole role, float width) {
    if (ui.measure(s, role).x <= width) return std::string(s);
    const auto cut = fittingPrefix(ui, s, role, width, kEllipsis);
    return trimRight(std::string(s.substr(0, cut))) + std::string(kEllipsis);
}

std::vector<std::string> wrapLines(const lc::ui::Ui& ui, std::string_view s, FontRole role,
                                   float width, int maxLines) {
    std::vector<std::string> lines;
    std::string_view rest = s;
    while (!rest.empty() && int(lines.size()) < maxLines) {
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        if (rest.empty()) break;
        if (int(lines.size()) == maxLines - 1) {
            lines.push_back(ellipsize(ui, rest, role, width));
            break;
        }
        std::size_t cut = fittingPrefix(ui, rest, role, width, "");
        if (cut < rest.size()) {
            const auto space = lastBreak(rest, cut);
            if (space != std::string_view::npos) cut = space;
        }
        if (cut == 0) cut = std::min<std::size_t>(rest.size(), 1);  // nothing fits: move on
        lines.push_back(trimRight(std::string(rest.substr(0, cut))));
        rest.remove_prefix(cut);
    }
    return lines;
}

float lineHeight(const lc::ui::Ui& ui, FontRole role) { return ui.measure("Ag", role).y; }

int lineCount(const lc::ui::Ui& ui, std::string_view s, FontRole role, float width) {
    return int(wrapLines(ui, s, role, width, kManyLines).size());
}

bool fitsLines(const lc::ui::Ui& ui, std::string_view s, FontRole role, float width, int maxLines) {
    const auto lines = wrapLines(ui, s, role, width, maxLines + 1);
    if (int(lines.size()) > maxLines) return false;
    for (const auto& l : lines)
        if (ui.measure(l, role).x > width + 0.5f) return false;  // a word longer than the line
    return true;
}

float drawLine(lc::ui::Ui& ui, ImVec2 pos, std::string_view s, float width, FontRole role,
               std::optional<ImVec4> color) {
    if (width <= 0) return 0;
    ImGui::SetCursorScreenPos(pos);
    ui.text(ellipsize(ui, s, role, width), role, color);
    return lineHeight(ui, role);
}

float drawLineRight(lc::ui::Ui& ui, ImVec2 rightTop, std::string_view s, float width,
                    FontRole role, std::optional<ImVec4> color) {
    const std::string fitted = ellipsize(ui, s, role, width);
    const float w = ui.measure(fitted, role).x;
    ImGui::SetCursorScreenPos(ImVec2(rightTop.x - w, rightTop.y));
    ui.text(fitted, role, color);
    return w;
}

float drawWrapped(lc::ui::Ui& ui, ImVec2 pos, std::string_view s, float width, int maxLines,
                  FontRole role, std::optional<ImVec4> color) {
    const auto lines = wrapLines(ui, s, role, width, maxLines);
    if (lines.empty()) return 0;
    const bool cut = lines.back().size() >= kEllipsis.size() &&
                     lines.back().compare(lines.back().size() - kEllipsis.size(), kEllipsis.size(), kEllipsis) == 0;
    // One text run of several lines, recorded whole, as lc_ui records wrapped text.
    std::string joined;
    for (std::size_t i = 0; i + (cut ? 1 : 0) < lines.size(); ++i) joined += (joined.empty() ? "" : "\n") + lines[i];
    ImGui::SetCursorScreenPos(pos);
    if (!joined.empty()) ui.text(joined, role, color);
    if (cut) {
        // Only a name wraps into a cut last line: a feed title, which the screen may elide.
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + lineHeight(ui, role) * float(lines.size() - 1)));
        std::size_t used = 0;
        for (std::size_t i = 0; i + 1 < lines.size(); ++i) used += lines[i].size();
        std::string_view rest = s.substr(std::min(used, s.size()));
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        ui.textElided(rest, width, role, color);
    }
    if (lines.size() > 1 && !cut) ui.record(s);
    return lineHeight(ui, role) * float(lines.size());
}

float drawElided(lc::ui::Ui& ui, ImVec2 pos, std::string_view s, float width, FontRole role,
                 std::optional<ImVec4> color) {
    if (width <= 0) return 0;
    ImGui::SetCursorScreenPos(pos);
    ui.textElided(s, width, role, color);
    return lineHeight(ui, role);
}

}  // namespace lc::display
