#pragma once
// Dates and times written the way each kiosk language writes them, and "{name}" substitution
// into translated messages. Pure functions, no locale installed on the system needed.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <lc/core/model.hpp>

namespace lc::kiosk::format {

/// "6:00 PM" (en), "18 h 00" (fr), "18:00" (es, sw).
std::string timeOfDay(std::string_view lang, TimeOfDay t);

/// "Tuesday" / "mardi" / "martes" / "Jumanne"; weekday 0 = Sunday.
std::string weekdayName(std::string_view lang, unsigned weekday);

/// "Tuesday, December 1" / "mardi 1 décembre" / "martes, 1 de diciembre" / "Jumanne, 1 Desemba".
std::string longDate(std::string_view lang, Date d);

/// "Dec 1" / "1 déc." / "1 dic." / "1 Des".
std::string shortDate(std::string_view lang, Date d);

/// The local date and time of an instant given its UTC offset in minutes.
std::pair<Date, TimeOfDay> localParts(Instant t, int offsetMinutes);

/// The weekday (0 = Sunday) of a date.
unsigned weekdayOf(Date d);

/// Replaces each "{key}" in `text` by its value; unknown keys stay as written.
std::string subst(std::string_view text,
                  const std::vector<std::pair<std::string, std::string>>& values);

/// The language's own name for an ISO code ("fr" → "Français"); the code itself when unknown.
std::string languageName(std::string_view code);

}  // namespace lc::kiosk::format
