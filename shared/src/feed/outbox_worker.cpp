#include <lc/feed/outbox_worker.hpp>

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include <lc/core/text.hpp>
#include <lc/feed/webhook.hpp>
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
        if (r.status >= 300 && r.status < 400)  // never followed: the body stays here
            c.reason += " redirecting to " + text::redactCredentials(r.header("location").value_or("(no Location)")) +
                        " (not followed; fix feed.signup_url)";
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
    OutboxTargets targets;
    targets.signupEndpoint = signupEndpoint;
    return pushDue(targets);
}

Result<PushResult> OutboxWorker::pushDue(const OutboxTargets& targets) {
    store::OutboxRepository outbox(m_db);
    PushResult out;
    std::set<std::string> seen;
    m_down.clear();
    for (int n = 0; n < m_policy.maxRowsPerPass && !allDown(targets); ++n) {
        auto rows = outbox.claim(m_owner, m_clock.now(), m_policy.lease, 1);
        if (!rows) return fail(rows.error());
        if (rows->empty()) break;
        const store::OutboxRow& row = rows->front();
        // A row we already tried in this pass came due again (a slow pass on a real clock): its
        // lease lets it go by itself, so end here rather than loop on it.
        if (!seen.insert(row.id).second) break;
        if (auto r = deliverOne(targets, row, out); !r) return fail(r.error());
    }
    return out;
}

bool OutboxWorker::allDown(const OutboxTargets& targets) const {
    if (m_down.empty()) return false;
    const bool p2puDown = targets.signupEndpoint.empty() || m_down.count(store::kOutboxP2pu) > 0;
    const bool hookDown = !webhookEnabled(targets.webhook) || m_down.count(store::kOutboxWebhook) > 0;
    return p2puDown && hookDown;
}

Result<void> OutboxWorker::deliverOne(const OutboxTargets& targets, const store::OutboxRow& row,
                                      PushResult& out) {
    if (auto down = m_down.find(row.kind); down != m_down.end()) {
        const std::string cause = out.error;  // keep the real failure as the pass's error
        auto r = failed(row,
                        "[feed.push.6] not tried: its endpoint was unreachable earlier in this "
                        "pass (" + down->second + ")",
                        std::nullopt, out);
        out.error = cause;
        return r;
    }
    if (row.kind == store::kOutboxP2pu && !targets.signupEndpoint.empty())
        return deliverP2pu(targets.signupEndpoint, row, out);
    if (row.kind == store::kOutboxWebhook && webhookEnabled(targets.webhook))
        return deliverWebhook(targets.webhook, row, out);
    ++out.needsStaff;
    return store::OutboxRepository(m_db).markNeedsStaff(
        row.id, "[feed.push.4] no sender for outbox kind '" + row.kind + "' (endpoint not configured)");
}

Result<void> OutboxWorker::deliverP2pu(const std::string& endpoint, const store::OutboxRow& row,
                                       PushResult& out) {
    store::OutboxRepository outbox(m_db);
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
    if (!response) return transportFailed(row, response.error(), out);
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

Result<void> OutboxWorker::deliverWebhook(const WebhookConfig& webhook, const store::OutboxRow& row,
                                          PushResult& out) {
    if (row.body.empty()) {
        ++out.needsStaff;
        return store::OutboxRepository(m_db).markNeedsStaff(
            row.id, "[feed.webhook.2] the webhook row has no body");
    }
    auto response = m_http.postJson(webhook.url, row.body,
                                    webhookHeaders(row.body, webhook.secret, row.id, m_clock.now()));
    if (!response) return transportFailed(row, response.error(), out);
    const Instant now = m_clock.now();
    WebhookVerdict v = classifyWebhookResponse(*response, now);
    if (v.delivered) {
        ++out.webhooks;
        return store::OutboxRepository(m_db).markDelivered(row.id, now);
    }
    return failed(row, v.reason, v.retryAfter, out);
}

Result<void> OutboxWorker::transportFailed(const store::OutboxRow& row, const Error& e,
                                           PushResult& out) {
    if (e.code == ErrorCode::Network) {
        out.offline = true;
        m_down[row.kind] = e.describe();
    }
    return failed(row, e.describe(), std::nullopt, out);
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
