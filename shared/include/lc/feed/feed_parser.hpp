#pragma once
// The one boundary where the P2PU list feed (GET /api/learningcircles/, p2pu-api.md §1) becomes
// plain structs. Feed content is untrusted: every field is type-checked, every string repaired to
// valid UTF-8 and length-bounded; an item that is wrong is skipped and counted, never fatal.
//
// Error ids:
//   [feed.parse.1] body larger than kMaxFeedBytes          (ErrorCode::Parse)
//   [feed.parse.2] body is not JSON (with a hint: "looks like HTML", "is empty", ...)
//   [feed.parse.3] top level is not a JSON object
//   [feed.parse.4] upstream answered {"status":"error","errors":{...}} (ErrorCode::Upstream)
//   [feed.parse.5] `items` missing or not an array
//   [feed.parse.6] `count` missing or not a non-negative integer
//   [feed.parse.7] `offset` or `limit` present but not a non-negative integer
//   [feed.file.1]  cannot read the file (ErrorCode::Io / NotFound)
//   [feed.file.2]  file larger than kMaxFeedBytes
//   [feed.file.3]  a file:// URL that names another host or is malformed (ErrorCode::InvalidInput)

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <lc/core/model.hpp>
#include <lc/core/result.hpp>

namespace lc::feed {

/// A body (or file) larger than this is refused before parsing: 50 MB.
inline constexpr std::size_t kMaxFeedBytes = 50u * 1024u * 1024u;

/// At most this many skip reasons are kept; `FeedPage::skipped` still counts every skipped item.
inline constexpr std::size_t kMaxSkipReasons = 100;

/// Length bounds, in Unicode code points, applied to every string taken from the feed.
struct FeedLimits {
    static constexpr std::size_t kName = 256;         ///< circle name
    static constexpr std::size_t kCourseTitle = 256;  ///< course title
    static constexpr std::size_t kProvider = 256;     ///< course provider
    static constexpr std::size_t kVenue = 256;        ///< venue name
    static constexpr std::size_t kAddress = 512;      ///< venue_address
    static constexpr std::size_t kPlace = 128;        ///< city, region, country
    static constexpr std::size_t kUrl = 2048;         ///< any URL; longer ones are dropped
    static constexpr std::size_t kQuestion = 1000;    ///< signup_question
    static constexpr std::size_t kFacilitator = 64;   ///< one first name
    static constexpr std::size_t kFacilitators = 20;  ///< names kept per circle
    static constexpr std::size_t kShort = 32;         ///< language, time_zone, status
};

/// One page of the list feed, parsed.
struct FeedPage {
    int count = 0;                         ///< upstream's total after filtering, before paging
    std::optional<int> offset;             ///< present only when the request sent offset/limit
    std::optional<int> limit;              ///< ditto
    std::vector<Circle> circles;           ///< the good items, in feed order, unique by id
    int skipped = 0;                       ///< items dropped: malformed or duplicate ids
    std::vector<std::string> skipReasons;  ///< "item 3 (id 3105): 'start_date' is not a date"; no personal data
};

/// Parses a list-feed body. Fails on a body that is not a JSON object with an `items` array and an
/// integer `count`, and on upstream's `{"status":"error"}` answer; bad items are skipped.
/// Circle::timeZone is left empty: the caller resolves it from config or schedule::guessZone.
Result<FeedPage> parseFeedPage(std::string_view body);

/// Reads and parses a feed file given as a path or a file:// URL (percent-decoded; host empty or
/// "localhost"). Errors name the path.
Result<FeedPage> parseFeedFile(const std::string& pathOrFileUrl);

/// True for an absolute http:// or https:// URL (scheme case-insensitive) with no spaces or
/// control characters; what the parser keeps in url, courseLink and imageUrl.
bool isHttpUrl(std::string_view url);

}  // namespace lc::feed
