#pragma once
// Keys alone: a focus ring that moves through the controls of a frame in reading order (top to
// bottom, then left to right; a scrolling region is read as one block where it sits), so that
// a patron without touch (a keyboard, a USB keypad, a blind patron with speech on) reaches
// every control. Ui registers every tap target here; nothing in a screen has to change.

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include <lc/core/result.hpp>

namespace lc::ui {

/// What a control is, as speech says it ("E-mail, text field, empty").
enum class Role { Button, TextField, CheckBox };

/// A key that moves or acts (letters go to the input path, input.hpp).
enum class NavKey { Tab, ShiftTab, Up, Down, Left, Right, Space, Enter, Escape, Help };

/// A USB keypad's keys from the config (action → key name: {"up": "KP_8", "help": "F1"}) as
/// GLFW key codes → what each does ("back" is Escape). Key names: KP_0..KP_9, KP_ENTER, KP_ADD,
/// KP_SUBTRACT, KP_MULTIPLY, KP_DIVIDE, KP_DECIMAL, KP_EQUAL, F1..F24, UP, DOWN, LEFT, RIGHT,
/// ENTER, ESCAPE, BACKSPACE, PAGE_UP, PAGE_DOWN, HOME, END, INSERT, DELETE.
/// "[ui.keypad.1]" an unknown key name, "[ui.keypad.2]" an unknown action.
[[nodiscard]] Result<std::map<int, NavKey>> keypadKeys(const std::map<std::string, std::string>& actions);

/// One control of a frame that the focus can reach.
struct Focusable {
    std::string id;
    std::string label;
    Role role = Role::Button;
    std::string state;        ///< spoken after the role ("empty", "checked", the field's text)
    ImVec2 min, max;          ///< screen rectangle
    ImVec4 clip;              ///< its window's clip rectangle (the ring is clipped like it)
    unsigned block = 0;       ///< the scrolling child it sits in (0: the root window)
    ImVec2 blockMin, blockMax;  ///< that child's rectangle
};

/// What a frame's keys did.
struct FocusOutcome {
    std::optional<std::string> activate;  ///< tap this control in the next frame
    bool moved = false;                   ///< the focus went to another control
    bool back = false;                    ///< Escape with no Back control on screen
};

/// The focus and the keys waiting for the end of the frame. Thread-safety: main thread only.
class FocusRing {
public:
    /// Clears the frame's controls (keeps the focus and pending keys).
    void beginFrame();
    /// Registers a control of this frame.
    void add(Focusable f);
    /// Queues a key; it acts at the end of the next frame, on that frame's controls.
    void push(NavKey k) { m_keys.push_back(k); }
    /// Applies the queued keys to this frame's controls in reading order: Tab/Down/Right to the
    /// next, Shift+Tab/Up/Left to the previous (wrapping), Enter/Space activate, Escape taps the
    /// control with id "back".
    FocusOutcome endFrame();
    /// The control registered last this frame (nullptr when none).
    const Focusable* lastAdded() const { return m_controls.empty() ? nullptr : &m_controls.back(); }
    /// Sets the role and state of this frame's control `id`.
    void describe(std::string_view id, Role role, std::string state);
    /// Moves the focus to `id` (a field the screen focused, a tap). Not spoken as a move.
    void follow(std::string id);

    /// The focused control's id, if any.
    const std::optional<std::string>& focused() const { return m_focused; }
    /// The focused control as registered this frame (nullptr when it is not on screen).
    const Focusable* focusedControl() const;
    /// True when `id` has the focus and should be scrolled into view while it is drawn.
    bool wantsScroll(std::string_view id) const { return m_scroll && m_focused == id; }
    /// Called once the focused control was scrolled to.
    void scrolled() { m_scroll = false; }
    /// This frame's controls in reading order (after endFrame()).
    std::vector<const Focusable*> readingOrder() const;
    /// Draws the ring (thick, dark outside and light inside: visible on any colour) around the
    /// focused control, onto `dl`.
    void draw(ImDrawList* dl, ImU32 outer, ImU32 inner, float thickness, float rounding) const;
    /// Forgets focus and keys (idle reset).
    void reset();

private:
    std::vector<Focusable> m_controls;
    std::deque<NavKey> m_keys;
    std::optional<std::string> m_focused;
    bool m_scroll = false;
};

}  // namespace lc::ui
