// Dates and times the way each language writes them. Names and patterns are catalog entries of
// the "common" domain (msgctxt "weekday", "month", "short month", "date format", "time format"),
// so they are translated, checked for completeness and covered by the fonts like any other text.

#include <lc/ui/i18n.hpp>

#include <lc/core/text.hpp>

#include <date/tz.h>

#include <array>
#include <cstdio>

namespace lc::ui {
namespace {

constexpr std::array<const char*, 7> kWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                  "Thursday", "Friday", "Saturday"};
constexpr std::array<const char*, 12> kMonths = {"January", "February", "March",     "April",
                                                 "May",     "June",     "July",      "August",
                                                 "September", "October", "November", "December"};
constexpr std::array<const char*, 12> kShortMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string twoDigits(long v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02ld", v);
    return buf;
}

unsigned monthIndex(Date d) {
    const unsigned m = static_cast<unsigned>(d.month());
    return m >= 1 && m <= 12 ? m - 1 : 0;
}

// The day of the month as the language writes it: French says "1er" for the first.
std::string dayOfMonth(const Catalogs& c, std::string_view lang, Date d) {
    const unsigned day = static_cast<unsigned>(d.day());
    return day == 1 ? c.trc(lang, "first day of month", "1") : std::to_string(day);
}

}  // namespace

std::string formatWeekday(const Catalogs& c, std::string_view lang, std::chrono::weekday w) {
    return c.trc(lang, "weekday", kWeekdays[w.c_encoding() % 7]);
}

std::string formatDate(const Catalogs& c, std::string_view lang, Date d) {
    const std::chrono::weekday w{std::chrono::sys_days{d}};
    return text::keepTogether(format(c.trc(lang, "date format", "{weekday}, {month} {day}"),
                  {{"weekday", formatWeekday(c, lang, w)},
                   {"month", c.trc(lang, "month", kMonths[monthIndex(d)])},
                   {"day", dayOfMonth(c, lang, d)}}));
}

std::string formatShortDate(const Catalogs& c, std::string_view lang, Date d) {
    return text::keepTogether(format(c.trc(lang, "date format", "{month} {day}"),
                  {{"month", c.trc(lang, "short month", kShortMonths[monthIndex(d)])},
                   {"day", dayOfMonth(c, lang, d)}}));
}

std::string formatTime(const Catalogs& c, std::string_view lang, TimeOfDay t) {
    const long total = ((t.count() % 1440) + 1440) % 1440;
    const long h = total / 60, m = total % 60;
    const long h12 = h % 12 == 0 ? 12 : h % 12;
    return text::keepTogether(format(c.trc(lang, "time format", "{h12}:{mm} {ampm}"),
                  {{"H", std::to_string(h)},
                   {"HH", twoDigits(h)},
                   {"h12", std::to_string(h12)},
                   {"mm", twoDigits(m)},
                   {"ampm", h < 12 ? "AM" : "PM"}}));
}

std::string formatTimeRange(const Catalogs& c, std::string_view lang, TimeOfDay from,
                            TimeOfDay to) {
    return format(c.trc(lang, "time format", "{from} – {to}"),
                  {{"from", formatTime(c, lang, from)}, {"to", formatTime(c, lang, to)}});
}

std::string formatDateTime(const Catalogs& c, std::string_view lang, Instant t,
                           std::string_view ianaZone) {
    std::chrono::seconds offset{0};
    try {
        const auto* zone = date::locate_zone(std::string(ianaZone));
        offset = zone->get_info(t).offset;
    } catch (const std::exception&) {
        // Unknown zone: UTC, as documented; the caller validated zones at config load.
    }
    const auto local = t + offset;
    const auto day = std::chrono::floor<std::chrono::days>(local);
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - day);
    // The word before the time stays with it ("saa 3:00", "à 18 h 00").
    return format(text::keepWithPlaceholder(c.trc(lang, "date format", "{date}, {time}"), "time"),
                  {{"date", formatDate(c, lang, Date{day})},
                   {"time", formatTime(c, lang, minutes)}});
}

}  // namespace lc::ui
