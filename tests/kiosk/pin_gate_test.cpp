#include <catch2/catch.hpp>

#include "fakes.hpp"

using namespace lc;
using namespace lc::kiosk;
using namespace lc::kiosk::testing;

TEST_CASE("PinGate", "[kiosk]") {
    World w;
    w.settings.values[kPinHashKey] = hashPin("2468", true);
    PinGate gate(w.settings, w.clock, w.config);

    SECTION("the hash is argon2id and verifies only the right PIN") {
        const auto& h = w.settings.values[kPinHashKey];
        CHECK(h.rfind("$argon2id$", 0) == 0);
        CHECK(verifyPin(h, "2468"));
        CHECK_FALSE(verifyPin(h, "2469"));
        CHECK_FALSE(verifyPin("", "2468"));
    }

    SECTION("wrong then right") {
        CHECK(gate.tryPin("1111") == PinResult::Wrong);
        CHECK_FALSE(gate.unlocked());
        CHECK(gate.tryPin("2468") == PinResult::Ok);
        CHECK(gate.unlocked());
        CHECK(gate.failures() == 0);
    }

    SECTION("5 wrong PINs lock for 5 minutes, even the right one, even after a restart") {
        for (int i = 0; i < 4; ++i) CHECK(gate.tryPin("0000") == PinResult::Wrong);
        CHECK(gate.tryPin("0000") == PinResult::Locked);
        CHECK(gate.tryPin("2468") == PinResult::Locked);
        PinGate restarted(w.settings, w.clock, w.config);
        CHECK(restarted.tryPin("2468") == PinResult::Locked);
        w.clock.advance(std::chrono::seconds{299});
        CHECK(restarted.tryPin("2468") == PinResult::Locked);
        w.clock.advance(std::chrono::seconds{1});
        CHECK(restarted.tryPin("2468") == PinResult::Ok);
    }

    SECTION("staff mode relocks after 2 minutes idle") {
        REQUIRE(gate.tryPin("2468") == PinResult::Ok);
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
        CHECK(gate.tryPin("2468") == PinResult::NoPin);
    }

    SECTION("through the staff flow: wrong, then right, then the dashboard") {
        KioskFlow k(w.deps());
        k.go(Route{Screen::Staff});
        for (char c : std::string("1357")) k.staff().apply(PinDigit{c});
        k.staff().apply(PinSubmit{});
        auto v = k.staff().view();
        CHECK(v.step == StaffStep::Pin);
        CHECK(v.pinMessage == "Wrong PIN.");
        for (char c : std::string("2468")) k.staff().apply(PinDigit{c});
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
