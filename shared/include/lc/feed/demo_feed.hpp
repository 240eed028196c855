#pragma once
// The bundled demo feed (assets/demo/feed.json), moved in time so that the demo always shows
// circles around the current week.

#include <string>
#include <vector>

#include <lc/core/model.hpp>
#include <lc/core/result.hpp>
#include <lc/feed/feed_parser.hpp>

namespace lc::feed {

/// The Monday of the server date (2026-11-30) the demo feed was generated for.
inline constexpr Date kDemoFeedMonday{std::chrono::year{2026}, std::chrono::November, std::chrono::day{30}};

/// The Monday on or before `d`.
Date mondayOf(Date d);

/// Moves every date of every circle (start, last, next) by the whole number of weeks between the
/// Monday of `referenceMonday` and the Monday of `todayLocal`, so weekdays are kept. Statuses and
/// signup_open stay as the feed states them, which is right because every date moves alike.
void shiftForDemo(std::vector<Circle>& circles, Date referenceMonday, Date todayLocal);

/// Parses `<assetsDir>/demo/feed.json`, guesses each circle's zone on the feed's own dates (a
/// shifted date can cross DST), then shifts it around `todayLocal` (from kDemoFeedMonday).
Result<FeedPage> loadDemoFeed(const std::string& assetsDir, Date todayLocal);

}  // namespace lc::feed
