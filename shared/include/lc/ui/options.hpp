#pragma once
// The options common to lc-kiosk and lc-display (shared/README.md "Options common to both apps"),
// parsed once here so both apps accept and refuse exactly the same things.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <lc/core/clock.hpp>
#include <lc/core/result.hpp>

namespace lc::ui {

/// An app-specific option, parsed alongside the common ones.
struct ExtraOption {
    std::string name;       ///< "--rooms"
    bool takesValue = true; ///< false: a flag, stored with value "1"
    std::string help;       ///< one line for --help
};

/// Parsed command line.
struct AppOptions {
    std::optional<std::string> configPath;  ///< --config FILE
    std::optional<std::string> dbPath;      ///< --db FILE
    std::optional<std::string> feedUrl;     ///< --feed URL
    std::optional<std::string> lang;        ///< --lang en|fr|es|sw (nullopt: config or "en")
    std::optional<Instant> now;             ///< --now ISO-8601: a fixed clock
    int width = 1920;                       ///< --size WxH
    int height = 1080;
    bool sizeGiven = false;
    bool fullscreen = false;                ///< --fullscreen
    std::optional<std::string> scriptPath;  ///< --script FILE
    std::optional<std::string> screenshotPath;  ///< --screenshot FILE.png
    std::optional<std::string> dumpViewPath;    ///< --dump-view FILE.json
    std::optional<double> exitAfterSeconds;     ///< --exit-after SECONDS (wall)
    std::optional<double> testFreezeAfterSeconds;  ///< --test-freeze-after SECONDS: tests only,
                                                   ///< not in --help: the loop hangs this long
                                                   ///< after the first frame (watchdog test)
    bool highContrast = false;              ///< --high-contrast
    bool audit = false;                     ///< --audit: the layout audit on every frame
    float textScale = 1.0f;                 ///< --text-scale 0.75..2
    bool help = false;                      ///< --help / -h
    std::map<std::string, std::string> extra;  ///< ExtraOption name → value
};

/// Parses argv[1..]. Errors are one line, id "[ui.options.N]", code InvalidInput:
/// 1 unknown option, 2 missing value, 3 bad --lang, 4 bad --now, 5 bad --size,
/// 6 bad --exit-after (or --test-freeze-after), 7 bad --text-scale, 8 unexpected positional
/// argument.
/// `--opt=value` and `--opt value` are both accepted.
[[nodiscard]] Result<AppOptions> parseAppOptions(int argc, const char* const* argv,
                                                 const std::vector<ExtraOption>& extra = {});

/// The --help text: "Usage: <program> [options]", `summary`, then every option on one line.
std::string appOptionsHelp(std::string_view program, std::string_view summary,
                           const std::vector<ExtraOption>& extra = {});

/// Parses "1920x1080" (each side 64..8192). "[ui.options.5]".
[[nodiscard]] Result<std::pair<int, int>> parseSize(std::string_view text);

}  // namespace lc::ui
