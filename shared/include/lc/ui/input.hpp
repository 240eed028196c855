#pragma once
// The one input path for text: the on-screen keyboard, scripts (`type`, `key`), tests and a
// physical keyboard (if any) all push KeyEvents here; the focused field consumes them.

#include <deque>
#include <optional>
#include <string>
#include <string_view>

namespace lc::ui {

/// What kind of value a field holds; chooses the on-screen keyboard's layout.
enum class FieldKind {
    Text,   ///< free text: letters, accents, digits, punctuation
    Name,   ///< a person's name: letters, accents, space, hyphen, apostrophe
    Email,  ///< letters, digits, @ . - _ and ".com"
    Phone,  ///< numeric pad with + and space
    Pin,    ///< numeric pad, drawn masked
};

/// One key press.
struct KeyEvent {
    enum class Kind { Text, Backspace, Enter, Tab, Escape };
    Kind kind = Kind::Text;
    std::string text;  ///< UTF-8, for Kind::Text (may be several characters, e.g. ".com")
};

/// Focus and pending key presses. Thread-safety: main thread only.
class InputQueue {
public:
    /// Queues a key press for the focused field (dropped when nothing has the focus).
    void push(KeyEvent e);
    /// Queues each character of `utf8` as a Text event (newline → Enter, tab → Tab).
    void pushText(std::string_view utf8);
    /// Takes the queued events for `fieldId` if it has the focus.
    std::deque<KeyEvent> take(std::string_view fieldId);

    /// Gives a field the focus (its kind picks the keyboard layout).
    void focus(std::string id, FieldKind kind);
    /// Nobody has the focus; pending events are dropped.
    void clearFocus();
    /// The focused field's id, if any.
    const std::optional<std::string>& focused() const { return m_focused; }
    /// The focused field's kind (Text when none).
    FieldKind focusedKind() const { return m_kind; }
    /// Drops every pending event and the focus (idle reset).
    void reset();

private:
    std::optional<std::string> m_focused;
    FieldKind m_kind = FieldKind::Text;
    std::deque<KeyEvent> m_pending;
};

/// Applies one event to a value as a text field does (Backspace removes one whole UTF-8
/// character; Text appends, truncated to `maxChars` code points). Returns true if it changed.
bool applyKey(std::string& value, const KeyEvent& e, std::size_t maxChars);

}  // namespace lc::ui
