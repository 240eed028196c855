#include <lc/ui/input.hpp>

#include <lc/core/text.hpp>

namespace lc::ui {

void InputQueue::push(KeyEvent e) {
    if (m_focused) m_pending.push_back(std::move(e));
}

void InputQueue::pushText(std::string_view utf8) {
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const std::size_t start = pos;
        const char32_t cp = text::nextCodepoint(utf8, pos);
        if (cp == '\n') {
            push({KeyEvent::Kind::Enter, {}});
        } else if (cp == '\t') {
            push({KeyEvent::Kind::Tab, {}});
        } else {
            push({KeyEvent::Kind::Text, std::string(utf8.substr(start, pos - start))});
        }
    }
}

std::deque<KeyEvent> InputQueue::take(std::string_view fieldId) {
    std::deque<KeyEvent> out;
    if (m_focused && *m_focused == fieldId) out.swap(m_pending);
    return out;
}

void InputQueue::focus(std::string id, FieldKind kind) {
    if (m_focused != id) m_pending.clear();
    m_focused = std::move(id);
    m_kind = kind;
}

void InputQueue::clearFocus() {
    m_focused.reset();
    m_kind = FieldKind::Text;
    m_pending.clear();
}

void InputQueue::reset() { clearFocus(); }

bool applyKey(std::string& value, const KeyEvent& e, std::size_t maxChars) {
    switch (e.kind) {
        case KeyEvent::Kind::Backspace: {
            if (value.empty()) return false;
            std::size_t cut = value.size() - 1;
            // Step back over UTF-8 continuation bytes to remove one whole character.
            while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
            value.erase(cut);
            return true;
        }
        case KeyEvent::Kind::Text: {
            if (e.text.empty() || text::hasControlChars(e.text) || !text::isValidUtf8(e.text))
                return false;
            const std::size_t have = text::codepointCount(value);
            if (have >= maxChars) return false;
            value += text::truncateChars(e.text, maxChars - have);
            return true;
        }
        default:
            return false;
    }
}

}  // namespace lc::ui
