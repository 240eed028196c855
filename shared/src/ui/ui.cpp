#include <lc/ui/ui.hpp>

#include <lc/core/text.hpp>
#include <lc/ui/bidi.hpp>

#include <imgui_internal.h>

#include "opaque_runs.hpp"

#include <algorithm>
#include <cfloat>
#include <set>

namespace lc::ui {
namespace {

bool isEmojiModifier(char32_t cp) {
    return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
           (cp >= 0xE0020 && cp <= 0xE007F);
}

// What is actually drawn for untrusted text: control characters dropped (newlines kept),
// variation selectors and skin tones dropped, and an emoji ZWJ sequence (👩‍💻) collapsed so that
// it shows as one placeholder. The stored text is never changed.
std::string displayText(std::string_view s) {
    bool plain = true;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || (u < 0x20 && c != '\n') || u == 0x7f) plain = false;
    }
    if (plain) return std::string(s);
    std::string out;
    out.reserve(s.size());
    std::size_t pos = 0;
    bool joinNext = false;
    while (pos < s.size()) {
        const char32_t cp = text::nextCodepoint(s, pos);
        if (cp == 0x200D) {
            joinNext = true;
            continue;
        }
        const bool skip = joinNext || isEmojiModifier(cp) ||
                          (cp < 0x20 && cp != '\n') || (cp >= 0x7f && cp < 0xA0);
        joinNext = false;
        if (!skip) text::appendUtf8(out, cp);
    }
    return visualOrder(out);
}

constexpr std::string_view kEllipsis = "\u2026";

// The clip rectangle ImGui draws under right now.
Rect currentClip() {
    const ImDrawList* dl = ImGui::GetWindowDrawList();
    return Rect::fromCorners(dl->GetClipRectMin(), dl->GetClipRectMax());
}

