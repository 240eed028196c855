#pragma once
// The feed sync's state, shared by every process through the store (lcctl status reads it).

#include <optional>
#include <string>

#include <lc/core/clock.hpp>
#include <lc/core/result.hpp>
#include <lc/store/database.hpp>
#include <lc/store/statement_cache.hpp>

namespace lc::store {

/// One small row.
struct SyncState {
    std::optional<Instant> lastAttempt;
    std::optional<Instant> lastSuccess;
    std::string lastError;  ///< "" after a success; no personal data
    std::string etag;       ///< validators for a conditional GET
    std::string lastModified;
    std::string feedHash;  ///< hash of the last ingested feed (unchanged feed: no re-ingest)
    std::optional<Instant> nextDueAt;
    int consecutiveFailures = 0;
    std::optional<Instant> retryAfter;  ///< honoured by `sync --if-due`
};

/// Sync state. Thread-safety: as its Database.
class SyncStateRepository {
  public:
    /// Borrows `db`, which must outlive the repository.
    explicit SyncStateRepository(Database& db);

    /// The state (all empty before the first sync).
    Result<SyncState> get();
    /// Overwrites it with a single UPDATE (small writes: SD cards wear).
    Result<void> put(const SyncState& state);

  private:
    StatementCache m_stmts;
};

}  // namespace lc::store
