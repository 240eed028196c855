// The fleet's bookkeeping in the store: what the exchange pushes. A record the exchange already
// pushed is pushed again when it changes, even within the same second (its revision would not
// show it: the record writer marks it), and another device's signup voided here is pushed with
// the delivery its own device reported.

#include <catch2/catch.hpp>

#include <lc/store/fleet_repository.hpp>
#include <lc/store/record_writer.hpp>
#include <lc/store/signup_repository.hpp>

#include "store_test_support.hpp"

using namespace lc;
using namespace lc::store;
using lc::store::test::at;

namespace {

std::vector<std::string> unpushedIds(FleetRepository& fleet) {
    std::vector<std::string> ids;
    const auto records = fleet.unpushed(100).value();
    for (const auto& r : records) ids.push_back(r.id());
    return ids;
}

void pushAll(FleetRepository& fleet) {
    std::vector<PushedRecord> pushed;
    const auto records = fleet.unpushed(100).value();
    for (const auto& r : records) pushed.push_back({r.id(), r.kind(), r.rev, false});
    REQUIRE(fleet.markPushed(pushed));
}

}  // namespace

TEST_CASE("FleetRepository", "[store]") {
    Database db = test::memoryDb();
    FleetRepository fleet(db);

    SECTION("an update within the second of its push is pushed again") {
        Signup s = test::signup(7, "Ana", "ana@example.org");
        const auto w = writeSignup(db, {s, "", {}});
        REQUIRE(w);
        REQUIRE(unpushedIds(fleet) == std::vector<std::string>{w->id});
        pushAll(fleet);
        CHECK(unpushedIds(fleet).empty());
        s.goals = "Changed my mind";  // same person, same updated_at: the revision is the same
        REQUIRE(writeSignup(db, {s, "", {}}));
        CHECK(unpushedIds(fleet) == std::vector<std::string>{w->id});
        pushAll(fleet);
        CHECK(unpushedIds(fleet).empty());
    }

    SECTION("another device's signup voided here is pushed, with that device's delivery") {
        Signup s = test::signup(7, "Ben", "ben@example.org");
        s.id = "remote-1";
        RemoteRecord r{"remote-1", "kiosk-a",
                       FleetRecord{FleetSignup{s, at(30), false}, "100:0:delivered:130"}};
        REQUIRE(fleet.apply({r}, 5));
        CHECK(unpushedIds(fleet).empty());  // its device pushes it, not this one
        REQUIRE(SignupRepository(db).voidSignup("remote-1"));
        const auto out = fleet.unpushed(100).value();
        REQUIRE(out.size() == 1);
        const auto& pushed = std::get<FleetSignup>(out[0].record);
        CHECK(pushed.signup.voided);
        CHECK(pushed.deliveredAt == at(30));
        pushAll(fleet);
        CHECK(unpushedIds(fleet).empty());
        // What it remembers of the other device's delivery survives the push.
        const auto again = fleet.unpushed(100).value();
        CHECK(again.empty());
        REQUIRE(SignupRepository(db).voidSignup("remote-1"));
        const auto voidedAgain = fleet.unpushed(100).value();
        REQUIRE(voidedAgain.size() == 1);
        CHECK(std::get<FleetSignup>(voidedAgain[0].record).deliveredAt == at(30));
    }
}
