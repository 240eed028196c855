// CurlTransport against the loopback P2PU test server. The only tests here that wait on the wall
// clock, and only for 1–2 s timeouts.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <lc/core/version.hpp>
#include <lc/feed/curl_transport.hpp>

#include "p2pu_test_server.hpp"

using lc::ErrorCode;
using lc::feed::CurlOptions;
using lc::feed::CurlTransport;
namespace net_error = lc::feed::net_error;

namespace {

CurlOptions shortTimeouts() {
    CurlOptions o;
    o.connectTimeout = std::chrono::milliseconds(1000);
    o.totalTimeout = std::chrono::milliseconds(1500);
    return o;
}

}  // namespace

TEST_CASE("CurlTransport", "[feed]") {
    lc::feed::CurlGlobal curl;
    lc::testing::P2puTestServer server;
    CurlTransport http(shortTimeouts());

    SECTION("GET returns status, lower-cased headers and the body") {
        auto r = http.get(server.feedUrl("?limit=5&offset=0"), {{"If-None-Match", "\"abc\""}});
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK(r->header("Cache-Control") == "max-age=900");
        CHECK(r->header("content-type") == "application/json");
        auto body = nlohmann::json::parse(r->body);
        CHECK(body["count"] == 13);
        CHECK(body["items"].size() == 5);

        auto seen = server.received("/api/learningcircles/");
        REQUIRE(seen.size() == 1);
        const auto& h = seen[0]["headers"];
        CHECK(h["user-agent"] == std::string("learning-circle-kiosk/") + lc::kVersion);
        CHECK(h["if-none-match"] == "\"abc\"");
        CHECK(h["accept"] == "application/json");
        CHECK(h["accept-encoding"].get<std::string>().find("gzip") != std::string::npos);
    }

    SECTION("gzip bodies are decoded") {
        server.control("", {{"gzip", true}});
        auto r = http.get(server.feedUrl("?limit=2"), {});
        REQUIRE(r);
        CHECK(r->header("content-encoding") == "gzip");
        CHECK(nlohmann::json::parse(r->body)["items"].size() == 2);
    }

    SECTION("POST sends JSON and returns upstream's answer") {
        const std::string body = R"({"learning_circle": 3101, "name": "Jordan Lee",
            "email": "jordan.lee@example.com", "consent": true,
            "signup_questions": {"goals": "g", "support": "s"}})";
        auto r = http.postJson(server.url("/api/signup/"), body);
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK(nlohmann::json::parse(r->body)["status"] == "created");
        auto seen = server.received("/api/signup/");
        REQUIRE(seen.size() == 1);
        CHECK(seen[0]["headers"]["content-type"] == "application/json");
        CHECK(nlohmann::json::parse(seen[0]["body"].get<std::string>())["name"] == "Jordan Lee");
    }

    SECTION("HTTP errors are responses, not transport errors") {
        server.fault({{"mode", "http500"}});
        auto r500 = http.get(server.feedUrl("?limit=5"), {});
        REQUIRE(r500);
        CHECK(r500->status == 500);
        server.fault({{"mode", "http404"}});
        auto r404 = http.get(server.feedUrl("?limit=5"), {});
        REQUIRE(r404);
        CHECK(r404->status == 404);
    }

    SECTION("connection refused") {
        server.stop();
        auto r = http.get(server.feedUrl("?limit=5"), {});
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::Network);
        CHECK(r.error().id == net_error::kConnect);
    }

    SECTION("a server slower than the total timeout") {
        server.fault({{"mode", "delay"}, {"seconds", 3}});
        auto r = http.get(server.feedUrl("?limit=5"), {});
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::Network);
        CHECK(r.error().id == net_error::kTimeout);
    }

    SECTION("slowloris: one byte a second trips the total timeout") {
        server.fault({{"mode", "slowloris"}, {"interval", 1.0}});
        auto r = http.get(server.feedUrl("?limit=5"), {});
        REQUIRE_FALSE(r);
        CHECK(r.error().id == net_error::kTimeout);
    }

    SECTION("a body over the cap aborts the transfer, with or without Content-Length") {
        CurlOptions o = shortTimeouts();
        o.maxBodyBytes = 1024 * 1024;
        CurlTransport capped(o);
        server.fault({{"mode", "oversized"}, {"bytes", 3 * 1024 * 1024}});
        auto streamed = capped.get(server.feedUrl("?limit=5"), {});
        REQUIRE_FALSE(streamed);
        CHECK(streamed.error().id == net_error::kTooLarge);
        server.fault({{"mode", "oversized"}, {"bytes", 3 * 1024 * 1024}, {"declare_length", true}});
        auto declared = capped.get(server.feedUrl("?limit=5"), {});
        REQUIRE_FALSE(declared);
        CHECK(declared.error().id == net_error::kTooLarge);
    }

    SECTION("a redirect loop stops after 3 redirects") {
        server.fault({{"mode", "redirect_loop"}});
        auto r = http.get(server.feedUrl("?limit=5"), {});
        REQUIRE_FALSE(r);
        CHECK(r.error().id == net_error::kRedirects);
        CHECK(server.received("/api/learningcircles/").size() == 4);
    }

    SECTION("a truncated body and an empty reply are transfer errors") {
        server.fault({{"mode", "truncated"}});
        auto truncated = http.get(server.feedUrl("?limit=5"), {});
        REQUIRE_FALSE(truncated);
        CHECK(truncated.error().id == net_error::kTransfer);
        server.fault({{"mode", "drop"}});
        auto dropped = http.get(server.feedUrl("?limit=5"), {});
        REQUIRE_FALSE(dropped);
        CHECK(dropped.error().id == net_error::kTransfer);
    }

    SECTION("only http and https URLs") {
        auto r = http.get("file:///etc/passwd", {});
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::InvalidInput);
        CHECK(r.error().id == net_error::kBadUrl);
    }

    SECTION("options from the config") {
        lc::FeedConfig feed;
        feed.connectTimeoutS = 5;
        feed.totalTimeoutS = 30;
        feed.maxBodyMb = 2;
        feed.proxy = "http://proxy.example:3128";
        feed.caBundle = "/etc/ssl/library-ca.pem";
        auto o = CurlOptions::fromConfig(feed);
        CHECK(o.connectTimeout == std::chrono::seconds(5));
        CHECK(o.totalTimeout == std::chrono::seconds(30));
        CHECK(o.maxBodyBytes == 2u * 1024u * 1024u);
        CHECK(o.proxy == feed.proxy);
        CHECK(o.caBundle == feed.caBundle);
        CHECK(o.maxRedirects == 3);
    }
}