Rect lastItemRect() { return Rect::fromCorners(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

std::string plainSpaces(std::string_view s) {
    std::string out(s);
    for (std::size_t at = out.find("\u00a0"); at != std::string::npos; at = out.find("\u00a0", at))
        out.replace(at, 2, " ");
    return out;
}

bool endsWithEllipsis(std::string_view s) {
    return s.size() >= kEllipsis.size() && s.substr(s.size() - kEllipsis.size()) == kEllipsis;
}

// The longest prefix of `s` (on a code point boundary) that fits `width` followed by "…".
std::size_t fittingPrefix(const Ui& ui, std::string_view s, FontRole role, float width) {
    std::vector<std::size_t> b{0};
    for (std::size_t pos = 0; pos < s.size();) {
        text::nextCodepoint(s, pos);
        b.push_back(pos);
    }
    std::size_t lo = 0, hi = b.size() - 1;  // b[lo] fits; find the largest
    while (lo < hi) {
        const std::size_t mid = (lo + hi + 1) / 2;
        std::string candidate(s.substr(0, b[mid]));
        candidate += kEllipsis;
        if (ui.measure(candidate, role).x <= width) lo = mid;
        else hi = mid - 1;
    }
    return b[lo];
}

}  // namespace

Ui::Ui(const Catalogs& catalogs, Fonts& fonts, std::string lang)
    : m_catalogs(catalogs), m_fonts(fonts), m_lang(std::move(lang)) {}

void Ui::beginFrame(ImVec2 size, double animSeconds) {
    m_layout.begin(size.x, size.y, m_theme.palette.background);
    m_text.clear();
    m_targets.clear();
    m_focus.beginFrame();
    m_title.clear();
    m_live.clear();
    m_animTime = animSeconds;
    m_wantsAnimation = false;
}

void Ui::endFrame() {
    endFrameAccess();
    m_lastText.swap(m_text);
    m_lastTargets.swap(m_targets);
    m_lastLayout = m_layout.take();
    // A tap fires in the frame after it was scheduled; a control that vanished meanwhile
    // simply doesn't receive it.
    if (m_pendingTap && m_pendingTapFrames++ > 0) m_pendingTap.reset();
}

void Ui::setLanguage(std::string lang) { m_lang = std::move(lang); }

std::string Ui::tr(std::string_view msgid) {
    std::string out = m_catalogs.tr(m_lang, msgid);
    noteCatalogText(msgid, out);
    return out;
}

std::string Ui::trc(std::string_view context, std::string_view msgid) {
    std::string out = m_catalogs.trc(m_lang, context, msgid);
    noteCatalogText(msgid, out);
    return out;
}

std::string Ui::trn(std::string_view singular, std::string_view plural, long n) {
    std::string out = m_catalogs.trn(m_lang, singular, plural, n);
    noteCatalogText(singular, out);
    return format(out, {{"n", std::to_string(n)}});
}

void Ui::noteCatalogText(std::string_view msgid, const std::string& out) {
    if (endsWithEllipsis(out)) m_translations.insert(out);
    if (m_catalogOk.count(out)) return;
    m_fonts.require(out);
    if (m_fonts.dirty()) return;  // decided after the next rebuild
    std::size_t pos = 0;
    bool ok = true;
    while (pos < out.size()) {
        const char32_t cp = text::nextCodepoint(out, pos);
        if (cp == '\n' || m_fonts.hasGlyph(cp)) continue;
        m_glyphProblems.push_back({m_lang, std::string(msgid), cp});
        ok = false;
    }
    if (ok) m_catalogOk.insert(out);
}

std::vector<GlyphProblem> Ui::takeGlyphProblems() {
    std::vector<GlyphProblem> out;
    out.swap(m_glyphProblems);
    return out;
}

void Ui::record(std::string_view s) {
    DrawnText d{std::string(s), false};
    if (hasRightToLeft(s)) m_fonts.require(s);  // the joined forms it is drawn with
    std::size_t pos = 0;
    while (pos < s.size()) {
        const char32_t cp = text::nextCodepoint(s, pos);
        if (cp == '\n' || isEmojiModifier(cp) || cp == 0x200D || cp < 0x20) continue;
        if (!m_fonts.hasGlyph(cp)) {
            d.placeholder = true;
            m_fonts.noteDrawn(cp);
        }
    }
    m_text.push_back(std::move(d));
}

void Ui::text(std::string_view s, FontRole role, std::optional<ImVec4> color) {
    record(s);
    if ((role == FontRole::Title || role == FontRole::Huge) && m_title.empty()) m_title = s;
    if (color && toU32(*color) == toU32(m_theme.palette.danger)) announce(s, s);
    const std::string shown = displayText(s);
    pushFont(role);
    ImGui::PushStyleColor(ImGuiCol_Text, color.value_or(m_theme.palette.text));
    ImGui::TextUnformatted(shown.data(), shown.data() + shown.size());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    // Text ending in "…" that no catalog wrote was shortened by someone: an undeclared elision.
    recordRun(s, color.value_or(m_theme.palette.text), false,
              endsWithEllipsis(s) && !m_translations.count(s));
}

void Ui::recordRun(std::string_view s, ImVec4 ink, bool elidable, bool cut) {
    TextRun run;
    run.text = std::string(s);
    run.rect = lastItemRect();
    run.clip = currentClip();
    run.ink = ink;
    run.elided = cut;
    run.elidable = elidable;
    m_layout.text(std::move(run));
}

std::string Ui::ellipsize(std::string_view s, FontRole role, float width) const {
    if (measure(s, role).x <= width) return std::string(s);
    std::string out(s.substr(0, fittingPrefix(*this, s, role, width)));
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + std::string(kEllipsis);
}

void Ui::textElided(std::string_view s, float width, FontRole role, std::optional<ImVec4> color) {
    const std::string shown = ellipsize(s, role, width);
    record(s);
    const std::string drawn = displayText(shown);
    pushFont(role);
    ImGui::PushStyleColor(ImGuiCol_Text, color.value_or(m_theme.palette.text));
    ImGui::TextUnformatted(drawn.data(), drawn.data() + drawn.size());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    recordRun(shown, color.value_or(m_theme.palette.text), true, shown.size() != s.size());
}

void Ui::fillRect(ImVec2 a, ImVec2 b, ImVec4 color, float rounding) {
    detail::addOpaqueFill(*ImGui::GetWindowDrawList(), a, b, toU32(color), rounding);
    m_layout.fill(Rect::fromCorners(a, b), color);
}

void Ui::textWrapped(std::string_view s, FontRole role, std::optional<ImVec4> color,
                     float wrapWidth) {
    ImGui::PushTextWrapPos(wrapWidth > 0 ? ImGui::GetCursorPosX() + wrapWidth : 0.0f);
    text(s, role, color);
    ImGui::PopTextWrapPos();
}

void Ui::textCentered(std::string_view s, FontRole role, std::optional<ImVec4> color) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const float w = measure(s, role).x;
    if (w < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - w) * 0.5f);
    text(s, role, color);
}

