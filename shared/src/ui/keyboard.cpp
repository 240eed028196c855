// The on-screen keyboard. Every key pushes a KeyEvent into ui.input(): the same path a script's
// `type` and `key` steps use, so what scripts test is what patrons touch.

#include <lc/ui/widgets.hpp>

#include <lc/core/text.hpp>
#include <lc/ui/bidi.hpp>

#include <algorithm>
#include <vector>

namespace lc::ui {
namespace {

enum class Action { Char, Backspace, Enter, Shift, Page, Space };

struct Key {
    std::string label;  ///< drawn; for Char also what is typed (shifted when shift is on)
    Action action = Action::Char;
    float units = 1.0f;  ///< width in key units
    int page = 0;        ///< for Action::Page
};
using Row = std::vector<Key>;
using Layout = std::vector<Row>;

Key ch(std::string s, float units = 1.0f) { return {std::move(s), Action::Char, units, 0}; }

Row chars(std::initializer_list<const char*> list) {
    Row r;
    for (const char* s : list) r.push_back(ch(s));
    return r;
}

// Upper case of the few letters the layouts hold (ASCII and the accented ones on page 1).
std::string upper(const std::string& s) {
    std::size_t pos = 0;
    const char32_t cp = text::nextCodepoint(s, pos);
    if (pos != s.size()) return s;  // ".com" and other strings stay as they are
    char32_t up = cp;
    if (cp >= 'a' && cp <= 'z') up = cp - 32;
    if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) up = cp - 32;  // Latin-1 lower → upper
    std::string out;
    text::appendUtf8(out, up);
    return out;
}

// Page 3, when the config lists "ar": the Arabic PC keyboard's letters ("لا" types two).
Layout arabicRows(const Key& bksp) {
    return {chars({"ض", "ص", "ث", "ق", "ف", "غ", "ع", "ه", "خ", "ح", "ج"}),
            chars({"ش", "س", "ي", "ب", "ل", "ا", "ت", "ن", "م", "ك", "ط"}),
            {ch("ئ"), ch("ء"), ch("ؤ"), ch("ر"), ch("لا"), ch("ى"), ch("ة"), ch("و"), ch("ز"), ch("ظ"),
             ch("د"), bksp}};
}

Layout layoutFor(FieldKind kind, int page, const std::string& space, const std::string& done,
                 bool arabic) {
    const Key bksp{"\u232B", Action::Backspace, 1.5f, 0};
    const Key shift{"\u21E7", Action::Shift, 1.5f, 0};
    const Key enter{done, Action::Enter, 2.0f, 0};
    if (kind == FieldKind::Phone || kind == FieldKind::Pin) {
        Layout pad = {chars({"1", "2", "3"}), chars({"4", "5", "6"}), chars({"7", "8", "9"})};
        pad[0].push_back({"\u232B", Action::Backspace, 1.0f, 0});
        if (kind == FieldKind::Phone) {
            pad[1].push_back(ch("+"));
            pad[2].push_back(ch(" "));
            pad[2].back().label = "\u2423";  // ␣ visible space
            pad.push_back({ch("("), ch("0"), ch(")"), {done, Action::Enter, 1.0f, 0}});
        } else {
            pad.push_back({ch("0", 3.0f), {done, Action::Enter, 1.0f, 0}});
        }
        return pad;
    }
    const Key toLetters{"ABC", Action::Page, 1.5f, 0};
    const Key toAccents{"àé", Action::Page, 1.5f, 1};
    const Key toDigits{"123", Action::Page, 1.5f, 2};
    Layout l;
    if (page == 3 && arabic) {
        l = arabicRows(bksp);
    } else if (page == 1) {
        l = {chars({"é", "è", "ê", "ë", "à", "â", "ç", "ñ"}),
             chars({"á", "í", "ó", "ú", "ü", "ô", "î", "ï"}),
             {shift, ch("œ"), ch("æ"), ch("ù"), ch("û"), ch("ÿ"), bksp}};
    } else if (page == 2) {
        l = {chars({"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}),
             chars({"@", ".", ",", "-", "_", "'", "&", "(", ")", "/"}),
             {ch("!"), ch("?"), ch("+"), ch("#"), ch(":"), ch(";"), ch("\""), bksp}};
    } else {
        l = {chars({"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"}),
             chars({"a", "s", "d", "f", "g", "h", "j", "k", "l"}),
             {shift, ch("z"), ch("x"), ch("c"), ch("v"), ch("b"), ch("n"), ch("m"), bksp}};
    }
    Row last;
    last.push_back(page == 2 ? toLetters : toDigits);
    last.push_back(page == 1 ? toLetters : toAccents);
    if (arabic) last.push_back(page == 3 ? toLetters : Key{"عربي", Action::Page, 1.5f, 3});  // عربي
    if (kind == FieldKind::Email) {
        for (const char* s : {"@", ".", "-", "_"}) last.push_back(ch(s));
        last.push_back(ch(".com", 1.5f));
    } else {
        last.push_back({space, Action::Space, 4.0f, 0});
        if (kind == FieldKind::Name) last.push_back(ch("-")), last.push_back(ch("'"));
    }
    last.push_back(enter);
    l.push_back(std::move(last));
    return l;
}

float rowUnits(const Row& r) {
    float u = 0;
    for (const Key& k : r) u += k.units;
    return u;
}

// Performs what a key does.
void press(Ui& ui, const Key& k) {
    KeyboardState& st = ui.keyboardState();
    switch (k.action) {
        case Action::Char:
            ui.input().push({KeyEvent::Kind::Text, st.shift ? upper(k.label) : k.label});
            st.shift = false;  // one-shot, as on phones
            break;
        case Action::Space: ui.input().push({KeyEvent::Kind::Text, " "}); break;
        case Action::Backspace: ui.input().push({KeyEvent::Kind::Backspace, {}}); break;
        case Action::Enter: ui.input().push({KeyEvent::Kind::Enter, {}}); break;
        case Action::Shift: st.shift = !st.shift; break;
        case Action::Page: st.page = k.page; break;
    }
}

struct Geometry {
    float unit;   ///< width of one key unit
    float keyH;
    float gap;
    float width;  ///< of the whole keyboard
};

// Keys share the width: every row fits it (a floor on the unit pushed the last row's Done key
// past a 1280x800 window's edge). Below a 1080 px short side keys may be under 56 px, as the
// audit's scaled minimum allows.
Geometry geometry(const Ui& ui, const Layout& l, float width, bool pad) {
    const Metrics& m = ui.metrics();
    float maxUnits = 0;
    std::size_t maxKeys = 0;
    for (const Row& r : l) maxUnits = std::max(maxUnits, rowUnits(r)), maxKeys = std::max(maxKeys, r.size());
    const float w = pad ? std::min(width, 4 * 2.6f * m.keySize) : width;
    const float unit = (w - (maxKeys - 1) * m.gap * 0.6f) / maxUnits;
    return {unit, m.keySize, m.gap * 0.6f, w};
}

// The Done key widens to hold its label ("Nimemaliza" outgrew two units in a 4K window), taking
// the room from the space bar where there is one; the geometry then fits the width again.
Geometry fitDoneKey(const Ui& ui, Layout& l, float width, bool pad) {
    Geometry g = geometry(ui, l, width, pad);
    for (int pass = 0; pass < 3; ++pass) {
        bool widened = false;
        for (Row& row : l) {
            for (Key& k : row) {
                if (k.action != Action::Enter) continue;
                const float labelW = ui.measure(k.label, FontRole::Body).x + ui.metrics().padding;
                const float need = labelW / g.unit;
                if (need <= k.units) continue;
                for (Key& space : row) {
                    if (space.action != Action::Space) continue;
                    space.units = std::max(2.0f, space.units - (need - k.units));
                }
                k.units = need;
                widened = true;
            }
        }
        if (!widened) break;
        g = geometry(ui, l, width, pad);
    }
    return g;
}

float layoutHeight(const Geometry& g, std::size_t rows) {
    return rows * g.keyH + (rows > 0 ? (rows - 1) * g.gap : 0);
}

}  // namespace

float keyboardHeight(const Ui& ui, float width) {
    if (!ui.input().focused()) return 0;
    const FieldKind kind = ui.input().focusedKind();
    const bool pad = kind == FieldKind::Phone || kind == FieldKind::Pin;
    const Layout l = layoutFor(kind, pad ? 0 : ui.keyboardState().page, "", "", ui.arabicKeyboard());
    return layoutHeight(geometry(ui, l, width, pad), l.size());
}

float drawKeyboard(Ui& ui, float width) {
    if (!ui.input().focused()) return 0;
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
    const FieldKind kind = ui.input().focusedKind();
    const bool pad = kind == FieldKind::Phone || kind == FieldKind::Pin;
    if (pad) ui.keyboardState().page = 0;
    Layout l = layoutFor(kind, ui.keyboardState().page, ui.tr("Space"), ui.tr("Done"), ui.arabicKeyboard());
    const Geometry g = fitDoneKey(ui, l, width, pad);
    const Palette& p = ui.palette();
    const Metrics& m = ui.metrics();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float left = origin.x + (width - g.width) * 0.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* f = ui.fonts().font(FontRole::Body);
    const float fs = f ? f->FontSize : ImGui::GetFontSize();
    ImGui::PushID("lc.keyboard");
    for (std::size_t ri = 0; ri < l.size(); ++ri) {
        const Row& row = l[ri];
        const float rowW = rowUnits(row) * g.unit + (row.size() - 1) * g.gap;
        float x = left + (g.width - rowW) * 0.5f;
        const float y = origin.y + ri * (g.keyH + g.gap);
        for (std::size_t ki = 0; ki < row.size(); ++ki) {
            const Key& k = row[ki];
            const ImVec2 a(x, y), b(x + k.units * g.unit, y + g.keyH);
            ImGui::SetCursorScreenPos(a);
            ImGui::PushID(static_cast<int>(ri * 100 + ki));
            if (ImGui::InvisibleButton("##key", ImVec2(b.x - a.x, b.y - a.y))) press(ui, k);
            const bool held = ImGui::IsItemActive();
            ImGui::PopID();
            const bool on = (k.action == Action::Shift && ui.keyboardState().shift) ||
                            k.action == Action::Enter;
            ImVec4 fill = on ? p.accent : p.button;
            if (held) fill = p.border;
            ui.fillRect(a, b, fill, m.rounding * 0.6f);
            ui.layout().target({"keyboard." + k.label, k.label, Rect::fromCorners(a, b),
                                Rect::fromCorners(dl->GetClipRectMin(), dl->GetClipRectMax())});
            if (ui.theme().kind == ThemeKind::HighContrast)
                dl->AddRect(a, b, toU32(p.text), m.rounding * 0.6f, 0, 2.0f);
            const std::string label = ui.keyboardState().shift && k.action == Action::Char
                                          ? upper(k.label) : k.label;
            ui.fonts().require(label);
            // Arabic labels ("عربي", "لا") joined and right to left, as Ui's text draws them.
            const std::string shown = hasRightToLeft(label) ? visualOrder(label) : label;
            const ImVec2 ts = ui.measure(label, FontRole::Body);
            const ImVec2 at((a.x + b.x - ts.x) * 0.5f, (a.y + b.y - fs) * 0.5f);
            const ImVec4 ink = on && !held ? p.accentText : p.buttonText;
            dl->AddText(f, fs, at, toU32(ink), shown.c_str());
            TextRun run{label, Rect{at.x, at.y, ts.x, ts.y}, Rect::fromCorners(a, b)};
            run.ink = ink;
            ui.layout().text(std::move(run));
            x = b.x + g.gap;
        }
    }
    ImGui::PopID();
    const float h = layoutHeight(g, l.size());
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, h));
    return h;
}

}  // namespace lc::ui
