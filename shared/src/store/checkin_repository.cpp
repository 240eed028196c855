#include <lc/store/checkin_repository.hpp>

#include <lc/core/uuid.hpp>

#include "rows.hpp"
#include "sql.hpp"

namespace lc::store {

using detail::Query;

namespace {

std::vector<CheckIn> readAll(Query& q) {
    std::vector<CheckIn> out;
    while (q.step()) out.push_back(detail::readCheckIn(q));
    return out;
}

}  // namespace

CheckInRepository::CheckInRepository(Database& db) : m_stmts(db.handle()) {}

Result<CheckInWrite> CheckInRepository::add(const CheckIn& c) {
    return detail::guarded([&] {
        CheckInWrite w;
        w.id = c.id.empty() ? newUuid() : c.id;
        std::string key = detail::checkInPersonKey(c);
        std::string date = detail::formatDate(c.meetingDate);
        int added =
            Query(m_stmts,
                  "INSERT INTO checkins(id, circle_id, meeting_date, person_name, person_key, "
                  "signup_id, "
                  "roster_id, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                  "ON CONFLICT(circle_id, meeting_date, person_key) DO NOTHING")
                .bind(w.id, c.circleId, date, c.personName, key, detail::nullIfEmpty(c.signupId),
                      detail::nullIfEmpty(c.rosterId), c.at)
                .run();
        w.created = added > 0;
        if (!w.created) {
            Query q(m_stmts,
                    "SELECT id FROM checkins WHERE circle_id = ?1 AND meeting_date = ?2 AND "
                    "person_key = ?3");
            if (q.bind(c.circleId, date, key).step()) w.id = q.text(0);
        }
        return w;
    });
}

Result<std::vector<CheckIn>> CheckInRepository::forMeeting(std::int64_t circleId,
                                                           Date meetingDate) {
    return detail::guarded([&] {
        Query q(m_stmts,
                std::string("SELECT ") + detail::kCheckInColumns +
                    " FROM checkins WHERE circle_id = ?1 AND meeting_date = ?2 ORDER BY at, rowid");
        q.bind(circleId, detail::formatDate(meetingDate));
        return readAll(q);
    });
}

Result<std::vector<CheckIn>> CheckInRepository::forCircle(std::int64_t circleId) {
    return detail::guarded([&] {
        Query q(m_stmts,
                std::string("SELECT ") + detail::kCheckInColumns +
                    " FROM checkins WHERE circle_id = ?1 ORDER BY meeting_date, at, rowid");
        q.bind(circleId);
        return readAll(q);
    });
}

Result<void> CheckInRepository::remove(const std::string& id) {
    return detail::guarded([&] {
        // One statement: its outbox rows go with it (ON DELETE CASCADE).
        if (Query(m_stmts, "DELETE FROM checkins WHERE id = ?1").bind(id).run() == 0) {
            detail::throwError(ErrorCode::NotFound, "[store.checkin.1]",
                               "no check-in with that id");
        }
    });
}

}  // namespace lc::store
