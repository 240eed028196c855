// Guessing a venue's IANA zone from what the feed gives: the country (and region), the zone
// abbreviation of the first meeting (pytz's strftime('%Z')) and start_datetime's UTC offset.
// A table maps abbreviation + country (+ region) to candidate zones, most specific first; the first
// candidate whose offset at the first meeting equals the feed's offset wins.

#include <lc/core/schedule.hpp>

#include <cstdlib>
#include <exception>
#include <string>

#include <date/tz.h>

namespace lc::schedule {
namespace {

/// One candidate. Fields are '|'-separated alternatives; an empty countries/regions matches any.
struct Rule {
    const char* abbrevs;
    const char* countries;
    const char* regions;
    const char* zone;
};

constexpr const char* kUs = "United States of America|United States|USA|US|U.S.A.|U.S.";
constexpr const char* kUk = "United Kingdom|UK|Great Britain|England|Scotland|Wales";

// Order matters: the first rule that fits and whose offset agrees is the guess.
constexpr Rule kRules[] = {
    {"EST|EDT", kUs, "Michigan|MI", "America/Detroit"},
    {"EST|EDT", kUs, "Indiana|IN", "America/Indiana/Indianapolis"},
    {"EST|EDT", "Canada", "", "America/Toronto"},
    {"EST|EDT", "", "", "America/New_York"},
    {"CST|CDT", "China", "", "Asia/Shanghai"},
    {"CST|CDT", "Taiwan", "", "Asia/Taipei"},
    {"CST|CDT", "Cuba", "", "America/Havana"},
    {"CST|CDT", "Mexico", "", "America/Mexico_City"},
    {"CST|CDT", "Canada", "", "America/Winnipeg"},
    {"CST|CDT", "", "", "America/Chicago"},
    {"MST", kUs, "Arizona|AZ", "America/Phoenix"},
    {"MST|MDT", "Canada", "", "America/Edmonton"},
    {"MST|MDT", "", "", "America/Denver"},
    {"MST", "", "", "America/Phoenix"},  // MST in summer: a zone without DST
    {"PST", "Philippines", "", "Asia/Manila"},
    {"PST|PDT", "Canada", "", "America/Vancouver"},
    {"PST|PDT", "Mexico", "", "America/Tijuana"},
    {"PST|PDT", "", "", "America/Los_Angeles"},
    {"AKST|AKDT", "", "", "America/Anchorage"},
    {"HST|HDT", "", "", "Pacific/Honolulu"},
    {"AST|ADT", "Puerto Rico", "", "America/Puerto_Rico"},
    {"AST|ADT", "", "", "America/Halifax"},
    {"AST", "", "", "America/Puerto_Rico"},
    {"NST|NDT", "", "", "America/St_Johns"},
    {"EAT", "Kenya", "", "Africa/Nairobi"},
    {"EAT", "Tanzania|United Republic of Tanzania", "", "Africa/Dar_es_Salaam"},
    {"EAT", "Uganda", "", "Africa/Kampala"},
    {"EAT", "Ethiopia", "", "Africa/Addis_Ababa"},
    {"EAT", "Somalia", "", "Africa/Mogadishu"},
    {"EAT", "", "", "Africa/Nairobi"},
    {"CAT", "Zambia", "", "Africa/Lusaka"},
    {"CAT", "Zimbabwe", "", "Africa/Harare"},
    {"CAT", "Malawi", "", "Africa/Blantyre"},
    {"CAT", "Rwanda", "", "Africa/Kigali"},
    {"CAT", "Botswana", "", "Africa/Gaborone"},
    {"CAT", "", "", "Africa/Maputo"},
    {"SAST", "", "", "Africa/Johannesburg"},
    {"WAT", "Cameroon", "", "Africa/Douala"},
    {"WAT", "", "", "Africa/Lagos"},
    {"GMT|BST", kUk, "", "Europe/London"},
    {"GMT|IST", "Ireland", "", "Europe/Dublin"},
    {"GMT", "Ghana", "", "Africa/Accra"},
    {"GMT|BST", "", "", "Europe/London"},
    {"GMT|UTC", "", "", "Etc/UTC"},
    {"IST", "India", "", "Asia/Kolkata"},
    {"IST|IDT", "Israel", "", "Asia/Jerusalem"},
    {"IST", "", "", "Asia/Kolkata"},
    {"CET|CEST", "France", "", "Europe/Paris"},
    {"CET|CEST", "Germany", "", "Europe/Berlin"},
    {"CET|CEST", "Spain", "", "Europe/Madrid"},
    {"CET|CEST", "Italy", "", "Europe/Rome"},
    {"CET|CEST", "Belgium", "", "Europe/Brussels"},
    {"CET|CEST", "Netherlands", "", "Europe/Amsterdam"},
    {"CET|CEST", "Luxembourg", "", "Europe/Luxembourg"},
    {"CET|CEST", "Switzerland", "", "Europe/Zurich"},
    {"CET|CEST", "Austria", "", "Europe/Vienna"},
    {"CET|CEST", "Poland", "", "Europe/Warsaw"},
    {"CET|CEST", "Czechia|Czech Republic", "", "Europe/Prague"},
    {"CET|CEST", "Slovakia", "", "Europe/Bratislava"},
    {"CET|CEST", "Hungary", "", "Europe/Budapest"},
    {"CET|CEST", "Slovenia", "", "Europe/Ljubljana"},
    {"CET|CEST", "Croatia", "", "Europe/Zagreb"},
    {"CET|CEST", "Serbia", "", "Europe/Belgrade"},
    {"CET|CEST", "Denmark", "", "Europe/Copenhagen"},
    {"CET|CEST", "Sweden", "", "Europe/Stockholm"},
    {"CET|CEST", "Norway", "", "Europe/Oslo"},
    {"CET|CEST", "Malta", "", "Europe/Malta"},
    {"CET", "Tunisia", "", "Africa/Tunis"},
    {"CET", "Algeria", "", "Africa/Algiers"},
    {"CET|CEST", "", "", "Europe/Paris"},
    {"EET|EEST", "Greece", "", "Europe/Athens"},
    {"EET|EEST", "Finland", "", "Europe/Helsinki"},
    {"EET|EEST", "Romania", "", "Europe/Bucharest"},
    {"EET|EEST", "Bulgaria", "", "Europe/Sofia"},
    {"EET|EEST", "Ukraine", "", "Europe/Kyiv"},
    {"EET|EEST", "Estonia", "", "Europe/Tallinn"},
    {"EET|EEST", "Latvia", "", "Europe/Riga"},
    {"EET|EEST", "Lithuania", "", "Europe/Vilnius"},
    {"EET|EEST", "Egypt", "", "Africa/Cairo"},
    {"EET|EEST", "", "", "Europe/Athens"},
    {"WET|WEST", "Spain", "", "Atlantic/Canary"},
    {"WET|WEST", "", "", "Europe/Lisbon"},
    {"MSK", "", "", "Europe/Moscow"},
    {"JST", "", "", "Asia/Tokyo"},
    {"KST", "", "", "Asia/Seoul"},
    {"HKT", "", "", "Asia/Hong_Kong"},
    {"PKT", "", "", "Asia/Karachi"},
    {"WIB", "", "", "Asia/Jakarta"},
    {"AEST|AEDT", "Australia", "Queensland|QLD", "Australia/Brisbane"},
    {"AEST|AEDT", "", "", "Australia/Sydney"},
    {"ACST|ACDT", "", "", "Australia/Adelaide"},
    {"AWST", "", "", "Australia/Perth"},
    {"NZST|NZDT", "", "", "Pacific/Auckland"},
};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

bool equalsAsciiNoCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char ch) { return ch >= 'A' && ch <= 'Z' ? char(ch - 'A' + 'a') : ch; };
        if (lower(a[i]) != lower(b[i])) {
            return false;
        }
    }
    return true;
}

