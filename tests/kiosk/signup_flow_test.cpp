#include <catch2/catch.hpp>

#include "fakes.hpp"

using namespace lc;
using namespace lc::kiosk;
using namespace lc::kiosk::testing;

namespace {

struct SignupRig {
    World w;
    SignupRateLimit limit{w.settings, w.config};
    SignupFlow flow{w.catalog, w.sink, w.checkins, limit, w.clock, w.tr, w.config};

    void type(Field f, const std::string& text) {
        flow.apply(Focus{f});
        flow.apply(TypeText{text});
    }
    void fillValid() {
        type(Field::Name, "María Gómez");
        type(Field::Email, "maria@example.org");
        type(Field::Goals, "Speak at work");
        type(Field::Support, "Share notes");
        flow.apply(ToggleConsent{});
    }
    std::string errorOf(const std::string& id) const {
        for (const auto& f : flow.view().fields) {
            if (f.id == id) return f.error;
        }
        return "<no field " + id + ">";
    }
};

}  // namespace

TEST_CASE("SignupFlow", "[kiosk]") {
    SignupRig rig;

    SECTION("a valid signup reaches Done only after the commit, with the first meeting") {
        rig.flow.start(3101, SignupPurpose::Patron);
        REQUIRE(rig.flow.view().step == SignupStep::Form);
        rig.fillValid();
        rig.flow.apply(Submit{});
        REQUIRE(rig.flow.view().step == SignupStep::Review);
        REQUIRE(rig.w.sink.committed.empty());
        rig.flow.apply(Confirm{});
        const auto v = rig.flow.view();
        REQUIRE(v.step == SignupStep::Done);
        REQUIRE(rig.w.sink.committed.size() == 1);
        const Signup& s = rig.w.sink.committed.front();
        CHECK(s.name == "María Gómez");
        CHECK(s.email == "maria@example.org");
        CHECK(s.consent);
        CHECK(s.consentVersion == "1-en");
        CHECK(s.source == "kiosk");
        CHECK(s.sendUpstream);
        CHECK(rig.flow.committedId() == s.id);
        CHECK(v.doneWhen == "First meeting: Tuesday, December\u00a01, 6:00\u00a0PM");
        CHECK(v.donePlace == "Where: Harold Washington Library Center");
        CHECK(v.doneAddress == "400 S State St, Chicago");
        CHECK(v.welcome.empty());
    }

    SECTION("each invalid field gets its error beside it, and nothing is committed") {
        rig.w.catalog.entries[0].circle.signupQuestion = "Do you have a library card?";
        rig.flow.start(3101, SignupPurpose::Patron);
        rig.type(Field::Email, "not-an-email");
        rig.type(Field::Mobile, "12");
        rig.flow.apply(Submit{});
        const auto v = rig.flow.view();
        CHECK(v.step == SignupStep::Form);
        CHECK(rig.errorOf("name") == "Please enter your name.");
        CHECK(rig.errorOf("email") == "Please enter a valid email address.");
        CHECK(rig.errorOf("mobile") == "Please enter a valid phone number.");
        CHECK(rig.errorOf("goals") == "Please tell us your goals.");
        CHECK(rig.errorOf("support") == "Please tell us how you'll support the group.");
        CHECK(rig.errorOf("answer") == "Please answer the circle's question.");
        CHECK(v.consentError == "Please agree to the privacy notice to sign up.");
        CHECK(rig.w.sink.committed.empty());

        // Typing into a field clears its error; the others stay.
        rig.type(Field::Name, "Ana");
        CHECK(rig.errorOf("name").empty());
        CHECK_FALSE(rig.errorOf("goals").empty());
    }

    SECTION("a national mobile number is stored in E.164") {
        rig.flow.start(3101, SignupPurpose::Patron);
        rig.fillValid();
        rig.type(Field::Mobile, "(312) 555-0123");
        rig.flow.apply(Submit{});
        rig.flow.apply(Confirm{});
        REQUIRE(rig.w.sink.committed.size() == 1);
        CHECK(rig.w.sink.committed[0].mobile == "+13125550123");
    }

    SECTION("a full circle is refused with its reason and the next circle of the course") {
        rig.w.catalog.entries[0].circle.signupCount = 12;
        Circle other = chicagoCircle(3120);
        other.name = "Public Speaking (Saturdays)";
        other.startDate = ymd(2026, 12, 5);
        other.lastMeetingDate = ymd(2027, 1, 9);
        rig.w.catalog.entries.push_back(entryFor(other));
        rig.flow.start(3101, SignupPurpose::Patron);
        auto v = rig.flow.view();
        REQUIRE(v.step == SignupStep::Refused);
        CHECK(v.refusal == "This circle is full.");
        REQUIRE(v.alternative);
        CHECK(v.alternative->id == 3120);
        const auto route = rig.flow.apply(OpenAlternative{});
        REQUIRE(route);
        CHECK(route->screen == Screen::Signup);
        CHECK(route->circleId == 3120);
    }

    SECTION("pending local signups fill a circle too") {
        rig.w.catalog.entries[0].localPending = 7;
        rig.flow.start(3101, SignupPurpose::Patron);
        CHECK(rig.flow.view().step == SignupStep::Refused);
        CHECK_FALSE(rig.flow.view().alternative);
    }

    SECTION("a closed circle is refused") {
        rig.w.catalog.entries[0].circle.signupOpen = false;
        rig.flow.start(3101, SignupPurpose::Patron);
        CHECK(rig.flow.view().step == SignupStep::Refused);
        CHECK(rig.flow.view().refusal == "Signup for this circle is closed.");
    }

    SECTION("an ended circle is refused, before closed") {
        rig.w.catalog.entries[0].circle.signupOpen = false;
        rig.w.clock.set(at("2027-01-06T12:00:00-06:00"));
        rig.flow.start(3101, SignupPurpose::Patron);
        CHECK(rig.flow.view().step == SignupStep::Refused);
        CHECK(rig.flow.view().refusal == "This circle has ended.");
    }

    SECTION("mobile-only signup where the library allows it") {
        rig.flow.start(3101, SignupPurpose::Patron);
        CHECK_FALSE(rig.flow.view().offerMobileOnly);
        rig.w.config.allowMobileOnly = true;
        rig.flow.start(3101, SignupPurpose::Patron);
        REQUIRE(rig.flow.view().offerMobileOnly);
        rig.type(Field::Name, "Juma Otieno");
        rig.type(Field::Goals, "Learn");
        rig.type(Field::Support, "Help");
        rig.flow.apply(ToggleConsent{});
        rig.flow.apply(UseMobileOnly{true});
        auto v = rig.flow.view();
        CHECK(v.mobileOnly);
        CHECK(rig.errorOf("email") == "<no field email>");
        CHECK(v.keyboard.layout == KeyboardLayout::Phone);
        rig.flow.apply(Submit{});
        CHECK(rig.errorOf("mobile") == "Please give an email address or a phone number.");
        rig.type(Field::Mobile, "312 555 0123");
        rig.flow.apply(Submit{});
        rig.flow.apply(Confirm{});
        REQUIRE(rig.w.sink.committed.size() == 1);
        const auto& s = rig.w.sink.committed[0];
        CHECK(s.email.empty());
        CHECK(s.mobile == "+13125550123");
        CHECK_FALSE(s.sendUpstream);
        CHECK_FALSE(s.localOnlyReason.empty());
    }

    SECTION("a failed commit stays on Review and never shows Done") {
        rig.flow.start(3101, SignupPurpose::Patron);
        rig.fillValid();
        rig.flow.apply(Submit{});
        rig.w.sink.fail = true;
        rig.flow.apply(Confirm{});
        const auto v = rig.flow.view();
        CHECK(v.step == SignupStep::Review);
        CHECK_FALSE(v.saveError.empty());
        CHECK(rig.flow.committedId().empty());
    }

    SECTION("not on the list: signed up, then checked in at once") {
        rig.w.clock.set(at("2026-12-01T17:50:00-06:00"));
        rig.flow.start(3101, SignupPurpose::CheckinAfter);
        rig.fillValid();
        rig.flow.apply(Submit{});
        rig.flow.apply(Confirm{});
        const auto v = rig.flow.view();
        REQUIRE(v.step == SignupStep::Done);
        REQUIRE(rig.w.checkins.arrivals.size() == 1);
        CHECK(rig.w.checkins.arrivals[0].signupId == rig.flow.committedId());
        CHECK(rig.w.checkins.arrivals[0].meetingDate == ymd(2026, 12, 1));
        CHECK(v.welcome == "Welcome, María!");
    }

    SECTION("an unknown circle") {
        rig.flow.start(9999, SignupPurpose::Patron);
        CHECK(rig.flow.view().step == SignupStep::Missing);
    }
}
