#pragma once
// The exchange between this device's store and the fleet database, run after every sync pass
// (lcctl sync, the apps' sync worker) whatever happened with P2PU: push this device's records the
// database lacks (idempotently, by record id) and tombstones for records erased here; pull the
// other devices' records of the same library since this device's cursor and apply them; find
// circles with more seats taken than they have; write this device's heartbeat.
// Never on a render thread: it waits on the network.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <lc/core/clock.hpp>
#include <lc/core/config.hpp>
#include <lc/store/database.hpp>

namespace lc::fleet {

/// A circle with more seats taken across the fleet than it has: staff must contact someone.
struct Oversold {
    std::int64_t circleId = 0;
    int over = 0;  ///< seats taken beyond the limit
};

/// Tuning and test hooks.
struct ExchangeOptions {
    int batch = 500;  ///< records per transaction, each way
    /// Called between steps ("push-committed" after each batch PostgreSQL committed, before the
    /// store notes it; "pull-fetched" before a pulled batch is applied; "pushed", "erased",
    /// "pulled" after each phase): tests stop a process or the database there.
    std::function<void(const char* step)> onStep;
};

/// What one exchange did.
struct ExchangeResult {
    int pushed = 0;      ///< records written to the database
    int tombstones = 0;  ///< erasures written
    int pulled = 0;      ///< other devices' records and tombstones applied here
    int skipped = 0;     ///< records whose body this code cannot read (left alone)
    std::vector<Oversold> oversold;
    bool offline = false;  ///< the database could not be reached or went away
    std::string error;     ///< "" when everything went through
};

/// One exchange. Never throws; the outcome is also kept in the store (FleetRepository::state).
ExchangeResult exchange(store::Database& db, const Config& cfg, const Clock& clock,
                        const ExchangeOptions& options = {});

/// The exchange as the last step of the apps' sync passes (feed::SyncOptions::afterPass, on the
/// sync worker's thread and connection): "" when it went through, else "fleet: <error>".
std::function<std::string(store::Database&)> exchangeStep(Config cfg, const Clock& clock);

/// "3101:1,3102:2", as the store keeps it; parsed back by parseOversold.
std::string formatOversold(const std::vector<Oversold>& o);
/// The circles of formatOversold's text.
std::vector<Oversold> parseOversold(const std::string& text);

}  // namespace lc::fleet
