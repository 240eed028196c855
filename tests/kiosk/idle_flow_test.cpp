#include <catch2/catch.hpp>

#include "fakes.hpp"

using namespace lc;
using namespace lc::kiosk;
using namespace lc::kiosk::testing;

TEST_CASE("IdleFlow", "[kiosk]") {
    World w;
    w.checkins.byCircle[3101] = {{"María Gómez", "s1", ""}};
    w.settings.values[kPinHashKey] = hashPin("482915", true);
    KioskFlow k(w.deps());

    SECTION("Still there? at 60 s, then Home with every buffer cleared 20 s later") {
        k.apply(SetLanguage{"fr"});
        k.go(Route{Screen::Signup, 3101});
        k.signup().apply(Focus{Field::Name});
        k.signup().apply(TypeText{"María Gómez"});
        k.signup().apply(Focus{Field::Email});
        k.signup().apply(TypeText{"maria@exa"});
        k.signup().apply(SetLayout{KeyboardLayout::Accents});
        k.signup().apply(ToggleShift{});
        k.signup().apply(ToggleConsent{});
        k.signup().apply(Submit{});  // leaves errors on screen
        k.noteInput();

        w.clock.advance(std::chrono::seconds{59});
        CHECK(k.tick() == IdleEvent::None);
        w.clock.advance(std::chrono::seconds{1});
        CHECK(k.tick() == IdleEvent::Prompt);
        CHECK(k.idlePrompt());
        // The config says 75 s, but the prompt always leaves at least 20 s to answer.
        CHECK(k.idleSecondsLeft() == 20);
        w.clock.advance(std::chrono::seconds{18});
        CHECK(k.tick() == IdleEvent::Prompt);
        CHECK(k.idlePrompt());
        w.clock.advance(std::chrono::seconds{2});
        CHECK(k.tick() == IdleEvent::Reset);

        CHECK(k.screen() == Screen::Home);
        CHECK(w.tr.language() == "en");
        CHECK_FALSE(k.idlePrompt());
        const auto v = k.signup().view();
        for (const auto& f : v.fields) {
            CHECK(f.value.empty());
            CHECK(f.error.empty());
        }
        CHECK_FALSE(v.consent);
        CHECK(v.consentError.empty());
        CHECK(v.keyboard.layout == KeyboardLayout::Letters);
        CHECK_FALSE(v.keyboard.shift);
        CHECK_FALSE(v.keyboard.visible);
        CHECK(v.card.name.empty());
    }

    SECTION("the prompt can be answered again and again: ten extensions keep the form") {
        k.go(Route{Screen::Signup, 3101});
        k.signup().apply(Focus{Field::Name});
        k.signup().apply(TypeText{"Ana"});
        k.noteInput();
        for (int i = 0; i < 12; ++i) {
            w.clock.advance(std::chrono::seconds{60});
            REQUIRE(k.tick() == IdleEvent::Prompt);
            w.clock.advance(std::chrono::seconds{19});
            REQUIRE(k.tick() == IdleEvent::Prompt);
            k.noteInput();  // "I'm still here", or any key
            REQUIRE(k.tick() == IdleEvent::None);
        }
        CHECK(k.screen() == Screen::Signup);
        CHECK(k.signup().view().fields[0].value == "Ana");
    }

    SECTION("input postpones the prompt; answering it keeps the patron's form") {
        k.go(Route{Screen::Signup, 3101});
        k.signup().apply(TypeText{"Ana"});
        w.clock.advance(std::chrono::seconds{62});
        CHECK(k.tick() == IdleEvent::Prompt);
        k.noteInput();
        CHECK(k.tick() == IdleEvent::None);
        w.clock.advance(std::chrono::seconds{40});
        CHECK(k.tick() == IdleEvent::None);
        CHECK(k.signup().view().fields[0].value == "Ana");
    }

    SECTION("the check-in query, the staff PIN buffer and the browse filter are cleared too") {
        w.clock.set(at("2026-12-01T17:55:00-06:00"));
        k.noteInput();
        k.go(Route{Screen::Checkin});
        k.checkin().apply(TypeText{"marí"});
        REQUIRE(k.checkin().view().matches.size() == 1);
        w.clock.advance(std::chrono::seconds{80});
        CHECK(k.tick() == IdleEvent::Reset);
        CHECK(k.checkin().view().query.empty());
        CHECK(k.checkin().view().matches.empty());

        k.go(Route{Screen::Staff});
        k.staff().apply(PinDigit{'2'});
        k.staff().apply(PinDigit{'4'});
        CHECK(k.staff().view().pinLength == 2);
        w.clock.advance(std::chrono::seconds{80});
        CHECK(k.tick() == IdleEvent::Reset);
        CHECK(k.staff().view().pinLength == 0);

        k.go(Route{Screen::Browse});
        k.browse().apply(FilterLanguage{"en"});
        w.clock.advance(std::chrono::seconds{80});
        CHECK(k.tick() == IdleEvent::Reset);
        for (const auto& chip : k.browse().view().languages) CHECK(chip.selected == chip.code.empty());
    }

    SECTION("an empty kiosk on Home has no timer to run") {
        w.clock.advance(std::chrono::seconds{600});
        CHECK(k.tick() == IdleEvent::None);
        CHECK(k.screen() == Screen::Home);
    }

    SECTION("an empty form resets without trouble") {
        k.go(Route{Screen::Signup, 3101});
        w.clock.advance(std::chrono::seconds{80});
        CHECK(k.tick() == IdleEvent::Reset);
        CHECK(k.screen() == Screen::Home);
    }

    SECTION("leaving the form clears it: opening it again shows nothing typed") {
        k.go(Route{Screen::Signup, 3101});
        k.signup().apply(TypeText{"María"});
        k.follow(k.signup().apply(GoBack{}));  // something typed: Back asks first
        k.follow(k.signup().apply(Discard{}));
        CHECK(k.screen() == Screen::Details);
        k.follow(k.details().apply(StartSignup{}));
        CHECK(k.signup().view().fields[0].value.empty());
    }
}
