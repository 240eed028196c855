#include <lc/store/fleet_repository.hpp>

#include "rows.hpp"
#include "sql.hpp"

namespace lc::store {

using detail::Query;

namespace {

// A signup's revision: what other devices need changes when it is updated, voided, or when its
// P2PU row is delivered or refused. Pushed: this device's signups whose revision PostgreSQL lacks,
// and any signup the record writer marked changed (rev '': an update within the same second, a
// void here of another device's signup). Another device's signup carries its delivery as that
// device last said it: this device has no P2PU row for it.
constexpr const char* kUnpushedSignups =
    "SELECT id, circle_id, name, email, mobile, goals, support, custom_answer, consent, "
    "consent_version, communications_opt_in, created_at, updated_at, send_upstream, "
    "local_only_reason, source, voided, "
    "  coalesce(ostate, (SELECT CASE WHEN f.rejected THEN 'rejected' END FROM fleet_records f "
    "    WHERE f.id = y.id AND f.origin <> '')), "
    "  coalesce(odel, (SELECT f.delivered_at FROM fleet_records f WHERE f.id = y.id "
    "    AND f.origin <> '')), rev FROM ("
    "  SELECT x.*, x.updated_at || ':' || x.voided || ':' || coalesce(x.ostate, '') || ':' || "
    "    coalesce(x.odel, '') AS rev FROM ("
    "    SELECT s.*, (SELECT o.state FROM outbox o WHERE o.signup_id = s.id AND o.kind = 'p2pu' "
    "        ORDER BY o.seq DESC LIMIT 1) AS ostate, "
    "      (SELECT max(o.delivered_at) FROM outbox o WHERE o.signup_id = s.id AND o.kind = 'p2pu' "
    "        AND o.state = 'delivered') AS odel "
    "    FROM signups s) x) y "
    "WHERE NOT EXISTS (SELECT 1 FROM fleet_records f WHERE f.id = y.id AND f.rev <> '' "
    "  AND (f.origin <> '' OR f.rev = y.rev)) "
    "ORDER BY created_at, id LIMIT ?1";

void readUnpushedSignups(StatementCache& stmts, int limit, std::vector<FleetRecord>& out) {
    Query q(stmts, kUnpushedSignups);
    q.bind(limit);
    while (q.step()) {
        FleetSignup s{detail::readSignup(q), q.optInstant(18), q.text(17) == kOutboxRejected};
        out.push_back({std::move(s), q.text(19)});
    }
}

void readUnpushedCheckIns(StatementCache& stmts, int limit, std::vector<FleetRecord>& out) {
    Query q(stmts, std::string("SELECT ") + detail::kCheckInColumns +
                       " FROM checkins c WHERE NOT EXISTS (SELECT 1 FROM fleet_records f "
                       "WHERE f.id = c.id) ORDER BY at, id LIMIT ?1");
    q.bind(limit);
    while (q.step()) out.push_back({detail::readCheckIn(q), "1"});
}

void readUnpushedRoster(StatementCache& stmts, int limit, std::vector<FleetRecord>& out) {
    Query q(stmts, std::string("SELECT ") + detail::kRosterColumns +
                       " FROM roster r WHERE NOT EXISTS (SELECT 1 FROM fleet_records f "
                       "WHERE f.id = r.id) ORDER BY imported_at, id LIMIT ?1");
    q.bind(limit);
    while (q.step()) out.push_back({detail::readRoster(q), "1"});
}

void remember(StatementCache& stmts, const std::string& id, const char* kind,
              const std::string& origin, const std::string& rev, bool claimedOffline,
              std::optional<Instant> deliveredAt, bool rejected) {
    Query(stmts,
          "INSERT INTO fleet_records(id, kind, origin, rev, claimed_offline, delivered_at, "
          "rejected) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET "
          "rev = ?4, claimed_offline = ?5, delivered_at = ?6, rejected = ?7")
        .bind(id, kind, origin, rev, claimedOffline, deliveredAt, rejected)
        .run();
}

// Another device's signup, as it has it now; it enqueues nothing here. Voided elsewhere (staff
// of another device), a signup of this device is not delivered to P2PU either, as voidSignup.
bool applySignup(StatementCache& stmts, const FleetSignup& f) {
    const Signup& s = f.signup;
    Query(stmts, std::string("INSERT INTO signups(") + detail::kSignupColumns +
                     ", email_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                     "?14, ?15, ?16, ?17, ?18) ON CONFLICT(id) DO UPDATE SET name = ?3, "
                     "email = ?4, mobile = ?5, goals = ?6, support = ?7, custom_answer = ?8, "
                     "consent = ?9, consent_version = ?10, communications_opt_in = ?11, "
                     "updated_at = ?13, send_upstream = ?14, local_only_reason = ?15, "
                     "voided = ?17, email_key = ?18")
        .bind(s.id, s.circleId, s.name, s.email, s.mobile, s.goals, s.support, s.customAnswer,
              s.consent, s.consentVersion, s.communicationsOptIn, s.createdAt, s.updatedAt,
              s.sendUpstream, s.localOnlyReason, s.source, s.voided, detail::lowerAscii(s.email))
        .run();
    if (s.voided) detail::dropPendingUpstream(stmts, s.id);
    return true;
}

// A check-in naming a signup or roster entry this device does not hold keeps its person key (so
// the same person is still counted once per meeting) but no link. One that repeats a check-in
// already here is not applied and not remembered, so erasing it here erases nothing elsewhere.
bool applyCheckIn(StatementCache& stmts, const CheckIn& c) {
    const auto held = [&](const char* table, const std::string& id) -> std::optional<std::string> {
        if (id.empty()) return std::nullopt;
        Query q(stmts, std::string("SELECT 1 FROM ") + table + " WHERE id = ?1");
        return q.bind(id).step() ? std::optional<std::string>(id) : std::nullopt;
    };
    return Query(stmts,
                 "INSERT INTO checkins(id, circle_id, meeting_date, person_name, person_key, "
                 "signup_id, roster_id, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                 "ON CONFLICT DO NOTHING")
               .bind(c.id, c.circleId, detail::formatDate(c.meetingDate), c.personName,
                     detail::checkInPersonKey(c), held("signups", c.signupId),
                     held("roster", c.rosterId), c.at)
               .run() > 0;
}

bool applyRoster(StatementCache& stmts, const RosterEntry& r) {
    Query(stmts,
          "INSERT INTO roster(id, circle_id, name, email, email_key, mobile, imported_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET name = ?3, "
          "email = ?4, email_key = ?5, mobile = ?6")
        .bind(r.id, r.circleId, r.name, r.email, detail::lowerAscii(r.email), r.mobile,
              r.importedAt)
        .run();
    return true;
}

void applyTombstone(StatementCache& stmts, const std::string& id) {
    for (const char* table : {"checkins", "signups", "roster"})
        Query(stmts, std::string("DELETE FROM ") + table + " WHERE id = ?1").bind(id).run();
    Query(stmts, "DELETE FROM fleet_records WHERE id = ?1").bind(id).run();
}

void applyOne(StatementCache& stmts, const RemoteRecord& r) {
    if (!r.record) return applyTombstone(stmts, r.id);
    const FleetRecord& f = *r.record;
    std::optional<Instant> delivered;
    bool rejected = false;
    bool applied = false;
    if (const auto* s = std::get_if<FleetSignup>(&f.record)) {
        applied = applySignup(stmts, *s);
        delivered = s->deliveredAt;
        rejected = s->rejected;
    } else if (const auto* c = std::get_if<CheckIn>(&f.record)) {
        applied = applyCheckIn(stmts, *c);
    } else {
        applied = applyRoster(stmts, std::get<RosterEntry>(f.record));
    }
    if (applied) remember(stmts, r.id, f.kind(), r.origin, f.rev, false, delivered, rejected);
}

}  // namespace

const std::string& FleetRecord::id() const {
    return std::visit(
        [](const auto& r) -> const std::string& {
            if constexpr (std::is_same_v<std::decay_t<decltype(r)>, FleetSignup>)
                return r.signup.id;
            else
                return r.id;
        },
        record);
}

const char* FleetRecord::kind() const {
    static constexpr const char* kKinds[] = {"signup", "checkin", "roster"};
    return kKinds[record.index()];
}

FleetRepository::FleetRepository(Database& db) : m_stmts(db.handle()) {}

Result<std::vector<FleetRecord>> FleetRepository::unpushed(int limit) {
    return detail::guarded([&] {
        std::vector<FleetRecord> out;
        readUnpushedSignups(m_stmts, limit, out);
        // Check-ins after the signups they may name, so other devices can link them.
        if (int(out.size()) < limit) readUnpushedRoster(m_stmts, limit - int(out.size()), out);
        if (int(out.size()) < limit) readUnpushedCheckIns(m_stmts, limit - int(out.size()), out);
        return out;
    });
}

Result<std::vector<std::string>> FleetRepository::erased(int limit) {
    return detail::guarded([&] {
        Query q(m_stmts,
                "SELECT f.id FROM fleet_records f WHERE "
                "(f.kind = 'signup' AND NOT EXISTS (SELECT 1 FROM signups s WHERE s.id = f.id)) "
                "OR (f.kind = 'checkin' AND NOT EXISTS (SELECT 1 FROM checkins c WHERE c.id = "
                "f.id)) OR (f.kind = 'roster' AND NOT EXISTS (SELECT 1 FROM roster r WHERE r.id = "
                "f.id)) ORDER BY f.id LIMIT ?1");
        q.bind(limit);
        std::vector<std::string> out;
        while (q.step()) out.push_back(q.text(0));
        return out;
    });
}

Result<void> FleetRepository::markPushed(const std::vector<PushedRecord>& pushed) {
    return detail::guarded([&] {
        auto tx = detail::beginTx(m_stmts.db());
        // Another device's record pushed from here (voided here) keeps what its device said of
        // its delivery, and its origin.
        Query mark(m_stmts,
                   "INSERT INTO fleet_records(id, kind, origin, rev, claimed_offline) VALUES "
                   "(?1, ?2, '', ?3, ?4) ON CONFLICT(id) DO UPDATE SET rev = ?3, "
                   "claimed_offline = ?4");
        for (const auto& p : pushed) {
            mark.bind(p.id, p.kind, p.rev, p.claimedOffline).run();
            mark.reset();
        }
        detail::commitTx(tx);
    });
}

Result<void> FleetRepository::markErased(const std::vector<std::string>& ids) {
    return detail::guarded([&] {
        auto tx = detail::beginTx(m_stmts.db());
        for (const auto& id : ids)
            Query(m_stmts, "DELETE FROM fleet_records WHERE id = ?1").bind(id).run();
        detail::commitTx(tx);
    });
}

Result<void> FleetRepository::apply(const std::vector<RemoteRecord>& records, std::int64_t cursor) {
    return detail::guarded([&] {
        auto tx = detail::beginTx(m_stmts.db());
        for (const auto& r : records) applyOne(m_stmts, r);
        Query(m_stmts, "UPDATE fleet_state SET cursor = ?1").bind(cursor).run();
        detail::commitTx(tx);
    });
}

Result<std::optional<bool>> FleetRepository::claimedOffline(const std::string& signupId) {
    return detail::guarded([&] {
        Query q(m_stmts, "SELECT claimed_offline FROM fleet_records WHERE id = ?1 AND origin = ''");
        std::optional<bool> out;
        if (q.bind(signupId).step()) out = q.flag(0);
        return out;
    });
}

Result<FleetState> FleetRepository::state() {
    return detail::guarded([&] {
        Query q(m_stmts,
                "SELECT cursor, last_exchange, last_success, last_error, oversold FROM fleet_state");
        FleetState s;
        if (q.step()) {
            s.cursor = q.i64(0);
            s.lastExchange = q.optInstant(1);
            s.lastSuccess = q.optInstant(2);
            s.lastError = q.text(3);
            s.oversold = q.text(4);
        }
        return s;
    });
}

Result<void> FleetRepository::noteExchange(Instant at, const std::string& error,
                                           const std::string& oversold) {
    return detail::guarded([&] {
        Query(m_stmts,
              "UPDATE fleet_state SET last_exchange = ?1, last_error = ?2, "
              "last_success = CASE WHEN ?2 = '' THEN ?1 ELSE last_success END, "
              "oversold = CASE WHEN ?2 = '' THEN ?3 ELSE oversold END")
            .bind(at, error, oversold)
            .run();
    });
}

}  // namespace lc::store
