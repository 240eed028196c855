// The signup flow in fleet mode: Confirm asks the library's database for the seat first (the
// SeatClaims port; the real one runs on a worker and is exercised end to end in tests/fleet).

#include <catch2/catch.hpp>

#include "fakes.hpp"
#include "flow/pin_gate.hpp"

using namespace lc;
using namespace lc::kiosk;
using namespace lc::kiosk::testing;

namespace {

struct RecordingClaims : SeatClaims {
    bool on = true;
    std::vector<Signup> claims;
    std::vector<std::string> released;
    bool enabled() const override { return on; }
    void claim(const Signup& s) override { claims.push_back(s); }
    void release(const std::string& id) override { released.push_back(id); }
};

struct ClaimRig {
    World w;
    RecordingClaims seats;
    SignupRateLimit limit{w.settings, w.config};
    SignupFlow flow{w.catalog, w.sink, w.checkins, limit, w.clock, w.tr, w.config, &seats};

    void reachSaving(SignupPurpose purpose = SignupPurpose::Patron) {
        flow.start(3101, purpose);
        flow.apply(Focus{Field::Name});
        flow.apply(TypeText{"María Gómez"});
        flow.apply(Focus{Field::Email});
        flow.apply(TypeText{"maria@example.org"});
        flow.apply(Focus{Field::Goals});
        flow.apply(TypeText{"Speak at work"});
        flow.apply(Focus{Field::Support});
        flow.apply(TypeText{"Share notes"});
        flow.apply(ToggleConsent{});
        flow.apply(Submit{});
        REQUIRE(flow.view().step == SignupStep::Review);
        flow.apply(Confirm{});
    }
    std::string claimedId() const { return seats.claims.at(0).id; }
};

}  // namespace

TEST_CASE("SignupFlow with seat claims", "[kiosk]") {
    ClaimRig rig;

    SECTION("Confirm waits in Saving, commits nothing, and takes no intents until the answer") {
        rig.reachSaving();
        const auto v = rig.flow.view();
        CHECK(v.step == SignupStep::Saving);
        CHECK_FALSE(v.review.empty());  // the details stay on screen while saving
        REQUIRE(rig.seats.claims.size() == 1);
        CHECK(rig.seats.claims[0].circleId == 3101);
        CHECK(rig.seats.claims[0].email == "maria@example.org");
        CHECK(rig.w.sink.committed.empty());
        CHECK_FALSE(rig.flow.apply(GoBack{}).has_value());
        rig.flow.apply(Edit{});
        rig.flow.apply(Confirm{});
        CHECK(rig.flow.view().step == SignupStep::Saving);
        CHECK(rig.seats.claims.size() == 1);
    }

    SECTION("a claimed seat commits: You're in!") {
        rig.reachSaving();
        rig.flow.seatAnswered(rig.claimedId(), SeatAnswer::Claimed);
        CHECK(rig.flow.view().step == SignupStep::Done);
        REQUIRE(rig.w.sink.committed.size() == 1);
        CHECK(rig.w.sink.committed[0].id == rig.claimedId());
        CHECK(rig.flow.committedId() == rig.claimedId());
        CHECK_FALSE(rig.flow.claimedOffline());
        CHECK(rig.seats.released.empty());
    }

    SECTION("no seat left across the library: refused as full, nothing stored") {
        rig.reachSaving();
        rig.flow.seatAnswered(rig.claimedId(), SeatAnswer::Full);
        const auto v = rig.flow.view();
        CHECK(v.step == SignupStep::Refused);
        CHECK(v.refusal == "This circle is full.");
        CHECK(v.card.state == SignupState::Full);
        CHECK(v.card.seats == "Full");
        CHECK(rig.w.sink.committed.empty());
        CHECK(rig.flow.committedId().empty());
    }

    SECTION("no answer in time: committed, decided here (claimed offline)") {
        rig.reachSaving();
        rig.flow.seatAnswered(rig.claimedId(), SeatAnswer::Offline);
        CHECK(rig.flow.view().step == SignupStep::Done);
        CHECK(rig.w.sink.committed.size() == 1);
        CHECK(rig.flow.claimedOffline());
    }

    SECTION("the person holds a seat already: committed as the update it is") {
        rig.reachSaving();
        rig.flow.seatAnswered(rig.claimedId(), SeatAnswer::AlreadyHeld);
        CHECK(rig.flow.view().step == SignupStep::Done);
        CHECK(rig.w.sink.committed.size() == 1);
    }

    SECTION("a claimed seat whose local commit fails goes back, and Review says so") {
        rig.reachSaving();
        rig.w.sink.fail = true;
        rig.flow.seatAnswered(rig.claimedId(), SeatAnswer::Claimed);
        const auto v = rig.flow.view();
        CHECK(v.step == SignupStep::Review);
        CHECK_FALSE(v.saveError.empty());
        CHECK(rig.seats.released == std::vector<std::string>{rig.claimedId()});
    }

    SECTION("an answer after the flow was reset gives its seat back and changes nothing") {
        rig.reachSaving();
        const std::string id = rig.claimedId();
        rig.flow.reset();
        rig.flow.seatAnswered(id, SeatAnswer::Claimed);
        CHECK(rig.flow.view().step == SignupStep::Form);
        CHECK(rig.w.sink.committed.empty());
        CHECK(rig.seats.released == std::vector<std::string>{id});
        rig.flow.seatAnswered("someone-else", SeatAnswer::Full);  // not claimed: nothing to give
        CHECK(rig.seats.released.size() == 1);
    }

    SECTION("staff's walk-ins and a kiosk without a fleet commit at once") {
        rig.reachSaving(SignupPurpose::WalkIn);
        CHECK(rig.seats.claims.empty());
        CHECK(rig.w.sink.committed.size() == 1);
        ClaimRig alone;
        alone.seats.on = false;
        alone.reachSaving();
        CHECK(alone.flow.view().step == SignupStep::Done);
        CHECK(alone.seats.claims.empty());
    }
}

TEST_CASE("Staff pages show oversold circles", "[kiosk]") {
    World w;
    w.staff.status.oversold = {{3101, "Public Speaking", 1}, {4242, "", 2}};
    KioskFlow k(w.deps());
    w.settings.values[kPinHashKey] = hashPin("482915", true);
    k.go(Route{Screen::Staff});
    CHECK(k.staffView().oversold.empty());  // behind the PIN, like everything else
    k.follow(k.staff().apply(SetPin{"482915"}));
    k.follow(k.staff().apply(PinSubmit{}));
    REQUIRE(k.staffView().step == StaffStep::Dashboard);
    const auto lines = k.staffView().oversold;
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "Public Speaking is oversold by 1: signups were taken while devices were "
                      "offline. Contact the last people to sign up.");
    CHECK(lines[1].find("#4242 is oversold by 2") == 0);
    k.follow(k.staff().apply(ShowSync{}));
    CHECK(k.staffView().oversold.size() == 2);  // on every staff page
}
