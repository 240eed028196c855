#pragma once
// The last step of every sync: resolve each circle's IANA zone (config, else a guess with a
// warning naming it) and replace the store's snapshot atomically.

#include <chrono>
#include <string>
#include <vector>

#include <lc/core/config.hpp>
#include <lc/core/model.hpp>
#include <lc/core/result.hpp>
#include <lc/store/circle_repository.hpp>
#include <lc/store/database.hpp>

namespace lc::feed {

/// A circle whose first or last meeting is further than this from the sync's "now" is skipped:
/// no real learning circle is planned that far ahead, and a date such as 9999-01-01 would
/// otherwise make any clock look plausible.
inline constexpr std::chrono::days kMaxFutureDate{5 * 366};

/// The settings key holding the last sync's skip summary ("" when nothing was skipped).
inline constexpr const char* kSkipSummaryKey = "feed.skip_summary";

/// What an ingest did.
struct IngestReport {
    int circles = 0;                    ///< circles now in the snapshot
    int skipped = 0;                    ///< parser skips plus circles with no usable zone
    std::vector<std::string> warnings;  ///< one per guessed zone or dropped circle; no personal data
    std::string skipSummary;            ///< skipSummary() of every skip reason ("" = none)
};

/// "13 items skipped: 'start_date' is not a date ×13; first: item 1 (id 3101): ..." — the
/// reasons counted by kind (the text after "item N (id M): "), then the first three as given.
/// `skipped` may exceed reasons.size() (the parser keeps at most kMaxSkipReasons).
std::string skipSummary(const std::vector<std::string>& reasons, int skipped);

/// Fills Circle::timeZone for every circle (configured, else one the caller already resolved,
/// else guessed), drops those whose zone cannot be found or whose dates lie beyond
/// kMaxFutureDate from meta.fetchedAt, and replaces the snapshot in one transaction, storing the
/// skip summary under kSkipSummaryKey. `skipReasons` are the parser's.
/// A feed that leaves no circle never replaces a snapshot that still has meetings to come
/// (ends after meta.fetchedAt): [feed.ingest.1] Parse, naming the skip summary.
/// A failure leaves the previous snapshot whole.
Result<IngestReport> ingestCircles(store::Database& db, std::vector<Circle> circles,
                                   int parserSkipped, const Config& cfg,
                                   const store::SnapshotMeta& meta,
                                   std::vector<std::string> skipReasons = {});

}  // namespace lc::feed
