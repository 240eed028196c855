#pragma once
// The feed pull: GET /api/learningcircles/ page by page (limit/offset until `count`), with
// conditional GET when the server gives validators and a hash of every page when it does not
// (upstream gives none, p2pu-api.md §8), landing as one atomic snapshot: all pages or nothing.
// Whatever happens, the sync state (one small row) records the attempt, the error and when the
// next sync is due.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <lc/core/clock.hpp>
#include <lc/core/config.hpp>
#include <lc/core/result.hpp>
#include <lc/feed/http_transport.hpp>
#include <lc/feed/sync_schedule.hpp>
#include <lc/store/database.hpp>

namespace lc::feed {

/// Sync error ids (besides the transport's net_error and the parser's [feed.parse.*]).
namespace sync_error {
inline constexpr const char* kHttpStatus = "[feed.sync.1]";     ///< Upstream: not 200 (or 304)
inline constexpr const char* kCountChanged = "[feed.sync.2]";   ///< Parse: count moved while paging
inline constexpr const char* kCountMismatch = "[feed.sync.3]";  ///< Parse: items received ≠ count
inline constexpr const char* kProtocol = "[feed.sync.4]";       ///< Upstream: 304 unasked, too many pages
}  // namespace sync_error

/// What to pull.
struct PullOptions {
    std::string feedUrl;       ///< http(s) list URL (filters kept), or a file path / file:// URL
    bool conditional = true;   ///< send validators and skip re-ingest of identical pages
    int maxPages = 1000;       ///< a bound on requests per pull
};

/// What a pull did.
struct PullResult {
    bool notModified = false;  ///< nothing re-ingested: every page 304, or identical pages
    int circles = 0;           ///< circles in the snapshot afterwards
    int skipped = 0;           ///< items skipped by the parser, duplicates, and circles with no zone
    int requests = 0;          ///< HTTP requests made
    std::size_t bytes = 0;     ///< body bytes received
    std::vector<std::string> warnings;  ///< from ingest (guessed zones); no personal data
    std::string skipSummary;            ///< why items were skipped, counted by kind ("" = none)
};

/// One pull into the store. On failure the previous snapshot is untouched and the error is
/// returned (transport net_error ids, [feed.parse.*], sync_error ids, store errors); either way the
/// sync state gets lastAttempt, lastError, consecutiveFailures, retryAfter and nextDueAt.
/// Thread-safety: as its Database; `http` may be shared.
Result<PullResult> pullFeed(HttpTransport& http, store::Database& db, const Config& cfg,
                            const Clock& clock, const UniformRandom& random, const PullOptions& options);

}  // namespace lc::feed
