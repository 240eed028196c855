#include <lc/ui/focus.hpp>

#include <algorithm>
#include <map>

#include <GLFW/glfw3.h>

namespace lc::ui {
namespace {

// Something placed on the page: a control of the root window, or a whole scrolling child.
struct Unit {
    ImVec2 min, max;
    unsigned block;
    const Focusable* control;  // for root controls
};

// Top to bottom, then left to right: a unit starting above the middle of a row's first unit
// belongs to that row.
template <typename T, typename MinOf, typename MaxOf>
void readingSort(std::vector<T>& v, MinOf minOf, MaxOf maxOf) {
    std::stable_sort(v.begin(), v.end(), [&](const T& a, const T& b) { return minOf(a).y < minOf(b).y; });
    std::size_t start = 0;
    while (start < v.size()) {
        const float middle = (minOf(v[start]).y + maxOf(v[start]).y) * 0.5f;
        std::size_t end = start + 1;
        while (end < v.size() && minOf(v[end]).y < middle) ++end;
        std::stable_sort(v.begin() + static_cast<long>(start), v.begin() + static_cast<long>(end),
                         [&](const T& a, const T& b) { return minOf(a).x < minOf(b).x; });
        start = end;
    }
}

// GLFW's codes for the keys a keypad may send, by the names the config uses.
std::optional<int> keyNamed(const std::string& name) {
    static const std::map<std::string, int, std::less<>> kNamed{
        {"KP_ENTER", GLFW_KEY_KP_ENTER}, {"KP_ADD", GLFW_KEY_KP_ADD},
        {"KP_SUBTRACT", GLFW_KEY_KP_SUBTRACT}, {"KP_MULTIPLY", GLFW_KEY_KP_MULTIPLY},
        {"KP_DIVIDE", GLFW_KEY_KP_DIVIDE}, {"KP_DECIMAL", GLFW_KEY_KP_DECIMAL},
        {"KP_EQUAL", GLFW_KEY_KP_EQUAL}, {"UP", GLFW_KEY_UP}, {"DOWN", GLFW_KEY_DOWN},
        {"LEFT", GLFW_KEY_LEFT}, {"RIGHT", GLFW_KEY_RIGHT}, {"ENTER", GLFW_KEY_ENTER},
        {"ESCAPE", GLFW_KEY_ESCAPE}, {"BACKSPACE", GLFW_KEY_BACKSPACE},
        {"PAGE_UP", GLFW_KEY_PAGE_UP}, {"PAGE_DOWN", GLFW_KEY_PAGE_DOWN}, {"HOME", GLFW_KEY_HOME},
        {"END", GLFW_KEY_END}, {"INSERT", GLFW_KEY_INSERT}, {"DELETE", GLFW_KEY_DELETE}};
    if (auto it = kNamed.find(name); it != kNamed.end()) return it->second;
    if (name.size() == 4 && name.rfind("KP_", 0) == 0 && name[3] >= '0' && name[3] <= '9')
        return GLFW_KEY_KP_0 + (name[3] - '0');
    if (name.size() >= 2 && name.size() <= 3 && name[0] == 'F' &&
        std::all_of(name.begin() + 1, name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        const int n = std::stoi(name.substr(1));
        if (n >= 1 && n <= 24) return GLFW_KEY_F1 + n - 1;
    }
    return std::nullopt;
}

}  // namespace

Result<std::map<int, NavKey>> keypadKeys(const std::map<std::string, std::string>& actions) {
    static const std::map<std::string, NavKey, std::less<>> kActions{
        {"up", NavKey::Up}, {"down", NavKey::Down}, {"left", NavKey::Left}, {"right", NavKey::Right},
        {"enter", NavKey::Enter}, {"back", NavKey::Escape}, {"help", NavKey::Help}};
    std::map<int, NavKey> out;
    for (const auto& [action, name] : actions) {
        const auto a = kActions.find(action);
        if (a == kActions.end())
            return fail(ErrorCode::InvalidInput, "[ui.keypad.2]", "kiosk.keypad." + action + ": unknown action");
        const auto code = keyNamed(name);
        if (!code)
            return fail(ErrorCode::InvalidInput, "[ui.keypad.1]",
                        "kiosk.keypad." + action + ": unknown key '" + name +
                            "' (KP_0..KP_9, KP_ENTER, KP_ADD, F1..F24, UP, DOWN, ...)");
        out[*code] = a->second;
    }
    return out;
}

void FocusRing::beginFrame() { m_controls.clear(); }

void FocusRing::add(Focusable f) {
    for (const auto& c : m_controls)
        if (c.id == f.id) return;  // drawn twice (a hint over a list): the first one counts
    m_controls.push_back(std::move(f));
}

void FocusRing::describe(std::string_view id, Role role, std::string state) {
    for (auto& c : m_controls)
        if (c.id == id) c.role = role, c.state = std::move(state);
}

void FocusRing::follow(std::string id) {
    if (m_focused == id) return;
    m_focused = std::move(id);
    m_scroll = true;
}

const Focusable* FocusRing::focusedControl() const {
    if (!m_focused) return nullptr;
    for (const auto& c : m_controls)
        if (c.id == *m_focused) return &c;
    return nullptr;
}

std::vector<const Focusable*> FocusRing::readingOrder() const {
    std::vector<Unit> units;
    std::map<unsigned, std::vector<const Focusable*>> blocks;
    for (const auto& c : m_controls) {
        if (c.block == 0) {
            units.push_back({c.min, c.max, 0, &c});
            continue;
        }
        if (blocks[c.block].empty()) units.push_back({c.blockMin, c.blockMax, c.block, nullptr});
        blocks[c.block].push_back(&c);
    }
    readingSort(units, [](const Unit& u) { return u.min; }, [](const Unit& u) { return u.max; });
    std::vector<const Focusable*> out;
    for (const Unit& u : units) {
        if (u.control) {
            out.push_back(u.control);
            continue;
        }
        auto& inner = blocks[u.block];
        readingSort(inner, [](const Focusable* f) { return f->min; },
                    [](const Focusable* f) { return f->max; });
        out.insert(out.end(), inner.begin(), inner.end());
    }
    return out;
}

FocusOutcome FocusRing::endFrame() {
    FocusOutcome out;
    if (m_keys.empty()) return out;
    const auto order = readingOrder();
    while (!m_keys.empty()) {
        const NavKey k = m_keys.front();
        m_keys.pop_front();
        if (k == NavKey::Escape) {
            const bool hasBack = std::any_of(order.begin(), order.end(),
                                             [](const Focusable* f) { return f->id == "back"; });
            if (hasBack) out.activate = "back";
            else out.back = true;
            continue;
        }
        if (k == NavKey::Enter || k == NavKey::Space) {
            if (focusedControl()) out.activate = *m_focused;
            continue;
        }
        if (order.empty() || k == NavKey::Help) continue;
        const bool forward = k == NavKey::Tab || k == NavKey::Down || k == NavKey::Right;
        auto at = std::find_if(order.begin(), order.end(),
                               [&](const Focusable* f) { return m_focused == f->id; });
        std::size_t i = 0;
        const std::size_t n = order.size();
        if (at == order.end()) i = forward ? 0 : n - 1;  // nothing focused yet: the first (last)
        else i = (static_cast<std::size_t>(at - order.begin()) + (forward ? 1 : n - 1)) % n;
        m_focused = order[i]->id;
        m_scroll = true;
        out.moved = true;
    }
    return out;
}

void FocusRing::draw(ImDrawList* dl, ImU32 outer, ImU32 inner, float thickness,
                     float rounding) const {
    const Focusable* f = focusedControl();
    if (!f || !dl) return;
    const float t = thickness;
    dl->PushClipRect(ImVec2(f->clip.x - 2 * t, f->clip.y - 2 * t),
                     ImVec2(f->clip.z + 2 * t, f->clip.w + 2 * t), false);
    // The ring straddles the control's edge (half its stroke outside, half inside) so that it
    // stays thick without covering the text laid out just above or below the control.
    const ImVec2 a = f->min, b = f->max;
    dl->AddRect(a, b, outer, rounding, 0, t * 1.5f);
    const float in = t * 0.75f + std::max(1.0f, t * 0.25f);
    dl->AddRect(ImVec2(a.x + in, a.y + in), ImVec2(b.x - in, b.y - in), inner,
                std::max(0.0f, rounding - in), 0, std::max(2.0f, t * 0.5f));
    dl->PopClipRect();
}

void FocusRing::reset() {
    m_controls.clear();
    m_keys.clear();
    m_focused.reset();
    m_scroll = false;
}

}  // namespace lc::ui
