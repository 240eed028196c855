#pragma once
// lc::ui::Ui: what a screen draws with. It wraps ImGui so that every string drawn is recorded
// (for `expect`), every tappable control is registered by label and id (for `tap`), text comes in
// the current language, and typed text arrives through one input path (input.hpp).
//
// A screen is a function of a const view-model that returns intents (shared/README.md, H5):
//     std::optional<HomeIntent> drawHomeScreen(lc::ui::Ui& ui, const HomeView& v) {
//         ui.title(ui.tr("Welcome"));
//         if (ui.button("home.signup", ui.tr("Sign up for a learning circle"))) return StartSignup{};
//         return std::nullopt;
//     }

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include <lc/core/clock.hpp>
#include <lc/core/result.hpp>
#include <lc/ui/focus.hpp>
#include <lc/ui/fonts.hpp>
#include <lc/ui/i18n.hpp>
#include <lc/ui/input.hpp>
#include <lc/ui/layout_audit.hpp>
#include <lc/ui/theme.hpp>

namespace lc::ui {

/// One string drawn in a frame.
struct DrawnText {
    std::string text;
    bool placeholder = false;  ///< some character was drawn as the placeholder box
};

/// A control a script can `tap`.
struct TapTarget {
    std::string id;     ///< stable, language-independent ("home.signup", "circle.42")
    std::string label;  ///< as drawn, in the current language
};

/// Catalog text (from tr()) that needed a placeholder glyph; scripts fail on it.
struct GlyphProblem {
    std::string lang;
    std::string msgid;
    char32_t codepoint = 0;
};

/// How a button looks.
enum class ButtonStyle { Primary, Secondary, Quiet, Danger };

/// State of the on-screen keyboard (kept across frames; cleared by Ui::reset()).
struct KeyboardState {
    bool shift = false;
    int page = 0;  ///< 0 letters, 1 accents, 2 digits & symbols, 3 Arabic (when offered)
};

/// Drag-scroll state of one list (keyboard-free touch scrolling with momentum).
struct ScrollState {
    float velocity = 0;        ///< px/s after release
    double lastTime = 0;       ///< animation clock at the last update
    double lastMove = 0;       ///< animation clock when the finger last moved
    bool dragging = false;
};

/// Per-window drawing context for screens. Thread-safety: main thread only.
class Ui {
public:
    /// `catalogs` and `fonts` must outlive the Ui. `lang` must be one of kLanguages.
    Ui(const Catalogs& catalogs, Fonts& fonts, std::string lang);

    // ---- frame lifecycle (called by Shell / HeadlessUi, not by screens) ----
    /// Starts recording a frame: window size in pixels and a monotonic time in seconds that
    /// animations read (never io.DeltaTime, which jumps after a sleep).
    void beginFrame(ImVec2 size, double animSeconds);
    /// Ends recording; the frame's text and targets become lastFrame*().
    void endFrame();

    // ---- language ----
    /// The current language code ("en", "fr", "es", "sw").
    const std::string& language() const { return m_lang; }
    /// Switches language (the next tr() uses it).
    void setLanguage(std::string lang);
    /// `msgid` in the current language (app domain first, then "common").
    std::string tr(std::string_view msgid);
    /// With a gettext context.
    std::string trc(std::string_view context, std::string_view msgid);
    /// Plural: trn("{n} seat left", "{n} seats left", n) with "{n}" already replaced.
    std::string trn(std::string_view singular, std::string_view plural, long n);
    /// The catalogs (for formatDate etc.).
    const Catalogs& catalogs() const { return m_catalogs; }

