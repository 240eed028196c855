#pragma once
// Scalar decoders for feed values (dates, times, offsets, coordinates, text, URLs). Private to
// lc_feed; no JSON here, so the JSON walk stays in one file.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <lc/core/model.hpp>

namespace lc::feed::detail {

/// "2026-12-01" exactly (a real calendar date); nullopt otherwise.
std::optional<Date> parseDate(std::string_view s);

/// "18:00:00" or "18:00" (upstream always sends seconds); nullopt otherwise.
std::optional<TimeOfDay> parseTimeOfDay(std::string_view s);

/// The UTC offset, in minutes, of an ISO-8601 date-time such as "2026-12-01T18:00:00-06:00"
/// ("Z" = 0); nullopt when the text is not a date-time with a zone.
std::optional<int> parseUtcOffsetMinutes(std::string_view s);

/// A decimal coordinate within ±maxAbs ("41.850030"); nullopt when malformed or out of range.
std::optional<double> parseCoordinate(std::string_view s, double maxAbs);

/// Valid UTF-8 (bad sequences → U+FFFD, NUL removed), at most maxChars code points.
std::string cleanText(std::string_view s, std::size_t maxChars);

/// cleanText for a URL: "" unless it is an http(s) URL of at most FeedLimits::kUrl characters
/// (a cut URL would point somewhere else, so an over-long one is dropped, not truncated).
std::string cleanUrl(std::string_view s);

}  // namespace lc::feed::detail
