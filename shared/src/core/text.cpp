#include <lc/core/text.hpp>

namespace lc::text {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes one code point; returns the number of bytes consumed, or 0 for an invalid sequence.
std::size_t decode(std::string_view s, std::size_t pos, char32_t& cp) {
    if (pos >= s.size()) return 0;
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[pos + i]); };
    const unsigned char b0 = byte(0);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    std::size_t len = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (pos + len > s.size()) return 0;
    for (std::size_t i = 1; i < len; ++i) {
        const unsigned char b = byte(i);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

}  // namespace

bool isSpace(char32_t c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool isValidUtf8(std::string_view s) {
    for (std::size_t pos = 0; pos < s.size();) {
        char32_t cp = 0;
        const std::size_t n = decode(s, pos, cp);
        if (n == 0) return false;
        pos += n;
    }
    return true;
}

std::string repairUtf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t pos = 0; pos < s.size();) {
        char32_t cp = 0;
        const std::size_t n = decode(s, pos, cp);
        if (n == 0) {
            appendUtf8(out, kReplacement);
            ++pos;
            continue;
        }
        if (cp != 0) out.append(s.substr(pos, n));
        pos += n;
    }
    return out;
}

std::size_t codepointCount(std::string_view s) {
    std::size_t count = 0;
    for (unsigned char c : s) count += (c & 0xC0) != 0x80;
    return count;
}

std::string truncateChars(std::string_view s, std::size_t maxChars) {
    std::size_t chars = 0;
    for (std::size_t pos = 0; pos < s.size(); ++pos) {
        if ((static_cast<unsigned char>(s[pos]) & 0xC0) != 0x80) {
            if (chars == maxChars) return std::string(s.substr(0, pos));
            ++chars;
        }
    }
    return std::string(s);
}

bool hasControlChars(std::string_view s) {
    for (std::size_t pos = 0; pos < s.size();) {
        const char32_t c = nextCodepoint(s, pos);
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) return true;
    }
    return false;
}

std::string trim(std::string_view s) {
    std::size_t begin = s.size();
    std::size_t end = 0;
    for (std::size_t pos = 0; pos < s.size();) {
        const std::size_t at = pos;
        if (!isSpace(nextCodepoint(s, pos))) {
            if (begin == s.size()) begin = at;
            end = pos;
        }
    }
    if (begin >= end) return {};
    return std::string(s.substr(begin, end - begin));
}

char32_t nextCodepoint(std::string_view s, std::size_t& pos) {
    if (pos >= s.size()) return kReplacement;
    char32_t cp = 0;
    const std::size_t n = decode(s, pos, cp);
    if (n == 0) {
        ++pos;
        return kReplacement;
    }
    pos += n;
    return cp;
}

void appendUtf8(std::string& out, char32_t cp) {
    // Encoding a surrogate or a value past U+10FFFF would write invalid UTF-8.
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string keepTogether(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == ' ' && (i == 0 || s[i - 1] != ',')) out += "\u00a0";
        else out += s[i];
    }
    return out;
}

std::string keepWithPlaceholder(std::string_view pattern, std::string_view name) {
    const std::string token = "{" + std::string(name) + "}";
    std::string out;
    out.reserve(pattern.size() + 8);
    std::size_t i = 0;
    for (auto at = pattern.find(token); at != std::string_view::npos; at = pattern.find(token, i)) {
        out += pattern.substr(i, at - i);
        const bool spaceBefore = !out.empty() && out.back() == ' ';
        const char beforeSpace = out.size() >= 2 ? out[out.size() - 2] : '\0';
        if (spaceBefore && beforeSpace != ',' && beforeSpace != ':') {
            out.pop_back();
            out += "\u00a0";
        }
        out += token;
        i = at + token.size();
        if (i < pattern.size() && pattern[i] == ' ') {
            out += "\u00a0";
            ++i;
        }
    }
    out += pattern.substr(i);
    return out;
}

}  // namespace lc::text