ImVec2 Ui::measure(std::string_view s, FontRole role) const {
    const ImFont* f = m_fonts.font(role);
    if (!f) return ImGui::CalcTextSize(s.data(), s.data() + s.size());
    const std::string shown = displayText(s);
    return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0.0f, shown.data(), shown.data() + shown.size());
}

void Ui::pushFont(FontRole role) { ImGui::PushFont(m_fonts.font(role)); }

void Ui::setTheme(const Theme& theme) {
    m_theme = theme;
    if (ImGui::GetCurrentContext()) applyTheme(theme, ImGui::GetStyle());
}

bool Ui::consumeTap(std::string_view id) {
    if (!m_pendingTap || *m_pendingTap != id) return false;
    m_pendingTap.reset();
    return true;
}

bool Ui::lastFrameShows(std::string_view needle) const {
    // A non-breaking space reads as a space: scripts write "6:00 PM", times carry U+00A0.
    const std::string want = plainSpaces(needle);
    for (const auto& t : m_lastText)
        if (plainSpaces(t.text).find(want) != std::string::npos) return true;
    return false;
}

Result<void> Ui::tap(std::string_view labelOrId) {
    std::set<std::string> ids;
    for (const auto& t : m_lastTargets)
        if (t.id == labelOrId || t.label == labelOrId) ids.insert(t.id);
    if (ids.empty())
        return fail(ErrorCode::NotFound, "[ui.tap.1]",
                    "no control labelled or named \"" + std::string(labelOrId) + "\"");
    if (ids.size() > 1) {
        std::string list;
        for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
        return fail(ErrorCode::Conflict, "[ui.tap.2]",
                    std::to_string(ids.size()) + " controls match \"" + std::string(labelOrId) +
                        "\": " + list);
    }
    m_pendingTap = *ids.begin();
    m_pendingTapFrames = 0;
    return {};
}

namespace {

// Writes zeros through a volatile pointer: a plain fill just before a free may be optimised away.
void zeroBytes(void* p, std::size_t n) {
    volatile unsigned char* b = static_cast<volatile unsigned char*>(p);
    while (n-- > 0) *b++ = 0;
}

// Overwrites a string's buffer before it is freed: nothing typed stays readable in freed memory.
void zero(std::string& s) {
    s.resize(s.capacity());  // spare capacity may hold a longer earlier value
    zeroBytes(s.data(), s.size());
    s.clear();
    s.shrink_to_fit();
}

template <class T>
void zero(ImVector<T>& v) {
    if (v.Data != nullptr) zeroBytes(v.Data, static_cast<std::size_t>(v.Capacity) * sizeof(T));
}

}  // namespace

void Ui::reset() {
    m_input.reset();
    m_keyboard = KeyboardState{};
    m_scroll.clear();
    m_pendingTap.reset();
    for (auto* texts : {&m_text, &m_lastText})
        for (auto& t : *texts) zero(t.text);
    for (auto* targets : {&m_targets, &m_lastTargets})
        for (auto& t : *targets) zero(t.label);
    m_text.clear();
    m_lastText.clear();
    m_targets.clear();
    m_lastTargets.clear();
    if (ImGui::GetCurrentContext() != nullptr) {
        ImGuiInputTextState& state = ImGui::GetCurrentContext()->InputTextState;
        zero(state.TextW);
        zero(state.TextA);
        zero(state.InitialTextA);
        state.ClearFreeMemory();
        state.CurLenW = state.CurLenA = 0;
        ImGui::ClearActiveID();
    }
    // Speech's memory of the last frames holds what the patron typed (the review read back).
    for (auto* live : {&m_live, &m_lastLive}) {
        for (auto& [key, text] : *live) zero(key), zero(text);
        live->clear();
    }
    for (auto& a : m_announcements) zero(a);
    m_announcements.clear();
    zero(m_lastFocusState.second);
    m_lastFocusState = {};
    m_focus.reset();
    m_lastInputFocus.reset();
    m_keyActivity = m_backRequest = m_helpRequest = false;
}

