// recordSignup / recordCheckIn: the signup or check-in and its outbox rows in one transaction, so
// a crash never leaves a record the webhook will not hear about (nor a webhook row for a record
// that was rolled back).
#include <lc/feed/webhook.hpp>

#include <lc/store/outbox_repository.hpp>
#include <lc/store/transaction.hpp>

namespace lc::feed {

namespace {

// The ordering key the store gives a signup's rows (lower-case email, else mobile), so a
// check-in's webhook row goes after that person's signup row.
std::string personKeyOf(const Signup& s) {
    if (s.email.empty()) return s.mobile;
    std::string key = s.email;
    for (char& ch : key)
        if (ch >= 'A' && ch <= 'Z') ch = char(ch - 'A' + 'a');
    return key;
}

}  // namespace

Result<store::SignupWrite> recordSignup(store::Database& db, const Signup& s,
                                        const WebhookConfig& webhook,
                                        const std::string& upstreamBody) {
    auto tx = store::Transaction::begin(db);
    if (!tx) return fail(tx.error());
    store::SignupRepository signups(db);
    auto written = signups.upsert(s, upstreamBody);  // a SAVEPOINT inside ours
    if (!written) return fail(written.error());
    if (webhookEnabled(webhook)) {
        // The stored row, not `s`: an update keeps the first id and an earlier mobile.
        auto stored = signups.byId(written->id);
        if (!stored) return fail(stored.error());
        if (!*stored)
            return fail(ErrorCode::Database, "[feed.webhook.3]", "the signup vanished while writing it");
        store::OutboxItem item;
        item.signupId = written->id;
        item.kind = store::kOutboxWebhook;
        item.body = webhookSignupBody(**stored, written->created);
        auto queued = store::OutboxRepository(db).enqueue(item, s.updatedAt);
        if (!queued) return fail(queued.error());
    }
    if (auto c = tx->commit(); !c) return fail(c.error());
    return written;
}

Result<store::CheckInWrite> recordCheckIn(store::Database& db, const CheckIn& c,
                                          const WebhookConfig& webhook) {
    auto tx = store::Transaction::begin(db);
    if (!tx) return fail(tx.error());
    auto written = store::CheckInRepository(db).add(c);
    if (!written) return fail(written.error());
    if (written->created && webhookEnabled(webhook)) {
        CheckIn stored = c;
        stored.id = written->id;
        store::OutboxItem item;
        item.checkInId = written->id;
        item.kind = store::kOutboxWebhook;
        item.body = webhookCheckInBody(stored);
        if (!c.signupId.empty()) {
            auto signup = store::SignupRepository(db).byId(c.signupId);
            if (!signup) return fail(signup.error());
            if (*signup) item.personKey = personKeyOf(**signup);
        }
        auto queued = store::OutboxRepository(db).enqueue(item, c.at);
        if (!queued) return fail(queued.error());
    }
    if (auto r = tx->commit(); !r) return fail(r.error());
    return written;
}

}  // namespace lc::feed
