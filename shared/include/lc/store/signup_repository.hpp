#pragma once
// Signups taken on this device, and the P2PU outbox rows they enqueue.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <lc/core/model.hpp>
#include <lc/core/result.hpp>
#include <lc/store/database.hpp>
#include <lc/store/statement_cache.hpp>

namespace lc::store {

/// What upsert did.
struct SignupWrite {
    std::string id;        ///< the stored signup's id (the earlier one's on an update)
    bool created = false;  ///< false when an earlier signup of the same person was updated
};

/// Signups. Thread-safety: as its Database.
class SignupRepository {
  public:
    /// Borrows `db`, which must outlive the repository.
    explicit SignupRepository(Database& db);

    /// Inserts `s`, or updates the earlier non-voided signup of the same person for the same
    /// circle (same email, case-insensitive; for an email-less signup, an email-less one with the
    /// same mobile): name, mobile, answers, consent, opt-in, sendUpstream, updatedAt. In the same
    /// transaction, when s.sendUpstream, enqueues an outbox row of kind "p2pu" (body
    /// `outboxBody`, may be "": the sender then builds it from the signup row): on an update the
    /// pending, unleased row is refreshed (body, createdAt kept), otherwise (delivered, rejected,
    /// needs_staff or leased at s.updatedAt) a new pending row is added, due at s.updatedAt.
    /// An empty s.id gets a new UUID. Durable (synchronous=FULL) when it returns.
    Result<SignupWrite> upsert(const Signup& s, const std::string& outboxBody = {});
    /// The circle's signups (voided too), oldest first.
    Result<std::vector<Signup>> forCircle(std::int64_t circleId);
    /// Every signup, oldest first.
    Result<std::vector<Signup>> all();
    /// One signup, or nullopt.
    Result<std::optional<Signup>> byId(const std::string& id);
    /// Marks a signup voided (kept for audit, not counted) and drops its unclaimed pending outbox
    /// rows. [store.signup.1] NotFound.
    Result<void> voidSignup(const std::string& id);
    /// The signups held here for the circle that a snapshot fetched at `snapshotFetchedAt` cannot
    /// include yet: not voided, latest p2pu row not rejected, not delivered before that instant
    /// (local-only ones always count), one per email (case-insensitive) or mobile. In fleet mode
    /// other devices' signups count too, by what their device said of their delivery.
    Result<int> localPending(std::int64_t circleId, Instant snapshotFetchedAt);

  private:
    StatementCache m_stmts;
};

}  // namespace lc::store