/// True when `value` is one of the '|'-separated `alternatives` (an empty list matches anything).
bool matchesAny(std::string_view alternatives, std::string_view value) {
    if (alternatives.empty()) {
        return true;
    }
    value = trim(value);
    while (true) {
        const std::size_t bar = alternatives.find('|');
        if (equalsAsciiNoCase(alternatives.substr(0, bar), value)) {
            return true;
        }
        if (bar == std::string_view::npos) {
            return false;
        }
        alternatives.remove_prefix(bar + 1);
    }
}

std::string formatOffset(int minutes) {
    const int a = std::abs(minutes);
    std::string s = minutes < 0 ? "-" : "+";
    s += char('0' + a / 600 % 10);
    s += char('0' + a / 60 % 10);
    s += ':';
    s += char('0' + a % 60 / 10);
    s += char('0' + a % 10);
    return s;
}

/// Whether `zone`'s offset at the circle's first meeting can be `offsetMinutes`. Both readings of
/// an ambiguous or nonexistent local time count: pytz upstream resolves them its own way.
bool offsetAgrees(const char* zone, const Circle& c) {
    const date::time_zone* tz = nullptr;
    try {
        tz = date::locate_zone(zone);
    } catch (const std::exception&) {
        return false;  // a tzdata without this zone: try the next rule
    }
    const long long local = std::chrono::sys_days(c.startDate).time_since_epoch().count() * 86400LL +
                            c.meetingTime.count() * 60LL;
    const date::local_info info = tz->get_info(date::local_seconds{std::chrono::seconds{local}});
    const long long want = c.startOffsetMinutes * 60LL;
    return info.first.offset.count() == want ||
           (info.result != date::local_info::unique && info.second.offset.count() == want);
}

