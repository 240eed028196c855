#pragma once
// Facilitators' imported learner lists.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <lc/core/model.hpp>
#include <lc/core/result.hpp>
#include <lc/store/database.hpp>
#include <lc/store/statement_cache.hpp>

namespace lc::store {

/// Roster entries. Thread-safety: as its Database.
class RosterRepository {
  public:
    /// Borrows `db`, which must outlive the repository.
    explicit RosterRepository(Database& db);

    /// Replaces the circle's roster with `entries` in one transaction (nothing half-imported);
    /// entries' circleId is forced to `circleId`, an empty id gets a new UUID. Check-ins that
    /// pointed at a dropped entry keep their name. Returns the number stored.
    Result<int> replaceForCircle(std::int64_t circleId, const std::vector<RosterEntry>& entries);
    /// The circle's roster, sorted by name.
    Result<std::vector<RosterEntry>> forCircle(std::int64_t circleId);
    /// One entry, or nullopt.
    Result<std::optional<RosterEntry>> byId(const std::string& id);

  private:
    StatementCache m_stmts;
};

}  // namespace lc::store
