// CheckInRepository: one check-in per person per meeting, listing, staff undo.
#include <catch2/catch.hpp>

#include <lc/store/checkin_repository.hpp>
#include <lc/store/outbox_repository.hpp>
#include <lc/store/signup_repository.hpp>

#include "store_test_support.hpp"

using namespace lc;
using namespace lc::store;
using test::at;
using test::date;

namespace {
CheckIn checkIn(const std::string& name, Date d, Instant when, const std::string& signupId = "") {
    CheckIn c;
    c.circleId = 7;
    c.meetingDate = d;
    c.personName = name;
    c.signupId = signupId;
    c.at = when;
    return c;
}
}  // namespace

TEST_CASE("CheckInRepository", "[store]") {
    Database db = test::memoryDb();
    CheckInRepository checkins(db);
    SignupRepository signups(db);

    SECTION(
        "a second check-in of the same person to the same meeting is a no-op returning the first") {
        auto first = checkins.add(checkIn("Ana López", date(2026, 12, 1), at()));
        REQUIRE(first);
        CHECK(first->created);
        auto again = checkins.add(checkIn("  ana lópez ", date(2026, 12, 1), at(30)));
        REQUIRE(again);
        CHECK_FALSE(again->created);
        CHECK(again->id == first->id);
        auto list = checkins.forMeeting(7, date(2026, 12, 1));
        REQUIRE(list->size() == 1);
        CHECK((*list)[0].personName == "Ana López");
        CHECK((*list)[0].at == at());
        // next week is another meeting
        CHECK(checkins.add(checkIn("Ana López", date(2026, 12, 8), at(7 * 86400)))->created);
        CHECK(checkins.forCircle(7)->size() == 2);
        CHECK(checkins.forMeeting(7, date(2026, 12, 8))->size() == 1);
        CHECK(checkins.forMeeting(8, date(2026, 12, 8))->empty());
    }

    SECTION("people are told apart by their signup, so namesakes both check in") {
        auto s1 = signups.upsert(test::signup(7, "Ana", "ana1@example.org"));
        auto s2 = signups.upsert(test::signup(7, "Ana", "ana2@example.org"));
        auto a = checkins.add(checkIn("Ana", date(2026, 12, 1), at(), s1->id));
        auto b = checkins.add(checkIn("Ana", date(2026, 12, 1), at(5), s2->id));
        CHECK(a->created);
        CHECK(b->created);
        auto list = *checkins.forMeeting(7, date(2026, 12, 1));
        REQUIRE(list.size() == 2);
        CHECK(list[0].signupId == s1->id);
        CHECK(list[1].signupId == s2->id);
        CHECK(list[0].rosterId.empty());
    }

    SECTION("staff undo removes the check-in and its outbox rows") {
        auto a = checkins.add(checkIn("Ana", date(2026, 12, 1), at()));
        OutboxRepository outbox(db);
        OutboxItem item;
        item.checkInId = a->id;
        item.kind = kOutboxWebhook;
        item.body = "{}";
        REQUIRE(outbox.enqueue(item, at()));
        REQUIRE(checkins.remove(a->id));
        CHECK(checkins.forCircle(7)->empty());
        CHECK(outbox.counts()->pending == 0);
        CHECK(checkins.add(checkIn("Ana", date(2026, 12, 1), at(60)))->created);
        auto missing = checkins.remove(a->id);
        REQUIRE_FALSE(missing);
        CHECK(missing.error().code == ErrorCode::NotFound);
        CHECK(missing.error().id == "[store.checkin.1]");
    }
}
