#pragma once
// Where the display's data comes from: the store, read-only, behind an interface so the App can
// be tested without SQLite. Plain data in, CircleEntry out.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <lc/core/model.hpp>
#include <lc/core/result.hpp>

#include "flow/display_model.hpp"

namespace lc::display {

/// What the store holds for the display.
struct StoreData {
    std::vector<Circle> circles;
    std::map<std::int64_t, int> localPending;  ///< circle id → this device's pending signups
    SyncInfo sync;
    std::optional<Instant> lastAttempt;  ///< for the health file
    std::optional<bool> lastSyncOk;      ///< nullopt: never attempted
    std::optional<Instant> fetchedAt;    ///< the snapshot's fetch time
};

/// Reads the store. Thread-safety: one thread (the main thread).
class DisplaySource {
public:
    virtual ~DisplaySource() = default;
    /// Everything, once.
    virtual Result<StoreData> load() = 0;
};

/// Entries with their meetings (lc::summarize); circles whose zone is unknown are left out and
/// counted in `dropped`.
std::vector<CircleEntry> makeEntries(const StoreData& data, int* dropped = nullptr);

}  // namespace lc::display
