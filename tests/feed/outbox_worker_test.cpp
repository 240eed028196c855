// The signup outbox against the loopback P2PU server: exactly upstream's body, delivered /
// rejected / retried / needs_staff, per-person order, a flaky server, and two pushers at once.

#include <catch2/catch.hpp>

#include <map>
#include <thread>

#include <lc/feed/curl_transport.hpp>
#include <lc/feed/outbox_worker.hpp>
#include <lc/store/outbox_repository.hpp>
#include <lc/store/signup_repository.hpp>

#include "network_test_support.hpp"
#include "p2pu_test_server.hpp"

using namespace std::chrono_literals;
using lc::feed::OutboxPolicy;
using lc::feed::OutboxWorker;
using nlohmann::json;

namespace {

struct Fixture {
    lc::feed::CurlGlobal curl;
    lc::testing::TempStore store;
    lc::FixedClock clock{lc::testing::sampleNow()};
    lc::feed::CurlTransport http;
    lc::testing::P2puTestServer server;
    OutboxPolicy policy;

    std::string add(std::int64_t circle, const std::string& name, const std::string& email,
                    const std::string& mobile = "", const std::string& answer = "") {
        lc::Signup s;
        s.circleId = circle;
        s.name = name;
        s.email = email;
        s.mobile = mobile;
        s.goals = "Learn with others";
        s.support = "Come every week";
        s.customAnswer = answer;
        s.consent = true;
        s.consentVersion = "2026-11-01";
        s.createdAt = s.updatedAt = clock.now();
        s.sendUpstream = !email.empty();
        s.source = "kiosk";
        auto w = lc::store::SignupRepository(store.db()).upsert(s);
        if (!w) throw std::runtime_error(w.error().describe());
        return w->id;
    }
    lc::feed::PushResult push(lc::store::Database* db = nullptr, const std::string& owner = "test") {
        OutboxWorker worker(http, db ? *db : store.db(), clock, lc::feed::seededRandom(3), owner, policy);
        auto r = worker.pushDue(server.url("/api/signup/"));
        if (!r) throw std::runtime_error(r.error().describe());
        return *r;
    }
    lc::store::OutboxCounts counts() { return lc::store::OutboxRepository(store.db()).counts().value(); }
    std::vector<lc::store::OutboxRow> rows(const char* state) {
        return lc::store::OutboxRepository(store.db()).listByState(state).value();
    }
    /// How many times upstream created or updated an application per email.
    std::map<std::string, int> createdPerEmail() {
        std::map<std::string, int> n;
        for (const auto& req : server.received("/api/signup/"))
            if (req["outcome"] == "created")
                ++n[json::parse(req["body"].get<std::string>())["email"].get<std::string>()];
        return n;
    }
};

}  // namespace

