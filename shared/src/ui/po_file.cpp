// A reader of .po entries for checks (completeness, glyph coverage). The apps never use it: they
// load the compiled .mo through Boost.Locale.

#include <lc/ui/i18n.hpp>

#include <fstream>

namespace lc::ui {
namespace {

Unexpected poError(const std::string& path, int line, const std::string& what) {
    return fail(ErrorCode::Parse, "[ui.i18n.2]",
                path + ":" + std::to_string(line) + ": " + what);
}

// Decodes a C-style quoted string "…" (\n \t \" \\) starting at `s`; false when malformed.
bool unquote(std::string_view s, std::string& out) {
    if (s.size() < 2 || s.front() != '"' || s.back() != '"') return false;
    s = s.substr(1, s.size() - 2);
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\') {
            out += s[i];
            continue;
        }
        if (++i >= s.size()) return false;
        switch (s[i]) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            default: out += s[i]; break;
        }
    }
    return true;
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

struct Reader {
    std::vector<PoEntry> entries;
    PoEntry cur;
    std::string* target = nullptr;
    bool started = false;
    bool nextFuzzy = false;

    void flush() {
        if (started && !(cur.msgid.empty() && cur.context.empty())) entries.push_back(cur);
        cur = PoEntry{};
        target = nullptr;
        started = false;
    }

    // Handles one keyword line ("msgid \"x\""); false when unknown.
    bool keyword(std::string_view line, int n, std::string_view& rest) {
        auto starts = [&](std::string_view kw) {
            if (line.substr(0, kw.size()) != kw || line.size() == kw.size() ||
                (line[kw.size()] != ' ' && line[kw.size()] != '['))
                return false;
            rest = line.substr(kw.size());
            return true;
        };
        if (starts("msgctxt")) {
            flush();
            started = true;
            cur.line = n;
            target = &cur.context;
        } else if (starts("msgid_plural")) {
            target = &cur.msgidPlural;
        } else if (starts("msgid")) {
            if (!cur.msgstr.empty() || !started) flush();
            started = true;
            if (cur.line == 0) cur.line = n;
            cur.fuzzy = nextFuzzy;
            nextFuzzy = false;
            target = &cur.msgid;
        } else if (starts("msgstr")) {
            if (!rest.empty() && rest.front() == '[') rest = rest.substr(rest.find(']') + 1);
            cur.msgstr.emplace_back();
            target = &cur.msgstr.back();
        } else {
            return false;
        }
        rest = trimmed(rest);
        return true;
    }
};

}  // namespace

Result<std::vector<PoEntry>> readPoFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) return poError(path, 0, "cannot read");
    Reader r;
    std::string raw;
    int n = 0;
    while (std::getline(in, raw)) {
        ++n;
        std::string_view line = trimmed(raw);
        if (line.empty()) continue;
        if (line.substr(0, 2) == "#,") {
            if (line.find("fuzzy") != std::string_view::npos) r.nextFuzzy = true;
            continue;
        }
        if (line.front() == '#') continue;
        std::string_view rest = line;
        if (line.front() != '"' && !r.keyword(line, n, rest))
            return poError(path, n, "unknown keyword");
        if (!r.target || !unquote(rest, *r.target)) return poError(path, n, "bad string");
    }
    r.flush();
    return std::move(r.entries);
}

}  // namespace lc::ui
