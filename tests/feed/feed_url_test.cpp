#include <catch2/catch.hpp>

#include <lc/feed/feed_url.hpp>

using lc::feed::pagedFeedUrl;
using lc::feed::pageUrl;

TEST_CASE("FeedUrl", "[feed]") {
    SECTION("limit is always sent, filters kept, offset replaced") {
        auto p = pagedFeedUrl("https://learningcircles.p2pu.org/api/learningcircles/?team_id=3&scope=active");
        CHECK(p.pageSize == 100);
        CHECK(pageUrl(p, 0) == "https://learningcircles.p2pu.org/api/learningcircles/?team_id=3&scope=active&limit=100&offset=0");
        auto q = pagedFeedUrl("http://h/api/learningcircles/?limit=20&city=Chicago&offset=40#x");
        CHECK(q.pageSize == 20);
        CHECK(pageUrl(q, 20) == "http://h/api/learningcircles/?city=Chicago&limit=20&offset=20");
        auto r = pagedFeedUrl("http://h/api/learningcircles/");
        CHECK(pageUrl(r, 100) == "http://h/api/learningcircles/?limit=100&offset=100");
        CHECK(pagedFeedUrl("http://h/x?limit=zero").pageSize == 100);
    }

    SECTION("signup endpoint on the feed's origin") {
        CHECK(lc::feed::defaultSignupEndpoint("https://learningcircles.p2pu.org/api/learningcircles/?scope=active") ==
              "https://learningcircles.p2pu.org/api/signup/");
        CHECK(lc::feed::defaultSignupEndpoint("http://127.0.0.1:8123/api/learningcircles/") ==
              "http://127.0.0.1:8123/api/signup/");
        CHECK(lc::feed::originOf("HTTPS://user:pw@host.example:8443/a") == "https://host.example:8443");
        CHECK(lc::feed::defaultSignupEndpoint("file:///srv/feed.json").empty());
    }
}
