#pragma once
// Untrusted text: UTF-8 validation and repair, length bounds counted in characters.

#include <cstddef>
#include <string>
#include <string_view>

namespace lc::text {

/// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool isValidUtf8(std::string_view s);

/// A copy with invalid sequences replaced by U+FFFD and NUL bytes removed.
std::string repairUtf8(std::string_view s);

/// Number of Unicode code points in valid UTF-8.
std::size_t codepointCount(std::string_view s);

/// At most `maxChars` code points of valid UTF-8, cut on a character boundary.
std::string truncateChars(std::string_view s, std::size_t maxChars);

/// True when `s` holds a C0/C1 control character or DEL (tab and newline included).
bool hasControlChars(std::string_view s);

/// True for Unicode white space as trim() sees it (ASCII, U+0085, U+00A0, U+1680, U+2000-U+200B,
/// U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF).
bool isSpace(char32_t c);

/// `s` with its spaces made non-breaking (U+00A0), except a space after a comma: for times and
/// dates, which must never break inside ("6:00 PM", "1 déc.") but may after "Tuesday,".
std::string keepTogether(std::string_view s);

/// `pattern` (a message with {placeholders}) with the spaces beside `{name}` made non-breaking,
/// so that the value stays on one line with the word that introduces or measures it
/// ("saa {time}", "à {time}", "{n} min", "saa {n} zilizopita"). A space after a comma or a colon
/// stays a place to break ("{date}, {time}", "sync: {n} min ago").
std::string keepWithPlaceholder(std::string_view pattern, std::string_view name);

/// Leading and trailing Unicode white space (ASCII and U+00A0, U+2000-U+200B, U+3000...) removed.
std::string trim(std::string_view s);

/// Decodes the next code point of valid UTF-8 at `pos` and advances `pos`; U+FFFD on bad input
/// (advancing one byte), and U+FFFD without advancing when `pos` is at or past the end.
char32_t nextCodepoint(std::string_view s, std::size_t& pos);

/// Appends the UTF-8 encoding of `cp` (U+FFFD for a surrogate or anything past U+10FFFF).
void appendUtf8(std::string& out, char32_t cp);

/// A copy of valid UTF-8 without C0/C1 control characters and DEL (ESC, BEL, CR...): tab, line
/// and paragraph breaks become one space each, the rest go. Feed text passes through this before
/// it reaches a terminal or a screen.
std::string stripControls(std::string_view s);

/// True for the invisible characters that can disguise a name: bidi embeddings, overrides and
/// isolates (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), zero-width space, word
/// joiner, invisible separators and the BOM (U+200B, U+2060-U+2064, U+FEFF, U+180E).
/// ZWJ and ZWNJ (U+200D, U+200C) are kept: Persian, Indic scripts and emoji need them.
bool isInvisibleFormat(char32_t c);

/// A name as typed, less the invisible characters isInvisibleFormat() names; everything else is
/// kept exactly (control characters too: validation refuses a name that holds one).
std::string cleanName(std::string_view s);

/// `text` with credentials removed from every URL in it: "scheme://user:pass@host" becomes
/// "scheme://***@host", and the values of query parameters whose name holds key, token, secret,
/// pass, auth or sig become "***". For every message that may show a configured URL.
std::string redactCredentials(std::string_view text);

}  // namespace lc::text
