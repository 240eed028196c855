#include <lc/store/sync_state_repository.hpp>

#include "sql.hpp"

namespace lc::store {

using detail::Query;

SyncStateRepository::SyncStateRepository(Database& db) : m_stmts(db.handle()) {}

Result<SyncState> SyncStateRepository::get() {
    return detail::guarded([&] {
        Query q(m_stmts,
                "SELECT last_attempt, last_success, last_error, etag, last_modified, feed_hash, "
                "next_due_at, "
                "consecutive_failures, retry_after FROM sync_state WHERE one = 1");
        SyncState s;
        if (q.step()) {
            s.lastAttempt = q.optInstant(0);
            s.lastSuccess = q.optInstant(1);
            s.lastError = q.text(2);
            s.etag = q.text(3);
            s.lastModified = q.text(4);
            s.feedHash = q.text(5);
            s.nextDueAt = q.optInstant(6);
            s.consecutiveFailures = q.i32(7);
            s.retryAfter = q.optInstant(8);
        }
        return s;
    });
}

Result<void> SyncStateRepository::put(const SyncState& s) {
    return detail::guarded([&] {
        // The row is created by the schema: one UPDATE, one small WAL frame.
        Query(m_stmts,
              "UPDATE sync_state SET last_attempt = ?1, last_success = ?2, last_error = ?3, etag = "
              "?4, "
              "last_modified = ?5, feed_hash = ?6, next_due_at = ?7, consecutive_failures = ?8, "
              "retry_after = ?9 "
              "WHERE one = 1")
            .bind(s.lastAttempt, s.lastSuccess, s.lastError, s.etag, s.lastModified, s.feedHash,
                  s.nextDueAt, s.consecutiveFailures, s.retryAfter)
            .run();
    });
}

}  // namespace lc::store