    // ---- text: the one recording path ----
    /// Draws `s` at the cursor in `role`, in `color` (default: palette text). Recorded.
    void text(std::string_view s, FontRole role = FontRole::Body,
              std::optional<ImVec4> color = std::nullopt);
    /// Wrapped at `wrapWidth` (default: to the right edge of the content region). Recorded.
    void textWrapped(std::string_view s, FontRole role = FontRole::Body,
                     std::optional<ImVec4> color = std::nullopt, float wrapWidth = 0);
    /// Draws `s` centred horizontally in the content region. Recorded.
    void textCentered(std::string_view s, FontRole role = FontRole::Body,
                      std::optional<ImVec4> color = std::nullopt);
    /// Shorthand: text(s, FontRole::Title).
    void title(std::string_view s) { text(s, FontRole::Title); }
    /// Records text a widget drew by other means (draw lists). Screens rarely need it.
    void record(std::string_view s);
    /// One line of `s` cut with "…" to fit `width`: the screen declares this text elidable
    /// (a long feed title in a list card; never actions, headings, times, seats, errors, names).
    void textElided(std::string_view s, float width, FontRole role = FontRole::Body,
                    std::optional<ImVec4> color = std::nullopt);
    /// `s` cut to fit `width` in `role`, ending in "…" when cut (whole when it fits).
    std::string ellipsize(std::string_view s, FontRole role, float width) const;
    /// Fills a rectangle (window coordinates of the draw list) and records it as what text
    /// drawn over it sits on (the audit's `contrast`).
    void fillRect(ImVec2 a, ImVec2 b, ImVec4 color, float rounding = 0);
    /// Size of `s` in `role`, unwrapped.
    ImVec2 measure(std::string_view s, FontRole role = FontRole::Body) const;

    // ---- touch controls: registered for `tap` ----
    /// A button at least metrics().touchTarget high; `size` 0 means fit the label (width) or
    /// touchTarget (height); negative width fills the row. True when tapped (by touch or script).
    bool button(std::string_view id, std::string_view label, ImVec2 size = {0, 0},
                ButtonStyle style = ButtonStyle::Primary, bool enabled = true);
    /// A tappable region of `size` (a card, a list row) at the cursor, registered for `tap`;
    /// draw its content yourself over ImGui::GetItemRectMin()/Max(). True when tapped (a press
    /// that turned into a drag-scroll is not a tap).
    bool touchArea(std::string_view id, std::string_view label, ImVec2 size);
    /// Registers the last submitted ImGui item for `tap`: true when it was released without a
    /// drag, or the script tapped it.
    bool tapTarget(std::string_view id, std::string_view label);
    /// True while the current press has moved past the touch slop (a drag, not a tap).
    bool pressIsDrag() const;
    /// Tells keys and speech what the control registered last is (default: a button) and its
    /// state ("checked", a field's text or "empty").
    void describeLast(Role role, std::string state);

    // ---- keys alone and speech (focus.hpp) ----
    /// A navigation key from a keyboard, keypad or script: Enter and Space go to the focused
    /// text field when the ring is on it; everything else moves or acts on the focus ring.
    void pressKey(NavKey k);
    /// The focus ring.
    const FocusRing& focusRing() const { return m_focus; }
    /// True when a key was pressed since the last call (the idle timer, speech on by key).
    bool takeKeyActivity();
    /// True when Escape found no Back control since the last call.
    bool takeBackRequest();
    /// True when the help key (a keypad's) was pressed since the last call.
    bool takeHelpRequest();
    /// Says `text` (when speech is on) the first frame it is drawn under `key`; again only
    /// after a frame without it. Errors drawn in the danger colour are announced this way too.
    void announce(std::string_view key, std::string_view text);
    /// What changed for speech since the last call, in order: a new screen title, new errors
    /// and announcements, the control the focus moved to.
    std::vector<std::string> takeAnnouncements();
    /// The screen's title and the focused control, as speech says them (speech turned on, help).
    std::vector<std::string> whereAmI();
    /// The app moved to another screen: its title and live text are said on its first frame
    /// even when they read as the last screen's did.
    void newScreen() { m_newScreen = true; }

    // ---- input path (keyboard widget, scripts, tests) ----
    /// Focus and pending keys.
    InputQueue& input() { return m_input; }
    const InputQueue& input() const { return m_input; }
    /// The on-screen keyboard's state.
    KeyboardState& keyboardState() { return m_keyboard; }
    const KeyboardState& keyboardState() const { return m_keyboard; }
    /// Whether the on-screen keyboard offers an Arabic page (the config lists "ar").
    void setArabicKeyboard(bool on) { m_arabicKeyboard = on; }
    bool arabicKeyboard() const { return m_arabicKeyboard; }
    /// Drag-scroll state of list `id`.
    ScrollState& scrollState(std::string_view id) { return m_scroll[std::string(id)]; }