bool Ui::pressIsDrag() const {
    return ImGui::IsMouseDragPastThreshold(ImGuiMouseButton_Left, 0.25f * m_theme.metrics.touchTarget);
}

bool Ui::tapTarget(std::string_view id, std::string_view label) {
    registerTarget(id, label);
    m_layout.target({std::string(id), std::string(label), lastItemRect(), currentClip()});
    if (consumeTap(id)) return true;
    return ImGui::IsItemDeactivated() && ImGui::IsItemHovered() && !pressIsDrag();
}

bool Ui::touchArea(std::string_view id, std::string_view label, ImVec2 size) {
    ImGui::PushID(id.data(), id.data() + id.size());
    const bool released = ImGui::InvisibleButton("##touch", size);
    ImGui::PopID();
    registerTarget(id, label);
    m_layout.target({std::string(id), std::string(label), lastItemRect(), currentClip()});
    if (consumeTap(id)) return true;
    return released && !pressIsDrag();
}

bool Ui::button(std::string_view id, std::string_view label, ImVec2 size, ButtonStyle style,
                bool enabled) {
    const Metrics& m = m_theme.metrics;
    const Palette& p = m_theme.palette;
    const ImVec2 labelSize = measure(label, FontRole::Bold);
    if (size.x == 0) size.x = std::max(m.touchTarget, labelSize.x + 2 * m.padding);
    if (size.x < 0) size.x = std::max(m.touchTarget, ImGui::GetContentRegionAvail().x);
    size.y = std::max(size.y, m.touchTarget);

    ImGui::PushID(id.data(), id.data() + id.size());
    if (!enabled) ImGui::BeginDisabled();
    const bool released = ImGui::InvisibleButton("##button", size);
    const bool held = ImGui::IsItemActive();
    if (!enabled) ImGui::EndDisabled();
    ImGui::PopID();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();

    ImVec4 fill = p.accent, ink = p.accentText;
    if (style == ButtonStyle::Secondary) fill = p.button, ink = p.buttonText;
    if (style == ButtonStyle::Quiet) fill = ImVec4(0, 0, 0, 0), ink = p.accent;
    if (style == ButtonStyle::Danger) fill = p.danger, ink = p.accentText;
    if (m_theme.kind == ThemeKind::HighContrast && style == ButtonStyle::Quiet) ink = p.text;
    if (!enabled) fill.w *= 0.4f, ink.w *= 0.6f;
    if (held) fill = ImVec4(fill.x * 0.8f, fill.y * 0.8f, fill.z * 0.8f, fill.w);
    const Rect clipNow = currentClip();
    fillRect(a, b, fill, m.rounding);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (m_theme.kind == ThemeKind::HighContrast || style == ButtonStyle::Quiet)
        dl->AddRect(a, b, toU32(style == ButtonStyle::Quiet ? p.border : p.text), m.rounding, 0,
                    std::max(2.0f, 3.0f * m.scale));
    record(label);
    const std::string shown = displayText(label);
    ImFont* f = m_fonts.font(FontRole::Bold);
    const float fs = f ? f->FontSize : ImGui::GetFontSize();
    const ImVec4 clip(a.x + 4, a.y, b.x - 4, b.y);
    const ImVec2 at(std::max(a.x + 4, (a.x + b.x - labelSize.x) * 0.5f),
                    (a.y + b.y - labelSize.y) * 0.5f);
    dl->AddText(f, fs, at, toU32(ink), shown.data(), shown.data() + shown.size(), 0.0f, &clip);
    TextRun run{std::string(label), Rect{at.x, at.y, labelSize.x, labelSize.y},
                intersect(Rect::fromCorners({clip.x, clip.y}, {clip.z, clip.w}), clipNow)};
    run.ink = ink;
    run.inactive = !enabled;
    m_layout.text(std::move(run));

    if (!enabled) return false;
    registerTarget(id, label);
    m_layout.target({std::string(id), std::string(label), Rect::fromCorners(a, b), clipNow});
    if (consumeTap(id)) return true;
    return released && !pressIsDrag();
}

}  // namespace lc::ui
