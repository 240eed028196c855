// CircleRepository: every field round-trips; a snapshot is replaced all or nothing.
#include <catch2/catch.hpp>

#include <lc/store/circle_repository.hpp>

#include "store_test_support.hpp"

using namespace lc;
using namespace lc::store;

TEST_CASE("CircleRepository", "[store]") {
    Database db = test::memoryDb();
    CircleRepository circles(db);

    SECTION("before any ingest there is no snapshot and no circle") {
        CHECK_FALSE(circles.snapshot()->has_value());
        CHECK(circles.all()->empty());
        CHECK_FALSE(circles.byId(1)->has_value());
    }

    SECTION("every field round-trips, sorted by id") {
        Circle full = test::circle(42, "Python 101 — café");
        full.courseProvider = "P2PU";
        full.courseLink = "https://example.org/c";
        full.venue = Venue{"Bibliothèque", "1 Rue, Paris", "Paris", "IDF", "France", 48.85, 2.35};
        full.online = true;
        full.nextMeetingDate = test::date(2026, 12, 1);
        full.timeZoneAbbrev = "CST";
        full.startOffsetMinutes = -360;
        full.url = "https://example.org/signup/42/";
        full.signupLimit = 12;
        full.signupCount = 7;
        full.signupOpen = true;
        full.imageUrl = "https://example.org/i.png";
        full.signupQuestion = "Library card?";
        Circle bare = test::circle(5, "Bare");
        bare.facilitators.clear();
        REQUIRE(circles.replaceSnapshot({full, bare}, SnapshotMeta{test::at(), "https://feed", 2}));

        auto all = circles.all();
        REQUIRE(all);
        REQUIRE(all->size() == 2);
        CHECK((*all)[0].id == 5);
        CHECK((*all)[0].facilitators.empty());
        CHECK_FALSE((*all)[0].signupLimit.has_value());
        CHECK_FALSE((*all)[0].venue.latitude.has_value());
        CHECK_FALSE((*all)[0].nextMeetingDate.has_value());
        CHECK_FALSE((*all)[0].imageUrl.has_value());
        const Circle& c = (*all)[1];
        CHECK(c.name == full.name);
        CHECK(c.courseId == full.courseId);
        CHECK(c.courseTitle == full.courseTitle);
        CHECK(c.courseProvider == "P2PU");
        CHECK(c.courseLink == full.courseLink);
        CHECK(c.facilitators == std::vector<std::string>{"Ana", "Bo"});
        CHECK(c.venue.name == "Bibliothèque");
        CHECK(c.venue.address == "1 Rue, Paris");
        CHECK(c.venue.city == "Paris");
        CHECK(c.venue.region == "IDF");
        CHECK(c.venue.country == "France");
        CHECK(c.venue.latitude == Approx(48.85));
        CHECK(c.venue.longitude == Approx(2.35));
        CHECK(c.online);
        CHECK(c.language == "en");
        CHECK(c.startDate == full.startDate);
        CHECK(c.lastMeetingDate == full.lastMeetingDate);
        CHECK(c.nextMeetingDate == full.nextMeetingDate);
        CHECK(c.weeks == 6);
        CHECK(c.meetingTime == full.meetingTime);
        CHECK(c.endTime == full.endTime);
        CHECK(c.timeZoneAbbrev == "CST");
        CHECK(c.startOffsetMinutes == -360);
        CHECK(c.timeZone == "America/Chicago");
        CHECK(c.url == full.url);
        CHECK(c.signupLimit == 12);
        CHECK(c.signupCount == 7);
        CHECK(c.signupOpen);
        CHECK(c.status == "in_progress");
        CHECK(c.imageUrl == full.imageUrl);
        CHECK(c.signupQuestion == full.signupQuestion);

        auto one = circles.byId(42);
        REQUIRE(one);
        REQUIRE(one->has_value());
        CHECK((*one)->name == full.name);
        auto meta = circles.snapshot();
        REQUIRE(meta->has_value());
        CHECK((*meta)->fetchedAt == test::at());
        CHECK((*meta)->source == "https://feed");
        CHECK((*meta)->skipped == 2);
    }

    SECTION("a new snapshot replaces the old one whole") {
        REQUIRE(circles.replaceSnapshot({test::circle(1, "A"), test::circle(2, "B")},
                                        {test::at(), "s1", 0}));
        REQUIRE(circles.replaceSnapshot({test::circle(3, "C")}, {test::at(60), "s2", 1}));
        auto all = circles.all();
        REQUIRE(all->size() == 1);
        CHECK((*all)[0].id == 3);
        CHECK((*circles.snapshot())->source == "s2");
        REQUIRE(circles.replaceSnapshot({}, {test::at(120), "s3", 0}));
        CHECK(circles.all()->empty());
    }

    SECTION("a replace that fails half-way leaves the previous snapshot whole") {
        REQUIRE(circles.replaceSnapshot({test::circle(1, "A"), test::circle(2, "B")},
                                        {test::at(), "old", 0}));
        // Two circles with one id: the second insert violates the primary key after the delete
        // and the first insert already ran.
        auto bad = circles.replaceSnapshot(
            {test::circle(3, "C"), test::circle(4, "D"), test::circle(3, "C again")},
            {test::at(60), "new", 0});
        REQUIRE_FALSE(bad);
        CHECK(bad.error().code == ErrorCode::Database);
        CHECK(bad.error().id == "[store.sql.4]");
        auto all = circles.all();
        REQUIRE(all->size() == 2);
        CHECK((*all)[0].name == "A");
        CHECK((*all)[1].name == "B");
        CHECK((*circles.snapshot())->source == "old");
        // and the repository still works afterwards
        REQUIRE(circles.replaceSnapshot({test::circle(9, "Z")}, {test::at(90), "next", 0}));
        CHECK(circles.all()->size() == 1);
    }
}