TEST_CASE("OutboxWorker", "[feed]") {
    Fixture f;

    SECTION("the body is exactly upstream's") {
        lc::Signup s;
        s.circleId = 3102;
        s.name = "Amina Wanjiku";
        s.email = "amina@example.com";
        s.mobile = "+254712345678";
        s.goals = "g";
        s.support = "s";
        s.customAnswer = "Yes";
        s.consent = true;
        auto body = json::parse(lc::feed::upstreamSignupBody(s));
        CHECK(body == json::parse(R"({"learning_circle": 3102, "name": "Amina Wanjiku",
            "email": "amina@example.com", "mobile": "+254712345678", "consent": true,
            "communications_opt_in": false,
            "signup_questions": {"goals": "g", "support": "s", "custom_question": "Yes"}})"));
        s.mobile.clear();
        s.customAnswer.clear();
        body = json::parse(lc::feed::upstreamSignupBody(s));
        CHECK_FALSE(body.contains("mobile"));
        CHECK_FALSE(body["signup_questions"].contains("custom_question"));
    }

    SECTION("created → delivered, error → rejected with the field errors kept") {
        f.add(3101, "Jordan Lee", "jordan@example.com", "+13125550123");
        f.add(3102, "Keisha Brown", "keisha@example.com");  // 3102 asks a question: no answer
        auto r = f.push();
        CHECK(r.pushed == 1);
        CHECK(r.rejected == 1);
        CHECK(f.counts().pending == 0);
        auto delivered = f.rows(lc::store::kOutboxDelivered);
        REQUIRE(delivered.size() == 1);
        CHECK(delivered[0].deliveredAt == f.clock.now());
        auto rejected = f.rows(lc::store::kOutboxRejected);
        REQUIRE(rejected.size() == 1);
        CHECK(json::parse(rejected[0].errorsJson) ==
              json::parse(R"({"signup_questions": [{"custom_question": ["Field is required"]}]})"));
        auto apps = f.server.query("/signups")["signups"];
        REQUIRE(apps.size() == 1);
        CHECK(apps[0]["mobile"] == "+13125550123");
    }

    SECTION("a 200 that is not upstream's JSON is retried, not delivered") {
        f.add(3101, "Jordan Lee", "jordan@example.com");
        for (const char* mode : {"captive_portal", "wrong_types", "invalid_json"}) {
            INFO(mode);
            f.server.fault({{"mode", mode}});
            auto r = f.push();
            CHECK(r.pushed == 0);
            CHECK(r.retried == 1);
            CHECK(f.counts().pending == 1);
            f.clock.advance(2h);
        }
        f.server.fault({{"mode", "normal"}});
        CHECK(f.push().pushed == 1);
    }

    SECTION("a 307 or 302 answer is not followed: the body never reaches the Location, the row stays queued") {
        f.add(3101, "Jordan Lee", "jordan@example.com");
        for (int status : {307, 302}) {
            INFO(status);
            f.server.fault({{"mode", "redirect"}, {"path", "/api/signup/"}, {"status", status},
                            {"location", f.server.url("/hook?token=s3cret")}});
            auto r = f.push();
            CHECK(r.pushed == 0);
            CHECK(r.retried == 1);
            auto pending = f.rows("pending");
            REQUIRE(pending.size() == 1);
            CHECK_THAT(pending[0].lastError, Catch::Contains("HTTP " + std::to_string(status)) &&
                                                 Catch::Contains("redirecting to http://127.0.0.1") &&
                                                 Catch::Contains("token=***") && !Catch::Contains("s3cret"));
            CHECK(f.server.received("/hook").empty());
            f.clock.advance(2h);
        }
        CHECK(f.server.received("/api/signup/").size() == 2);
        f.server.fault({{"mode", "normal"}});
        CHECK(f.push().pushed == 1);
    }

    SECTION("offline: the pass stops at the first network failure") {
        f.add(3101, "A", "a@example.com");
        f.add(3101, "B", "b@example.com");
        f.server.stop();
        auto r = f.push();
        CHECK(r.offline);
        CHECK(r.error.rfind("[feed.net.1]", 0) == 0);
        CHECK(r.retried == 1);
        CHECK(f.counts().pending == 2);
        f.server.start();
        f.clock.advance(2h);
        CHECK(f.push().pushed == 2);
        CHECK(f.createdPerEmail() == std::map<std::string, int>{{"a@example.com", 1}, {"b@example.com", 1}});
    }

    SECTION("a mobile-only signup never reaches /api/signup/") {
        f.add(3101, "Mobile Only", "", "+254712345678");
        CHECK(f.push().pushed == 0);
        CHECK(f.server.received("/api/signup/").empty());
    }

    SECTION("one person's records arrive in order") {
        f.add(3101, "Ana", "ana@example.com");
        f.add(3103, "Ana", "ANA@example.com");
        f.server.fault({{"mode", "http500"}, {"path", "/api/signup/"}, {"times", 1}});
        auto r = f.push();
        CHECK(r.retried == 1);
        CHECK(r.pushed == 0);  // the later record waits for the earlier one
        CHECK(f.server.received("/api/signup/").size() == 1);
        f.clock.advance(2h);
        CHECK(f.push().pushed == 2);
        auto seen = f.server.received("/api/signup/");
        REQUIRE(seen.size() == 3);
        CHECK(json::parse(seen[1]["body"].get<std::string>())["learning_circle"] == 3101);
        CHECK(json::parse(seen[2]["body"].get<std::string>())["learning_circle"] == 3103);
    }

    SECTION("a record that always gets 500 waits for staff; the ones behind it are delivered") {
        f.policy.maxAttempts = 4;
        f.server.control("", {{"fail_emails", {"stuck@example.com"}}});
        f.add(3101, "Stuck", "stuck@example.com");
        f.add(3101, "Behind", "behind@example.com");
        f.add(3103, "Stuck", "stuck@example.com");  // same person, later: waits, then is tried
        auto first = f.push();
        CHECK(first.pushed == 1);
        CHECK(first.retried == 1);
        int passes = 1;
        while (f.counts().needsStaff < 2 && passes < 20) {
            f.clock.advance(2h);
            f.push();
            ++passes;
        }
        auto c = f.counts();
        CHECK(c.needsStaff == 2);
        CHECK(c.delivered == 1);
        CHECK(c.pending == 0);
        CHECK(f.createdPerEmail() == std::map<std::string, int>{{"behind@example.com", 1}});
        auto staff = f.rows(lc::store::kOutboxNeedsStaff);
        CHECK(staff[0].lastError.find("HTTP 500") != std::string::npos);
        CHECK(staff[0].lastError.find("stuck") == std::string::npos);  // no personal data

        // Staff fixes it upstream and retries.
        f.server.control("", {{"fail_emails", json::array()}});
        for (const auto& row : staff) REQUIRE(lc::store::OutboxRepository(f.store.db()).retry(row.id, f.clock.now()));
        CHECK(f.push().pushed == 2);
    }

    SECTION("after 72 hours of failures a record waits for staff") {
        f.policy.maxAttempts = 1000;
        f.server.fault({{"mode", "http500"}, {"path", "/api/signup/"}});
        f.add(3101, "Jordan Lee", "jordan@example.com");
        f.push();
        f.clock.advance(71h);
        f.push();
        CHECK(f.counts().pending == 1);
        f.clock.advance(2h);
        CHECK(f.push().needsStaff == 1);
    }

    SECTION("a server failing 50 % of requests (seeded): all delivered, exactly once") {
        f.policy.maxAttempts = 1000;
        f.server.fault({{"mode", "random_fail"}, {"percent", 50}, {"seed", 42}, {"path", "/api/signup/"}});
        std::map<std::string, int> expected;
        for (int i = 0; i < 30; ++i) {
            const std::string email = "person" + std::to_string(i) + "@example.com";
            f.add(i % 2 ? 3101 : 3103, "Person " + std::to_string(i), email);
            expected[email] = 1;
        }
        int passes = 0;
        while (f.counts().pending > 0 && passes < 200) {
            f.push();
            f.clock.advance(2h);
            ++passes;
        }
        CHECK(f.counts().delivered == 30);
        CHECK(f.createdPerEmail() == expected);
        CHECK(f.server.query("/signups")["signups"].size() == 30);
        int failures = 0;
        for (const auto& req : f.server.received("/api/signup/")) failures += req["outcome"] == "fault:http500";
        CHECK(failures > 5);  // the fault really bit
    }

    SECTION("a row claimed by a pusher that died is sent once its lease ends") {
        f.add(3101, "Jordan Lee", "jordan@example.com");
        auto claimed = lc::store::OutboxRepository(f.store.db()).claim("killed", f.clock.now(), 10min, 1);
        REQUIRE(claimed->size() == 1);
        CHECK(f.push().pushed == 0);  // leased: nobody else sends it meanwhile
        f.clock.advance(11min);
        CHECK(f.push().pushed == 1);
        CHECK(f.createdPerEmail() == std::map<std::string, int>{{"jordan@example.com", 1}});
    }

    SECTION("two pushers at once never send the same row") {
        f.add(3101, "A", "a@example.com");
        f.add(3101, "B", "b@example.com");
        f.server.fault({{"mode", "hold"}, {"path", "/api/signup/"}});
        lc::store::Database other = f.store.open();
        lc::feed::PushResult a, b;
        std::thread first([&] { a = f.push(nullptr, "pusher-a"); });
        REQUIRE(f.server.waitHeld(1));
        std::thread second([&] { b = f.push(&other, "pusher-b"); });
        REQUIRE(f.server.waitHeld(2));  // B took the other row, not A's leased one
        f.server.control("/release");
        first.join();
        second.join();
        CHECK(a.pushed + b.pushed == 2);
        CHECK(a.pushed == 1);
        CHECK(f.server.received("/api/signup/").size() == 2);
        CHECK(f.createdPerEmail() == std::map<std::string, int>{{"a@example.com", 1}, {"b@example.com", 1}});
    }
}
