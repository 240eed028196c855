#pragma once
// The layout audit: what a frame drew, with its geometry, and six rules that judge it.
// Ui records a LayoutFrame while screens draw (every text run, tap target, fill and scroll
// region); auditLayout() checks it. The shell runs it for the script step `audit` and, under
// --audit, on every frame. See shared/src/ui/README.md ("Layout audit").

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace lc::ui {

/// An axis-aligned rectangle in frame pixels.
struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    /// From two corners.
    static Rect fromCorners(ImVec2 a, ImVec2 b) { return {a.x, a.y, b.x - a.x, b.y - a.y}; }
};

/// The overlap of two rectangles (w or h ≤ 0 when they do not overlap).
Rect intersect(const Rect& a, const Rect& b);

/// One text run as drawn (wrapped text is one run).
struct TextRun {
    std::string text;     ///< the whole string, as the screen passed it
    Rect rect;            ///< where its glyphs go
    Rect clip;            ///< the clip rectangle it was drawn under
    int region = -1;      ///< index into LayoutFrame::regions, -1 when not in a scroll region
    ImVec4 ink{0, 0, 0, 1};  ///< its colour, before blending
    bool elided = false;  ///< shortened with "…"
    bool elidable = false;  ///< the screen declared that it may be shortened
    bool inactive = false;  ///< label of a disabled control (exempt from `contrast`)
    bool overlay = false;   ///< drawn over a scroll region's content (its "More below" hint)
    std::size_t fillsBefore = 0;  ///< how many fills were drawn before it (what it sits on)
};

/// One control a finger (or a script's `tap`) can hit.
struct TargetRect {
    std::string id;      ///< "home.signup"
    std::string label;   ///< as drawn
    Rect rect;
    Rect clip;
    int region = -1;
    bool overlay = false;
};

/// A filled shape that text may sit on (buttons, cards, badges, panels).
struct Fill {
    Rect rect;
    ImVec4 color;
};

/// A region whose content scrolls (lc::ui::beginDragScroll).
struct ScrollRegion {
    std::string id;
    Rect rect;              ///< the visible region in the frame
    float scrollY = 0;      ///< how far it is scrolled
    float scrollMaxY = 0;   ///< how far it can scroll
    float hintHeight = 0;   ///< >0: it shows "More below" in a band this high at its bottom
};

/// Everything one frame drew that the audit judges.
struct LayoutFrame {
    float width = 0, height = 0;  ///< the window
    ImVec4 background;            ///< the window's colour, under every fill
    std::vector<TextRun> texts;
    std::vector<TargetRect> targets;
    std::vector<Fill> fills;      ///< in drawing order
    std::vector<ScrollRegion> regions;
};

/// The six rules.
enum class AuditRule { Clipped, Elided, Offscreen, Overlap, Small, Contrast };

/// The rule's name in findings: "clipped", "elided", "offscreen", "overlap", "small", "contrast".
std::string_view ruleName(AuditRule rule);

/// One thing wrong with a frame.
struct Finding {
    AuditRule rule;
    std::string what;  ///< the text, or the target's id (overlap: "a / b")
    Rect rect;         ///< where (overlap: the intersection)
    /// "SCREEN RULE: WHAT at X,Y WxH" (whole pixels).
    std::string describe(std::string_view screen) const;
    bool operator==(const Finding& o) const;
};

/// Smallest tap target at a 1080 px short side; scaled with the window's short side.
inline constexpr float kMinTargetAt1080 = 56.0f;
/// WCAG AA for body text.
inline constexpr float kMinContrast = 4.5f;

/// Checks `frame` against the six rules:
///  - clipped: a text run beyond its clip rectangle or the window (in a scroll region, the
///    region's whole scrollable content counts as inside);
///  - elided: a run shortened with "…" that the screen did not declare elidable;
///  - offscreen: a target not wholly inside the window, unless a scroll region it sits in can
///    bring it into view and, for content below the fold, shows "More below";
///  - overlap: the visible parts of two targets, or of two text runs, overlap;
///  - small: a target narrower or lower than kMinTargetAt1080 × short side / 1080;
///  - contrast: a run's colour against the fill under it (or the background) below 4.5:1.
std::vector<Finding> auditLayout(const LayoutFrame& frame);

/// WCAG contrast ratio of two opaque colours (1 … 21).
float contrastRatio(ImVec4 a, ImVec4 b);

/// The findings of a whole run (--audit): a finding counts once it shows in kAuditFrames frames in
/// a row (a new scroll region takes two frames before ImGui knows its content's height: a
/// transition, not a layout), and each (screen, rule, what) is kept once, in the order found.
/// Thread-safety: one thread.
inline constexpr int kAuditFrames = 3;

class AuditLog {
public:
    /// Audits one finished frame of `screen`.
    void check(std::string_view screen, const LayoutFrame& frame);
    /// "SCREEN RULE: WHAT at X,Y WxH", one per distinct finding.
    const std::vector<std::string>& lines() const { return m_lines; }
    /// Frames checked so far.
    int frames() const { return m_frames; }
    /// Every screen checked, once each, in the order first seen (what a run covered).
    const std::vector<std::string>& screens() const { return m_screens; }

private:
    std::vector<std::pair<std::string, int>> m_previous;  ///< last frame's findings, frames in a row
    std::vector<std::string> m_keys;      ///< keys of every finding reported
    std::vector<std::string> m_lines;
    std::vector<std::string> m_screens;
    int m_frames = 0;
};

/// Builds a LayoutFrame while a frame is drawn. Ui owns one (Ui::layout()); its own text,
/// buttons and touch areas record themselves, and so do lc_ui's widgets. A widget that draws
/// through a draw list records what it drew with text(), target() and fill().
/// Thread-safety: main thread only.
class LayoutRecorder {
public:
    /// Starts a frame of `width` x `height` on `background`.
    void begin(float width, float height, ImVec4 background);
    /// A text run; its region, overlay flag and fillsBefore are filled in here.
    void text(TextRun run);
    /// A tap target (geometry only: scripts tap what Ui registers); region and overlay filled in.
    void target(TargetRect t);
    /// A filled shape text may sit on.
    void fill(Rect rect, ImVec4 color);
    /// Enters a scroll region (visible rectangle and scroll state as ImGui has them now).
    void beginRegion(std::string id, Rect rect, float scrollY, float scrollMaxY);
    /// Leaves the innermost scroll region.
    void endRegion();
    /// The innermost region shows "More below" in a band `height` high at its bottom.
    void markHint(float height);
    /// While on, what is recorded is drawn over the region's content (the hint itself).
    void setOverlay(bool on) { m_overlay = on; }
    /// The frame so far.
    const LayoutFrame& frame() const { return m_frame; }
    /// Moves the finished frame out (the recorder is empty after).
    LayoutFrame take();

private:
    int region() const { return m_stack.empty() ? -1 : m_stack.back(); }
    LayoutFrame m_frame;
    std::vector<int> m_stack;
    bool m_overlay = false;
};

}  // namespace lc::ui
