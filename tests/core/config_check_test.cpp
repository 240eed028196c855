#include <catch2/catch.hpp>

#include <lc/core/clock.hpp>
#include <lc/core/config_check.hpp>

namespace {

lc::Config nairobi() {
    auto cfg = lc::parseConfig(R"({
      "library": {"name": "McMillan Memorial Library", "time_zone": "Africa/Nairobi"},
      "venues": [{"name": "McMillan Memorial Library", "city": "Nairobi"}],
      "display": {"opening_hours": {"mon": ["08:00", "18:00"], "sat": ["09:00", "14:00"], "sun": []}}
    })");
    REQUIRE(cfg);
    return *cfg;
}

// A weekly circle from Saturday 2026-11-14, 14:00-16:00 in Nairobi.
lc::Circle saturdayCircle(std::string venue = "McMillan Memorial Library") {
    lc::Circle c;
    c.id = 3109;
    c.name = "Start Your Business";
    c.venue.name = std::move(venue);
    c.venue.city = "Nairobi";
    c.startDate = lc::Date{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{14}};
    c.lastMeetingDate = lc::Date{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{19}};
    c.weeks = 6;
    c.meetingTime = std::chrono::hours{14};
    c.endTime = std::chrono::hours{16};
    c.timeZone = "Africa/Nairobi";
    return c;
}

const lc::Instant kNow = lc::parseInstant("2026-11-30T12:00:00+03:00").value();

}  // namespace

TEST_CASE("ConfigCheck", "[core]") {
    SECTION("venue names match ignoring case, accents, punctuation and spacing") {
        CHECK(lc::venueKey("Harold Washington Library Center") == lc::venueKey("harold  washington library-center"));
        CHECK(lc::venueKey("Bibliothèque de l'Alcazar") == lc::venueKey("BIBLIOTHEQUE DE L ALCAZAR"));
        CHECK(lc::venueKey("Detroit Public Library – Main") == lc::venueKey("Detroit Public Library Main"));
        CHECK(lc::venueKey("Harold Washington Library") != lc::venueKey("Harold Washington Library Center"));
        auto cfg = nairobi();
        CHECK(lc::servesCircle(cfg, saturdayCircle("mcmillan memorial LIBRARY.")));
        CHECK_FALSE(lc::servesCircle(cfg, saturdayCircle("McMillan Library")));
    }

    SECTION("a circle meeting outside the opening hours is named, once, with its day and times") {
        const auto w = lc::configWarnings(nairobi(), {saturdayCircle()}, kNow);
        REQUIRE(w.size() == 1);
        CHECK(w[0].kind == "outside_opening_hours");
        CHECK(w[0].circleId == 3109);
        CHECK(w[0].message.find("3109 'Start Your Business' meets Saturday 14:00-16:00") != std::string::npos);
        CHECK(w[0].message.find("(09:00-14:00)") != std::string::npos);
        CHECK(w[0].message.find("display.opening_hours.sat") != std::string::npos);
    }

    SECTION("inside the hours, after the circle's end, or with no hours: nothing") {
        auto cfg = nairobi();
        cfg.display.openingHours[5] = lc::OpeningHours{std::chrono::hours{9}, std::chrono::hours{17}};
        CHECK(lc::configWarnings(cfg, {saturdayCircle()}, kNow).empty());
        CHECK(lc::configWarnings(nairobi(), {saturdayCircle()}, lc::parseInstant("2027-01-01T00:00:00Z").value()).empty());
        cfg = nairobi();
        cfg.display.hasOpeningHours = false;
        CHECK(lc::configWarnings(cfg, {saturdayCircle()}, kNow).empty());
    }

    SECTION("a closed day says closed") {
        auto c = saturdayCircle();
        c.startDate = lc::Date{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{15}};  // Sundays
        c.lastMeetingDate = lc::Date{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{20}};
        const auto w = lc::configWarnings(nairobi(), {c}, kNow);
        REQUIRE(w.size() == 1);
        CHECK(w[0].message.find("Sunday 14:00-16:00, outside the display's opening hours (closed)") != std::string::npos);
    }

    SECTION("a feed venue matching no configured venue is named once, with the closest configured name") {
        auto cfg = nairobi();
        cfg.display.hasOpeningHours = false;
        cfg.venues.push_back({"Kisumu Public Library", "Kisumu", "", ""});
        auto a = saturdayCircle("McMillan Library");
        auto b = a;
        b.id = 3110;
        const auto w = lc::configWarnings(cfg, {a, b, saturdayCircle()}, kNow);
        REQUIRE(w.size() == 1);
        CHECK(w[0].kind == "unmatched_venue");
        CHECK(w[0].venue == "McMillan Library");
        CHECK(w[0].closest == "McMillan Memorial Library");
        CHECK(w[0].message ==
              "feed venue 'McMillan Library' (Nairobi) matches no configured venue, so its circles are on no "
              "screen; closest configured: 'McMillan Memorial Library'");
        cfg.venues.clear();  // no venues: every circle is served
        CHECK(lc::configWarnings(cfg, {a}, kNow).empty());
    }
}
