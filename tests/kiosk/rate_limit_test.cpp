#include <catch2/catch.hpp>

#include "fakes.hpp"

using namespace lc;
using namespace lc::kiosk;
using namespace lc::kiosk::testing;

namespace {

void signUp(KioskFlow& k, int n) {
    k.go(Route{Screen::Signup, 3101});
    auto& s = k.signup();
    s.apply(Focus{Field::Name});
    s.apply(TypeText{"Person " + std::to_string(n)});
    s.apply(Focus{Field::Email});
    s.apply(TypeText{"p" + std::to_string(n) + "@example.org"});
    s.apply(Focus{Field::Goals});
    s.apply(TypeText{"g"});
    s.apply(Focus{Field::Support});
    s.apply(TypeText{"s"});
    s.apply(ToggleConsent{});
    s.apply(Submit{});
    s.apply(Confirm{});
}

}  // namespace

TEST_CASE("SignupRateLimit", "[kiosk]") {
    World w;
    w.catalog.entries[0].circle.signupLimit.reset();
    KioskFlow k(w.deps());

    SECTION("6 signups in 10 minutes start a cool-down the home screen shows; it lifts by itself") {
        for (int i = 0; i < 6; ++i) {
            signUp(k, i);
            REQUIRE(k.signup().view().step == SignupStep::Done);
            w.clock.advance(std::chrono::seconds{60});
        }
        // Before choosing a circle, the patron sees how long to wait (the first signup leaves
        // the window 10 minutes after it: 4 minutes from now).
        CHECK(k.homeView().signupPaused);
        CHECK(k.homeView().signupNotice == "Many signups just now: signing up opens again in\u00a04\u00a0min.");
        k.go(Route{Screen::Signup, 3101});
        CHECK(k.signup().view().step == SignupStep::Paused);
        // The paused step says the same: it lifts by itself, nobody need be asked.
        CHECK(k.signup().view().refusal == k.homeView().signupNotice);
        CHECK(w.sink.committed.size() == 6);
        // Staff see it (and may lift it early with "Resume signup").
        CHECK(k.staff().view().signupPaused);

        // A restarted kiosk keeps the cool-down; it lifts by itself, no staff needed.
        KioskFlow restarted(w.deps());
        CHECK(restarted.homeView().signupPaused);
        w.clock.advance(std::chrono::minutes{4});
        CHECK_FALSE(restarted.homeView().signupPaused);
        CHECK(restarted.homeView().signupNotice.empty());
        signUp(restarted, 99);
        CHECK(restarted.signup().view().step == SignupStep::Done);
    }

    SECTION("staff lift a cool-down early; a pause by staff stays until they resume") {
        for (int i = 0; i < 6; ++i) signUp(k, i);
        REQUIRE(k.homeView().signupPaused);
        SignupRateLimit limit(w.settings, w.config);
        limit.resume();
        CHECK_FALSE(k.homeView().signupPaused);
        w.settings.values[kSignupPausedKey] = "1";
        w.clock.advance(std::chrono::hours{5});
        CHECK(k.homeView().signupNotice == "Signup is paused. Please ask a member of staff.");
        k.go(Route{Screen::Signup, 3101});
        CHECK(k.signup().view().refusal == "Signup is paused. Please ask a member of staff.");
    }

    SECTION("signups spread over time never pause") {
        for (int i = 0; i < 12; ++i) {
            signUp(k, i);
            REQUIRE(k.signup().view().step == SignupStep::Done);
            w.clock.advance(std::chrono::minutes{2});
        }
        CHECK_FALSE(k.rateLimit().paused());
    }

    SECTION("the limit is configurable and staff walk-ins do not count") {
        w.config.maxSignupsPerWindow = 2;
        signUp(k, 1);
        signUp(k, 2);
        k.go(Route{Screen::Signup, 3101});
        CHECK(k.signup().view().step == SignupStep::Paused);
        k.go(Route{Screen::Signup, 3101, SignupPurpose::WalkIn});
        CHECK(k.signup().view().step == SignupStep::Form);
    }
}
