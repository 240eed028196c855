#include <lc/ui/widgets.hpp>

#include <lc/core/text.hpp>
#include <lc/ui/bidi.hpp>

#include <algorithm>

namespace lc::ui {
namespace {

// Applies the queued keys to a copy of the value; fills the result's flags.
void applyPending(Ui& ui, std::string_view id, const std::string& value,
                  const FieldOptions& o, FieldResult& r) {
    std::string edited = value;
    bool changed = false;
    for (const KeyEvent& e : ui.input().take(id)) {
        switch (e.kind) {
            case KeyEvent::Kind::Enter: r.submitted = true; break;
            case KeyEvent::Kind::Tab: r.tabbed = true; break;
            case KeyEvent::Kind::Escape:
                r.escaped = true;
                ui.input().clearFocus();
                break;
            default: changed = applyKey(edited, e, o.maxChars) || changed; break;
        }
    }
    if (changed && edited != value) r.changed = std::move(edited);
}

std::string masked(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += "\u2022";
    return out;
}

// How close to the limit the counter appears: the last fifth, at least the last 10 characters.
std::size_t counterFrom(std::size_t maxChars) { return std::max<std::size_t>(10, maxChars / 5); }

}  // namespace

FieldResult textField(Ui& ui, std::string_view id, std::string_view label,
                      const std::string& value, const FieldOptions& o) {
    const Metrics& m = ui.metrics();
    const Palette& p = ui.palette();
    FieldResult r;
    const float width = o.width < 0 ? ImGui::GetContentRegionAvail().x : o.width;
    // A label may be a feed's question of a thousand characters: it wraps to the field's width.
    if (!label.empty()) ui.textWrapped(label, FontRole::Bold, std::nullopt, width);

    const ImVec2 size(std::max(width, m.touchTarget), std::max(m.touchTarget, m.bodySize * 2.0f));
    if (ui.touchArea(id, label.empty() ? id : label, size)) ui.input().focus(std::string(id), o.kind);
    // Speech reads back the patron's own input; a PIN only as a count.
    ui.describeLast(Role::TextField,
                    value.empty()             ? ui.tr("empty")
                    : o.kind == FieldKind::Pin ? ui.trn("{n} character", "{n} characters",
                                                        static_cast<long>(text::codepointCount(value)))
                                               : value);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const bool focused = ui.input().focused() && *ui.input().focused() == id;
    if (focused) {
        applyPending(ui, id, value, o, r);
        if (!ImGui::IsItemVisible()) ImGui::SetScrollHereY(0.25f);
    }
    r.focused = ui.input().focused() && *ui.input().focused() == id;

    const std::string& now = r.changed ? *r.changed : value;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float border = (r.focused ? 4.0f : 2.0f) * std::max(1.0f, m.scale);
    ui.fillRect(a, b, p.surface, m.rounding);
    dl->AddRect(a, b, toU32(o.error ? p.danger : r.focused ? p.accent : p.border), m.rounding, 0,
                border);

    // The value (or placeholder), scrolled so that its end (the caret) stays visible.
    const bool empty = now.empty();
    const std::string shown = o.kind == FieldKind::Pin ? masked(text::codepointCount(now)) : now;
    const std::string& logical = empty ? o.placeholder : shown;
    if (!logical.empty()) ui.record(logical);
    const std::string drawn = visualOrder(logical);
    ImFont* f = ui.fonts().font(FontRole::Body);
    const float fs = f ? f->FontSize : ImGui::GetFontSize();
    const float innerW = (b.x - a.x) - 2 * m.padding;
    const ImVec2 ts = ui.measure(logical, FontRole::Body);
    const float x = a.x + m.padding + std::min(0.0f, innerW - ts.x - 4);
    const float y = (a.y + b.y - fs) * 0.5f;
    const ImVec4 clip(a.x + m.padding * 0.5f, a.y, b.x - m.padding * 0.5f, b.y);
    dl->AddText(f, fs, ImVec2(x, y), toU32(empty ? p.textMuted : p.text), drawn.data(),
                drawn.data() + drawn.size(), 0.0f, &clip);
    // A long value scrolls inside the field (its end, the caret, stays visible): the audit sees
    // the part shown.
    const Rect clipRect = Rect::fromCorners({clip.x, clip.y}, {clip.z, clip.w});
    TextRun run{drawn, intersect(Rect{x, y, ts.x, fs}, clipRect), clipRect};
    run.ink = empty ? p.textMuted : p.text;
    if (!drawn.empty()) ui.layout().text(std::move(run));
    if (r.focused) {
        const float cx = empty ? a.x + m.padding : std::min(x + ts.x + 2, b.x - m.padding * 0.5f);
        dl->AddRectFilled(ImVec2(cx, y), ImVec2(cx + std::max(2.0f, 3 * m.scale), y + fs),
                          toU32(p.accent));
    }
    if (o.error) ui.textWrapped(*o.error, FontRole::Small, p.danger);
    // Near the limit, say how much room is left: typing that silently stops looks broken.
    const std::size_t used = text::codepointCount(now);
    if (o.kind != FieldKind::Pin && o.maxChars > 0 && used + counterFrom(o.maxChars) >= o.maxChars) {
        const long left = static_cast<long>(o.maxChars - std::min(used, o.maxChars));
        ui.text(ui.trn("{n} character left", "{n} characters left", left), FontRole::Small,
                left == 0 ? p.danger : p.textMuted);
    }
    return r;
}

void drawOneMomentScreen(Ui& ui) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + avail.y * 0.45f);
    ui.textCentered(ui.tr("One moment…"), FontRole::Title, ui.palette().textMuted);
}

}  // namespace lc::ui