    // ---- theme and fonts ----
    /// The current theme (rebuilt by the shell when the window size changes).
    const Theme& theme() const { return m_theme; }
    /// Shorthands.
    const Metrics& metrics() const { return m_theme.metrics; }
    const Palette& palette() const { return m_theme.palette; }
    /// Replaces the theme (the shell calls this; also ImGui's style is updated).
    void setTheme(const Theme& theme);
    /// The fonts.
    Fonts& fonts() { return m_fonts; }
    /// Pushes the ImFont of `role` (pair with ImGui::PopFont()).
    void pushFont(FontRole role);

    // ---- time ----
    /// Monotonic animation time, seconds.
    double animTime() const { return m_animTime; }
    /// Asks for another frame soon (an animation is running). Reset at beginFrame.
    void requestAnimationFrame() { m_wantsAnimation = true; }
    /// True when the frame just drawn asked for another.
    bool wantsAnimationFrame() const { return m_wantsAnimation; }

    // ---- what the last finished frame showed (scripts, tests) ----
    const std::vector<DrawnText>& lastFrameText() const { return m_lastText; }
    const std::vector<TapTarget>& lastFrameTargets() const { return m_lastTargets; }
    /// Geometry of the last finished frame, for the layout audit.
    const LayoutFrame& lastFrameLayout() const { return m_lastLayout; }
    /// The recorder of the frame being drawn (widgets drawing through draw lists use it).
    LayoutRecorder& layout() { return m_layout; }
    /// True when some text of the last frame contains `needle` (U+00A0 compares as a space).
    bool lastFrameShows(std::string_view needle) const;
    /// Schedules a tap on the one control of the last frame whose label or id equals
    /// `labelOrId`; it fires in the next frame. "[ui.tap.1]" none, "[ui.tap.2]" several.
    [[nodiscard]] Result<void> tap(std::string_view labelOrId);
    /// Catalog text that needed a placeholder since the last call (then cleared).
    std::vector<GlyphProblem> takeGlyphProblems();

    /// Idle reset: focus, pending keys, keyboard shift/page, scroll states, pending taps; the text
    /// and labels recorded from the last frames (they may hold a patron's name) are zeroed, and
    /// so are ImGui's own text-input buffers.
    void reset();

private:
    bool consumeTap(std::string_view id);
    void recordRun(std::string_view s, ImVec4 ink, bool elidable, bool cut);
    void registerTarget(std::string_view id, std::string_view label);
    std::string describe(const Focusable& f);
    void endFrameAccess();
    void noteCatalogText(std::string_view msgid, const std::string& out);

    const Catalogs& m_catalogs;
    Fonts& m_fonts;
    std::string m_lang;
    Theme m_theme;
    InputQueue m_input;
    KeyboardState m_keyboard;
    std::map<std::string, ScrollState, std::less<>> m_scroll;
    std::vector<DrawnText> m_text, m_lastText;
    std::vector<TapTarget> m_targets, m_lastTargets;
    LayoutRecorder m_layout;
    LayoutFrame m_lastLayout;
    std::set<std::string, std::less<>> m_translations;  ///< tr() outputs seen (not elisions)
    std::optional<std::string> m_pendingTap;
    int m_pendingTapFrames = 0;
    std::set<std::string, std::less<>> m_catalogOk;  ///< tr() outputs known to need no placeholder
    std::vector<GlyphProblem> m_glyphProblems;
    FocusRing m_focus;
    std::optional<std::string> m_lastInputFocus;  ///< to let the ring follow a field focused by a screen
    std::string m_title, m_lastTitle;             ///< the frame's first title-sized text
    std::vector<std::pair<std::string, std::string>> m_live, m_lastLive;  ///< announce() keys, text
    std::vector<std::string> m_announcements;
    std::pair<std::string, std::string> m_lastFocusState;  ///< focused id and its state
    bool m_keyActivity = false;
    bool m_backRequest = false;
    bool m_helpRequest = false;
    bool m_newScreen = false;
    bool m_arabicKeyboard = false;
    double m_animTime = 0;
    bool m_wantsAnimation = false;
};

}  // namespace lc::ui
