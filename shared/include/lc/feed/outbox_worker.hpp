#pragma once
// The signup outbox worker: claims due rows under a lease (one at a time, so a crash strands at
// most one row until its lease ends) and POSTs each to upstream's /api/signup/ exactly as upstream
// expects (p2pu-api.md §4). At-least-once: a row leaves `pending` only when upstream answered.
//
//   {"status":"created"}                 → delivered (with the instant)
//   {"status":"error","errors":{...}}    → rejected, the field errors kept for staff
//   network failure, timeout, non-200, a 200 that is not upstream's JSON
//                                        → retried with full-jitter backoff (never before a
//                                          Retry-After); after maxAttempts claims or 72 h since
//                                          its first failure → needs_staff
// Rows of kind "webhook" go to the configured webhook (webhook.hpp): 2xx → delivered, anything
// else → retried alike. A network failure marks that kind's endpoint down for the rest of the
// pass: later rows of that kind claimed in the same pass are put back with the same error (no
// request: the rest would fail alike), while the other kind goes on, so a dead webhook never holds
// back P2PU rows. The pass ends when every endpoint it has is down. Per-person order (per kind)
// and "needs_staff blocks nothing" come from OutboxRepository::claim.

#include <chrono>
#include <optional>
#include <string>

#include <map>

#include <lc/core/clock.hpp>
#include <lc/core/config.hpp>
#include <lc/core/model.hpp>
#include <lc/core/result.hpp>
#include <lc/feed/http_transport.hpp>
#include <lc/feed/sync_schedule.hpp>
#include <lc/store/database.hpp>
#include <lc/store/outbox_repository.hpp>

namespace lc::feed {

/// How hard the worker tries.
struct OutboxPolicy {
    int maxAttempts = 10;                         ///< claims before needs_staff
    std::chrono::hours giveUpAfter{72};           ///< since the first failed attempt
    std::chrono::seconds backoffBase{60};         ///< first backoff ceiling
    std::chrono::seconds backoffCap{60 * 60};     ///< largest backoff ceiling
    std::chrono::seconds minRetry{15};            ///< floor of a jittered retry delay
    std::chrono::seconds lease{10 * 60};          ///< longer than any one POST can take
    int maxRowsPerPass = 500;                     ///< bound on one pass
};

/// What one pass did.
struct PushResult {
    int pushed = 0;      ///< delivered now
    int rejected = 0;    ///< refused by upstream now
    int needsStaff = 0;  ///< moved to needs_staff now
    int retried = 0;     ///< failed now, will retry
    int webhooks = 0;    ///< webhook rows delivered now (not counted in `pushed`)
    bool offline = false;  ///< a transport failure hit an endpoint in this pass
    std::string error;     ///< the last failure, "" when none; no personal data
};

/// The JSON body upstream's SignupView expects for a signup: learning_circle, name, email,
/// mobile (only when given), consent, communications_opt_in, signup_questions {goals, support,
/// custom_question (only when answered)}.
std::string upstreamSignupBody(const Signup& s);

/// Where the rows go.
struct OutboxTargets {
    std::string signupEndpoint;  ///< the full /api/signup/ URL; "" = "p2pu" rows need staff
    WebhookConfig webhook;       ///< url "" = "webhook" rows need staff
};

/// Pushes the due rows: "p2pu" to upstream, "webhook" to the configured webhook.
/// Thread-safety: one worker per thread and Database; several workers (threads or processes) on
/// one store file never send the same row at the same time (leases).
class OutboxWorker {
public:
    /// `owner` names the lease holder ("lcctl:1234", "kiosk"). All references must outlive it.
    OutboxWorker(HttpTransport& http, store::Database& db, const Clock& clock, UniformRandom random,
                 std::string owner, OutboxPolicy policy = {});

    /// Claims and sends due rows until none is left, the pass bound is hit, or the network is
    /// down. `signupEndpoint` is the full /api/signup/ URL. Errors: the store's.
    Result<PushResult> pushDue(const std::string& signupEndpoint);

    /// The same, with a webhook too.
    Result<PushResult> pushDue(const OutboxTargets& targets);

private:
    Result<void> deliverOne(const OutboxTargets& targets, const store::OutboxRow& row,
                            PushResult& out);
    Result<void> deliverP2pu(const std::string& endpoint, const store::OutboxRow& row,
                             PushResult& out);
    Result<void> deliverWebhook(const WebhookConfig& webhook, const store::OutboxRow& row,
                                PushResult& out);
    Result<void> transportFailed(const store::OutboxRow& row, const Error& e, PushResult& out);
    bool allDown(const OutboxTargets& targets) const;
    Result<void> failed(const store::OutboxRow& row, const std::string& error,
                        std::optional<Instant> retryAfter, PushResult& out);

    HttpTransport& m_http;
    store::Database& m_db;
    const Clock& m_clock;
    UniformRandom m_random;
    std::string m_owner;
    OutboxPolicy m_policy;
    std::map<std::string, std::string> m_down;  ///< kind → the error that took it down, this pass
};

}  // namespace lc::feed
