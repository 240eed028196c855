// Headless smoke tests of every kiosk screen: an ImGui context, no window, canned view-models
// from the flows over fakes, and the intents a tap produces.
#include <catch2/catch.hpp>

#include <lc/ui/headless.hpp>

#include "fakes.hpp"
#include "headless_kiosk.hpp"
#include "screens/browse_screen.hpp"
#include "screens/checkin_screen.hpp"
#include "screens/details_screen.hpp"
#include "screens/home_screen.hpp"
#include "screens/idle_screen.hpp"
#include "screens/signup_screen.hpp"
#include "screens/staff_screen.hpp"

using namespace lc;
using namespace lc::kiosk;
using namespace lc::kiosk::testing;

namespace {

template <class Draw>
auto drawTwice(ui::HeadlessUi& h, Draw draw) {
    // The first intent of two frames (a scripted tap fires in the frame after it is asked).
    decltype(draw(h.ui())) out{};
    for (int i = 0; i < 2; ++i) {
        h.frame([&](ui::Ui& u) {
            auto r = draw(u);
            if (!out) out = std::move(r);
        });
    }
    return out;
}

}  // namespace

TEST_CASE("kiosk screens", "[kiosk]") {
    const bool portrait = GENERATE(false, true);
    const auto headless = kioskHeadless(portrait);
    ui::HeadlessUi& h = *headless;
    World w;
    KioskFlow k(w.deps());

    SECTION("home: the two big buttons and the languages") {
        drawTwice(h, [&](ui::Ui& u) { return screens::drawHomeScreen(u, k.homeView()); });
        CHECK(h.ui().lastFrameShows("Sign up for a learning circle"));
        CHECK(h.ui().lastFrameShows("Check in"));
        REQUIRE(h.ui().tap("FR"));
        const auto i = drawTwice(h, [&](ui::Ui& u) { return screens::drawHomeScreen(u, k.homeView()); });
        REQUIRE(i);
        CHECK(std::get<SetLanguage>(*i).code == "fr");
    }

    SECTION("browse and details") {
        k.go(Route{Screen::Browse});
        drawTwice(h, [&](ui::Ui& u) { return screens::drawBrowseScreen(u, k.browse().view()); });
        CHECK(h.ui().lastFrameShows("Public Speaking"));
        REQUIRE(h.ui().tap("Public Speaking"));
        const auto i = drawTwice(h, [&](ui::Ui& u) { return screens::drawBrowseScreen(u, k.browse().view()); });
        REQUIRE(i);
        CHECK(std::get<OpenCircle>(*i).id == 3101);
        k.go(Route{Screen::Details, 3101});
        drawTwice(h, [&](ui::Ui& u) { return screens::drawDetailsScreen(u, k.details().view()); });
        CHECK(h.ui().lastFrameShows("Sign up here"));
    }

    SECTION("signup form, review and done") {
        k.go(Route{Screen::Signup, 3101});
        drawTwice(h, [&](ui::Ui& u) { return screens::drawSignupScreen(u, k.signup().view()); });
        CHECK(h.ui().lastFrameShows("Your name"));
        h.ui().input().pushText("Ana");
        const auto i = drawTwice(h, [&](ui::Ui& u) { return screens::drawSignupScreen(u, k.signup().view()); });
        REQUIRE(i);
        CHECK(std::get<EditText>(*i).value == "Ana");
        k.signup().apply(Submit{});
        drawTwice(h, [&](ui::Ui& u) { return screens::drawSignupScreen(u, k.signup().view()); });
        CHECK(h.ui().lastFrameShows("Please tell us your goals."));
    }

    SECTION("signup form: everything fits above the keyboard, else a More below hint") {
        auto draw = [&] {
            drawTwice(h, [&](ui::Ui& u) { return screens::drawSignupScreen(u, k.signup().view()); });
        };
        Circle c = chicagoCircle(3120);
        c.signupQuestion = "Do you need to borrow a laptop?";
        w.catalog.entries.push_back(entryFor(c));
        k.go(Route{Screen::Signup, 3120});
        draw();
        CHECK(h.ui().lastFrameShows("Do you need to borrow a laptop?"));
        CHECK(h.ui().lastFrameShows("I agree that the library"));
        CHECK_FALSE(h.ui().lastFrameShows("More below"));
        k.signup().apply(Submit{});  // every error beside its field
        draw();
        CHECK(h.ui().lastFrameShows("Please tell us your goals."));
        // Portrait fits even then; landscape's left column hints at the last field.
        CHECK(h.ui().lastFrameShows("More below") == !portrait);
        // Large text cannot fit: the hint shows, and tapping it scrolls rather than focusing.
        h.ui().setTheme(ui::makeTheme(ui::ThemeKind::Touch, portrait ? 1080 : 1920, portrait ? 1920 : 1080, 1.5f));
        draw();
        CHECK(h.ui().lastFrameShows("More below"));
        REQUIRE(h.ui().tap("signup.form.more"));
        const auto i = drawTwice(h, [&](ui::Ui& u) { return screens::drawSignupScreen(u, k.signup().view()); });
        CHECK_FALSE(i);
    }

    SECTION("a full circle offers the next circle of its course, on details and the refused screen") {
        w.catalog.entries[0].circle.signupCount = 12;
        Circle later = chicagoCircle(3115);
        later.name = "Public Speaking (Saturdays)";
        later.startDate = ymd(2026, 12, 5);
        later.lastMeetingDate = ymd(2027, 1, 9);
        w.catalog.entries.push_back(entryFor(later));
        k.go(Route{Screen::Details, 3101});
        drawTwice(h, [&](ui::Ui& u) { return screens::drawDetailsScreen(u, k.details().view()); });
        CHECK(h.ui().lastFrameShows("This circle is full."));
        CHECK(h.ui().lastFrameShows("Public Speaking (Saturdays)"));
        REQUIRE(h.ui().tap("details.alternative"));
        const auto d = drawTwice(h, [&](ui::Ui& u) { return screens::drawDetailsScreen(u, k.details().view()); });
        REQUIRE(d);
        CHECK(std::holds_alternative<ShowAlternative>(*d));
        k.go(Route{Screen::Signup, 3101});
        drawTwice(h, [&](ui::Ui& u) { return screens::drawSignupScreen(u, k.signup().view()); });
        CHECK(h.ui().lastFrameShows("The next circle of this course:"));
        REQUIRE(h.ui().tap("circle.3115"));
        const auto i = drawTwice(h, [&](ui::Ui& u) { return screens::drawSignupScreen(u, k.signup().view()); });
        REQUIRE(i);
        CHECK(std::holds_alternative<OpenAlternative>(*i));
    }

    SECTION("check-in, staff and the idle prompt draw") {
        w.clock.set(at("2026-12-01T17:50:00-06:00"));
        k.go(Route{Screen::Checkin});
        drawTwice(h, [&](ui::Ui& u) { return screens::drawCheckinScreen(u, k.checkin().view()); });
        CHECK(h.ui().lastFrameShows("Not on the list?"));
        k.go(Route{Screen::Staff});
        drawTwice(h, [&](ui::Ui& u) { return screens::drawStaffScreen(u, k.staff().view()); });
        CHECK(h.ui().lastFrameShows("Staff PIN"));
        drawTwice(h, [&](ui::Ui& u) { return screens::drawIdleScreen(u, 14); });
        CHECK(h.ui().lastFrameShows("Still there?"));
    }
}
