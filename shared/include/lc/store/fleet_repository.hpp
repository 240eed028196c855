#pragma once
// The store's side of fleet mode: which of this device's records PostgreSQL lacks, which records
// it holds that this device has since erased, and the other devices' records applied here. The
// wire format and PostgreSQL itself live in lc_fleet; this is plain records and revisions.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <lc/core/model.hpp>
#include <lc/core/result.hpp>
#include <lc/store/database.hpp>
#include <lc/store/statement_cache.hpp>

namespace lc::store {

/// A signup with what other devices need to count its seat.
struct FleetSignup {
    Signup signup;
    std::optional<Instant> deliveredAt;  ///< when P2PU took it (then the feed counts it)
    bool rejected = false;               ///< P2PU refused it: it holds no seat
};

/// One record as the fleet exchanges it.
struct FleetRecord {
    std::variant<FleetSignup, CheckIn, RosterEntry> record;
    std::string rev;  ///< changes whenever what the fleet needs of the record changes
    /// The record's id.
    const std::string& id() const;
    /// "signup", "checkin" or "roster".
    const char* kind() const;
};

/// A record taken by another device, or a tombstone (`record` empty) naming an erased id.
struct RemoteRecord {
    std::string id;
    std::string origin;  ///< the device that took it
    std::optional<FleetRecord> record;
};

/// What PostgreSQL said of a pushed record.
struct PushedRecord {
    std::string id;
    std::string kind;
    std::string rev;
    bool claimedOffline = false;  ///< its seat was decided here, without the fleet
};

/// Where this device's exchange stands.
struct FleetState {
    std::int64_t cursor = 0;  ///< the last pulled sequence number
    std::optional<Instant> lastExchange;
    std::optional<Instant> lastSuccess;
    std::string lastError;
    std::string oversold;  ///< "3101:1,3102:2": circles with more seats taken than they have
};

/// Fleet bookkeeping. Thread-safety: as its Database.
class FleetRepository {
  public:
    /// Borrows `db`, which must outlive the repository.
    explicit FleetRepository(Database& db);

    /// Up to `limit` of this device's records whose current revision PostgreSQL lacks.
    Result<std::vector<FleetRecord>> unpushed(int limit);
    /// Records PostgreSQL holds (pushed or pulled) that this device no longer has: erased by
    /// forget or purge here. Their ids become tombstones.
    Result<std::vector<std::string>> erased(int limit);
    /// Remembers what PostgreSQL now holds of this device's records; one transaction.
    Result<void> markPushed(const std::vector<PushedRecord>& pushed);
    /// Forgets ids whose tombstones PostgreSQL now holds.
    Result<void> markErased(const std::vector<std::string>& ids);
    /// Applies other devices' records and tombstones, then moves the cursor to `cursor`, in one
    /// transaction. Their signups enqueue nothing: the device that took one delivers it.
    Result<void> apply(const std::vector<RemoteRecord>& records, std::int64_t cursor);
    /// Whether this device's signup was claimed without the fleet; nullopt when not yet pushed.
    Result<std::optional<bool>> claimedOffline(const std::string& signupId);

    /// The exchange's state.
    Result<FleetState> state();
    /// Records an exchange's outcome (cursor untouched).
    Result<void> noteExchange(Instant at, const std::string& error, const std::string& oversold);

  private:
    StatementCache m_stmts;
};

}  // namespace lc::store
