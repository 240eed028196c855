#pragma once
// Check-ins at meetings.

#include <cstdint>
#include <string>
#include <vector>

#include <lc/core/model.hpp>
#include <lc/core/result.hpp>
#include <lc/store/database.hpp>
#include <lc/store/statement_cache.hpp>

namespace lc::store {

/// What add did.
struct CheckInWrite {
    std::string id;        ///< the stored check-in (the first one when it was a repeat)
    bool created = false;  ///< false when this person was already checked in to this meeting
};

/// Check-ins. Thread-safety: as its Database.
class CheckInRepository {
  public:
    /// Borrows `db`, which must outlive the repository.
    explicit CheckInRepository(Database& db);

    /// Records a check-in; one per circle + meeting date + person (the signup id, else the roster
    /// id, else the name compared case-insensitively). A repeat is a no-op returning the first.
    /// An empty c.id gets a new UUID.
    Result<CheckInWrite> add(const CheckIn& c);
    /// Check-ins of one meeting, in arrival order.
    Result<std::vector<CheckIn>> forMeeting(std::int64_t circleId, Date meetingDate);
    /// Every check-in of a circle, by meeting date then arrival.
    Result<std::vector<CheckIn>> forCircle(std::int64_t circleId);
    /// Staff undo: deletes the check-in (and its outbox rows). [store.checkin.1] NotFound.
    Result<void> remove(const std::string& id);

  private:
    StatementCache m_stmts;
};

}  // namespace lc::store
