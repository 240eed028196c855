#pragma once
// The optional webhook (issue #3 item 4) for libraries that keep their own records: each signup
// (mobile-only ones too, which never go to P2PU) and each check-in becomes an outbox row of kind
// "webhook", written in the same transaction as the signup or check-in (store::writeSignup /
// writeCheckIn, with the rows addWebhookRow adds to the record), and the outbox worker
// POSTs its JSON body to `webhook.url` with the same guarantees as P2PU rows (at-least-once,
// backoff, needs_staff after the policy's tries or 72 h). 2xx = delivered; anything else retries.
//
// Each POST carries
//   X-LC-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 keyed with webhook.secret of
//                   "<t>.<delivery id>.<exact body bytes>">   (receivers refuse a t older than
//                   5 minutes, so a captured request cannot be replayed; verifyWebhookHeader)
//   X-LC-Delivery:  <the outbox row's id>   (the same on every retry: receivers dedupe on it)
// webhook.url must be https (http only to loopback, for tests); see config.
// Bodies (UTF-8 JSON, one object, built when the row is written, never changed afterwards):
//   {"type":"signup", "id", "circle_id", "name", "email", "mobile", "goals", "support",
//    "custom_question", "consent", "consent_version", "communications_opt_in", "to_p2pu",
//    "local_only_reason", "source", "created", "at"}
//   {"type":"checkin", "id", "circle_id", "meeting_date", "name", "signup_id", "roster_id", "at"}
// `at` is the instant of the event in UTC ("2026-11-30T12:00:00Z"); `created` is false when the
// signup updated an earlier one of the same person (the `id` is then the earlier one's).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <lc/core/clock.hpp>
#include <lc/core/config.hpp>
#include <lc/core/model.hpp>
#include <lc/core/result.hpp>
#include <lc/feed/http_transport.hpp>
#include <lc/store/record_writer.hpp>

namespace lc::feed {

/// The header carrying the body's signature.
inline constexpr const char* kWebhookSignatureHeader = "X-LC-Signature";
/// The header carrying the delivery (outbox row) id.
inline constexpr const char* kWebhookDeliveryHeader = "X-LC-Delivery";

/// Whether the config asks for a webhook (a URL is set).
bool webhookEnabled(const WebhookConfig& webhook);

/// "sha256=<64 lower-case hex digits>": HMAC-SHA256 (libsodium) of exactly `body`, keyed with
/// `secret` (any length, as RFC 2104 allows). Deliveries sign webhookSignedText(), not the body.
std::string webhookSignature(std::string_view body, std::string_view secret);

/// Whether `header` (an X-LC-Signature value) signs `body` under `secret`; constant-time.
bool verifyWebhookSignature(std::string_view body, std::string_view secret,
                            std::string_view header);

/// The text a delivery's signature covers: "<unix seconds>.<delivery id>.<body>".
std::string webhookSignedText(Instant t, std::string_view deliveryId, std::string_view body);

/// The request headers of one delivery sent at `now`:
///   X-LC-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of webhookSignedText(now, id, body)>
///   X-LC-Delivery:  <the delivery (outbox row) id>
HttpHeaders webhookHeaders(std::string_view body, std::string_view secret,
                           const std::string& deliveryId, Instant now);

/// What a receiver does: true when `header` (an X-LC-Signature value) signs this body and
/// delivery id under `secret` and its timestamp is within `tolerance` of `now` (a stale or
/// replayed delivery is refused). Constant-time comparison.
bool verifyWebhookHeader(std::string_view header, std::string_view body,
                         std::string_view deliveryId, std::string_view secret, Instant now,
                         std::chrono::seconds tolerance = std::chrono::minutes{5});

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

/// Adds the "webhook" row to a signup's record when `webhook` is enabled: its body is
/// webhookSignupBody of the signup as stored, written by store::writeSignup in the signup's own
/// transaction.
void addWebhookRow(store::SignupRecord& record, const WebhookConfig& webhook);

/// Adds the "webhook" row to a check-in's record when `webhook` is enabled (a repeat check-in
/// gets none; see store::writeCheckIn).
void addWebhookRow(store::CheckInRecord& record, const WebhookConfig& webhook);

}  // namespace lc::feed
