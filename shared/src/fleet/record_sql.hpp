#pragma once
// Internal to lc_fleet: the statements that write records, shared by the exchange and seat claims.

#include <string>
#include <vector>

#include "pg.hpp"
#include "record_codec.hpp"

namespace lc::fleet::detail {

/// Locks the library's row (creating it) and returns its last sequence number. Every write of a
/// library's records holds this lock until it commits, so sequence order is commit order.
std::int64_t lockLibrary(Connection& c, const std::string& library);
/// Moves the library's sequence number on (under lockLibrary's lock).
void advanceLibrary(Connection& c, const std::string& library, std::int64_t seq);

/// Inserts or updates records (a newer revision wins; a tombstone is never undone), numbered
/// after `seq`; returns the last number used. New signups are marked claimed offline when
/// `claimedOffline`.
std::int64_t writeRecords(Connection& c, const std::string& library, const std::string& device,
                          const std::vector<RecordRow>& rows, std::int64_t seq,
                          bool claimedOffline);

/// Turns records of the library into tombstones (id kept, everything else dropped).
std::int64_t writeTombstones(Connection& c, const std::string& library, const std::string& device,
                             const std::vector<std::string>& ids, std::int64_t seq);

}  // namespace lc::fleet::detail
