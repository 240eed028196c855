// What a patron met with real content (the layout issue's findings), each as a flow test that
// would have caught it: the headline, the room, check-in without a match, the browse order,
// unbreakable times, no QR invitation for circles that take no signups, the staff counts,
// colours, confirmations and durations, and Back from a filled form.
#include <catch2/catch.hpp>

#include <lc/core/text.hpp>

#include "fakes.hpp"
#include "flow/pin_gate.hpp"

using namespace lc;
using namespace lc::kiosk;
using namespace lc::kiosk::testing;

namespace {

constexpr const char* kNbsp = "\u00a0";

void unlockStaff(World& w, KioskFlow& k) {
    w.settings.values[kPinHashKey] = hashPin("2468", true);
    k.go(Route{Screen::Staff});
    for (char c : std::string("2468")) k.staff().apply(PinDigit{c});
    k.staff().apply(PinSubmit{});
    REQUIRE(k.staff().view().step == StaffStep::Dashboard);
}

}  // namespace

TEST_CASE("Content fixes: home and rooms", "[kiosk][layout]") {
    World w;
    w.config.libraryName = "Harold Washington Library Center";
    w.config.dataController = "Chicago Public Library, 400 S State St, Chicago, IL 60605";
    KioskFlow k(w.deps());

    SECTION("the home headline is the library's name; the controller is in the privacy notice") {
        CHECK(k.homeView().libraryName == "Harold Washington Library Center");
        k.go(Route{Screen::Signup, 3101});
        const auto v = k.signup().view();
        CHECK(v.privacyNotice.find("Chicago Public Library, 400 S State St") == 0);
    }
    SECTION("a configured room shows on details and done; else the venue's default room") {
        w.config.circleRooms[3101] = "Room 4N-1 (4th floor)";
        w.config.venueRooms["Harold Washington Library Center"] = "Lower Level Classroom";
        k.go(Route{Screen::Details, 3101});
        CHECK(k.details().view().card.room == "Room 4N-1 (4th floor)");
        w.config.circleRooms.clear();
        CHECK(k.details().view().card.room == "Lower Level Classroom");
        w.config.venueRooms.clear();
        CHECK(k.details().view().card.room.empty());
        w.config.circleRooms[3101] = "Room 4N-1";
        k.go(Route{Screen::Signup, 3101});
        SignupFlow& s = k.signup();
        s.apply(Focus{Field::Name}), s.apply(TypeText{"María Gómez"});
        s.apply(Focus{Field::Email}), s.apply(TypeText{"maria@example.org"});
        s.apply(Focus{Field::Goals}), s.apply(TypeText{"Speak"});
        s.apply(Focus{Field::Support}), s.apply(TypeText{"Notes"});
        s.apply(ToggleConsent{});
        s.apply(Submit{});
        s.apply(Confirm{});
        REQUIRE(s.view().step == SignupStep::Done);
        CHECK(s.view().donePlace == "Where: Room 4N-1, Harold Washington Library Center");
    }
}

TEST_CASE("Content fixes: check-in with no match", "[kiosk][layout]") {
    World w;
    w.clock.set(at("2026-12-01T17:55:00-06:00"));
    w.checkins.byCircle[3101] = {{"María García", "s1", ""}, {"Mark Li", "", "r2"}};
    KioskFlow k(w.deps());
    k.go(Route{Screen::Checkin});
    k.checkin().apply(TypeText{"xy"});
    CHECK_FALSE(k.checkin().view().noMatch);  // two letters: still the hint
    CHECK(k.checkin().view().hint == "Type at least 3 letters of your name");
    k.checkin().apply(TypeText{"z"});
    const auto v = k.checkin().view();
    CHECK(v.noMatch);
    CHECK(v.hint.find("Nobody on the list matches \u201cxyz\u201d") == 0);
    SECTION("\"Not on the list?\" carries the typed name into the form") {
        k.follow(k.checkin().apply(NotOnList{}));
        REQUIRE(k.screen() == Screen::Signup);
        CHECK(k.signup().view().fields.front().value == "xyz");
        CHECK(k.signup().view().purpose == SignupPurpose::CheckinAfter);
    }
}

