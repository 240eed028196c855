// The parts of Ui that serve keys alone and speech: every tap target joins the focus ring, keys
// act on it at the end of the frame, and what a patron would see change becomes announcements.

#include <lc/ui/ui.hpp>

#include <imgui_internal.h>

#include <algorithm>

namespace lc::ui {

void Ui::registerTarget(std::string_view id, std::string_view label) {
    m_targets.push_back({std::string(id), std::string(label)});
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    const bool inChild = w && (w->Flags & ImGuiWindowFlags_ChildWindow);
    Focusable f;
    f.id = id;
    f.label = label;
    f.min = ImGui::GetItemRectMin();
    f.max = ImGui::GetItemRectMax();
    if (w) f.clip = ImVec4(w->ClipRect.Min.x, w->ClipRect.Min.y, w->ClipRect.Max.x, w->ClipRect.Max.y);
    if (inChild) {
        f.block = w->ID;
        f.blockMin = w->Pos;
        f.blockMax = ImVec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y);
    }
    if (m_focus.wantsScroll(id)) {
        // Bring the focused control into view in its scrolling region (a no-op at the root).
        if (w && (f.min.y < w->ClipRect.Min.y || f.max.y > w->ClipRect.Max.y)) ImGui::SetScrollHereY(0.5f);
        m_focus.scrolled();
    }
    m_focus.add(std::move(f));
}

void Ui::describeLast(Role role, std::string state) {
    if (const Focusable* f = m_focus.lastAdded()) m_focus.describe(f->id, role, std::move(state));
}

void Ui::pressKey(NavKey k) {
    m_keyActivity = true;
    const auto& field = m_input.focused();
    const bool toField = field && (!m_focus.focused() || m_focus.focused() == field);
    if (toField && k == NavKey::Enter) return m_input.push({KeyEvent::Kind::Enter, {}});
    if (toField && k == NavKey::Space) return;  // a field gets its space as a typed character
    if (k == NavKey::Help) {
        m_helpRequest = true;
        return;
    }
    m_focus.push(k);
}

bool Ui::takeKeyActivity() { return std::exchange(m_keyActivity, false); }
bool Ui::takeBackRequest() { return std::exchange(m_backRequest, false); }
bool Ui::takeHelpRequest() { return std::exchange(m_helpRequest, false); }

void Ui::announce(std::string_view key, std::string_view text) {
    if (text.empty()) return;
    for (const auto& l : m_live)
        if (l.first == key) return;
    m_live.emplace_back(std::string(key), std::string(text));
}

std::vector<std::string> Ui::takeAnnouncements() {
    std::vector<std::string> out;
    out.swap(m_announcements);
    return out;
}

std::string Ui::describe(const Focusable& f) {
    std::string role = f.role == Role::TextField  ? tr("text field")
                       : f.role == Role::CheckBox ? tr("check box")
                                                  : tr("button");
    std::string out = f.label + ", " + role;
    if (!f.state.empty()) out += ", " + f.state;
    return out;
}

std::vector<std::string> Ui::whereAmI() {
    std::vector<std::string> out;
    if (!m_lastTitle.empty()) out.push_back(m_lastTitle);
    if (const Focusable* f = m_focus.focusedControl()) out.push_back(describe(*f));
    return out;
}

// At the end of a frame: keys act on this frame's controls, the ring is drawn, and what changed
// since the last frame is queued for speech (title first, then live text, then the focus).
void Ui::endFrameAccess() {
    const FocusOutcome o = m_focus.endFrame();
    if (o.activate) {
        m_pendingTap = *o.activate;
        m_pendingTapFrames = 0;
    }
    if (o.back) m_backRequest = true;
    const Focusable* f = m_focus.focusedControl();
    // Moving onto a text field opens it for typing, as a tap would.
    if (o.moved && f && f->role == Role::TextField && m_input.focused() != f->id && !o.activate) {
        m_pendingTap = f->id;
        m_pendingTapFrames = 0;
    }
    // A field the screen focused (Enter moved on, a tap, a new form) takes the ring along, and
    // speech says where it went.
    bool followed = false;
    if (m_input.focused() != m_lastInputFocus) {
        m_lastInputFocus = m_input.focused();
        followed = m_lastInputFocus && m_focus.focused() != m_lastInputFocus;
        if (m_lastInputFocus) m_focus.follow(*m_lastInputFocus);
    }
    if (!m_title.empty() && m_title != m_lastTitle) m_announcements.push_back(m_title);
    if (!m_title.empty()) m_lastTitle = m_title;
    for (const auto& l : m_live) {
        const bool before = std::any_of(m_lastLive.begin(), m_lastLive.end(),
                                        [&](const auto& p) { return p.first == l.first; });
        if (!before) m_announcements.push_back(l.second);
    }
    m_lastLive = m_live;
    if (followed) f = m_focus.focusedControl();
    // A check box or toggle that Space or Enter flipped says its new state (a field's text is
    // not read back at every letter).
    const bool flipped = f && f->role != Role::TextField && m_lastFocusState.first == f->id &&
                         m_lastFocusState.second != f->state;
    if ((o.moved || followed || flipped) && f) m_announcements.push_back(describe(*f));
    if (f) m_lastFocusState = {f->id, f->state};
    if (std::exchange(m_newScreen, false)) {
        // The next frame is another screen: its title and live text are said even when they
        // read as this one's did (details and its form share the circle's name).
        m_lastTitle.clear();
        m_lastLive.clear();
    }
    const float t = std::max(4.0f, 6.0f * m_theme.metrics.scale);
    m_focus.draw(ImGui::GetForegroundDrawList(), toU32(m_theme.palette.text),
                 toU32(m_theme.palette.background), t, m_theme.metrics.rounding);
}

}  // namespace lc::ui
