// Port reads that fail (a busy or damaged store) never replace what staff and patrons see with
// nothing: the last good lists stay and the error is said, in the error colour.
#include <catch2/catch.hpp>

#include "fakes.hpp"
#include "flow/pin_gate.hpp"

using namespace lc;
using namespace lc::kiosk;
using namespace lc::kiosk::testing;

TEST_CASE("Port reads that fail keep the last good data and report the error", "[kiosk]") {
    World w;
    w.clock.set(at("2026-12-01T17:50:00-06:00"));
    w.staff.all.push_back(CheckIn{"c1", 3101, ymd(2026, 12, 1), "Ana", "", "", w.clock.now()});
    Signup s;
    s.id = "s1", s.circleId = 3101, s.name = "Ana";
    w.staff.signupList.push_back(s);
    w.staff.status.pending = 2;
    KioskFlow k(w.deps());

    SECTION("staff lists and the sync status stay as last read") {
        w.settings.values[kPinHashKey] = hashPin("482915", true);
        k.go(Route{Screen::Staff});
        k.follow(k.staff().apply(SetPin{"482915"}));
        k.follow(k.staff().apply(PinSubmit{}));
        k.follow(k.staff().apply(SelectMeeting{3101}));
        REQUIRE(k.staffView().step == StaffStep::Circle);
        REQUIRE(k.staffView().attendees.size() == 1);
        REQUIRE(k.staffView().signupRows.size() == 1);
        CHECK_FALSE(k.staffView().messageIsError);

        // The store turns busy, and would now answer with nothing.
        w.staff.all.clear();
        w.staff.signupList.clear();
        w.staff.status.pending = 0;
        w.staff.failReads = true;
        w.checkins.failReads = true;
        k.follow(k.staff().apply(RefreshStaff{}));
        const StaffView& v = k.staffView();
        REQUIRE(v.today.size() == 1);
        CHECK(v.today[0].checkedIn == 1);
        REQUIRE(v.attendees.size() == 1);
        CHECK(v.attendees[0].name == "Ana");
        CHECK(v.signupRows.size() == 1);
        CHECK(v.sync.pending == 2);
        CHECK(v.messageIsError);
        CHECK(v.message.find("the database is busy") != std::string::npos);
        CHECK(v.message.find("last good read") != std::string::npos);

        // Readable again: the fresh (empty) lists replace the old ones, and the error goes.
        w.staff.failReads = false;
        w.checkins.failReads = false;
        k.follow(k.staff().apply(RefreshStaff{}));
        CHECK(k.staffView().attendees.empty());
        CHECK(k.staffView().signupRows.empty());
        CHECK(k.staffView().sync.pending == 0);
        CHECK_FALSE(k.staffView().messageIsError);
        CHECK(k.staffView().message.empty());
    }

    SECTION("a check-in whose list cannot be read says so instead of finding nobody") {
        w.checkins.byCircle[3101] = {Person{"Ana Lopez", "s1", ""}};
        w.checkins.failReads = true;
        k.go(Route{Screen::Checkin});
        const CheckinView& v = k.checkinView();
        CHECK(v.error == "Sorry, that did not work. Please ask a member of staff.");
    }
}
