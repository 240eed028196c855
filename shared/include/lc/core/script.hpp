#pragma once
// The `--script` format (shared/README.md, "Script format"), parsed without any UI: pure C++ so that a clang 14
// libFuzzer target can link it (shared/README.md, H11). The player that runs steps lives in lc_ui.

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <lc/core/result.hpp>

namespace lc::script {

/// What a step does.
enum class Command {
    Tap,         ///< tap "label or id"
    Type,        ///< type "text" into the focused field, through the on-screen keyboard's path
    Key,         ///< key Enter|Backspace|Tab|Shift+Tab|Escape|Space|Up|Down|Left|Right
    Expect,      ///< expect "text": drawn text containing it appears within 10 frames
    ExpectNot,   ///< expect-not "text": no drawn text contains it
    Advance,     ///< advance 90s|5m|2h: move the fixed clock
    Screenshot,  ///< screenshot FILE.png
    Lang,        ///< lang xx
    Audit,       ///< audit: the layout audit on the frame showing; fails with one line a finding
    Custom,      ///< any other word: handed to the app (App::handleScriptCommand)
};

/// The keys a script can press.
enum class Key { Enter, Backspace, Tab, Escape, ShiftTab, Up, Down, Left, Right, Space };

/// One step, with the 1-based line it came from (for "script:LINE: what failed").
struct Step {
    Command command = Command::Custom;
    std::size_t line = 0;
    std::string text;               ///< the argument: label, text, file, language code, key name
    Key key = Key::Enter;           ///< for Command::Key
    std::chrono::seconds amount{};  ///< for Command::Advance
    std::string name;               ///< for Command::Custom: the command word
    std::vector<std::string> args;  ///< for Command::Custom: its arguments, quotes removed
};

/// Parses a whole script. Arguments are one bare word or one "double-quoted string" (with \" and
/// \\ escapes); `#` outside quotes starts a comment; blank lines are skipped; text is UTF-8.
/// Errors (code InvalidInput) have ids "[script.parse.N]" and messages "script:LINE: ...":
///  1 unterminated quote, 2 missing argument, 3 extra argument, 4 unknown key,
///  5 bad duration, 6 bad language code, 7 invalid UTF-8 or control character.
[[nodiscard]] Result<std::vector<Step>> parse(std::string_view source);

/// Parses a duration "90s", "5m", "2h" (a positive integer and a unit).
[[nodiscard]] Result<std::chrono::seconds> parseDuration(std::string_view word);

/// The script spelling of a command ("expect-not"), for messages.
std::string_view commandName(Command c);

/// The script spelling of a key ("Enter").
std::string_view keyName(Key k);

}  // namespace lc::script
