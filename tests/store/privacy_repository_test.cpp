// PrivacyRepository: export and erase one person everywhere; purge after retention.
#include <catch2/catch.hpp>

#include <lc/store/checkin_repository.hpp>
#include <lc/store/outbox_repository.hpp>
#include <lc/store/privacy_repository.hpp>
#include <lc/store/roster_repository.hpp>
#include <lc/store/signup_repository.hpp>

#include "store_test_support.hpp"

using namespace lc;
using namespace lc::store;
using std::chrono::seconds;
using test::at;

namespace {
constexpr long long kDay = 86400;

CheckIn checkIn(std::int64_t circle, const std::string& name, Instant when,
                const std::string& signupId, const std::string& rosterId = "") {
    CheckIn c;
    c.circleId = circle;
    c.meetingDate = test::date(2026, 12, 1);
    c.personName = name;
    c.signupId = signupId;
    c.rosterId = rosterId;
    c.at = when;
    return c;
}
}  // namespace

TEST_CASE("PrivacyRepository", "[store]") {
    Database db = test::memoryDb();
    SignupRepository signups(db);
    CheckInRepository checkins(db);
    RosterRepository roster(db);
    OutboxRepository outbox(db);
    PrivacyRepository privacy(db);

    auto ana = signups.upsert(test::signup(7, "Ana", "Ana@Example.org", "+15551112222"));
    auto bo = signups.upsert(test::signup(7, "Bo", "bo@example.org"));
    RosterEntry r;
    r.id = "r-ana";
    r.name = "Ana L.";
    r.email = "ana@EXAMPLE.org";
    r.importedAt = at();
    REQUIRE(roster.replaceForCircle(8, {r}));
    REQUIRE(checkins.add(checkIn(7, "Ana", at(), ana->id)));
    REQUIRE(checkins.add(checkIn(8, "Ana L.", at(), "", "r-ana")));
    REQUIRE(checkins.add(checkIn(7, "Bo", at(), bo->id)));

    SECTION(
        "export gathers signups, check-ins, roster entries and outbox rows, email matched in any "
        "case") {
        auto e = privacy.exportPerson(PersonRef{"ANA@example.ORG", ""});
        REQUIRE(e);
        REQUIRE(e->signups.size() == 1);
        CHECK(e->signups[0].name == "Ana");
        CHECK(e->checkIns.size() == 2);
        REQUIRE(e->rosterEntries.size() == 1);
        CHECK(e->rosterEntries[0].id == "r-ana");
        REQUIRE(e->outbox.size() == 1);
        CHECK(e->outbox[0].signupId == ana->id);
        auto byMobile = privacy.exportPerson(PersonRef{"", "+15551112222"});
        CHECK(byMobile->signups.size() == 1);
        CHECK(byMobile->rosterEntries.empty());
    }

    SECTION("forget erases the person everywhere and leaves everyone else") {
        auto n = privacy.forget(PersonRef{"ana@example.org", ""});
        REQUIRE(n);
        CHECK(n->signups == 1);
        CHECK(n->checkIns == 2);
        CHECK(n->rosterEntries == 1);
        CHECK(n->outbox == 1);
        auto e = privacy.exportPerson(PersonRef{"ana@example.org", "+15551112222"});
        CHECK(e->signups.empty());
        CHECK(e->checkIns.empty());
        CHECK(e->rosterEntries.empty());
        CHECK(e->outbox.empty());
        CHECK(signups.all()->size() == 1);
        CHECK(checkins.forCircle(7)->size() == 1);
        CHECK(outbox.counts()->pending == 1);
    }

    SECTION("forget by mobile; nothing to forget is not an error; no one at all is") {
        auto n = privacy.forget(PersonRef{"", "+15551112222"});
        REQUIRE(n);
        CHECK(n->signups == 1);
        CHECK(n->checkIns == 1);
        CHECK(n->rosterEntries == 0);
        auto none = privacy.forget(PersonRef{"nobody@example.org", ""});
        REQUIRE(none);
        CHECK(none->signups == 0);
        auto bad = privacy.forget(PersonRef{});
        REQUIRE_FALSE(bad);
        CHECK(bad.error().code == ErrorCode::InvalidInput);
        CHECK(bad.error().id == "[store.privacy.1]");
        CHECK(privacy.exportPerson(PersonRef{}).error().id == "[store.privacy.1]");
    }

    SECTION("purge removes everything of circles past retention, whatever the outbox state") {
        // circle 7: ended 100 days ago. Ana's row is delivered, Bo's still pending (never sent).
        auto claimed = outbox.claim("p", at(), seconds{60}, 10);
        for (const auto& row : *claimed) {
            if (row.signupId == ana->id) REQUIRE(outbox.markDelivered(row.id, at(1)));
        }
        // circle 9: gone from the feed (no last meeting known), last touched 200 days before now
        REQUIRE(signups.upsert(test::signup(9, "Cy", "", "+15553334444", at(-200 * kDay))));
        const Instant now = at(110 * kDay);
        auto lastEnd = [&](std::int64_t circle) -> std::optional<Instant> {
            if (circle == 7) return at(10 * kDay);   // 100 days before now
            if (circle == 8) return at(100 * kDay);  // 10 days before now
            return std::nullopt;
        };
        auto n = privacy.purge(now, 90, lastEnd);
        REQUIRE(n);
        CHECK(n->signups == 3);   // Ana (delivered), Bo (pending) and Cy
        CHECK(n->checkIns == 2);  // Ana's and Bo's check-ins in circle 7
        CHECK(n->outbox == 2);
        CHECK(n->outboxUndelivered == 1);
        CHECK(n->rosterEntries == 0);
        CHECK(signups.all()->empty());
        CHECK(privacy.exportPerson(PersonRef{"bo@example.org", ""})->signups.empty());
        CHECK(privacy.exportPerson(PersonRef{"bo@example.org", ""})->outbox.empty());
        CHECK(roster.forCircle(8)->size() == 1);
        CHECK(checkins.forCircle(8)->size() == 1);
        CHECK(privacy.purge(now, 90, lastEnd)->signups == 0);
    }
}
