// RosterRepository: a roster is replaced whole, never half-imported.
#include <catch2/catch.hpp>

#include <lc/store/checkin_repository.hpp>
#include <lc/store/roster_repository.hpp>

#include "store_test_support.hpp"

using namespace lc;
using namespace lc::store;
using test::at;

namespace {
RosterEntry entry(const std::string& name, const std::string& email, const std::string& id = "") {
    RosterEntry e;
    e.id = id;
    e.name = name;
    e.email = email;
    e.importedAt = at();
    return e;
}
}  // namespace

TEST_CASE("RosterRepository", "[store]") {
    Database db = test::memoryDb();
    RosterRepository roster(db);

    SECTION("import, list sorted by name, replace") {
        auto n = roster.replaceForCircle(
            7, {entry("zoe", "z@example.org"), entry("Ana", "a@example.org"), entry("bo", "")});
        REQUIRE(n);
        CHECK(*n == 3);
        auto list = *roster.forCircle(7);
        REQUIRE(list.size() == 3);
        CHECK(list[0].name == "Ana");
        CHECK(list[1].name == "bo");
        CHECK(list[2].name == "zoe");
        CHECK(list[0].circleId == 7);
        CHECK(list[0].id.size() == 36);
        CHECK(list[0].importedAt == at());
        CHECK((*roster.byId(list[0].id))->email == "a@example.org");
        REQUIRE(roster.replaceForCircle(8, {entry("Other", "")}));
        REQUIRE(*roster.replaceForCircle(7, {entry("Cy", "")}) == 1);
        CHECK(roster.forCircle(7)->size() == 1);
        CHECK(roster.forCircle(8)->size() == 1);
    }

    SECTION("a failing import leaves the previous roster whole") {
        REQUIRE(roster.replaceForCircle(7, {entry("Ana", ""), entry("Bo", "")}));
        auto bad =
            roster.replaceForCircle(7, {entry("Cy", "", "same-id"), entry("Di", "", "same-id")});
        REQUIRE_FALSE(bad);
        CHECK(bad.error().id == "[store.sql.4]");
        auto list = *roster.forCircle(7);
        REQUIRE(list.size() == 2);
        CHECK(list[0].name == "Ana");
    }

    SECTION("a check-in made from a dropped entry keeps its name") {
        REQUIRE(roster.replaceForCircle(7, {entry("Ana", "", "r1")}));
        CheckInRepository checkins(db);
        CheckIn c;
        c.circleId = 7;
        c.meetingDate = test::date(2026, 12, 1);
        c.personName = "Ana";
        c.rosterId = "r1";
        c.at = at();
        REQUIRE(checkins.add(c));
        REQUIRE(roster.replaceForCircle(7, {}));
        auto list = *checkins.forCircle(7);
        REQUIRE(list.size() == 1);
        CHECK(list[0].personName == "Ana");
        CHECK(list[0].rosterId.empty());
    }
}
