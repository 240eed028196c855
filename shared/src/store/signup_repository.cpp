#include <lc/store/signup_repository.hpp>

#include <lc/core/uuid.hpp>

#include "rows.hpp"
#include "sql.hpp"

namespace lc::store {

using detail::Query;

namespace {

std::optional<std::string> findSamePerson(StatementCache& stmts, const Signup& s) {
    std::optional<std::string> id;
    if (!s.email.empty()) {
        Query q(stmts,
                "SELECT id FROM signups WHERE circle_id = ?1 AND email_key = ?2 AND voided = 0 "
                "ORDER BY created_at, rowid LIMIT 1");
        if (q.bind(s.circleId, detail::lowerAscii(s.email)).step()) id = q.text(0);
    } else if (!s.mobile.empty()) {
        Query q(stmts,
                "SELECT id FROM signups WHERE circle_id = ?1 AND email = '' AND mobile = ?2 AND "
                "voided = 0 "
                "ORDER BY created_at, rowid LIMIT 1");
        if (q.bind(s.circleId, s.mobile).step()) id = q.text(0);
    }
    return id;
}

void insertSignup(StatementCache& stmts, const std::string& id, const Signup& s) {
    Query(stmts, std::string("INSERT INTO signups(") + detail::kSignupColumns +
                     ", email_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                     "?14, ?15, ?16, "
                     "?17, ?18)")
        .bind(id, s.circleId, s.name, s.email, s.mobile, s.goals, s.support, s.customAnswer,
              s.consent, s.consentVersion, s.communicationsOptIn, s.createdAt, s.updatedAt,
              s.sendUpstream, s.localOnlyReason, s.source, s.voided, detail::lowerAscii(s.email))
        .run();
}

// The person said it again: what they say now wins; a mobile left out keeps the one given before
// (as upstream does), the first signup's id, creation time and source stay.
void updateSignup(StatementCache& stmts, const std::string& id, const Signup& s) {
    Query(stmts,
          "UPDATE signups SET name = ?2, mobile = CASE WHEN ?3 = '' THEN mobile ELSE ?3 END, goals "
          "= ?4, "
          "support = ?5, custom_answer = ?6, consent = ?7, consent_version = ?8, "
          "communications_opt_in = ?9, "
          "updated_at = ?10, send_upstream = ?11, local_only_reason = ?12 WHERE id = ?1")
        .bind(id, s.name, s.mobile, s.goals, s.support, s.customAnswer, s.consent, s.consentVersion,
              s.communicationsOptIn, s.updatedAt, s.sendUpstream, s.localOnlyReason)
        .run();
}

// A pending row nobody holds is refreshed in place; one already delivered, refused, waiting for
// staff or being sent right now cannot carry the change, so a new row follows it (the per-person
// ordering in claim() keeps it behind an in-flight one).
void enqueueUpstream(StatementCache& stmts, const std::string& signupId, const std::string& body,
                     Instant now) {
    Query last(stmts,
               "SELECT id, state, lease_until FROM outbox WHERE signup_id = ?1 AND kind = 'p2pu' "
               "ORDER BY seq DESC LIMIT 1");
    if (last.bind(signupId).step()) {
        bool leased = !last.isNull(2) && last.instant(2) > now;
        if (last.text(1) == kOutboxPending && !leased) {
            Query(stmts, "UPDATE outbox SET body = ?2 WHERE id = ?1")
                .bind(last.text(0), body)
                .run();
            return;
        }
    }
    OutboxItem item;
    item.signupId = signupId;
    item.kind = kOutboxP2pu;
    item.body = body;
    detail::insertOutbox(stmts, item, now);
}

std::vector<Signup> readAll(Query& q) {
    std::vector<Signup> out;
    while (q.step()) out.push_back(detail::readSignup(q));
    return out;
}

}  // namespace

SignupRepository::SignupRepository(Database& db) : m_stmts(db.handle()) {}

Result<SignupWrite> SignupRepository::upsert(const Signup& s, const std::string& outboxBody) {
    return detail::guarded([&] {
        auto tx = detail::beginTx(m_stmts.db());
        SignupWrite w;
        if (auto existing = findSamePerson(m_stmts, s)) {
            w.id = *existing;
            updateSignup(m_stmts, w.id, s);
        } else {
            w.id = s.id.empty() ? newUuid() : s.id;
            w.created = true;
            insertSignup(m_stmts, w.id, s);
        }
        if (s.sendUpstream) enqueueUpstream(m_stmts, w.id, outboxBody, s.updatedAt);
        detail::commitTx(tx);
        return w;
    });
}

Result<std::vector<Signup>> SignupRepository::forCircle(std::int64_t circleId) {
    return detail::guarded([&] {
        Query q(m_stmts, std::string("SELECT ") + detail::kSignupColumns +
                             " FROM signups WHERE circle_id = ?1 ORDER BY created_at, rowid");
        q.bind(circleId);
        return readAll(q);
    });
}

Result<std::vector<Signup>> SignupRepository::all() {
    return detail::guarded([&] {
        Query q(m_stmts, std::string("SELECT ") + detail::kSignupColumns +
                             " FROM signups ORDER BY created_at, rowid");
        return readAll(q);
    });
}

Result<std::optional<Signup>> SignupRepository::byId(const std::string& id) {
    return detail::guarded([&] {
        Query q(m_stmts,
                std::string("SELECT ") + detail::kSignupColumns + " FROM signups WHERE id = ?1");
        std::optional<Signup> out;
        if (q.bind(id).step()) out = detail::readSignup(q);
        return out;
    });
}

Result<void> SignupRepository::voidSignup(const std::string& id) {
    return detail::guarded([&] {
        auto tx = detail::beginTx(m_stmts.db());
        if (Query(m_stmts, "UPDATE signups SET voided = 1 WHERE id = ?1").bind(id).run() == 0) {
            detail::throwError(ErrorCode::NotFound, "[store.signup.1]", "no signup with that id");
        }
        detail::dropPendingUpstream(m_stmts, id);
        detail::markFleetChanged(m_stmts, id);  // another device's signup: pushed from here
        detail::commitTx(tx);
    });
}

Result<int> SignupRepository::localPending(std::int64_t circleId, Instant snapshotFetchedAt) {
    return detail::guarded([&] {
        Query q(
            m_stmts,
            "SELECT count(DISTINCT CASE WHEN s.email_key <> '' THEN 'e:' || s.email_key ELSE 'm:' "
            "|| s.mobile END) "
            "FROM signups s WHERE s.circle_id = ?1 AND s.voided = 0 "
            "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.signup_id = s.id AND o.kind = 'p2pu' "
            "  AND o.state = 'delivered' AND o.delivered_at < ?2) "
            "AND coalesce((SELECT o.state FROM outbox o WHERE o.signup_id = s.id AND o.kind = "
            "'p2pu' "
            "  ORDER BY o.seq DESC LIMIT 1), '') <> 'rejected' "
            // Another device's signup (fleet mode): as its device last said of its delivery.
            "AND NOT EXISTS (SELECT 1 FROM fleet_records f WHERE f.id = s.id AND f.origin <> '' "
            "  AND (f.rejected = 1 OR f.delivered_at < ?2))");
        q.bind(circleId, snapshotFetchedAt).step();
        return q.i32(0);
    });
}

}  // namespace lc::store
