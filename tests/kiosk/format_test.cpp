#include <catch2/catch.hpp>

#include "fakes.hpp"
#include "flow/format.hpp"

using namespace lc;
using namespace lc::kiosk;
using namespace lc::kiosk::testing;

TEST_CASE("format", "[kiosk]") {
    const TimeOfDay six{18 * 60};
    const TimeOfDay morning{10 * 60 + 30};

    SECTION("times, the way each language writes them") {
        CHECK(format::timeOfDay("en", six) == "6:00\u00a0PM");
        CHECK(format::timeOfDay("en", TimeOfDay{0}) == "12:00\u00a0AM");
        CHECK(format::timeOfDay("fr", six) == "18\u00a0h\u00a000");
        CHECK(format::timeOfDay("es", morning) == "10:30");
        CHECK(format::timeOfDay("sw", six) == "18:00");
        CHECK(format::timeOfDay("sw", morning) == "10:30");
    }

    SECTION("dates") {
        const Date d = ymd(2026, 12, 1);
        CHECK(format::longDate("en", d) == "Tuesday, December\u00a01");
        CHECK(format::longDate("fr", d) == "mardi\u00a01\u00a0décembre");
        CHECK(format::longDate("es", d) == "martes, 1\u00a0de\u00a0diciembre");
        CHECK(format::longDate("sw", d) == "Jumanne, 1\u00a0Desemba");
        CHECK(format::shortDate("fr", d) == "1\u00a0déc.");
    }

    SECTION("substitution") {
        CHECK(format::subst("Week {n} of {total}", {{"n", "3"}, {"total", "6"}}) == "Week 3 of 6");
        CHECK(format::subst("{x} {unknown}", {{"x", "{n}"}}) == "{n} {unknown}");
    }

    SECTION("local parts") {
        const auto [day, time] = format::localParts(at("2026-12-02T00:30:00Z"), -360);
        CHECK(day == ymd(2026, 12, 1));
        CHECK(time == TimeOfDay{18 * 60 + 30});
    }
}
