// The optional webhook: HMAC signature, bodies, one transaction with the signup or check-in, and
// delivery through the outbox against the loopback server's /hook receiver.

#include <catch2/catch.hpp>

#include <lc/feed/curl_transport.hpp>
#include <lc/feed/outbox_worker.hpp>
#include <lc/feed/sync_runner.hpp>
#include <lc/feed/webhook.hpp>
#include <lc/store/outbox_repository.hpp>
#include <lc/store/transaction.hpp>

#include "network_test_support.hpp"
#include "p2pu_test_server.hpp"

using namespace std::chrono_literals;
using lc::feed::OutboxWorker;
using nlohmann::json;

namespace {

constexpr const char* kSecret = "library-secret-0123456789";

struct Fixture {
    lc::feed::CurlGlobal curl;
    lc::testing::TempStore store;
    lc::FixedClock clock{lc::testing::sampleNow()};
    lc::feed::CurlTransport http;
    lc::testing::P2puTestServer server;
    lc::feed::OutboxPolicy policy;
    lc::WebhookConfig hook{server.url("/hook"), kSecret};

    lc::Signup signup(std::int64_t circle, const std::string& name, const std::string& email,
                      const std::string& mobile = "") {
        lc::Signup s;
        s.circleId = circle;
        s.name = name;
        s.email = email;
        s.mobile = mobile;
        s.goals = "Learn with others";
        s.support = "Come every week";
        s.consent = true;
        s.consentVersion = "2026-11-01";
        s.createdAt = s.updatedAt = clock.now();
        s.sendUpstream = !email.empty();
        if (!s.sendUpstream) s.localOnlyReason = "mobile_only";
        s.source = "kiosk";
        return s;
    }
    std::string add(const lc::Signup& s) {
        lc::store::SignupRecord record{s, {}, {}};
        lc::feed::addWebhookRow(record, hook);
        auto w = lc::store::writeSignup(store.db(), record);
        if (!w) throw std::runtime_error(w.error().describe());
        return w->id;
    }
    std::string checkIn(const std::string& name, const std::string& signupId = "") {
        lc::CheckIn c;
        c.circleId = 3101;
        c.meetingDate = std::chrono::year{2026} / 12 / 1;
        c.personName = name;
        c.signupId = signupId;
        c.at = clock.now();
        lc::store::CheckInRecord record{c, {}};
        lc::feed::addWebhookRow(record, hook);
        auto w = lc::store::writeCheckIn(store.db(), record);
        if (!w) throw std::runtime_error(w.error().describe());
        return w->id;
    }
    lc::feed::PushResult push(const std::string& signupPath = "/api/signup/") {
        OutboxWorker worker(http, store.db(), clock, lc::feed::seededRandom(5), "test", policy);
        auto r = worker.pushDue(lc::feed::OutboxTargets{server.url(signupPath), hook});
        if (!r) throw std::runtime_error(r.error().describe());
        return *r;
    }
    std::vector<lc::store::OutboxRow> rows(const char* state, const char* kind) {
        std::vector<lc::store::OutboxRow> out;
        auto all = lc::store::OutboxRepository(store.db()).listByState(state);
        for (auto& r : all.value())
            if (r.kind == kind) out.push_back(std::move(r));
        return out;
    }
};

}  // namespace

