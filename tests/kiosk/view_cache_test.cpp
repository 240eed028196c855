// The views frames draw are cached: rebuilt only when an intent, a timer, new data, the minute or
// the language changes them; staff data is read on entry, actions and sync results, not per frame.
#include <catch2/catch.hpp>

#include <algorithm>

#include "fakes.hpp"
#include "flow/pin_gate.hpp"
#include "flow/text_entry.hpp"

using namespace lc;
using namespace lc::kiosk;
using namespace lc::kiosk::testing;

TEST_CASE("CachedView", "[kiosk]") {
    World w;
    KioskFlow k(w.deps());

    SECTION("frames with nothing changed build nothing") {
        k.go(Route{Screen::Browse});
        const auto before = k.viewBuilds();
        const BrowseView* first = &k.browseView();
        CHECK(k.viewBuilds() == before + 1);
        for (int i = 0; i < 100; ++i) CHECK(&k.browseView() == first);
        CHECK(k.viewBuilds() == before + 1);
    }

    SECTION("an intent, the minute turning, the language and new data each rebuild once") {
        k.go(Route{Screen::Signup, 3101});
        (void)k.signupView();
        auto builds = k.viewBuilds();
        k.follow(k.signup().apply(EditText{Field::Name, "Ana"}));
        CHECK(k.signupView().fields.front().value == "Ana");
        CHECK(k.viewBuilds() == ++builds);
        w.clock.advance(30s);  // 17:45:30, same minute
        (void)k.signupView();
        CHECK(k.viewBuilds() == builds);
        w.clock.advance(30s);  // 17:46
        (void)k.signupView();
        CHECK(k.viewBuilds() == ++builds);
        w.tr.setLanguage("fr");
        (void)k.signupView();
        CHECK(k.viewBuilds() == ++builds);
        k.refresh();
        (void)k.signupView();
        CHECK(k.viewBuilds() == ++builds);
    }

    SECTION("leaving the form or an idle reset drops what the patron typed") {
        k.go(Route{Screen::Signup, 3101});
        k.follow(k.signup().apply(EditText{Field::Name, "Ana Lopez"}));
        CHECK(k.signupView().fields.front().value == "Ana Lopez");
        k.resetAll();
        k.go(Route{Screen::Signup, 3101});
        CHECK(k.signupView().fields.front().value.empty());
    }

    SECTION("staff data is read on entry and actions, never by view()") {
        w.settings.values[kPinHashKey] = hashPin("482915", true);
        w.clock.set(at("2026-12-01T17:50:00-06:00"));
        w.staff.all.push_back(CheckIn{"c1", 3101, ymd(2026, 12, 1), "Ana", "", "", w.clock.now()});
        k.go(Route{Screen::Staff});
        k.follow(k.staff().apply(SetPin{"482915"}));
        k.follow(k.staff().apply(PinSubmit{}));
        REQUIRE(k.staffView().step == StaffStep::Dashboard);
        REQUIRE(k.staffView().today.size() == 1);
        CHECK(k.staffView().today.front().checkedIn == 1);
        const int reads = w.staff.reads;
        CHECK(reads > 0);
        for (int i = 0; i < 50; ++i) (void)k.staff().view();
        w.clock.advance(2min);
        (void)k.staffView();
        CHECK(w.staff.reads == reads);
        // A sync result arrives: read again, and the view shows it.
        w.staff.status.pending = 3;
        k.refresh();
        CHECK(w.staff.reads > reads);
        CHECK(k.staffView().sync.pending == 3);
        // "Refresh" reads too.
        const int after = w.staff.reads;
        w.staff.all.push_back(CheckIn{"c2", 3101, ymd(2026, 12, 1), "Ben", "", "", w.clock.now()});
        k.follow(k.staff().apply(RefreshStaff{}));
        CHECK(w.staff.reads > after);
        CHECK(k.staffView().today.front().checkedIn == 2);
    }
}

TEST_CASE("The idle reset zeroes and drops what the patron typed", "[kiosk]") {
    SECTION("zeroFill overwrites every byte and keeps the size; wipe releases the buffer") {
        std::string name = "Ana Lopez Garcia, a name too long for the small-string buffer";
        const std::size_t size = name.size();
        zeroFill(name);
        CHECK(name.size() == size);
        CHECK(std::all_of(name.begin(), name.end(), [](char c) { return c == '\0'; }));
        std::string typed = "Ana Lopez Garcia, a name too long for the small-string buffer";
        wipe(typed);
        CHECK(typed.empty());
        CHECK(typed.capacity() < size);
    }

    SECTION("a cached view's personal text is zeroed before it is freed") {
        SignupView v;
        v.fields.push_back(FieldView{Field::Name, "name", "Name", "Ana Lopez", "", true});
        v.review.push_back({"Name", "Ana Lopez"});
        v.welcome = "Welcome, Ana!";
        wipeView(v);
        CHECK(v.fields.front().value.empty());
        CHECK(v.review.front().second.empty());
        CHECK(v.welcome.empty());
        CHECK(v.fields.front().label == "Name");  // not personal: kept
    }

    SECTION("after the idle timeout no cached view and no flow holds the typed name") {
        World w;
        KioskFlow k(w.deps());
        k.go(Route{Screen::Signup, 3101});
        k.follow(k.signup().apply(EditText{Field::Name, "Ana Lopez"}));
        REQUIRE(k.signupView().fields.front().value == "Ana Lopez");
        REQUIRE(k.cachedViews() > 0);
        IdleEvent e = IdleEvent::None;
        for (int i = 0; i < 200 && e != IdleEvent::Reset; ++i) {
            w.clock.advance(std::chrono::seconds{5});
            e = k.tick();
        }
        REQUIRE(e == IdleEvent::Reset);
        CHECK(k.cachedViews() == 0);
        for (const auto& f : k.signup().view().fields) CHECK(f.value.empty());
        k.go(Route{Screen::Signup, 3101});
        CHECK(k.signupView().fields.front().value.empty());
    }
}
