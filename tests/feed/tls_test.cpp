// TLS verification is always on: a throwaway CA and server certificate made with the openssl CLI
// at test time, HTTPS from the loopback server, and the transport with and without that CA.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include <lc/core/config.hpp>
#include <lc/feed/curl_transport.hpp>
#include <lc/feed/sync_runner.hpp>

#include "network_test_support.hpp"
#include "p2pu_test_server.hpp"

using nlohmann::json;

namespace {

/// A CA, a server certificate it signed for IP 127.0.0.1, and another CA that signed nothing.
struct TestPki {
    std::string dir;
    std::string ca() const { return dir + "/ca.pem"; }
    std::string otherCa() const { return dir + "/other-ca.pem"; }
    std::string cert() const { return dir + "/server.pem"; }
    std::string key() const { return dir + "/server.key"; }

    TestPki() {
        char tmpl[] = "/tmp/lc-tls-XXXXXX";
        if (!::mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
        dir = tmpl;
    }
    ~TestPki() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    TestPki(const TestPki&) = delete;
    TestPki& operator=(const TestPki&) = delete;

    /// Runs openssl; false when any step fails.
    bool make() const {
        std::ofstream(dir + "/ext") << "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                                       "extendedKeyUsage=serverAuth\n";
        const std::string d = "'" + dir + "'";
        const std::string ec = " -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
        const std::string caExt = " -addext basicConstraints=critical,CA:TRUE"
                                  " -addext keyUsage=critical,keyCertSign,cRLSign";
        const std::string quiet = " >" + d + "/openssl.log 2>&1";
        return run("openssl req -x509" + ec + " -keyout " + d + "/ca.key -out " + d +
                   "/ca.pem -days 2 -subj '/CN=LC Test CA'" + caExt + quiet) &&
               run("openssl req -x509" + ec + " -keyout " + d + "/other-ca.key -out " + d +
                   "/other-ca.pem -days 2 -subj '/CN=Another CA'" + caExt + quiet) &&
               run("openssl req" + ec + " -keyout " + d + "/server.key -out " + d +
                   "/server.csr -subj '/CN=127.0.0.1'" + quiet) &&
               run("openssl x509 -req -in " + d + "/server.csr -CA " + d + "/ca.pem -CAkey " + d +
                   "/ca.key -CAcreateserial -out " + d + "/server.pem -days 2 -extfile " + d +
                   "/ext" + quiet);
    }
    static bool run(const std::string& cmd) { return std::system(cmd.c_str()) == 0; }
};

bool haveOpenssl() { return std::system("command -v openssl >/dev/null 2>&1") == 0; }

}  // namespace

TEST_CASE("TLS", "[feed]") {
    if (!haveOpenssl()) {
        WARN("openssl CLI not found (Debian package openssl): TLS verification NOT tested");
        return;
    }
    lc::feed::CurlGlobal curl;
    TestPki pki;
    REQUIRE(pki.make());
    lc::testing::P2puServerOptions options;
    options.tlsCert = pki.cert();
    options.tlsKey = pki.key();
    options.caBundle = pki.ca();
    lc::testing::P2puTestServer server(options);
    REQUIRE(server.feedUrl().rfind("https://127.0.0.1:", 0) == 0);

    SECTION("the system CAs do not know our CA: [feed.net.3], nothing sent") {
        lc::feed::CurlTransport http;
        auto r = http.get(server.feedUrl(), {});
        REQUIRE_FALSE(r);
        CHECK(r.error().code == lc::ErrorCode::Network);
        CHECK(r.error().id == "[feed.net.3]");
        auto p = http.postJson(server.url("/api/signup/"), "{}");
        REQUIRE_FALSE(p);
        CHECK(p.error().id == "[feed.net.3]");
        CHECK(server.received().empty());
    }
    SECTION("another CA's bundle: [feed.net.3]") {
        lc::feed::CurlOptions o;
        o.caBundle = pki.otherCa();
        auto r = lc::feed::CurlTransport(o).get(server.feedUrl(), {});
        REQUIRE_FALSE(r);
        CHECK(r.error().id == "[feed.net.3]");
    }
    SECTION("the right CA but a name the certificate does not carry: [feed.net.3]") {
        lc::feed::CurlOptions o;
        o.caBundle = pki.ca();
        auto r = lc::feed::CurlTransport(o).get(
            "https://localhost:" + std::to_string(server.port()) + "/api/learningcircles/", {});
        REQUIRE_FALSE(r);
        CHECK(r.error().id == "[feed.net.3]");
    }
    SECTION("an https GET never follows a redirect to http; credentials never in the error") {
        server.fault({{"mode", "redirect"}, {"location", "http://127.0.0.1:9/api/learningcircles/"}});
        lc::feed::CurlOptions o;
        o.caBundle = pki.ca();
        const std::string port = std::to_string(server.port());
        auto r = lc::feed::CurlTransport(o).get("https://feeduser:hunter2@127.0.0.1:" + port + "/api/learningcircles/", {});
        REQUIRE_FALSE(r);
        CHECK(r.error().id == "[feed.net.7]");
        CHECK_THAT(r.error().describe(), Catch::Contains("redirect to http") && !Catch::Contains("hunter2"));
        CHECK(server.received().size() == 1);
    }
    SECTION("feed.ca_bundle names our CA: a whole sync over HTTPS succeeds") {
        auto cfg = lc::parseConfig(json{{"feed", {{"ca_bundle", pki.ca()}}}}.dump());
        REQUIRE(cfg);
        lc::feed::CurlTransport http(lc::feed::CurlOptions::fromConfig(cfg->feed));
        auto r = http.get(server.feedUrl("?scope=active"), {});
        REQUIRE(r);
        CHECK(r->status == 200);

        lc::testing::TempStore store;
        lc::FixedClock clock{lc::testing::sampleNow()};
        lc::feed::SyncOptions sync;
        sync.feedUrl = server.feedUrl("?scope=active");
        auto result = lc::feed::runSync(http, store.db(), *cfg, clock, lc::feed::seededRandom(1), sync);
        CHECK(result.error.empty());
        CHECK(result.circles == 13);
        CHECK(lc::feed::syncExitCode(result) == 0);
    }
}
