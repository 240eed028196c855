#include <lc/feed/outbox_worker.hpp>

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include <lc/store/signup_repository.hpp>

namespace lc::feed {

namespace {

using nlohmann::json;

/// What upstream's answer means for the row.
enum class Verdict { Delivered, Rejected, Retry };

struct Classified {
    Verdict verdict = Verdict::Retry;
    std::string errorsJson;  ///< upstream's field errors, when rejected
    std::string reason;      ///< why a retry, no personal data
    std::optional<Instant> retryAfter;
};

Classified classify(const HttpResponse& r, Instant now) {
    Classified c;
    if (r.status != 200) {
        c.reason = "[feed.push.1] the signup endpoint answered HTTP " + std::to_string(r.status);
        if (r.status == 429 || r.status == 503)
            if (auto ra = r.header("retry-after")) c.retryAfter = parseRetryAfter(*ra, now);
        return c;
    }
    const json body = json::parse(r.body, nullptr, false);
    const bool isObject = !body.is_discarded() && body.is_object();
    const json* status = isObject && body.contains("status") ? &body["status"] : nullptr;
    if (status && status->is_string() && *status == "created") {
        c.verdict = Verdict::Delivered;
    } else if (status && status->is_string() && *status == "error" && body.contains("errors")) {
        c.verdict = Verdict::Rejected;
        c.errorsJson = body["errors"].dump();
    } else {
        c.reason = "[feed.push.2] the signup endpoint answered 200 with something other than "
                   "upstream's JSON (captive portal or proxy?)";
    }
    return c;
}

}  // namespace

std::string upstreamSignupBody(const Signup& s) {
    json questions = {{"goals", s.goals}, {"support", s.support}};
    if (!s.customAnswer.empty()) questions["custom_question"] = s.customAnswer;
    json body = {{"learning_circle", s.circleId}, {"name", s.name}, {"email", s.email}};
    if (!s.mobile.empty()) body["mobile"] = s.mobile;
    body["consent"] = s.consent;
    body["communications_opt_in"] = s.communicationsOptIn;
    body["signup_questions"] = std::move(questions);
    return body.dump();
}

OutboxWorker::OutboxWorker(HttpTransport& http, store::Database& db, const Clock& clock,
                           UniformRandom random, std::string owner, OutboxPolicy policy)
    : m_http(http), m_db(db), m_clock(clock), m_random(std::move(random)), m_owner(std::move(owner)),
      m_policy(policy) {}

Result<PushResult> OutboxWorker::pushDue(const std::string& signupEndpoint) {
    store::OutboxRepository outbox(m_db);
    PushResult out;
    std::set<std::string> seen;
    for (int n = 0; n < m_policy.maxRowsPerPass && !out.offline; ++n) {
        auto rows = outbox.claim(m_owner, m_clock.now(), m_policy.lease, 1);
        if (!rows) return fail(rows.error());
        if (rows->empty()) break;
        const store::OutboxRow& row = rows->front();
        // A row we already tried in this pass came due again (a slow pass on a real clock): its
        // lease lets it go by itself, so end here rather than loop on it.
        if (!seen.insert(row.id).second) break;
        if (auto r = deliverOne(signupEndpoint, row, out); !r) return fail(r.error());
    }
    return out;
}

Result<void> OutboxWorker::deliverOne(const std::string& endpoint, const store::OutboxRow& row,
                                      PushResult& out) {
    store::OutboxRepository outbox(m_db);
    if (row.kind != store::kOutboxP2pu) {
        ++out.needsStaff;
        return outbox.markNeedsStaff(row.id, "[feed.push.4] no sender for outbox kind '" + row.kind + "'");
    }
    std::string body = row.body;
    if (body.empty()) {
        auto signup = store::SignupRepository(m_db).byId(row.signupId);
        if (!signup) return fail(signup.error());
        if (!*signup) {
            ++out.needsStaff;
            return outbox.markNeedsStaff(row.id, "[feed.push.3] the signup of this row is gone");
        }
        body = upstreamSignupBody(**signup);
    }
    auto response = m_http.postJson(endpoint, body);
    if (!response) {
        out.offline = response.error().code == ErrorCode::Network;
        return failed(row, response.error().describe(), std::nullopt, out);
    }
    const Instant now = m_clock.now();
    Classified c = classify(*response, now);
    switch (c.verdict) {
    case Verdict::Delivered:
        ++out.pushed;
        return outbox.markDelivered(row.id, now);
    case Verdict::Rejected:
        ++out.rejected;
        return outbox.markRejected(row.id, c.errorsJson);
    case Verdict::Retry:
        break;
    }
    return failed(row, c.reason, c.retryAfter, out);
}

Result<void> OutboxWorker::failed(const store::OutboxRow& row, const std::string& error,
                                  std::optional<Instant> retryAfter, PushResult& out) {
    store::OutboxRepository outbox(m_db);
    const Instant now = m_clock.now();
    out.error = error;
    const Instant firstFailure = row.firstFailureAt.value_or(now);
    if (row.attempts >= m_policy.maxAttempts || now - firstFailure >= m_policy.giveUpAfter) {
        ++out.needsStaff;
        return outbox.markNeedsStaff(row.id, error);
    }
    auto delay = backoffDelay(row.attempts, m_policy.backoffBase, m_policy.backoffCap, m_random);
    Instant next = now + std::max(delay, m_policy.minRetry);
    if (retryAfter) next = std::max(next, std::min(*retryAfter, now + std::chrono::hours(24)));
    ++out.retried;
    return outbox.markRetry(row.id, next, error, now);
}

}  // namespace lc::feed
