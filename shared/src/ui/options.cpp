#include <lc/ui/options.hpp>

#include <lc/ui/i18n.hpp>

#include <charconv>
#include <cstdlib>

namespace lc::ui {
namespace {

Unexpected bad(int n, const std::string& message) {
    return fail(ErrorCode::InvalidInput, "[ui.options." + std::to_string(n) + "]", message);
}

struct Common {
    const char* name;
    const char* arg;  // nullptr: a flag
    const char* help;
};
constexpr Common kCommon[] = {
    {"--config", "FILE", "configuration (JSON)"},
    {"--db", "FILE", "the SQLite store"},
    {"--feed", "URL", "feed URL (overrides the config)"},
    {"--lang", "en|fr|es|sw", "starting language"},
    {"--now", "ISO-8601", "start a fixed clock, moved only by script `advance`"},
    {"--size", "WxH", "frame size in pixels (windowed; screenshots are exactly this size)"},
    {"--fullscreen", nullptr, "fullscreen on the primary monitor"},
    {"--script", "FILE", "drive the app with a script; exit 0, or 3 at the first failing step"},
    {"--screenshot", "FILE.png", "write a screenshot after the script (or first frame), exit 0"},
    {"--dump-view", "FILE.json", "write the view-model when the script ends / screenshot"},
    {"--exit-after", "SECONDS", "exit after this many wall-clock seconds"},
    {"--high-contrast", nullptr, "high-contrast theme"},
    {"--audit", nullptr, "check every frame's layout; print findings, exit 3 at the end if any"},
    {"--text-scale", "FACTOR", "text size factor, 0.75 to 2"},
    {"--help", nullptr, "this help"},
};

Result<double> parseNumber(std::string_view s) {
    double v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size()) return bad(0, "not a number");
    return v;
}

// Applies one common option; false when `name` is not a common option.
Result<bool> applyCommon(AppOptions& o, std::string_view name, const std::string& v) {
    if (name == "--config") o.configPath = v;
    else if (name == "--db") o.dbPath = v;
    else if (name == "--feed") o.feedUrl = v;
    else if (name == "--script") o.scriptPath = v;
    else if (name == "--screenshot") o.screenshotPath = v;
    else if (name == "--dump-view") o.dumpViewPath = v;
    else if (name == "--lang") {
        if (!isSupportedLanguage(v)) return bad(3, "--lang: expected en, fr, es or sw, got '" + v + "'");
        o.lang = v;
    } else if (name == "--now") {
        auto t = parseInstant(v);
        if (!t) return bad(4, "--now: expected an instant like 2026-12-01T17:55:00-06:00, got '" + v + "'");
        o.now = *t;
    } else if (name == "--size") {
        auto s = parseSize(v);
        if (!s) return fail(s.error());
        o.width = s->first;
        o.height = s->second;
        o.sizeGiven = true;
    } else if (name == "--exit-after") {
        auto n = parseNumber(v);
        if (!n || *n <= 0) return bad(6, "--exit-after: expected a positive number of seconds, got '" + v + "'");
        o.exitAfterSeconds = *n;
    } else if (name == "--test-freeze-after") {
        // Test-only, deliberately not in --help: hangs the render loop so the watchdog fires.
        auto n = parseNumber(v);
        if (!n || *n < 0) return bad(6, "--test-freeze-after: expected seconds, got '" + v + "'");
        o.testFreezeAfterSeconds = *n;
    } else if (name == "--text-scale") {
        auto n = parseNumber(v);
        if (!n || *n < 0.75 || *n > 2.0) return bad(7, "--text-scale: expected 0.75 to 2, got '" + v + "'");
        o.textScale = static_cast<float>(*n);
    } else {
        return false;
    }
    return true;
}

bool isFlag(std::string_view name, const std::vector<ExtraOption>& extra, bool& known) {
    known = true;
    if (name == "--fullscreen" || name == "--high-contrast" || name == "--audit" ||
        name == "--help" || name == "-h")
        return true;
    if (name == "--test-freeze-after") return false;
    for (const auto& c : kCommon)
        if (name == c.name) return false;
    for (const auto& e : extra)
        if (name == e.name) return !e.takesValue;
    known = false;
    return false;
}

}  // namespace

Result<std::pair<int, int>> parseSize(std::string_view text) {
    const auto x = text.find('x');
    int w = 0, h = 0;
    if (x != std::string_view::npos) {
        auto r1 = std::from_chars(text.data(), text.data() + x, w);
        auto r2 = std::from_chars(text.data() + x + 1, text.data() + text.size(), h);
        if (r1.ec == std::errc{} && r1.ptr == text.data() + x && r2.ec == std::errc{} &&
            r2.ptr == text.data() + text.size() && w >= 64 && h >= 64 && w <= 8192 && h <= 8192)
            return std::pair{w, h};
    }
    return bad(5, "--size: expected WxH like 1920x1080, got '" + std::string(text) + "'");
}

Result<AppOptions> parseAppOptions(int argc, const char* const* argv,
                                   const std::vector<ExtraOption>& extra) {
    AppOptions o;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.rfind("-", 0) != 0 || arg == "-")
            return bad(8, "unexpected argument '" + arg + "' (see --help)");
        std::optional<std::string> value;
        if (const auto eq = arg.find('='); eq != std::string::npos && arg.rfind("--", 0) == 0) {
            value = arg.substr(eq + 1);
            arg.resize(eq);
        }
        bool known = false;
        const bool flag = isFlag(arg, extra, known);
        if (!known) return bad(1, "unknown option '" + arg + "' (see --help)");
        if (flag) {
            if (value) return bad(1, arg + " takes no value");
            if (arg == "--fullscreen") o.fullscreen = true;
            else if (arg == "--high-contrast") o.highContrast = true;
            else if (arg == "--audit") o.audit = true;
            else if (arg == "--help" || arg == "-h") o.help = true;
            else o.extra[arg] = "1";
            continue;
        }
        if (!value) {
            if (i + 1 >= argc) return bad(2, arg + " needs a value");
            value = argv[++i];
        }
        auto applied = applyCommon(o, arg, *value);
        if (!applied) return fail(applied.error());
        if (!*applied) o.extra[arg] = *value;
    }
    return o;
}

std::string appOptionsHelp(std::string_view program, std::string_view summary,
                           const std::vector<ExtraOption>& extra) {
    std::string out = "Usage: " + std::string(program) + " [options]\n" + std::string(summary) + "\n\nOptions:\n";
    auto line = [&](const std::string& name, const char* arg, const std::string& help) {
        std::string left = "  " + name + (arg ? " " + std::string(arg) : "");
        if (left.size() < 28) left.resize(28, ' ');
        else left += "  ";
        out += left + help + "\n";
    };
    for (const auto& c : kCommon) line(c.name, c.arg, c.help);
    for (const auto& e : extra) line(e.name, e.takesValue ? "VALUE" : nullptr, e.help);
    return out;
}

}  // namespace lc::ui
