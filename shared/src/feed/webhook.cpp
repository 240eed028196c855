#include <lc/feed/webhook.hpp>

#include <array>
#include <cstdio>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <lc/core/text.hpp>
#include <lc/feed/sync_schedule.hpp>
#include <lc/store/outbox_repository.hpp>

namespace lc::feed {

namespace {

using nlohmann::json;

constexpr std::string_view kSignaturePrefix = "sha256=";

using Mac = std::array<unsigned char, crypto_auth_hmacsha256_BYTES>;

Mac hmacSha256(std::string_view body, std::string_view secret) {
    // sodium_init is idempotent and thread-safe; it only picks the fastest implementations.
    if (sodium_init() < 0) return Mac{};
    crypto_auth_hmacsha256_state state;
    // The streaming API takes a key of any length (the one-shot call wants exactly 32 bytes).
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                                secret.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()),
                                  body.size());
    Mac mac{};
    crypto_auth_hmacsha256_final(&state, mac.data());
    sodium_memzero(&state, sizeof state);
    return mac;
}

std::string isoDate(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()),
                  unsigned(d.day()));
    return buf;
}

}  // namespace

bool webhookEnabled(const WebhookConfig& webhook) { return !webhook.url.empty(); }

std::string webhookSignature(std::string_view body, std::string_view secret) {
    const Mac mac = hmacSha256(body, secret);
    std::array<char, crypto_auth_hmacsha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
    return std::string(kSignaturePrefix) + hex.data();
}

bool verifyWebhookSignature(std::string_view body, std::string_view secret,
                            std::string_view header) {
    const std::string expected = webhookSignature(body, secret);
    if (header.size() != expected.size()) return false;
    return sodium_memcmp(header.data(), expected.data(), expected.size()) == 0;
}

std::string webhookSignedText(Instant t, std::string_view deliveryId, std::string_view body) {
    std::string text = std::to_string(t.time_since_epoch().count());
    text += '.';
    text += deliveryId;
    text += '.';
    text += body;
    return text;
}

HttpHeaders webhookHeaders(std::string_view body, std::string_view secret,
                           const std::string& deliveryId, Instant now) {
    const std::string sig = webhookSignature(webhookSignedText(now, deliveryId, body), secret);
    return {{kWebhookSignatureHeader, "t=" + std::to_string(now.time_since_epoch().count()) +
                                          ",v1=" + sig.substr(kSignaturePrefix.size())},
            {kWebhookDeliveryHeader, deliveryId}};
}

bool verifyWebhookHeader(std::string_view header, std::string_view body,
                         std::string_view deliveryId, std::string_view secret, Instant now,
                         std::chrono::seconds tolerance) {
    // "t=<digits>,v1=<64 hex>", exactly.
    if (header.substr(0, 2) != "t=") return false;
    const auto comma = header.find(",v1=");
    if (comma == std::string_view::npos || comma < 3 || comma > 2 + 18) return false;
    const std::string_view digits = header.substr(2, comma - 2);
    if (digits.find_first_not_of("0123456789") != std::string_view::npos) return false;
    const Instant t{std::chrono::seconds{std::stoll(std::string(digits))}};
    if (t > now + tolerance || t < now - tolerance) return false;  // stale or from the future: a replay
    const std::string expected =
        webhookSignature(webhookSignedText(t, deliveryId, body), secret).substr(kSignaturePrefix.size());
    const std::string_view given = header.substr(comma + 4);
    if (given.size() != expected.size()) return false;
    return sodium_memcmp(given.data(), expected.data(), expected.size()) == 0;
}

std::string webhookSignupBody(const Signup& s, bool created) {
    json j = {{"type", "signup"},
              {"id", s.id},
              {"circle_id", s.circleId},
              {"name", s.name},
              {"email", s.email},
              {"mobile", s.mobile},
              {"goals", s.goals},
              {"support", s.support},
              {"custom_question", s.customAnswer},
              {"consent", s.consent},
              {"consent_version", s.consentVersion},
              {"communications_opt_in", s.communicationsOptIn},
              {"to_p2pu", s.sendUpstream},
              {"local_only_reason", s.localOnlyReason},
              {"source", s.source},
              {"created", created},
              {"at", formatInstantUtc(s.updatedAt)}};
    // Replace rather than throw on invalid UTF-8: a record must never fail to serialise.
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string webhookCheckInBody(const CheckIn& c) {
    json j = {{"type", "checkin"},
              {"id", c.id},
              {"circle_id", c.circleId},
              {"meeting_date", isoDate(c.meetingDate)},
              {"name", c.personName},
              {"signup_id", c.signupId},
              {"roster_id", c.rosterId},
              {"at", formatInstantUtc(c.at)}};
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

void addWebhookRow(store::SignupRecord& record, const WebhookConfig& webhook) {
    if (!webhookEnabled(webhook)) return;
    record.rows.push_back({store::kOutboxWebhook, [](const Signup& s, const store::SignupWrite& w) {
                               return webhookSignupBody(s, w.created);
                           }});
}

void addWebhookRow(store::CheckInRecord& record, const WebhookConfig& webhook) {
    if (!webhookEnabled(webhook)) return;
    record.rows.push_back({store::kOutboxWebhook, webhookCheckInBody});
}

WebhookVerdict classifyWebhookResponse(const HttpResponse& response, Instant now) {
    WebhookVerdict v;
    if (response.status >= 200 && response.status < 300) {
        v.delivered = true;
        return v;
    }
    v.reason = "[feed.webhook.1] the webhook answered HTTP " + std::to_string(response.status);
    if (response.status >= 300 && response.status < 400)  // never followed
        v.reason += " redirecting to " +
                    text::redactCredentials(response.header("location").value_or("(no Location)")) +
                    " (not followed)";
    if (response.status == 429 || response.status == 503)
        if (auto ra = response.header("retry-after")) v.retryAfter = parseRetryAfter(*ra, now);
    return v;
}

}  // namespace lc::feed
