#include <catch2/catch.hpp>

#include <algorithm>

#include "fakes.hpp"

using namespace lc;
using namespace lc::kiosk;
using namespace lc::kiosk::testing;

namespace {

struct CheckinRig {
    World w;
    CheckinFlow flow{w.catalog, w.checkins, w.clock, w.tr, w.config};
    CheckinRig() {
        w.checkins.byCircle[3101] = {{"María García", "s1", ""},
                                     {"María Gómez", "", "r1"},
                                     {"José Núñez", "s2", ""},
                                     {"Mark Li", "", "r2"}};
    }
    CheckinView typed(const std::string& q) {
        flow.apply(TypeText{q});
        return flow.view();
    }
};

}  // namespace

TEST_CASE("CheckinFlow", "[kiosk]") {
    CheckinRig rig;

    SECTION("the window opens 30 min before the start, edges included") {
        rig.w.clock.set(at("2026-12-01T17:30:00-06:00"));
        rig.flow.start();
        CHECK(rig.flow.view().step == CheckinStep::Search);
        rig.w.clock.set(at("2026-12-01T17:29:59-06:00"));
        rig.flow.start();
        const auto v = rig.flow.view();
        CHECK(v.step == CheckinStep::NoCircle);
        CHECK(v.message ==
              "No circle is meeting right now — next: Public Speaking, Tuesday, December\u00a01, 6:00\u00a0PM");
    }

    SECTION("and closes 30 min after it, configurable") {
        rig.w.clock.set(at("2026-12-01T18:30:00-06:00"));
        rig.flow.start();
        CHECK(rig.flow.view().step == CheckinStep::Search);
        rig.w.clock.set(at("2026-12-01T18:30:01-06:00"));
        rig.flow.start();
        CHECK(rig.flow.view().step == CheckinStep::NoCircle);
        rig.w.config.checkinAfter = std::chrono::minutes{45};
        rig.flow.start();
        CHECK(rig.flow.view().step == CheckinStep::Search);
    }

    SECTION("two letters show nothing, three show masked matches") {
        rig.w.clock.set(at("2026-12-01T17:55:00-06:00"));
        rig.flow.start();
        CHECK(rig.typed("ma").matches.empty());
        CHECK(rig.typed("r").matches.size() == 3);  // María ×2, Mark
        rig.flow.apply(Backspace{});
        CHECK(rig.flow.view().matches.empty());
    }

    SECTION("matching ignores accents and case, names stay masked") {
        rig.w.clock.set(at("2026-12-01T17:55:00-06:00"));
        rig.flow.start();
        const auto v = rig.typed("JOSE");
        REQUIRE(v.matches.size() == 1);
        CHECK(v.matches[0].masked == "José N.");
        rig.flow.apply(GoBack{});
        rig.flow.start();
        const auto nunez = rig.typed("nunez");
        REQUIRE(nunez.matches.size() == 1);
    }

    SECTION("look-alikes are told apart without showing the surname") {
        rig.w.clock.set(at("2026-12-01T17:55:00-06:00"));
        rig.flow.start();
        const auto v = rig.typed("maría");
        REQUIRE(v.matches.size() == 2);
        CHECK(v.matches[0].masked != v.matches[1].masked);
        for (const auto& m : v.matches) {
            CHECK(m.masked.rfind("María G", 0) == 0);
            CHECK(m.masked.find("García") == std::string::npos);
            CHECK(m.masked.find("Gómez") == std::string::npos);
        }
    }

    SECTION("a tap checks in and says welcome, then the search is empty again") {
        rig.w.clock.set(at("2026-12-01T17:58:00-06:00"));
        rig.flow.start();
        const auto v = rig.typed("gom");
        REQUIRE(v.matches.size() == 1);
        rig.flow.apply(PickName{v.matches[0].index});
        const auto w = rig.flow.view();
        CHECK(w.step == CheckinStep::Welcome);
        CHECK(w.welcome == "Welcome, María!");
        CHECK(w.query.empty());
        REQUIRE(rig.w.checkins.arrivals.size() == 1);
        const auto& a = rig.w.checkins.arrivals[0];
        CHECK(a.personName == "María Gómez");
        CHECK(a.rosterId == "r1");
        CHECK(a.meetingDate == ymd(2026, 12, 1));
        rig.w.clock.advance(std::chrono::seconds{10});
        rig.flow.tick();
        CHECK(rig.flow.view().step == CheckinStep::Search);
        CHECK(rig.flow.view().welcome.empty());
    }

    SECTION("Arabic names are found as typed, with or without hamza and vowel marks, and masked") {
        rig.w.checkins.byCircle[3101] = {{"سلمى حداد", "s1", ""},     // Salma Haddad
                                         {"سلمان خوري", "", "r1"},    // Salman Khoury
                                         {"أحمد علي", "s2", ""}};     // Ahmad Ali
        rig.w.clock.set(at("2026-12-01T17:55:00-06:00"));
        rig.flow.start();
        const auto v = rig.typed("سلم");
        REQUIRE(v.matches.size() == 2);
        std::vector<std::string> masked{v.matches[0].masked, v.matches[1].masked};
        std::sort(masked.begin(), masked.end());
        // The first name and the surname's first letter (Arabic letters, not bytes of them).
        CHECK(masked == std::vector<std::string>{"سلمان خ.", "سلمى ح."});
        rig.flow.apply(GoBack{});
        rig.flow.start();
        // "احمد" without the hamza on its alef, as many type it, finds "أحمد".
        const auto ahmad = rig.typed("احمد");
        REQUIRE(ahmad.matches.size() == 1);
        CHECK(ahmad.matches[0].masked == "أحمد ع.");
        rig.flow.apply(GoBack{});
        rig.flow.start();
        const auto salma = rig.typed("سَلْمى حَ");  // with fatha and sukun
        REQUIRE(salma.matches.size() == 1);
        rig.flow.apply(PickName{salma.matches[0].index});
        CHECK(rig.flow.view().welcome == "Welcome, سلمى!");
        REQUIRE(rig.w.checkins.arrivals.size() == 1);
        CHECK(rig.w.checkins.arrivals[0].personName == "سلمى حداد");
    }

    SECTION("not on the list leads to the signup form, then check-in") {
        rig.w.clock.set(at("2026-12-01T17:58:00-06:00"));
        rig.flow.start();
        const auto route = rig.flow.apply(NotOnList{});
        REQUIRE(route);
        CHECK(route->screen == Screen::Signup);
        CHECK(route->purpose == SignupPurpose::CheckinAfter);
        rig.w.catalog.entries[0].circle.signupCount = 12;
        rig.flow.start();
        CHECK_FALSE(rig.flow.apply(NotOnList{}));
        CHECK(rig.flow.view().error == "This circle is full. Please ask a member of staff.");
    }

    SECTION("no check-in while the clock is not plausible") {
        rig.w.clock.set(at("1970-01-01T00:05:00Z"));
        rig.flow.start();
        CHECK(rig.flow.view().step == CheckinStep::Unavailable);
        CHECK(rig.typed("mar").matches.empty());
    }

    SECTION("letters are counted, not spaces") {
        CHECK(letterCount("a b") == 2);
        CHECK(letterCount("Ñú") == 2);
        CHECK(letterCount("   ") == 0);
    }
}
