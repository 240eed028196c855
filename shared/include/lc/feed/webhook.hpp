#pragma once
// The optional webhook (issue #3 item 4) for libraries that keep their own records: each signup
// (mobile-only ones too, which never go to P2PU) and each check-in becomes an outbox row of kind
// "webhook", written in the same transaction as the signup or check-in, and the outbox worker
// POSTs its JSON body to `webhook.url` with the same guarantees as P2PU rows (at-least-once,
// backoff, needs_staff after the policy's tries or 72 h). 2xx = delivered; anything else retries.
//
// Each POST carries
//   X-LC-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes, keyed with webhook.secret>
//   X-LC-Delivery:  <the outbox row's id>   (the same on every retry: receivers dedupe on it)
// Bodies (UTF-8 JSON, one object, built when the row is written, never changed afterwards):
//   {"type":"signup", "id", "circle_id", "name", "email", "mobile", "goals", "support",
//    "custom_question", "consent", "consent_version", "communications_opt_in", "to_p2pu",
//    "local_only_reason", "source", "created", "at"}
//   {"type":"checkin", "id", "circle_id", "meeting_date", "name", "signup_id", "roster_id", "at"}
// `at` is the instant of the event in UTC ("2026-11-30T12:00:00Z"); `created` is false when the
// signup updated an earlier one of the same person (the `id` is then the earlier one's).

#include <optional>
#include <string>
#include <string_view>

#include <lc/core/clock.hpp>
#include <lc/core/config.hpp>
#include <lc/core/model.hpp>
#include <lc/core/result.hpp>
#include <lc/feed/http_transport.hpp>
#include <lc/store/checkin_repository.hpp>
#include <lc/store/database.hpp>
#include <lc/store/signup_repository.hpp>

namespace lc::feed {

/// The header carrying the body's signature.
inline constexpr const char* kWebhookSignatureHeader = "X-LC-Signature";
/// The header carrying the delivery (outbox row) id.
inline constexpr const char* kWebhookDeliveryHeader = "X-LC-Delivery";

/// Whether the config asks for a webhook (a URL is set).
bool webhookEnabled(const WebhookConfig& webhook);

/// "sha256=<64 lower-case hex digits>": HMAC-SHA256 (libsodium) of exactly `body`, keyed with
/// `secret` (any length, as RFC 2104 allows).
std::string webhookSignature(std::string_view body, std::string_view secret);

/// Whether `header` (an X-LC-Signature value) signs `body` under `secret`; constant-time.
bool verifyWebhookSignature(std::string_view body, std::string_view secret,
                            std::string_view header);

/// The request headers of one delivery: the signature and the delivery id.
HttpHeaders webhookHeaders(std::string_view body, std::string_view secret,
                           const std::string& deliveryId);

/// The "signup" body of a stored signup; `created` as SignupWrite::created.
std::string webhookSignupBody(const Signup& s, bool created);

/// The "checkin" body of a stored check-in.
std::string webhookCheckInBody(const CheckIn& c);

/// What a webhook endpoint's answer means for the row.
struct WebhookVerdict {
    bool delivered = false;             ///< 2xx
    std::string reason;                 ///< why a retry ("[feed.webhook.1] ..."), no personal data
    std::optional<Instant> retryAfter;  ///< from Retry-After on 429 / 503
};

/// 2xx → delivered; anything else → retry (honouring Retry-After on 429 and 503).
WebhookVerdict classifyWebhookResponse(const HttpResponse& response, Instant now);

/// Writes the signup as SignupRepository::upsert does (which enqueues the "p2pu" row when
/// s.sendUpstream, with `upstreamBody`) and, when `webhook` is enabled, enqueues a "webhook" row
/// carrying the stored signup, due at s.updatedAt: all in one transaction (a SAVEPOINT inside a
/// caller's). Errors: the store's.
Result<store::SignupWrite> recordSignup(store::Database& db, const Signup& s,
                                        const WebhookConfig& webhook,
                                        const std::string& upstreamBody = {});

/// Adds the check-in as CheckInRepository::add does and, when it is new and `webhook` is enabled,
/// enqueues a "webhook" row due at c.at (ordered after the signup's rows of the same person), in
/// one transaction. A repeat check-in enqueues nothing. Errors: the store's.
Result<store::CheckInWrite> recordCheckIn(store::Database& db, const CheckIn& c,
                                          const WebhookConfig& webhook);

}  // namespace lc::feed