/// A feed string fit for a log line: at most 64 bytes (cut on a UTF-8 boundary), no controls.
std::string clip(std::string_view s) {
    if (s.size() > 64) {
        std::size_t cut = 64;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) {
            --cut;
        }
        s = s.substr(0, cut);
    }
    std::string out(s);
    for (char& ch : out) {
        if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F) {
            ch = '?';
        }
    }
    return out;
}

std::string describeInputs(const Circle& c, bool withRegion) {
    std::string s = "country '" + clip(c.venue.country) + "'";
    if (withRegion) {
        s += ", region '" + clip(c.venue.region) + "'";
    }
    return s + " and abbreviation '" + clip(c.timeZoneAbbrev) + "' (offset " +
           formatOffset(c.startOffsetMinutes) + ")";
}

}  // namespace

Result<ZoneGuess> guessZone(const Circle& c) {
    if (!c.startDate.ok()) {
        return fail(ErrorCode::InvalidInput, "[schedule.date.1]", "invalid date: start_date");
    }
    const std::string_view abbrev = trim(c.timeZoneAbbrev);
    const Rule* firstFit = nullptr;
    for (const Rule& rule : kRules) {
        if (abbrev.empty() || !matchesAny(rule.abbrevs, abbrev) ||
            !matchesAny(rule.countries, c.venue.country) ||
            !matchesAny(rule.regions, c.venue.region)) {
            continue;
        }
        if (firstFit == nullptr) {
            firstFit = &rule;
        }
        if (offsetAgrees(rule.zone, c)) {
            const bool withRegion = *rule.regions != '\0';
            return ZoneGuess{rule.zone, std::string("guessed ") + rule.zone + " from " +
                                            describeInputs(c, withRegion)};
        }
    }
    if (firstFit == nullptr) {
        return fail(ErrorCode::NotFound, "[schedule.guess.1]",
                    "no time zone known for " + describeInputs(c, true) +
                        "; set the venue's zone in the configuration");
    }
    return fail(ErrorCode::InvalidInput, "[schedule.guess.2]",
                std::string("the offset disagrees with every zone that fits ") +
                    describeInputs(c, true) + " (first was " + firstFit->zone +
                    "); set the venue's zone in the configuration");
}

}  // namespace lc::schedule