TEST_CASE("Content fixes: browse order, times, QR, meetings", "[kiosk][layout]") {
    World w;
    Circle full = chicagoCircle(3102);
    full.signupCount = full.signupLimit.value();
    Circle closed = chicagoCircle(3103);
    closed.signupOpen = false;
    w.catalog.entries.insert(w.catalog.entries.begin(), {entryFor(full), entryFor(closed)});
    w.catalog.entries.push_back(entryFor(chicagoCircle(3104)));
    KioskFlow k(w.deps());

    SECTION("open circles come before full and closed ones") {
        k.go(Route{Screen::Browse});
        const auto cards = k.browse().view().cards;
        REQUIRE(cards.size() == 4);
        CHECK(cards[0].id == 3101);
        CHECK(cards[1].id == 3104);
        CHECK(cards[2].state != SignupState::Open);
        CHECK(cards[3].state != SignupState::Open);
    }
    SECTION("times and dates never break inside") {
        k.go(Route{Screen::Browse});
        const std::string when = k.browse().view().cards[0].when;
        CHECK(when.find(std::string("6:00") + kNbsp + "PM") != std::string::npos);
        CHECK(when.find("6:00 PM") == std::string::npos);
        CHECK(text::keepTogether("Tuesday, December 1, 6:00 PM") ==
              std::string("Tuesday, December") + kNbsp + "1, 6:00" + kNbsp + "PM");
    }
    SECTION("no QR invitation for full or closed circles; a capped meeting list counts the rest") {
        k.go(Route{Screen::Details, 3102});
        CHECK(k.details().view().qrUrl.empty());
        k.go(Route{Screen::Details, 3103});
        CHECK(k.details().view().qrUrl.empty());
        k.go(Route{Screen::Details, 3101});
        CHECK_FALSE(k.details().view().qrUrl.empty());
        CHECK(k.details().view().meetingDates.size() == 6);
    }
}

TEST_CASE("Content fixes: staff", "[kiosk][layout]") {
    World w;
    w.clock.set(at("2026-12-01T18:10:00-06:00"));
    KioskFlow k(w.deps());
    unlockStaff(w, k);
    CheckIn c;
    c.id = "c1", c.circleId = 3101, c.meetingDate = ymd(2026, 12, 1), c.personName = "María Gómez";
    c.signupId = "s1";
    w.staff.all.push_back(c);
    Signup s;
    s.id = "s1", s.circleId = 3101, s.name = "María Gómez";
    w.staff.signupList.push_back(s);

    SECTION("counts add up after a checked-in signup is voided") {
        // The voided signup is no longer on the list, but she did check in.
        k.staff().apply(RefreshStaff{});
        const auto v = k.staff().view();
        REQUIRE(v.today.size() == 1);
        CHECK(v.today[0].checkedIn == 1);
        CHECK(v.today[0].expected >= v.today[0].checkedIn);
    }
    SECTION("Undo and Void ask first, and act only on the confirmation") {
        k.staff().apply(SelectMeeting{3101});
        k.staff().apply(UndoCheckin{"c1"});
        CHECK(w.staff.undone.empty());
        CHECK(k.staff().view().confirmQuestion == "Undo the check-in of María Gómez?");
        k.staff().apply(CancelAction{});
        CHECK(k.staff().view().confirmQuestion.empty());
        CHECK(w.staff.undone.empty());
        k.staff().apply(UndoCheckin{"c1"});
        k.staff().apply(ConfirmAction{});
        CHECK(w.staff.undone == std::vector<std::string>{"c1"});
        k.staff().apply(VoidSignup{"s1"});
        CHECK(w.staff.voided.empty());
        CHECK(k.staff().view().confirmQuestion == "Void the signup of María Gómez?");
        k.staff().apply(ConfirmAction{});
        CHECK(w.staff.voided == std::vector<std::string>{"s1"});
        CHECK_FALSE(k.staff().view().messageIsError);
    }
    SECTION("an error is marked as one") {
        k.staff().apply(ExportAttendance{});  // no export folder configured
        CHECK(k.staff().view().message == "No export folder is configured.");
        CHECK(k.staff().view().messageIsError);
    }
    SECTION("durations as people say them, each number kept with its unit") {
        const auto summary = [&](std::chrono::minutes ago) {
            w.staff.status.lastSuccess = w.clock.now() - ago;
            k.staff().apply(RefreshStaff{});
            const std::string line = k.staff().view().syncSummary;
            return line.substr(0, line.find(" · "));
        };
        CHECK(summary(std::chrono::minutes{5}) == "Last successful sync: 5\u00a0min ago");
        CHECK(summary(std::chrono::minutes{125}) == "Last successful sync: 2\u00a0h ago");
        CHECK(summary(std::chrono::minutes{7120}) == "Last successful sync: 4\u00a0days ago");
    }
}

TEST_CASE("Content fixes: Back from a filled form asks", "[kiosk][layout]") {
    World w;
    KioskFlow k(w.deps());
    k.go(Route{Screen::Details, 3101});
    k.go(Route{Screen::Signup, 3101});
    SECTION("an empty form goes back at once") {
        k.follow(k.signup().apply(GoBack{}));
        CHECK(k.screen() == Screen::Details);
    }
    SECTION("with input: a question; Keep editing keeps it, Delete and leave leaves") {
        k.signup().apply(Focus{Field::Name});
        k.signup().apply(TypeText{"Ana"});
        k.follow(k.signup().apply(GoBack{}));
        CHECK(k.screen() == Screen::Signup);
        CHECK(k.signup().view().confirmDiscard);
        k.follow(k.signup().apply(KeepEditing{}));
        CHECK_FALSE(k.signup().view().confirmDiscard);
        CHECK(k.signup().view().fields.front().value == "Ana");
        k.follow(k.signup().apply(GoBack{}));
        k.follow(k.signup().apply(Discard{}));
        CHECK(k.screen() == Screen::Details);
    }
}
