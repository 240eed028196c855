#include <lc/store/privacy_repository.hpp>

#include "rows.hpp"
#include "sql.hpp"

namespace lc::store {

using detail::Query;

namespace {

// ?1 = lower-case email ("" = none), ?2 = mobile ("" = none).
#define LC_SIGNUPS_OF \
    "(SELECT id FROM signups WHERE (?1 <> '' AND email_key = ?1) OR (?2 <> '' AND mobile = ?2))"
#define LC_ROSTER_OF \
    "(SELECT id FROM roster WHERE (?1 <> '' AND email_key = ?1) OR (?2 <> '' AND mobile = ?2))"
#define LC_CHECKINS_OF                                                                            \
    "(SELECT id FROM checkins WHERE signup_id IN " LC_SIGNUPS_OF " OR roster_id IN " LC_ROSTER_OF \
    ")"

constexpr const char* kOutboxOf =
    " FROM outbox WHERE signup_id IN " LC_SIGNUPS_OF " OR checkin_id IN " LC_CHECKINS_OF
    " OR (?1 <> '' AND person_key = ?1) OR (?2 <> '' AND person_key = ?2)";

void checkWho(const PersonRef& who) {
    if (who.email.empty() && who.mobile.empty()) {
        detail::throwError(ErrorCode::InvalidInput, "[store.privacy.1]",
                           "give an email or a mobile number");
    }
}

template <class T, class Read>
std::vector<T> collect(StatementCache& stmts, const std::string& sql, const PersonRef& who,
                       Read read) {
    Query q(stmts, sql);
    q.bind(detail::lowerAscii(who.email), who.mobile);
    std::vector<T> out;
    while (q.step()) out.push_back(read(q));
    return out;
}

// Past retention, everything of the circle goes, whatever its outbox state: a record that was
// never delivered in the retention period will not be, and its personal data must not stay.
void purgeCircle(StatementCache& stmts, std::int64_t circleId, ErasedCounts& n) {
    constexpr const char* kOfCircle =
        "(signup_id IN (SELECT id FROM signups WHERE circle_id = ?1) OR "
        "checkin_id IN (SELECT id FROM checkins WHERE circle_id = ?1))";
    {
        Query q(stmts, std::string("SELECT count(*) FROM outbox WHERE state IN ('pending', 'needs_staff') AND ") + kOfCircle);
        if (q.bind(circleId).step()) n.outboxUndelivered += q.i32(0);
    }
    n.outbox += Query(stmts, std::string("DELETE FROM outbox WHERE ") + kOfCircle).bind(circleId).run();
    n.checkIns += Query(stmts, "DELETE FROM checkins WHERE circle_id = ?1").bind(circleId).run();
    n.signups += Query(stmts, "DELETE FROM signups WHERE circle_id = ?1").bind(circleId).run();
    n.rosterEntries += Query(stmts, "DELETE FROM roster WHERE circle_id = ?1").bind(circleId).run();
}

}  // namespace

PrivacyRepository::PrivacyRepository(Database& db) : m_stmts(db.handle()) {}

Result<ErasedCounts> PrivacyRepository::forget(const PersonRef& who) {
    return detail::guarded([&] {
        checkWho(who);
        auto tx = detail::beginTx(m_stmts.db());
        ErasedCounts n;
        std::string email = detail::lowerAscii(who.email);
        // Children first, so each count is exact (not hidden in a cascade).
        n.outbox = Query(m_stmts, std::string("DELETE") + kOutboxOf).bind(email, who.mobile).run();
        n.checkIns = Query(m_stmts, "DELETE FROM checkins WHERE id IN " LC_CHECKINS_OF)
                         .bind(email, who.mobile)
                         .run();
        n.signups = Query(m_stmts, "DELETE FROM signups WHERE id IN " LC_SIGNUPS_OF)
                        .bind(email, who.mobile)
                        .run();
        n.rosterEntries = Query(m_stmts, "DELETE FROM roster WHERE id IN " LC_ROSTER_OF)
                              .bind(email, who.mobile)
                              .run();
        detail::commitTx(tx);
        return n;
    });
}

Result<PersonExport> PrivacyRepository::exportPerson(const PersonRef& who) {
    return detail::guarded([&] {
        checkWho(who);
        PersonExport out;
        out.signups = collect<Signup>(m_stmts,
                                      std::string("SELECT ") + detail::kSignupColumns +
                                          " FROM signups WHERE id IN " LC_SIGNUPS_OF
                                          " ORDER BY created_at, rowid",
                                      who, detail::readSignup);
        out.checkIns =
            collect<CheckIn>(m_stmts,
                             std::string("SELECT ") + detail::kCheckInColumns +
                                 " FROM checkins WHERE id IN " LC_CHECKINS_OF " ORDER BY at, rowid",
                             who, detail::readCheckIn);
        out.rosterEntries =
            collect<RosterEntry>(m_stmts,
                                 std::string("SELECT ") + detail::kRosterColumns +
                                     " FROM roster WHERE id IN " LC_ROSTER_OF " ORDER BY rowid",
                                 who, detail::readRoster);
        out.outbox = collect<OutboxRow>(
            m_stmts, std::string("SELECT ") + detail::kOutboxColumns + kOutboxOf + " ORDER BY seq",
            who, detail::readOutbox);
        return out;
    });
}

Result<ErasedCounts> PrivacyRepository::purge(Instant now, int retentionDays,
                                              const LastMeetingEnd& lastEnd) {
    return detail::guarded([&] {
        // Decide first, outside the write lock: which circles are past retention.
        std::vector<std::int64_t> expired;
        const Instant cutoff = now - std::chrono::days{retentionDays};
        {
            Query q(m_stmts,
                    "SELECT circle_id, max(t) FROM ("
                    "SELECT circle_id, updated_at AS t FROM signups UNION ALL "
                    "SELECT circle_id, at FROM checkins UNION ALL "
                    "SELECT circle_id, imported_at FROM roster) GROUP BY circle_id");
            while (q.step()) {
                std::int64_t id = q.i64(0);
                std::optional<Instant> end = lastEnd ? lastEnd(id) : std::nullopt;
                if (end.value_or(q.instant(1)) < cutoff) expired.push_back(id);
            }
        }
        ErasedCounts n;
        auto tx = detail::beginTx(m_stmts.db());
        for (std::int64_t id : expired) purgeCircle(m_stmts, id, n);
        detail::commitTx(tx);
        return n;
    });
}

}  // namespace lc::store

#undef LC_SIGNUPS_OF
#undef LC_ROSTER_OF
#undef LC_CHECKINS_OF
