#include "rows.hpp"

#include <lc/core/text.hpp>
#include <lc/core/uuid.hpp>

namespace lc::store::detail {

Signup readSignup(const Query& q) {
    Signup s;
    s.id = q.text(0);
    s.circleId = q.i64(1);
    s.name = q.text(2);
    s.email = q.text(3);
    s.mobile = q.text(4);
    s.goals = q.text(5);
    s.support = q.text(6);
    s.customAnswer = q.text(7);
    s.consent = q.flag(8);
    s.consentVersion = q.text(9);
    s.communicationsOptIn = q.flag(10);
    s.createdAt = q.instant(11);
    s.updatedAt = q.instant(12);
    s.sendUpstream = q.flag(13);
    s.localOnlyReason = q.text(14);
    s.source = q.text(15);
    s.voided = q.flag(16);
    return s;
}

std::string checkInPersonKey(const CheckIn& c) {
    if (!c.signupId.empty()) return "s:" + c.signupId;
    if (!c.rosterId.empty()) return "r:" + c.rosterId;
    return "n:" + lowerAscii(text::trim(c.personName));
}

CheckIn readCheckIn(const Query& q) {
    CheckIn c;
    c.id = q.text(0);
    c.circleId = q.i64(1);
    c.meetingDate = parseDate(q.text(2));
    c.personName = q.text(3);
    c.signupId = q.text(4);
    c.rosterId = q.text(5);
    c.at = q.instant(6);
    return c;
}

RosterEntry readRoster(const Query& q) {
    RosterEntry r;
    r.id = q.text(0);
    r.circleId = q.i64(1);
    r.name = q.text(2);
    r.email = q.text(3);
    r.mobile = q.text(4);
    r.importedAt = q.instant(5);
    return r;
}

OutboxRow readOutbox(const Query& q) {
    OutboxRow o;
    o.id = q.text(0);
    o.signupId = q.text(1);
    o.checkInId = q.text(2);
    o.kind = q.text(3);
    o.state = q.text(4);
    o.personKey = q.text(5);
    o.body = q.text(6);
    o.attempts = q.i32(7);
    o.nextAttemptAt = q.instant(8);
    o.firstFailureAt = q.optInstant(9);
    o.lastError = q.text(10);
    o.errorsJson = q.text(11);
    o.deliveredAt = q.optInstant(12);
    o.leaseOwner = q.text(13);
    o.leaseUntil = q.optInstant(14);
    o.createdAt = q.instant(15);
    return o;
}

std::string personKeyOf(const std::string& email, const std::string& mobile) {
    return email.empty() ? mobile : lowerAscii(email);
}

std::string insertOutbox(StatementCache& stmts, const OutboxItem& item, Instant now) {
    std::string key = item.personKey;
    if (key.empty() && !item.signupId.empty()) {
        Query q(stmts, "SELECT email, mobile FROM signups WHERE id = ?1");
        if (q.bind(item.signupId).step()) key = personKeyOf(q.text(0), q.text(1));
    }
    std::string id = newUuid();
    Query(stmts,
          "INSERT INTO outbox(id, signup_id, checkin_id, kind, state, person_key, body, "
          "next_attempt_at, created_at) "
          "VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?6, ?7, ?7)")
        .bind(id, nullIfEmpty(item.signupId), nullIfEmpty(item.checkInId), item.kind, key,
              item.body, now)
        .run();
    return id;
}

}  // namespace lc::store::detail
