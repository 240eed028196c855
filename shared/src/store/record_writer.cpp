#include <lc/store/record_writer.hpp>

#include <lc/store/outbox_repository.hpp>

#include "rows.hpp"
#include "sql.hpp"

namespace lc::store {

using detail::Query;

namespace {

template <class T>
T orThrow(Result<T> r) {
    if (!r) throw detail::StoreFailure(r.error());
    return std::move(*r);
}

// The caller's body function, with anything it throws named as ours.
template <class F, class... A>
std::string bodyOf(const F& body, const A&... args) {
    if (!body) detail::throwError(ErrorCode::InvalidInput, "[store.record.2]", "an outbox row has no body");
    try {
        return body(args...);
    } catch (const detail::StoreFailure&) {
        throw;
    } catch (const std::exception& e) {
        detail::throwError(ErrorCode::Internal, "[store.record.1]",
                           std::string("building an outbox row's body failed: ") + e.what());
    }
}

std::string personKeyOfSignup(StatementCache& stmts, const std::string& signupId) {
    if (signupId.empty()) return {};
    Query q(stmts, "SELECT email, mobile FROM signups WHERE id = ?1");
    return q.bind(signupId).step() ? detail::personKeyOf(q.text(0), q.text(1)) : std::string();
}

}  // namespace

Result<SignupWrite> writeSignup(Database& db, const SignupRecord& record) {
    StatementCache stmts(db.handle());
    return detail::guarded([&] {
        auto tx = detail::beginTx(stmts.db());
        SignupRepository signups(db);
        SignupWrite written = orThrow(signups.upsert(record.signup, record.upstreamBody));
        detail::markFleetChanged(stmts, written.id);  // the fleet's row, in the same unit
        if (!record.rows.empty()) {
            // The stored row, not the input: an update keeps the first id and an earlier mobile.
            auto stored = orThrow(signups.byId(written.id));
            if (!stored)
                detail::throwError(ErrorCode::Database, "[store.record.3]",
                                   "the signup vanished while writing it");
            for (const SignupRow& row : record.rows) {
                OutboxItem item;
                item.signupId = written.id;
                item.kind = row.kind;
                item.body = bodyOf(row.body, *stored, written);
                detail::insertOutbox(stmts, item, record.signup.updatedAt);
            }
        }
        detail::commitTx(tx);
        return written;
    });
}

Result<CheckInWrite> writeCheckIn(Database& db, const CheckInRecord& record) {
    StatementCache stmts(db.handle());
    return detail::guarded([&] {
        auto tx = detail::beginTx(stmts.db());
        const CheckIn& c = record.checkIn;
        CheckInWrite written = orThrow(CheckInRepository(db).add(c));
        if (written.created && !record.rows.empty()) {
            CheckIn stored = c;
            stored.id = written.id;
            const std::string key = personKeyOfSignup(stmts, c.signupId);
            for (const CheckInRow& row : record.rows) {
                OutboxItem item;
                item.checkInId = written.id;
                item.kind = row.kind;
                item.personKey = key;
                item.body = bodyOf(row.body, stored);
                detail::insertOutbox(stmts, item, c.at);
            }
        }
        detail::commitTx(tx);
        return written;
    });
}

}  // namespace lc::store
