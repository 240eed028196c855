#include <lc/core/script.hpp>

#include <lc/core/text.hpp>

#include <cctype>
#include <charconv>
#include <optional>

namespace lc::script {
namespace {

Unexpected parseError(int n, std::size_t line, const std::string& what) {
    return fail(ErrorCode::InvalidInput, "[script.parse." + std::to_string(n) + "]",
                "script:" + std::to_string(line) + ": " + what);
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Splits one line into words: bare words or "quoted strings"; stops at a `#` outside quotes.
Result<std::vector<std::string>> splitWords(std::string_view s, std::size_t line) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < s.size()) {
        if (isSpace(s[i])) {
            ++i;
            continue;
        }
        if (s[i] == '#') break;
        std::string word;
        if (s[i] == '"') {
            ++i;
            bool closed = false;
            while (i < s.size()) {
                const char c = s[i++];
                if (c == '"') {
                    closed = true;
                    break;
                }
                if (c == '\\' && i < s.size() && (s[i] == '"' || s[i] == '\\')) {
                    word += s[i++];
                    continue;
                }
                word += c;
            }
            if (!closed) return parseError(1, line, "unterminated quote");
        } else {
            while (i < s.size() && !isSpace(s[i]) && s[i] != '#') word += s[i++];
        }
        words.push_back(std::move(word));
    }
    return words;
}

constexpr Key kKeys[] = {Key::Enter, Key::Backspace, Key::Tab, Key::Escape, Key::ShiftTab,
                         Key::Up,    Key::Down,      Key::Left, Key::Right, Key::Space};

Result<Key> parseKey(std::string_view w, std::size_t line) {
    for (Key k : kKeys)
        if (w == keyName(k)) return k;
    return parseError(4, line, "unknown key '" + std::string(w) +
                                   "' (Enter, Backspace, Tab, Shift+Tab, Escape, Space, Up, "
                                   "Down, Left or Right)");
}

bool isLanguageCode(std::string_view w) {
    if (w.size() < 2 || w.size() > 3) return false;
    for (char c : w)
        if (c < 'a' || c > 'z') return false;
    return true;
}

struct Known {
    std::string_view word;
    Command command;
};
constexpr Known kKnown[] = {
    {"tap", Command::Tap},       {"type", Command::Type},
    {"key", Command::Key},       {"expect", Command::Expect},
    {"expect-not", Command::ExpectNot}, {"advance", Command::Advance},
    {"screenshot", Command::Screenshot}, {"lang", Command::Lang},
    {"audit", Command::Audit},
};

// Fills a known command's one argument into `step`.
Result<void> fillArgument(Step& step, const std::string& arg) {
    switch (step.command) {
        case Command::Key: {
            auto k = parseKey(arg, step.line);
            if (!k) return fail(k.error());
            step.key = *k;
            break;
        }
        case Command::Advance: {
            auto d = parseDuration(arg);
            if (!d)
                return parseError(5, step.line,
                                  "bad duration '" + arg + "' (like 90s, 5m or 2h)");
            step.amount = *d;
            break;
        }
        case Command::Lang:
            if (!isLanguageCode(arg))
                return parseError(6, step.line, "bad language code '" + arg + "'");
            break;
        default:
            break;
    }
    step.text = arg;
    return {};
}

Result<std::optional<Step>> parseLine(std::string_view raw, std::size_t line) {
    if (!text::isValidUtf8(raw))
        return parseError(7, line, "invalid UTF-8");
    for (char c : raw) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t' && c != '\r') || u == 0x7f)
            return parseError(7, line, "control character");
    }
    auto words = splitWords(raw, line);
    if (!words) return fail(words.error());
    if (words->empty()) return std::optional<Step>{};
    Step step;
    step.line = line;
    step.name = (*words)[0];
    step.args.assign(words->begin() + 1, words->end());
    for (const auto& k : kKnown)
        if (k.word == step.name) step.command = k.command;
    if (step.command == Command::Custom) return std::optional<Step>{std::move(step)};
    if (step.command == Command::Audit) {
        if (!step.args.empty()) return parseError(3, line, "'audit' takes no argument");
        return std::optional<Step>{std::move(step)};
    }
    if (step.args.empty())
        return parseError(2, line, "'" + step.name + "' needs an argument");
    if (step.args.size() > 1)
        return parseError(3, line, "'" + step.name + "' takes one argument (quote text with spaces)");
    auto filled = fillArgument(step, step.args[0]);
    if (!filled) return fail(filled.error());
    return std::optional<Step>{std::move(step)};
}

}  // namespace

Result<std::chrono::seconds> parseDuration(std::string_view word) {
    if (word.size() < 2) return fail(ErrorCode::InvalidInput, "[script.parse.5]", "bad duration");
    const char unit = word.back();
    const std::string_view digits = word.substr(0, word.size() - 1);
    long long n = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    const long long scale = unit == 's' ? 1 : unit == 'm' ? 60 : unit == 'h' ? 3600 : 0;
    // A year is plenty; the bound also keeps the multiplication from overflowing.
    if (ec != std::errc{} || ptr != digits.data() + digits.size() || n <= 0 || scale == 0 ||
        n > 366LL * 24 * 3600 / scale)
        return fail(ErrorCode::InvalidInput, "[script.parse.5]", "bad duration");
    return std::chrono::seconds{n * scale};
}

Result<std::vector<Step>> parse(std::string_view source) {
    std::vector<Step> steps;
    std::size_t line = 1;
    std::size_t start = 0;
    while (start <= source.size()) {
        std::size_t end = source.find('\n', start);
        if (end == std::string_view::npos) end = source.size();
        auto step = parseLine(source.substr(start, end - start), line);
        if (!step) return fail(step.error());
        if (*step) steps.push_back(std::move(**step));
        start = end + 1;
        ++line;
    }
    return steps;
}

std::string_view commandName(Command c) {
    for (const auto& k : kKnown)
        if (k.command == c) return k.word;
    return "custom";
}

std::string_view keyName(Key k) {
    switch (k) {
        case Key::Enter: return "Enter";
        case Key::Backspace: return "Backspace";
        case Key::Tab: return "Tab";
        case Key::Escape: return "Escape";
        case Key::ShiftTab: return "Shift+Tab";
        case Key::Up: return "Up";
        case Key::Down: return "Down";
        case Key::Left: return "Left";
        case Key::Right: return "Right";
        case Key::Space: return "Space";
    }
    return "?";
}

}  // namespace lc::script
