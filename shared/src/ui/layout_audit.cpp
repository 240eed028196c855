#include <lc/ui/layout_audit.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <lc/core/text.hpp>

namespace lc::ui {
namespace {

constexpr float kSlack = 1.0f;  // px: rounding of ImGui's layout is not a finding
constexpr std::size_t kMaxWhat = 80;  // characters of a text quoted in a finding

bool inside(const Rect& inner, const Rect& outer) {
    return inner.x >= outer.x - kSlack && inner.y >= outer.y - kSlack &&
           inner.right() <= outer.right() + kSlack && inner.bottom() <= outer.bottom() + kSlack;
}

bool empty(const Rect& r) { return r.w <= kSlack || r.h <= kSlack; }

Rect windowOf(const LayoutFrame& f) { return {0, 0, f.width, f.height}; }

// What scrolling can bring into view: the region's visible rectangle stretched by how far it
// can still scroll up and down. `r` is the rectangle the item was clipped to.
Rect scrollable(const LayoutFrame& f, int region, Rect r) {
    if (region < 0 || region >= static_cast<int>(f.regions.size())) return r;
    const ScrollRegion& s = f.regions[region];
    r = intersect(r, intersect(s.rect, windowOf(f)));
    r.y -= s.scrollY;
    r.h += s.scrollY + std::max(0.0f, s.scrollMaxY - s.scrollY);
    return r;
}

// The part of an item a patron can see now: inside its clip and the window, and above its
// region's "More below" band unless it is the band's own.
Rect visible(const LayoutFrame& f, Rect r, const Rect& clip, int region, bool overlay) {
    r = intersect(intersect(r, clip), windowOf(f));
    if (region >= 0 && region < static_cast<int>(f.regions.size()) && !overlay) {
        Rect view = f.regions[region].rect;
        view.h -= f.regions[region].hintHeight;
        r = intersect(r, view);
    }
    return r;
}

std::string shortText(std::string_view s) {
    std::string out;
    std::size_t pos = 0, n = 0;
    while (pos < s.size()) {
        const std::size_t start = pos;
        const char32_t cp = text::nextCodepoint(s, pos);
        if (++n > kMaxWhat) return out + "...";
        if (cp == '\n') out += ' ';
        else out.append(s.substr(start, pos - start));
    }
    return out;
}

ImVec4 over(ImVec4 top, ImVec4 under) {
    const float a = std::clamp(top.w, 0.0f, 1.0f);
    return {top.x * a + under.x * (1 - a), top.y * a + under.y * (1 - a),
            top.z * a + under.z * (1 - a), 1.0f};
}

float luminance(ImVec4 c) {
    auto lin = [](float v) {
        return v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
    };
    return 0.2126f * lin(c.x) + 0.7152f * lin(c.y) + 0.0722f * lin(c.z);
}

// The colour under the middle of `t`: the fills drawn before it, over the window's colour.
ImVec4 backgroundOf(const LayoutFrame& f, const TextRun& t) {
    const float cx = t.rect.x + t.rect.w * 0.5f, cy = t.rect.y + t.rect.h * 0.5f;
    ImVec4 bg = f.background;
    const std::size_t n = std::min(t.fillsBefore, f.fills.size());
    for (std::size_t i = 0; i < n; ++i) {
        const Rect& r = f.fills[i].rect;
        if (cx >= r.x && cx < r.right() && cy >= r.y && cy < r.bottom()) bg = over(f.fills[i].color, bg);
    }
    return bg;
}

void checkTexts(const LayoutFrame& f, std::vector<Finding>& out) {
    for (const TextRun& t : f.texts) {
        if (empty(t.rect)) continue;
        const std::string what = shortText(t.text);
        const Rect allowed = t.overlay ? intersect(t.clip, windowOf(f))
                                       : scrollable(f, t.region, intersect(t.clip, windowOf(f)));
        if (!inside(t.rect, allowed)) out.push_back({AuditRule::Clipped, what, t.rect});
        if (t.elided && !t.elidable) out.push_back({AuditRule::Elided, what, t.rect});
        if (t.inactive || t.ink.w <= 0) continue;
        const ImVec4 bg = backgroundOf(f, t);
        if (contrastRatio(over(t.ink, bg), bg) < kMinContrast)
            out.push_back({AuditRule::Contrast, what, t.rect});
    }
}

void checkTargets(const LayoutFrame& f, std::vector<Finding>& out) {
    const float minSide = kMinTargetAt1080 * std::min(f.width, f.height) / 1080.0f;
    for (const TargetRect& t : f.targets) {
        if (std::min(t.rect.w, t.rect.h) < minSide - 0.5f)
            out.push_back({AuditRule::Small, t.id, t.rect});
        const bool scrolls = t.region >= 0 && t.region < static_cast<int>(f.regions.size()) && !t.overlay;
        Rect reach = scrolls ? scrollable(f, t.region, windowOf(f)) : windowOf(f);
        bool ok = inside(t.rect, reach);
        if (ok && scrolls) {
            // Content below the fold is fine only when the region says that more follows.
            const ScrollRegion& s = f.regions[t.region];
            const float fold = std::min(s.rect.bottom(), f.height);
            if (t.rect.bottom() > fold + kSlack && s.hintHeight <= 0) ok = false;
        }
        if (!ok) out.push_back({AuditRule::Offscreen, t.id, t.rect});
    }
}

void checkOverlaps(const LayoutFrame& f, std::vector<Finding>& out) {
    std::vector<Rect> seen(f.targets.size());
    for (std::size_t i = 0; i < f.targets.size(); ++i) {
        const TargetRect& t = f.targets[i];
        seen[i] = visible(f, t.rect, t.clip, t.region, t.overlay);
        for (std::size_t j = 0; j < i; ++j) {
            const Rect x = intersect(seen[i], seen[j]);
            if (!empty(x) && !empty(seen[j]))
                out.push_back({AuditRule::Overlap, f.targets[j].id + " / " + t.id, x});
        }
    }
    seen.assign(f.texts.size(), Rect{});
    for (std::size_t i = 0; i < f.texts.size(); ++i) {
        const TextRun& t = f.texts[i];
        seen[i] = visible(f, t.rect, t.clip, t.region, t.overlay);
        if (empty(seen[i])) continue;
        for (std::size_t j = 0; j < i; ++j) {
            const Rect x = intersect(seen[i], seen[j]);
            if (!empty(x) && !empty(seen[j]))
                out.push_back({AuditRule::Overlap,
                               shortText(f.texts[j].text) + " / " + shortText(t.text), x});
        }
    }
}

}  // namespace

Rect intersect(const Rect& a, const Rect& b) {
    const float x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
    const float x1 = std::min(a.right(), b.right()), y1 = std::min(a.bottom(), b.bottom());
    return {x0, y0, x1 - x0, y1 - y0};
}

std::string_view ruleName(AuditRule rule) {
    switch (rule) {
        case AuditRule::Clipped: return "clipped";
        case AuditRule::Elided: return "elided";
        case AuditRule::Offscreen: return "offscreen";
        case AuditRule::Overlap: return "overlap";
        case AuditRule::Small: return "small";
        case AuditRule::Contrast: return "contrast";
    }
    return "?";
}

std::string Finding::describe(std::string_view screen) const {
    char where[96];
    std::snprintf(where, sizeof where, " at %d,%d %dx%d", static_cast<int>(std::lround(rect.x)),
                  static_cast<int>(std::lround(rect.y)), static_cast<int>(std::lround(rect.w)),
                  static_cast<int>(std::lround(rect.h)));
    return std::string(screen.empty() ? "screen" : screen) + " " + std::string(ruleName(rule)) +
           ": " + what + where;
}

bool Finding::operator==(const Finding& o) const { return rule == o.rule && what == o.what; }

float contrastRatio(ImVec4 a, ImVec4 b) {
    const float la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

void AuditLog::check(std::string_view screen, const LayoutFrame& frame) {
    ++m_frames;
    if (std::find(m_screens.begin(), m_screens.end(), screen) == m_screens.end())
        m_screens.emplace_back(screen);
    std::vector<std::pair<std::string, int>> now;
    for (const Finding& f : auditLayout(frame)) {
        std::string key = std::string(screen) + '\n' + std::string(ruleName(f.rule)) + '\n' + f.what;
        const auto before = std::find_if(m_previous.begin(), m_previous.end(),
                                         [&](const auto& p) { return p.first == key; });
        const int inARow = before == m_previous.end() ? 1 : before->second + 1;
        if (inARow >= kAuditFrames && std::find(m_keys.begin(), m_keys.end(), key) == m_keys.end()) {
            m_keys.push_back(key);
            m_lines.push_back(f.describe(screen));
        }
        now.emplace_back(std::move(key), inARow);
    }
    m_previous = std::move(now);
}

void LayoutRecorder::begin(float width, float height, ImVec4 background) {
    m_frame = LayoutFrame{};
    m_frame.width = width;
    m_frame.height = height;
    m_frame.background = background;
    m_stack.clear();
    m_overlay = false;
}

void LayoutRecorder::text(TextRun run) {
    run.region = region();
    run.overlay = m_overlay;
    run.fillsBefore = m_frame.fills.size();
    m_frame.texts.push_back(std::move(run));
}

void LayoutRecorder::target(TargetRect t) {
    t.region = region();
    t.overlay = m_overlay;
    m_frame.targets.push_back(std::move(t));
}

void LayoutRecorder::fill(Rect rect, ImVec4 color) {
    if (color.w > 0) m_frame.fills.push_back({rect, color});
}

void LayoutRecorder::beginRegion(std::string id, Rect rect, float scrollY, float scrollMaxY) {
    m_frame.regions.push_back({std::move(id), rect, scrollY, scrollMaxY, 0});
    m_stack.push_back(static_cast<int>(m_frame.regions.size()) - 1);
}

void LayoutRecorder::endRegion() {
    if (!m_stack.empty()) m_stack.pop_back();
}

void LayoutRecorder::markHint(float height) {
    if (!m_stack.empty()) m_frame.regions[m_stack.back()].hintHeight = height;
}

LayoutFrame LayoutRecorder::take() {
    LayoutFrame out = std::move(m_frame);
    begin(0, 0, {});
    return out;
}

std::vector<Finding> auditLayout(const LayoutFrame& frame) {
    std::vector<Finding> out;
    checkTexts(frame, out);
    checkTargets(frame, out);
    checkOverlaps(frame, out);
    return out;
}

}  // namespace lc::ui