TEST_CASE("Webhook", "[feed]") {
    SECTION("HMAC-SHA256 matches RFC 4231 and verification refuses any change") {
        // RFC 4231 test case 2: key "Jefe".
        const std::string sig = lc::feed::webhookSignature("what do ya want for nothing?", "Jefe");
        CHECK(sig == "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        CHECK(lc::feed::verifyWebhookSignature("what do ya want for nothing?", "Jefe", sig));
        CHECK_FALSE(lc::feed::verifyWebhookSignature("what do ya want for nothing!", "Jefe", sig));
        CHECK_FALSE(lc::feed::verifyWebhookSignature("what do ya want for nothing?", "Jeff", sig));
        CHECK_FALSE(lc::feed::verifyWebhookSignature("what do ya want for nothing?", "Jefe", sig.substr(7)));
        // A key longer than a block is hashed first (RFC 4231 test case 6).
        CHECK(lc::feed::webhookSignature("Test Using Larger Than Block-Size Key - Hash Key First",
                                         std::string(131, '\xaa')) ==
              "sha256=60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    SECTION("2xx is delivered, anything else retried (Retry-After kept)") {
        const lc::Instant now = lc::testing::sampleNow();
        lc::feed::HttpResponse r;
        for (long status : {200L, 201L, 202L, 204L}) {
            r.status = status;
            CHECK(lc::feed::classifyWebhookResponse(r, now).delivered);
        }
        r.status = 503;
        r.headers = {{"retry-after", "120"}};
        auto v = lc::feed::classifyWebhookResponse(r, now);
        CHECK_FALSE(v.delivered);
        CHECK(v.reason.rfind("[feed.webhook.1]", 0) == 0);
        CHECK(v.retryAfter == now + 120s);
        r.status = 302;
        CHECK_FALSE(lc::feed::classifyWebhookResponse(r, now).delivered);
    }

    Fixture f;

    SECTION("signups (mobile-only too) and check-ins reach the webhook, signed; P2PU gets only its own") {
        const std::string ana = f.add(f.signup(3101, "Ana Ruiz", "ana@example.org"));
        f.add(f.signup(3103, "Wanjiru K", "", "+13125550123"));
        const std::string checkIn = f.checkIn("Ana Ruiz", ana);
        auto r = f.push();
        CHECK(r.pushed == 1);
        CHECK(r.webhooks == 3);
        CHECK(lc::store::OutboxRepository(f.store.db()).counts().value().pending == 0);

        const json hooks = f.server.received("/hook");
        REQUIRE(hooks.size() == 3);
        std::vector<json> bodies;
        for (const auto& h : hooks) {
            const std::string body = h["body"];
            CHECK(h["headers"]["content-type"] == "application/json");
            const std::string sig = h["headers"]["x-lc-signature"];
            const std::string delivery = h["headers"]["x-lc-delivery"];
            const lc::Instant now = f.clock.now();
            CHECK(sig.rfind("t=" + std::to_string(now.time_since_epoch().count()) + ",v1=", 0) == 0);
            CHECK(lc::feed::verifyWebhookHeader(sig, body, delivery, kSecret, now));
            CHECK_FALSE(lc::feed::verifyWebhookHeader(sig, body, delivery, "another-secret-0123", now));
            CHECK_FALSE(lc::feed::verifyWebhookHeader(sig, body, "another-delivery", kSecret, now));
            CHECK_FALSE(lc::feed::verifyWebhookHeader(sig, body + " ", delivery, kSecret, now));
            CHECK_FALSE(lc::feed::verifyWebhookHeader(sig, body, delivery, kSecret, now + 6min));  // a replay
            CHECK(lc::feed::verifyWebhookHeader(sig, body, delivery, kSecret, now + 4min));
            CHECK(delivery.size() == 36);
            bodies.push_back(json::parse(body));
        }
        CHECK(bodies[0]["type"] == "signup");
        CHECK(bodies[0]["id"] == ana);
        CHECK(bodies[0]["circle_id"] == 3101);
        CHECK(bodies[0]["email"] == "ana@example.org");
        CHECK(bodies[0]["to_p2pu"] == true);
        CHECK(bodies[0]["created"] == true);
        CHECK(bodies[0]["at"] == "2026-11-30T12:00:00Z");
        CHECK(bodies[1]["type"] == "signup");
        CHECK(bodies[1]["mobile"] == "+13125550123");
        CHECK(bodies[1]["to_p2pu"] == false);
        CHECK(bodies[2] == json{{"type", "checkin"}, {"id", checkIn}, {"circle_id", 3101},
                                {"meeting_date", "2026-12-01"}, {"name", "Ana Ruiz"},
                                {"signup_id", ana}, {"roster_id", ""}, {"at", "2026-11-30T12:00:00Z"}});
        const json upstream = f.server.received("/api/signup/");
        REQUIRE(upstream.size() == 1);
        CHECK(upstream.dump().find("Wanjiru") == std::string::npos);
    }

    SECTION("the rows are written with the record, in one transaction, and only when configured") {
        const std::string id = f.add(f.signup(3101, "Ana Ruiz", "ana@example.org"));
        auto pending = lc::store::OutboxRepository(f.store.db()).listByState("pending").value();
        REQUIRE(pending.size() == 2);
        CHECK(pending[0].kind == "p2pu");
        CHECK(pending[1].kind == "webhook");
        CHECK(pending[1].signupId == id);
        CHECK(pending[1].personKey == "ana@example.org");
        // The same person again: an update, and a second webhook event saying so.
        lc::Signup again = f.signup(3101, "Ana Ruiz", "ANA@example.org");
        again.updatedAt = f.clock.now() + 1min;
        CHECK(f.add(again) == id);
        auto hooks = f.rows("pending", "webhook");
        REQUIRE(hooks.size() == 2);
        CHECK(json::parse(hooks[1].body)["created"] == false);
        CHECK(json::parse(hooks[1].body)["id"] == id);
        // A repeat check-in adds nothing.
        const std::string first = f.checkIn("Ana Ruiz", id);
        CHECK(f.checkIn("Ana Ruiz", id) == first);
        CHECK(f.rows("pending", "webhook").size() == 3);
        CHECK(f.rows("pending", "webhook")[2].personKey == "ana@example.org");
        // Rolled back with the caller's transaction.
        {
            auto tx = lc::store::Transaction::begin(f.store.db());
            REQUIRE(tx);
            f.add(f.signup(3103, "Ben Okafor", "ben@example.org"));
        }
        CHECK(lc::store::OutboxRepository(f.store.db()).counts().value().pending == 4);
        // No URL, no webhook row.
        f.hook.url.clear();
        f.add(f.signup(3103, "Ben Okafor", "ben@example.org"));
        f.checkIn("Walk In");
        CHECK(f.rows("pending", "webhook").size() == 3);
    }

    SECTION("a webhook that answers 500 never blocks P2PU rows and ends with staff") {
        f.policy.maxAttempts = 3;
        f.server.fault({{"mode", "http500"}, {"path", "/hook"}});
        f.add(f.signup(3101, "Ana Ruiz", "ana@example.org"));
        f.add(f.signup(3103, "Ben Okafor", "ben@example.org"));
        auto r = f.push();
        CHECK(r.pushed == 2);
        CHECK(r.webhooks == 0);
        CHECK(r.retried == 2);
        CHECK_FALSE(r.offline);
        CHECK(f.rows("pending", "webhook").size() == 2);
        CHECK(f.rows("pending", "webhook")[0].lastError.rfind("[feed.webhook.1]", 0) == 0);
        for (int i = 0; i < 3; ++i) {
            f.clock.advance(2h);
            f.push();
        }
        CHECK(f.rows("needs_staff", "webhook").size() == 2);
        CHECK(f.server.query("/signups")["signups"].size() == 2);
        // Staff retries once the receiver is fixed: delivered.
        f.server.fault({{"mode", "normal"}});
        const auto staff = f.rows("needs_staff", "webhook");
        for (const auto& row : staff)
            REQUIRE(lc::store::OutboxRepository(f.store.db()).retry(row.id, f.clock.now()));
        CHECK(f.push().webhooks == 2);
    }

    SECTION("an unreachable webhook: P2PU rows still go, the other webhook rows wait untried") {
        lc::testing::P2puTestServer dead;
        f.hook.url = dead.url("/hook");
        dead.stop();
        f.add(f.signup(3101, "Ana Ruiz", "ana@example.org"));
        f.add(f.signup(3103, "Ben Okafor", "ben@example.org"));
        f.add(f.signup(3103, "Wanjiru K", "", "+13125550123"));
        auto r = f.push();
        CHECK(r.pushed == 2);
        CHECK(r.offline);
        CHECK(r.error.rfind("[feed.net.1]", 0) == 0);
        auto waiting = f.rows("pending", "webhook");
        REQUIRE(waiting.size() == 3);
        CHECK(waiting[0].lastError.rfind("[feed.net.1]", 0) == 0);
        CHECK(waiting[1].lastError.rfind("[feed.push.6]", 0) == 0);
        CHECK(waiting[2].lastError.rfind("[feed.push.6]", 0) == 0);
    }

    SECTION("runSync sends the webhook rows and counts them; an unset URL hands them to staff") {
        f.add(f.signup(3103, "Wanjiru K", "", "+13125550123"));
        lc::Config cfg;
        cfg.webhook = f.hook;
        lc::feed::SyncOptions options;
        options.pull = false;
        options.signupUrl = f.server.url("/api/signup/");
        auto r = lc::feed::runSync(f.http, f.store.db(), cfg, f.clock, lc::feed::seededRandom(1), options);
        CHECK(r.error.empty());
        CHECK(r.webhooks == 1);
        CHECK(json::parse(lc::feed::syncResultJson(r))["webhooks"] == 1);
        CHECK(lc::feed::syncExitCode(r) == 0);

        f.add(f.signup(3103, "Ben Okafor", "ben@example.org"));
        cfg.webhook.url.clear();
        r = lc::feed::runSync(f.http, f.store.db(), cfg, f.clock, lc::feed::seededRandom(1), options);
        CHECK(r.pushed == 1);
        CHECK(r.needsStaff == 1);
        auto staff = f.rows("needs_staff", "webhook");
        REQUIRE(staff.size() == 1);
        CHECK(staff[0].lastError.rfind("[feed.push.4]", 0) == 0);
    }
}
