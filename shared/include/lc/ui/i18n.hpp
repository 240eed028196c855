#pragma once
// Translations: gettext catalogs (assets/i18n/<lang>/<domain>.po, compiled to .mo at build time)
// loaded with Boost.Locale, so the language switches at run time with no system locale installed.

#include <array>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <lc/core/model.hpp>
#include <lc/core/result.hpp>

namespace lc::ui {

/// The languages the apps offer, in the order of the language buttons.
inline constexpr std::array<std::string_view, 4> kLanguages = {"en", "fr", "es", "sw"};

/// True for one of kLanguages.
bool isSupportedLanguage(std::string_view lang);

/// Where compiled catalogs are: $LC_MESSAGES_DIR if set, else the build tree's
/// `<build>/i18n` (laid out <lang>/LC_MESSAGES/<domain>.mo) if it exists, else the installed path.
std::string defaultMessagesDir();

/// Loaded catalogs for every language in kLanguages.
/// Thread-safety: const member functions may be called from any thread.
class Catalogs {
public:
    /// Loads `domains` (searched in this order by tr(); put the app's own first and "common"
    /// last) from `messagesDir`. A domain with no .mo in any language is skipped (msgids show
    /// as they are); "[ui.i18n.1]" when none of them has one (a wrong directory).
    [[nodiscard]] static Result<Catalogs> load(const std::string& messagesDir,
                                               std::vector<std::string> domains);

    /// The translation of `msgid` in `lang` (first domain that has it), or msgid itself.
    std::string tr(std::string_view lang, std::string_view msgid) const;
    /// The same with a gettext context (msgctxt), for words that need one ("May" the month).
    std::string trc(std::string_view lang, std::string_view context, std::string_view msgid) const;
    /// Plural form for `n`: trn("en", "{n} seat left", "{n} seats left", 3).
    std::string trn(std::string_view lang, std::string_view singular, std::string_view plural,
                    long n) const;

    /// True when some domain translates `msgid` into `lang` (for English: when a catalog has it).
    bool has(std::string_view lang, std::string_view msgid) const;

    /// The domains, in search order.
    const std::vector<std::string>& domains() const { return m_domains; }

    struct Impl;  ///< Boost.Locale generator and one std::locale per language

private:
    std::vector<std::string> m_domains;
    std::shared_ptr<const Impl> m_impl;
};

/// Replaces each "{name}" in `pattern` by its value: format(tr("Week {n} of {m}"), {{"n", "3"},
/// {"m", "6"}}). Unknown names are left as they are; "{{" is not special.
std::string format(std::string_view pattern,
                   std::initializer_list<std::pair<std::string_view, std::string>> values);

/// "Tuesday, December 1" / "mardi 1 décembre" / "martes, 1 de diciembre" / "Jumanne, 1 Desemba".
std::string formatDate(const Catalogs& c, std::string_view lang, Date d);
/// "Dec 1" / "1 déc." / "1 dic" / "1 Des": short, for lists.
std::string formatShortDate(const Catalogs& c, std::string_view lang, Date d);
/// "Tuesday" / "mardi" / "martes" / "Jumanne".
std::string formatWeekday(const Catalogs& c, std::string_view lang, std::chrono::weekday w);
/// "6:00 PM" (en), "18 h 00" (fr), "18:00" (es, sw).
std::string formatTime(const Catalogs& c, std::string_view lang, TimeOfDay t);
/// "6:00 – 8:00 PM"-style range: formatTime of both ends joined with " – ".
std::string formatTimeRange(const Catalogs& c, std::string_view lang, TimeOfDay from,
                            TimeOfDay to);
/// An instant as a local date and time in an IANA zone: "Tuesday, December 1, 6:00 PM".
/// An unknown zone falls back to UTC.
std::string formatDateTime(const Catalogs& c, std::string_view lang, Instant t,
                           std::string_view ianaZone);

/// Every (msgid, msgstr) of one compiled-from .po file, for completeness and glyph checks.
struct PoEntry {
    std::string context;  ///< msgctxt, or ""
    std::string msgid;
    std::string msgidPlural;
    std::vector<std::string> msgstr;  ///< one per plural form; [0] when not plural
    bool fuzzy = false;
    int line = 0;
};

/// Reads a .po file's entries (the header entry, msgid "", excluded). For tests and checks only:
/// the apps load .mo through Boost.Locale. "[ui.i18n.2]" when unreadable or malformed.
[[nodiscard]] Result<std::vector<PoEntry>> readPoFile(const std::string& path);

}  // namespace lc::ui
