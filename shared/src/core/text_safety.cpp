// Text that is shown or stored after coming from outside: controls, invisible characters, and
// credentials inside URLs.
#include <lc/core/text.hpp>

#include <algorithm>
#include <cctype>

namespace lc::text {

namespace {

bool isControl(char32_t c) { return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0); }

bool isBreak(char32_t c) { return c == '\t' || c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029; }

bool isSecretName(std::string name) {
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    for (const char* word : {"key", "token", "secret", "pass", "auth", "sig"})
        if (name.find(word) != std::string::npos) return true;
    return false;
}

bool endsUrl(char ch) {
    return std::isspace(static_cast<unsigned char>(ch)) || ch == '"' || ch == '\'' || ch == '<' ||
           ch == '>' || ch == ')';
}

// One URL (no spaces), starting at its scheme, redacted.
std::string redactUrl(std::string_view url) {
    std::string out(url);
    const auto scheme = out.find("://");
    if (scheme == std::string::npos) return out;
    const auto hostStart = scheme + 3;
    const auto hostEnd = out.find_first_of("/?#", hostStart);
    const auto at = out.rfind('@', hostEnd == std::string::npos ? out.size() : hostEnd);
    if (at != std::string::npos && at >= hostStart) out.replace(hostStart, at - hostStart, "***");
    const auto query = out.find('?');
    if (query == std::string::npos) return out;
    std::string rebuilt = out.substr(0, query + 1);
    std::size_t pos = query + 1;
    while (pos <= out.size()) {
        auto amp = out.find_first_of("&#", pos);
        if (amp == std::string::npos) amp = out.size();
        std::string pair = out.substr(pos, amp - pos);
        const auto eq = pair.find('=');
        if (eq != std::string::npos && isSecretName(pair.substr(0, eq))) pair = pair.substr(0, eq + 1) + "***";
        rebuilt += pair;
        if (amp >= out.size()) break;
        rebuilt += out[amp];
        if (out[amp] == '#') {
            rebuilt += out.substr(amp + 1);
            break;
        }
        pos = amp + 1;
    }
    return rebuilt;
}

}  // namespace

std::string stripControls(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t pos = 0; pos < s.size();) {
        const char32_t c = nextCodepoint(s, pos);
        if (isBreak(c))
            out += ' ';
        else if (!isControl(c))
            appendUtf8(out, c);
    }
    return out;
}

bool isInvisibleFormat(char32_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
           c == 0x200F || c == 0x061C || c == 0x200B || (c >= 0x2060 && c <= 0x2064) ||
           c == 0xFEFF || c == 0x180E;
}

std::string cleanName(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t pos = 0; pos < s.size();) {
        const std::size_t at = pos;
        const char32_t c = nextCodepoint(s, pos);
        if (isInvisibleFormat(c)) continue;
        out.append(s.substr(at, pos - at));
    }
    return out;
}

std::string redactCredentials(std::string_view text) {
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto scheme = text.find("://", pos);
        if (scheme == std::string_view::npos) break;
        std::size_t start = scheme;
        while (start > pos && (std::isalnum(static_cast<unsigned char>(text[start - 1])) ||
                               text[start - 1] == '+' || text[start - 1] == '-' || text[start - 1] == '.'))
            --start;
        std::size_t end = scheme + 3;
        while (end < text.size() && !endsUrl(text[end])) ++end;
        out.append(text.substr(pos, start - pos));
        out += redactUrl(text.substr(start, end - start));
        pos = end;
    }
    out.append(text.substr(pos));
    return out;
}

}  // namespace lc::text
