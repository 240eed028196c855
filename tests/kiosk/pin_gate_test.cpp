#include <catch2/catch.hpp>

#include <vector>

#include "fakes.hpp"

using namespace lc;
using namespace lc::kiosk;
using namespace lc::kiosk::testing;

TEST_CASE("PinGate", "[kiosk]") {
    World w;
    w.settings.values[kPinHashKey] = hashPin("482915", true);
    PinGate gate(w.settings, w.clock, w.config);

    SECTION("the hash is argon2id and verifies only the right PIN") {
        const auto& h = w.settings.values[kPinHashKey];
        CHECK(h.rfind("$argon2id$", 0) == 0);
        CHECK(verifyPin(h, "482915"));
        CHECK_FALSE(verifyPin(h, "482916"));
        CHECK_FALSE(verifyPin("", "482915"));
    }

    SECTION("wrong then right") {
        CHECK(gate.tryPin("1111") == PinResult::Wrong);
        CHECK_FALSE(gate.unlocked());
        CHECK(gate.tryPin("482915") == PinResult::Ok);
        CHECK(gate.unlocked());
        CHECK(gate.failures() == 0);
    }

    SECTION("5 wrong PINs lock for 5 minutes, even the right one, even after a restart") {
        for (int i = 0; i < 4; ++i) CHECK(gate.tryPin("0000") == PinResult::Wrong);
        CHECK(gate.tryPin("0000") == PinResult::Locked);
        CHECK(gate.tryPin("482915") == PinResult::Locked);
        PinGate restarted(w.settings, w.clock, w.config);
        CHECK(restarted.tryPin("482915") == PinResult::Locked);
        w.clock.advance(std::chrono::seconds{299});
        CHECK(restarted.tryPin("482915") == PinResult::Locked);
        w.clock.advance(std::chrono::seconds{1});
        CHECK(restarted.tryPin("482915") == PinResult::Ok);
    }

    SECTION("each lockout in a row doubles (5, 10, 20 min ... capped at 24 h); a right PIN resets") {
        auto lockOut = [&] {
            for (int i = 0; i < 5; ++i) gate.tryPin("000000");
            REQUIRE(gate.lockedUntil());
            return std::chrono::duration_cast<std::chrono::minutes>(*gate.lockedUntil() - w.clock.now()).count();
        };
        std::vector<long> lengths;
        for (int n = 0; n < 10; ++n) {
            lengths.push_back(lockOut());
            w.clock.advance(std::chrono::hours{25});
        }
        CHECK(lengths == std::vector<long>{5, 10, 20, 40, 80, 160, 320, 640, 1280, 1440});
        CHECK(gate.lockouts() == 10);
        CHECK(w.settings.values[kPinLockoutsKey] == "10");
        REQUIRE(gate.tryPin("482915") == PinResult::Ok);
        CHECK(gate.lockouts() == 0);
        CHECK(lockOut() == 5);
    }

    SECTION("staff mode relocks after 2 minutes idle") {
        REQUIRE(gate.tryPin("482915") == PinResult::Ok);
        w.clock.advance(std::chrono::seconds{100});
        gate.noteActivity();
        w.clock.advance(std::chrono::seconds{119});
        gate.tick();
        CHECK(gate.unlocked());
        w.clock.advance(std::chrono::seconds{1});
        gate.tick();
        CHECK_FALSE(gate.unlocked());
    }

    SECTION("no PIN set") {
        w.settings.values.erase(kPinHashKey);
        CHECK(gate.tryPin("482915") == PinResult::NoPin);
    }

    SECTION("a store that failed its integrity check is an alert on the staff dashboard") {
        w.staff.status.integrityError = "[store.integrity.2] the store is damaged: database disk image is malformed";
        KioskFlow k(w.deps());
        k.go(Route{Screen::Staff});
        for (char c : std::string("482915")) k.staff().apply(PinDigit{c});
        k.staff().apply(PinSubmit{});
        REQUIRE(k.staff().view().step == StaffStep::Dashboard);
        CHECK_THAT(k.staff().view().syncSummary, Catch::StartsWith("ALERT: the store is damaged"));
    }

    SECTION("through the staff flow: wrong, then right, then the dashboard") {
        KioskFlow k(w.deps());
        k.go(Route{Screen::Staff});
        for (char c : std::string("1357")) k.staff().apply(PinDigit{c});
        k.staff().apply(PinSubmit{});
        auto v = k.staff().view();
        CHECK(v.step == StaffStep::Pin);
        CHECK(v.pinMessage == "Wrong PIN.");
        for (char c : std::string("482915")) k.staff().apply(PinDigit{c});
        k.staff().apply(PinSubmit{});
        v = k.staff().view();
        CHECK(v.step == StaffStep::Dashboard);
        k.staff().apply(SyncNow{});
        CHECK(w.staff.syncs == 1);
        w.clock.advance(std::chrono::seconds{121});
        k.tick();
        CHECK(k.screen() == Screen::Home);
        k.go(Route{Screen::Staff});
        CHECK(k.staff().view().step == StaffStep::Pin);
    }
}
