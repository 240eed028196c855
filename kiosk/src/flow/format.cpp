#include "format.hpp"

#include <array>
#include <cstdio>

#include <lc/core/text.hpp>

namespace lc::kiosk::format {
namespace {

constexpr std::array<const char*, 7> kWeekdaysEn{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                 "Thursday", "Friday", "Saturday"};
constexpr std::array<const char*, 7> kWeekdaysFr{"dimanche", "lundi",    "mardi", "mercredi",
                                                 "jeudi",    "vendredi", "samedi"};
constexpr std::array<const char*, 7> kWeekdaysEs{"domingo", "lunes",   "martes", "miércoles",
                                                 "jueves",  "viernes", "sábado"};
constexpr std::array<const char*, 7> kWeekdaysSw{"Jumapili", "Jumatatu", "Jumanne", "Jumatano",
                                                 "Alhamisi", "Ijumaa",   "Jumamosi"};
constexpr std::array<const char*, 12> kMonthsEn{"January", "February", "March",     "April",
                                                "May",     "June",     "July",      "August",
                                                "September", "October", "November", "December"};
constexpr std::array<const char*, 12> kMonthsFr{"janvier", "février", "mars",      "avril",
                                                "mai",     "juin",    "juillet",   "août",
                                                "septembre", "octobre", "novembre", "décembre"};
constexpr std::array<const char*, 12> kMonthsEs{"enero", "febrero", "marzo",      "abril",
                                                "mayo",  "junio",   "julio",      "agosto",
                                                "septiembre", "octubre", "noviembre", "diciembre"};
constexpr std::array<const char*, 12> kMonthsSw{"Januari", "Februari", "Machi",     "Aprili",
                                                "Mei",     "Juni",     "Julai",     "Agosti",
                                                "Septemba", "Oktoba",  "Novemba",   "Desemba"};
constexpr std::array<const char*, 12> kShortEn{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<const char*, 12> kShortFr{"janv.", "févr.", "mars", "avr.", "mai",  "juin",
                                               "juil.", "août",  "sept.", "oct.", "nov.", "déc."};
constexpr std::array<const char*, 12> kShortEs{"ene.", "feb.", "mar.", "abr.", "may.", "jun.",
                                               "jul.", "ago.", "sept.", "oct.", "nov.", "dic."};
constexpr std::array<const char*, 12> kShortSw{"Jan", "Feb", "Mac", "Apr", "Mei", "Jun",
                                               "Jul", "Ago", "Sep", "Okt", "Nov", "Des"};

std::string twoDigits(long v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02ld", v);
    return buf;
}

unsigned monthIndex(Date d) { return static_cast<unsigned>(d.month()) - 1; }
unsigned dayOf(Date d) { return static_cast<unsigned>(d.day()); }

}  // namespace

std::string timeOfDay(std::string_view lang, TimeOfDay t) {
    const long total = ((t.count() % 1440) + 1440) % 1440;
    const long h = total / 60;
    const long m = total % 60;
    if (lang == "fr") return text::keepTogether(std::to_string(h) + " h " + twoDigits(m));
    if (lang == "es") return std::to_string(h) + ":" + twoDigits(m);
    if (lang == "sw") return twoDigits(h) + ":" + twoDigits(m);
    long h12 = h % 12;
    if (h12 == 0) h12 = 12;
    return text::keepTogether(std::to_string(h12) + ":" + twoDigits(m) + (h < 12 ? " AM" : " PM"));
}

std::string weekdayName(std::string_view lang, unsigned weekday) {
    weekday %= 7;
    if (lang == "fr") return kWeekdaysFr[weekday];
    if (lang == "es") return kWeekdaysEs[weekday];
    if (lang == "sw") return kWeekdaysSw[weekday];
    return kWeekdaysEn[weekday];
}

unsigned weekdayOf(Date d) {
    return std::chrono::weekday{std::chrono::sys_days{d}}.c_encoding();
}

std::string longDate(std::string_view lang, Date d) {
    const std::string wd = weekdayName(lang, weekdayOf(d));
    const std::string day = std::to_string(dayOf(d));
    const unsigned mi = monthIndex(d);
    if (mi > 11) return wd;
    if (lang == "fr") return text::keepTogether(wd + " " + day + " " + kMonthsFr[mi]);
    if (lang == "es") return text::keepTogether(wd + ", " + day + " de " + kMonthsEs[mi]);
    if (lang == "sw") return text::keepTogether(wd + ", " + day + " " + kMonthsSw[mi]);
    return text::keepTogether(wd + ", " + kMonthsEn[mi] + " " + day);
}

std::string shortDate(std::string_view lang, Date d) {
    const std::string day = std::to_string(dayOf(d));
    const unsigned mi = monthIndex(d);
    if (mi > 11) return day;
    if (lang == "fr") return text::keepTogether(day + " " + kShortFr[mi]);
    if (lang == "es") return text::keepTogether(day + " " + kShortEs[mi]);
    if (lang == "sw") return text::keepTogether(day + " " + kShortSw[mi]);
    return text::keepTogether(std::string(kShortEn[mi]) + " " + day);
}

std::pair<Date, TimeOfDay> localParts(Instant t, int offsetMinutes) {
    const auto local = t + std::chrono::minutes{offsetMinutes};
    const auto day = std::chrono::floor<std::chrono::days>(local);
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - day);
    return {Date{day}, minutes};
}

std::string subst(std::string_view text,
                  const std::vector<std::pair<std::string, std::string>>& values) {
    std::string out;
    out.reserve(text.size() + 32);
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '{') {
            const auto close = text.find('}', i);
            if (close != std::string_view::npos) {
                const auto key = text.substr(i + 1, close - i - 1);
                bool replaced = false;
                for (const auto& [k, v] : values) {
                    if (k == key) {
                        out += v;
                        replaced = true;
                        break;
                    }
                }
                if (replaced) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out += text[i++];
    }
    return out;
}

std::string languageName(std::string_view code) {
    if (code == "en") return "English";
    if (code == "fr") return "Français";
    if (code == "es") return "Español";
    if (code == "sw") return "Kiswahili";
    if (code == "pt") return "Português";
    if (code == "de") return "Deutsch";
    return std::string(code);
}

}  // namespace lc::kiosk::format
