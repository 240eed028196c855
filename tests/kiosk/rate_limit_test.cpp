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

    SECTION("more than 6 signups in 10 minutes pause signup until staff resume it") {
        for (int i = 0; i < 6; ++i) {
            signUp(k, i);
            REQUIRE(k.signup().view().step == SignupStep::Done);
            w.clock.advance(std::chrono::seconds{60});
        }
        k.go(Route{Screen::Signup, 3101});
        CHECK(k.signup().view().step == SignupStep::Paused);
        CHECK(k.homeView().signupPaused);
        CHECK(w.sink.committed.size() == 6);

        // Persisted: a restarted kiosk is still paused, even after the window has passed.
        w.clock.advance(std::chrono::minutes{30});
        KioskFlow restarted(w.deps());
        restarted.go(Route{Screen::Signup, 3101});
        CHECK(restarted.signup().view().step == SignupStep::Paused);

        SignupRateLimit limit(w.settings, w.config);
        limit.resume();
        signUp(restarted, 99);
        CHECK(restarted.signup().view().step == SignupStep::Done);
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
