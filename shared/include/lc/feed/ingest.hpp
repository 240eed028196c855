#pragma once
// The last step of every sync: resolve each circle's IANA zone (config, else a guess with a
// warning naming it) and replace the store's snapshot atomically.

#include <string>
#include <vector>

#include <lc/core/config.hpp>
#include <lc/core/model.hpp>
#include <lc/core/result.hpp>
#include <lc/store/circle_repository.hpp>
#include <lc/store/database.hpp>

namespace lc::feed {

/// What an ingest did.
struct IngestReport {
    int circles = 0;                    ///< circles now in the snapshot
    int skipped = 0;                    ///< parser skips plus circles with no usable zone
    std::vector<std::string> warnings;  ///< one per guessed zone or dropped circle; no personal data
};

/// Fills Circle::timeZone for every circle (configured, else one the caller already resolved,
/// else guessed), drops those whose zone
/// cannot be found, and replaces the snapshot in one transaction. A failure leaves the previous
/// snapshot whole.
Result<IngestReport> ingestCircles(store::Database& db, std::vector<Circle> circles,
                                   int parserSkipped, const Config& cfg,
                                   const store::SnapshotMeta& meta);

}  // namespace lc::feed
