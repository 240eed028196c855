#pragma once
// The outbox: records to push upstream (P2PU signups, webhooks), delivered at least once, in
// order per person, each claimed under a lease so two processes never send the same row at once.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <lc/core/clock.hpp>
#include <lc/core/result.hpp>
#include <lc/store/database.hpp>
#include <lc/store/statement_cache.hpp>

namespace lc::store {

/// Outbox kinds.
inline constexpr const char* kOutboxP2pu = "p2pu";
inline constexpr const char* kOutboxWebhook = "webhook";

/// Outbox states.
inline constexpr const char* kOutboxPending = "pending";
inline constexpr const char* kOutboxDelivered = "delivered";
inline constexpr const char* kOutboxRejected = "rejected";
inline constexpr const char* kOutboxNeedsStaff = "needs_staff";

/// One outbox row.
struct OutboxRow {
    std::string id;         ///< UUID
    std::string signupId;   ///< "" unless it carries a signup
    std::string checkInId;  ///< "" unless it carries a check-in
    std::string kind;       ///< kOutboxP2pu or kOutboxWebhook
    std::string state;  ///< kOutboxPending, kOutboxDelivered, kOutboxRejected, kOutboxNeedsStaff
    std::string personKey;  ///< lower-case email, else mobile: the ordering key ("" = unordered)
    std::string body;       ///< JSON text built by the caller ("" = build from the signup row)
    int attempts = 0;       ///< claims so far
    Instant nextAttemptAt{};
    std::optional<Instant> firstFailureAt;
    std::string lastError;   ///< no personal data
    std::string errorsJson;  ///< upstream's field errors, when rejected
    std::optional<Instant> deliveredAt;
    std::string leaseOwner;
    std::optional<Instant> leaseUntil;
    Instant createdAt{};
};

/// What to enqueue.
struct OutboxItem {
    std::string signupId;  ///< one of signupId / checkInId
    std::string checkInId;
    std::string kind = kOutboxP2pu;
    std::string personKey;  ///< "" with a signupId: taken from the signup (email, else mobile)
    std::string body;
};

/// Rows per state.
struct OutboxCounts {
    int pending = 0;
    int delivered = 0;
    int rejected = 0;
    int needsStaff = 0;
};

/// The outbox. Thread-safety: as its Database; several processes may claim from one file.
class OutboxRepository {
  public:
    /// Borrows `db`, which must outlive the repository.
    explicit OutboxRepository(Database& db);

    /// Adds a pending row due at `now`; returns its id.
    Result<std::string> enqueue(const OutboxItem& item, Instant now);
    /// In one BEGIN IMMEDIATE transaction: up to `limit` pending rows that are due and not leased,
    /// oldest due first, leased to `owner` until now + leaseFor, attempts + 1. A row is skipped
    /// while an earlier row of the same kind and person is still pending (leased or not);
    /// needs_staff, rejected and delivered rows block nothing.
    Result<std::vector<OutboxRow>> claim(const std::string& owner, Instant now,
                                         std::chrono::seconds leaseFor, int limit);
    /// Delivered at `at`; lease cleared. [store.outbox.1] NotFound for every mark*/retry.
    Result<void> markDelivered(const std::string& id, Instant at);
    /// Refused by upstream for good, with its field errors (JSON text).
    Result<void> markRejected(const std::string& id, const std::string& errorsJson);
    /// Back to pending, due at `nextAt`; firstFailureAt set to `now` if not yet set.
    Result<void> markRetry(const std::string& id, Instant nextAt, const std::string& error,
                           Instant now);
    /// Waits for staff (kept failing, or unexpected answer).
    Result<void> markNeedsStaff(const std::string& id, const std::string& error);
    /// Staff: back to pending, due at `now`, failure streak cleared (attempts kept).
    Result<void> retry(const std::string& id, Instant now);
    /// Rows per state.
    Result<OutboxCounts> counts();
    /// Rows in one state, oldest first.
    Result<std::vector<OutboxRow>> listByState(const std::string& state);
    /// One row, or nullopt.
    Result<std::optional<OutboxRow>> byId(const std::string& id);
    /// Deletes delivered rows delivered before `before` (retention); returns how many.
    Result<int> pruneDelivered(Instant before);

  private:
    StatementCache m_stmts;
};

}  // namespace lc::store
