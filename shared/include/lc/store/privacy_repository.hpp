#pragma once
// One person's data on request (export, erase) and retention purges.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <lc/core/model.hpp>
#include <lc/core/result.hpp>
#include <lc/store/database.hpp>
#include <lc/store/outbox_repository.hpp>
#include <lc/store/statement_cache.hpp>

namespace lc::store {

/// Who: an email (matched case-insensitively) or a mobile (E.164, exact), or both (either matches).
struct PersonRef {
    std::string email;
    std::string mobile;
};

/// Rows deleted.
struct ErasedCounts {
    int signups = 0;
    int checkIns = 0;
    int rosterEntries = 0;
    int outbox = 0;
    int outboxUndelivered = 0;  ///< of `outbox`: rows still pending or waiting for staff
};

/// Everything held about one person.
struct PersonExport {
    std::vector<Signup> signups;
    std::vector<CheckIn> checkIns;  ///< by their signups or matching roster entries
    std::vector<RosterEntry> rosterEntries;
    std::vector<OutboxRow> outbox;  ///< rows of their signups or check-ins
};

/// A circle's last meeting end, or nullopt when unknown (circle gone from the feed).
using LastMeetingEnd = std::function<std::optional<Instant>(std::int64_t circleId)>;

/// Privacy operations. Thread-safety: as its Database.
class PrivacyRepository {
  public:
    /// Borrows `db`, which must outlive the repository.
    explicit PrivacyRepository(Database& db);

    /// Erases the person everywhere (signups, their check-ins, roster entries and check-ins by
    /// them, outbox rows) in one transaction. [store.privacy.1] InvalidInput when `who` is empty.
    /// Follow with Database::compact() so the erased text leaves the file.
    Result<ErasedCounts> forget(const PersonRef& who);
    /// Everything held about the person. [store.privacy.1] InvalidInput when `who` is empty.
    Result<PersonExport> exportPerson(const PersonRef& who);
    /// Deletes the personal data of every circle whose last meeting ended more than
    /// `retentionDays` before `now` (when lastEnd gives nullopt: its latest signup, check-in or
    /// roster import), whatever the state of their outbox rows (those never delivered are
    /// counted in outboxUndelivered). One transaction. Follow with Database::compact() so the
    /// erased text leaves the file.
    Result<ErasedCounts> purge(Instant now, int retentionDays, const LastMeetingEnd& lastEnd);

  private:
    StatementCache m_stmts;
};

}  // namespace lc::store
