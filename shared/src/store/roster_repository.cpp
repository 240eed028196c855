#include <lc/store/roster_repository.hpp>

#include <lc/core/uuid.hpp>

#include "rows.hpp"
#include "sql.hpp"

namespace lc::store {

using detail::Query;

RosterRepository::RosterRepository(Database& db) : m_stmts(db.handle()) {}

Result<int> RosterRepository::replaceForCircle(std::int64_t circleId,
                                               const std::vector<RosterEntry>& entries) {
    return detail::guarded([&] {
        auto tx = detail::beginTx(m_stmts.db());
        Query(m_stmts, "DELETE FROM roster WHERE circle_id = ?1").bind(circleId).run();
        Query insert(
            m_stmts,
            "INSERT INTO roster(id, circle_id, name, email, email_key, mobile, imported_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        for (const RosterEntry& e : entries) {
            insert.bind(e.id.empty() ? newUuid() : e.id, circleId, e.name, e.email,
                        detail::lowerAscii(e.email), e.mobile, e.importedAt);
            insert.run();
            insert.reset();
        }
        detail::commitTx(tx);
        return static_cast<int>(entries.size());
    });
}

Result<std::vector<RosterEntry>> RosterRepository::forCircle(std::int64_t circleId) {
    return detail::guarded([&] {
        Query q(m_stmts,
                std::string("SELECT ") + detail::kRosterColumns +
                    " FROM roster WHERE circle_id = ?1 ORDER BY name COLLATE NOCASE, rowid");
        q.bind(circleId);
        std::vector<RosterEntry> out;
        while (q.step()) out.push_back(detail::readRoster(q));
        return out;
    });
}

Result<std::optional<RosterEntry>> RosterRepository::byId(const std::string& id) {
    return detail::guarded([&] {
        Query q(m_stmts,
                std::string("SELECT ") + detail::kRosterColumns + " FROM roster WHERE id = ?1");
        std::optional<RosterEntry> out;
        if (q.bind(id).step()) out = detail::readRoster(q);
        return out;
    });
}

}  // namespace lc::store
