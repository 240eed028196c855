// Figures of a full and of an unchanged sync (issue #3 note). Hidden: run with
//   feed_tests "[bench]"
// Wall-clock timings are printed, never asserted.

#include <catch2/catch.hpp>

#include <chrono>
#include <iostream>

#include <lc/feed/curl_transport.hpp>
#include <lc/feed/sync_engine.hpp>

#include "network_test_support.hpp"
#include "p2pu_test_server.hpp"

namespace {

/// Adds up the time spent waiting on HTTP, so the client's own share can be told apart.
class TimingTransport final : public lc::feed::HttpTransport {
public:
    explicit TimingTransport(lc::feed::HttpTransport& inner) : m_inner(inner) {}
    lc::Result<lc::feed::HttpResponse> get(const std::string& url, const lc::feed::HttpHeaders& h) override {
        const auto t0 = std::chrono::steady_clock::now();
        auto r = m_inner.get(url, h);
        waitedMs += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        return r;
    }
    lc::Result<lc::feed::HttpResponse> postJson(const std::string& url, const std::string& body,
                                                const lc::feed::HttpHeaders& h) override {
        return m_inner.postJson(url, body, h);
    }
    double waitedMs = 0;

private:
    lc::feed::HttpTransport& m_inner;
};

void measure(const char* label, int synth, bool validators, const std::string& query) {
    lc::feed::CurlGlobal curl;
    lc::testing::P2puServerOptions o;
    o.synth = synth;
    o.validators = validators;
    lc::testing::P2puTestServer server(o);
    lc::testing::TempStore store;
    lc::FixedClock clock{lc::testing::sampleNow()};
    lc::feed::CurlTransport curlHttp;
    lc::Config cfg;
    lc::feed::PullOptions opts;
    opts.feedUrl = server.feedUrl(query);
    for (const char* run : {"full", "unchanged"}) {
        TimingTransport http(curlHttp);
        const auto t0 = std::chrono::steady_clock::now();  // a benchmark: wall-clock reads are its point
        auto r = lc::feed::pullFeed(http, store.db(), cfg, clock, lc::feed::seededRandom(1), opts);
        const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        REQUIRE(r);
        std::cout << label << " " << run << ": " << r->circles << " circles, " << r->requests
                  << " requests, " << r->bytes << " body bytes, not_modified=" << r->notModified
                  << ", " << ms << " ms (" << http.waitedMs << " ms waiting on HTTP, "
                  << ms - http.waitedMs << " ms client)\n";
        clock.advance(std::chrono::hours(1));
    }
}

}  // namespace

TEST_CASE("SyncFigures", "[.][bench]") {
    measure("sample (13 circles, 1 page)", 0, false, "?scope=active");
    measure("sample (13 circles, 1 page, validators)", 0, true, "?scope=active");
    measure("10,000 circles (100 pages of 100)", 10000, false, "");
    measure("10,000 circles (100 pages of 100, validators)", 10000, true, "");
}
