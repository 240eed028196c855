// Ingest: skip reasons counted by kind and stored, dates beyond five years skipped, and a feed that
// leaves no circle never wiping a schedule that still has meetings to come.
#include <catch2/catch.hpp>

#include <lc/feed/feed_parser.hpp>
#include <lc/feed/ingest.hpp>
#include <lc/store/settings_repository.hpp>

#include "network_test_support.hpp"

using namespace std::chrono_literals;

namespace {

const std::string kSample = std::string(LC_TEST_DATA_DIR) + "/p2pu-learningcircles-sample.json";

std::vector<lc::Circle> sampleCircles() {
    auto page = lc::feed::parseFeedFile(kSample);
    if (!page) throw std::runtime_error(page.error().describe());
    return page->circles;
}

lc::Config chicago() {
    lc::Config cfg;
    cfg.timeZone = "America/Chicago";
    return cfg;
}

}  // namespace

TEST_CASE("Ingest", "[feed]") {
    lc::testing::TempStore store;
    const lc::Instant now = lc::testing::sampleNow();
    const lc::store::SnapshotMeta meta{now, "test", 0};
    REQUIRE(lc::feed::ingestCircles(store.db(), sampleCircles(), 0, chicago(), meta)->circles == 13);

    SECTION("skipSummary counts reasons by kind and quotes the first three") {
        const std::string s = lc::feed::skipSummary(
            {"item 1 (id 3101): 'start_date' is not a date", "item 2 (id 3102): 'start_date' is not a date",
             "item 3: 'id' is missing", "item 4 (id 3104): 'start_date' is not a date"},
            4);
        CHECK_THAT(s, Catch::StartsWith("4 items skipped: 'id' is missing ×1; 'start_date' is not a date ×3"));
        CHECK_THAT(s, Catch::Contains("first: item 1 (id 3101)") && Catch::Contains("| item 3: 'id' is missing"));
        CHECK_THAT(s, !Catch::Contains("item 4"));
        CHECK(lc::feed::skipSummary({}, 0).empty());
        CHECK_THAT(lc::feed::skipSummary({}, 150), Catch::StartsWith("150 items skipped"));
    }

    SECTION("no circle left: refused while meetings are to come, the old snapshot kept") {
        auto r = lc::feed::ingestCircles(store.db(), {}, 13, chicago(), meta,
                                         {"item 1 (id 3101): 'start_date' is not a date"});
        REQUIRE_FALSE(r);
        CHECK(r.error().id == "[feed.ingest.1]");
        CHECK_THAT(r.error().message, Catch::Contains("13 items skipped") && Catch::Contains("start_date"));
        CHECK(lc::store::CircleRepository(store.db()).all()->size() == 13);
        auto empty = lc::feed::ingestCircles(store.db(), {}, 0, chicago(), meta);
        REQUIRE_FALSE(empty);
        CHECK_THAT(empty.error().message, Catch::Contains("the feed is empty"));
    }

    SECTION("no circle left after every meeting has ended: the empty schedule is the truth") {
        const lc::store::SnapshotMeta later{now + 24h * 400, "test", 0};
        auto r = lc::feed::ingestCircles(store.db(), {}, 0, chicago(), later);
        REQUIRE(r);
        CHECK(r->circles == 0);
    }

    SECTION("a circle dated beyond five years is skipped with its reason, and the summary stored") {
        auto circles = sampleCircles();
        circles[0].startDate = lc::Date{std::chrono::year{9999}, std::chrono::January, std::chrono::day{4}};
        circles[1].lastMeetingDate = lc::Date{std::chrono::year{2040}, std::chrono::January, std::chrono::day{4}};
        auto r = lc::feed::ingestCircles(store.db(), circles, 0, chicago(), meta);
        REQUIRE(r);
        CHECK(r->circles == 11);
        CHECK(r->skipped == 2);
        CHECK_THAT(r->skipSummary, Catch::Contains("dated more than 5 years from now ×2"));
        auto stored = lc::store::SettingsRepository(store.db()).getSetting(lc::feed::kSkipSummaryKey);
        REQUIRE(stored);
        CHECK(stored->value_or("") == r->skipSummary);
    }
}
