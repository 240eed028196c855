#include <lc/store/outbox_repository.hpp>

#include "rows.hpp"
#include "sql.hpp"

namespace lc::store {

using detail::Query;

namespace {

void expectOne(int changed) {
    if (changed == 0)
        detail::throwError(ErrorCode::NotFound, "[store.outbox.1]", "no outbox row with that id");
}

// Due, unleased pending rows, oldest due first; a row waits while an earlier row of the same kind
// and person is still pending (leased or backing off), so one person's records arrive in order.
constexpr const char* kClaimable =
    "SELECT o.id FROM outbox o WHERE o.state = 'pending' AND o.next_attempt_at <= ?1 "
    "AND (o.lease_until IS NULL OR o.lease_until <= ?1) "
    "AND (o.person_key = '' OR NOT EXISTS (SELECT 1 FROM outbox e WHERE e.kind = o.kind "
    "  AND e.person_key = o.person_key AND e.state = 'pending' AND e.seq < o.seq)) "
    "ORDER BY o.next_attempt_at, o.seq LIMIT ?2";

}  // namespace

OutboxRepository::OutboxRepository(Database& db) : m_stmts(db.handle()) {}

Result<std::string> OutboxRepository::enqueue(const OutboxItem& item, Instant now) {
    return detail::guarded([&] {
        if (item.signupId.empty() == item.checkInId.empty()) {
            detail::throwError(ErrorCode::InvalidInput, "[store.outbox.3]",
                               "an outbox row carries exactly one signup or check-in");
        }
        return detail::insertOutbox(m_stmts, item, now);
    });
}

Result<std::vector<OutboxRow>> OutboxRepository::claim(const std::string& owner, Instant now,
                                                       std::chrono::seconds leaseFor, int limit) {
    return detail::guarded([&] {
        // BEGIN IMMEDIATE takes the write lock before reading, so two processes cannot both see a
        // row as free and lease it.
        auto tx = detail::beginTx(m_stmts.db());
        std::vector<std::string> ids;
        {
            Query q(m_stmts, kClaimable);
            q.bind(now, limit);
            while (q.step()) ids.push_back(q.text(0));
        }
        std::vector<OutboxRow> rows;
        for (const std::string& id : ids) {
            Query(m_stmts,
                  "UPDATE outbox SET lease_owner = ?2, lease_until = ?3, attempts = attempts + 1 "
                  "WHERE id = ?1")
                .bind(id, owner, now + leaseFor)
                .run();
            Query q(m_stmts,
                    std::string("SELECT ") + detail::kOutboxColumns + " FROM outbox WHERE id = ?1");
            if (q.bind(id).step()) rows.push_back(detail::readOutbox(q));
        }
        detail::commitTx(tx);
        return rows;
    });
}

Result<void> OutboxRepository::markDelivered(const std::string& id, Instant at) {
    return detail::guarded([&] {
        expectOne(
            Query(m_stmts,
                  "UPDATE outbox SET state = 'delivered', delivered_at = ?2, last_error = '', "
                  "lease_owner = '', lease_until = NULL WHERE id = ?1")
                .bind(id, at)
                .run());
    });
}

Result<void> OutboxRepository::markRejected(const std::string& id, const std::string& errorsJson) {
    return detail::guarded([&] {
        expectOne(Query(m_stmts,
                        "UPDATE outbox SET state = 'rejected', errors_json = ?2, lease_owner = '', "
                        "lease_until = NULL WHERE id = ?1")
                      .bind(id, errorsJson)
                      .run());
    });
}

Result<void> OutboxRepository::markRetry(const std::string& id, Instant nextAt,
                                         const std::string& error, Instant now) {
    return detail::guarded([&] {
        expectOne(
            Query(m_stmts,
                  "UPDATE outbox SET state = 'pending', next_attempt_at = ?2, last_error = ?3, "
                  "first_failure_at = coalesce(first_failure_at, ?4), lease_owner = '', "
                  "lease_until = NULL "
                  "WHERE id = ?1")
                .bind(id, nextAt, error, now)
                .run());
    });
}

Result<void> OutboxRepository::markNeedsStaff(const std::string& id, const std::string& error) {
    return detail::guarded([&] {
        expectOne(
            Query(m_stmts,
                  "UPDATE outbox SET state = 'needs_staff', last_error = ?2, lease_owner = '', "
                  "lease_until = NULL WHERE id = ?1")
                .bind(id, error)
                .run());
    });
}

Result<void> OutboxRepository::retry(const std::string& id, Instant now) {
    return detail::guarded([&] {
        Query q(m_stmts, "SELECT state FROM outbox WHERE id = ?1");
        if (!q.bind(id).step()) expectOne(0);
        if (q.text(0) == kOutboxDelivered) {
            detail::throwError(ErrorCode::Conflict, "[store.outbox.2]",
                               "that outbox row was already delivered");
        }
        expectOne(Query(m_stmts,
                        "UPDATE outbox SET state = 'pending', next_attempt_at = ?2, "
                        "first_failure_at = NULL, "
                        "lease_owner = '', lease_until = NULL WHERE id = ?1")
                      .bind(id, now)
                      .run());
    });
}

Result<OutboxCounts> OutboxRepository::counts() {
    return detail::guarded([&] {
        OutboxCounts c;
        Query q(m_stmts, "SELECT state, count(*) FROM outbox GROUP BY state");
        while (q.step()) {
            std::string state = q.text(0);
            int n = q.i32(1);
            if (state == kOutboxPending)
                c.pending = n;
            else if (state == kOutboxDelivered)
                c.delivered = n;
            else if (state == kOutboxRejected)
                c.rejected = n;
            else if (state == kOutboxNeedsStaff)
                c.needsStaff = n;
        }
        return c;
    });
}

Result<std::vector<OutboxRow>> OutboxRepository::listByState(const std::string& state) {
    return detail::guarded([&] {
        Query q(m_stmts, std::string("SELECT ") + detail::kOutboxColumns +
                             " FROM outbox WHERE state = ?1 ORDER BY seq");
        q.bind(state);
        std::vector<OutboxRow> out;
        while (q.step()) out.push_back(detail::readOutbox(q));
        return out;
    });
}

Result<std::optional<OutboxRow>> OutboxRepository::byId(const std::string& id) {
    return detail::guarded([&] {
        Query q(m_stmts,
                std::string("SELECT ") + detail::kOutboxColumns + " FROM outbox WHERE id = ?1");
        std::optional<OutboxRow> out;
        if (q.bind(id).step()) out = detail::readOutbox(q);
        return out;
    });
}

Result<int> OutboxRepository::pruneDelivered(Instant before) {
    return detail::guarded([&] {
        return Query(m_stmts, "DELETE FROM outbox WHERE state = 'delivered' AND delivered_at < ?1")
            .bind(before)
            .run();
    });
}

}  // namespace lc::store
