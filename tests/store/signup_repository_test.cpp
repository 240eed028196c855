// SignupRepository: upsert de-duplication, the outbox row in the same transaction, voiding, and
// the count of local signups a snapshot cannot include yet.
#include <catch2/catch.hpp>

#include <lc/store/outbox_repository.hpp>
#include <lc/store/signup_repository.hpp>

#include "store_test_support.hpp"

using namespace lc;
using namespace lc::store;
using test::at;

namespace {
std::vector<OutboxRow> rowsOf(OutboxRepository& outbox, const std::string& signupId) {
    std::vector<OutboxRow> out;
    for (const char* state :
         {kOutboxPending, kOutboxDelivered, kOutboxRejected, kOutboxNeedsStaff}) {
        auto rows = outbox.listByState(state);
        for (auto& r : *rows) {
            if (r.signupId == signupId) out.push_back(r);
        }
    }
    return out;
}
}  // namespace

TEST_CASE("SignupRepository", "[store]") {
    Database db = test::memoryDb();
    SignupRepository signups(db);
    OutboxRepository outbox(db);

    SECTION("a new signup is stored whole and enqueued for P2PU in the same write") {
        Signup s = test::signup(7, "María Gómez", "Maria@Example.org", "+15551234567");
        s.customAnswer = "yes";
        s.communicationsOptIn = true;
        auto w = signups.upsert(s, R"({"x":1})");
        REQUIRE(w);
        CHECK(w->created);
        CHECK(w->id.size() == 36);
        auto got = signups.byId(w->id);
        REQUIRE(got->has_value());
        const Signup& g = **got;
        CHECK(g.circleId == 7);
        CHECK(g.name == "María Gómez");
        CHECK(g.email == "Maria@Example.org");
        CHECK(g.mobile == "+15551234567");
        CHECK(g.goals == "learn");
        CHECK(g.support == "none");
        CHECK(g.customAnswer == "yes");
        CHECK(g.consent);
        CHECK(g.consentVersion == "2026-01");
        CHECK(g.communicationsOptIn);
        CHECK(g.createdAt == at());
        CHECK(g.updatedAt == at());
        CHECK(g.sendUpstream);
        CHECK(g.source == "kiosk");
        CHECK_FALSE(g.voided);
        auto rows = rowsOf(outbox, w->id);
        REQUIRE(rows.size() == 1);
        CHECK(rows[0].kind == kOutboxP2pu);
        CHECK(rows[0].state == kOutboxPending);
        CHECK(rows[0].personKey == "maria@example.org");
        CHECK(rows[0].body == R"({"x":1})");
        CHECK(rows[0].nextAttemptAt == at());
    }

    SECTION("the same email in another case updates the earlier signup instead of duplicating") {
        auto first = signups.upsert(test::signup(7, "Ana", "ana@example.org", "", at()), "b1");
        Signup again = test::signup(7, "Ana López", "ANA@Example.ORG", "+15550000000", at(60));
        again.goals = "new goals";
        again.consentVersion = "2026-02";
        auto second = signups.upsert(again, "b2");
        REQUIRE(second);
        CHECK_FALSE(second->created);
        CHECK(second->id == first->id);
        auto all = signups.forCircle(7);
        REQUIRE(all->size() == 1);
        const Signup& g = (*all)[0];
        CHECK(g.name == "Ana López");
        CHECK(g.email == "ana@example.org");
        CHECK(g.mobile == "+15550000000");
        CHECK(g.goals == "new goals");
        CHECK(g.consentVersion == "2026-02");
        CHECK(g.createdAt == at());
        CHECK(g.updatedAt == at(60));
        auto rows = rowsOf(outbox, first->id);
        REQUIRE(rows.size() == 1);  // the pending row was refreshed, not doubled
        CHECK(rows[0].body == "b2");
        // another circle is another signup
        auto other = signups.upsert(test::signup(8, "Ana", "ana@example.org"));
        CHECK(other->created);
        CHECK(signups.all()->size() == 2);
    }

    SECTION("email-less signups de-duplicate by mobile, stay local and keep an omitted mobile") {
        auto a = signups.upsert(test::signup(7, "Bo", "", "+15551112222"));
        auto b = signups.upsert(test::signup(7, "Bo B", "", "+15551112222", at(30)));
        REQUIRE(b);
        CHECK_FALSE(b->created);
        CHECK(b->id == a->id);
        CHECK(outbox.counts()->pending == 0);
        auto c = signups.upsert(test::signup(7, "Cy", "", "+15553334444"));
        CHECK(c->created);
        // with an email, a mobile left out keeps the one given before
        auto d = signups.upsert(test::signup(9, "Di", "di@example.org", "+15550001111"));
        REQUIRE(signups.upsert(test::signup(9, "Di", "di@example.org", "")));
        CHECK((*signups.byId(d->id))->mobile == "+15550001111");
    }

    SECTION("an update after delivery, or while the row is being sent, enqueues a new row") {
        auto w = signups.upsert(test::signup(7, "Ana", "ana@example.org", "", at()));
        auto claimed = outbox.claim("p1", at(1), std::chrono::seconds{60}, 10);
        REQUIRE(claimed->size() == 1);
        REQUIRE(signups.upsert(test::signup(7, "Ana", "ana@example.org", "", at(10))));  // leased
        CHECK(rowsOf(outbox, w->id).size() == 2);
        REQUIRE(outbox.markDelivered((*claimed)[0].id, at(20)));
        REQUIRE(signups.upsert(
            test::signup(7, "Ana", "ana@example.org", "", at(30))));  // pending unleased
        CHECK(rowsOf(outbox, w->id).size() == 2);
        auto next = outbox.claim("p1", at(40), std::chrono::seconds{60}, 10);
        REQUIRE(next->size() == 1);
        REQUIRE(outbox.markDelivered((*next)[0].id, at(50)));
        REQUIRE(signups.upsert(
            test::signup(7, "Ana", "ana@example.org", "", at(60))));  // all delivered
        auto rows = rowsOf(outbox, w->id);
        CHECK(rows.size() == 3);
        CHECK(outbox.counts()->pending == 1);
    }

    SECTION(
        "voiding keeps the row for audit, drops its unsent outbox row; voided rows are not "
        "matched") {
        auto w = signups.upsert(test::signup(7, "Ana", "ana@example.org"));
        REQUIRE(signups.voidSignup(w->id));
        CHECK((*signups.byId(w->id))->voided);
        CHECK(outbox.counts()->pending == 0);
        auto again = signups.upsert(test::signup(7, "Ana", "ana@example.org", "", at(60)));
        CHECK(again->created);
        CHECK(again->id != w->id);
        auto missing = signups.voidSignup("nope");
        REQUIRE_FALSE(missing);
        CHECK(missing.error().code == ErrorCode::NotFound);
        CHECK(missing.error().id == "[store.signup.1]");
    }

    SECTION("localPending counts what the snapshot cannot include yet, one per person") {
        auto a = signups.upsert(test::signup(7, "A", "a@example.org"));     // pending upstream
        auto b = signups.upsert(test::signup(7, "B", "b@example.org"));     // delivered at +10
        REQUIRE(signups.upsert(test::signup(7, "C", "", "+15551112222")));  // mobile only: local
        auto d = signups.upsert(test::signup(7, "D", "d@example.org"));     // rejected
        auto e = signups.upsert(test::signup(7, "E", "e@example.org"));     // voided
        REQUIRE(signups.upsert(test::signup(8, "F", "f@example.org")));     // another circle
        REQUIRE(signups.voidSignup(e->id));
        auto claimed = outbox.claim("p", at(1), std::chrono::seconds{60}, 10);
        REQUIRE(claimed);
        for (const auto& r : *claimed) {
            if (r.signupId == b->id) REQUIRE(outbox.markDelivered(r.id, at(10)));
            if (r.signupId == d->id)
                REQUIRE(outbox.markRejected(r.id, R"({"email":["Invalid email address"]})"));
            if (r.signupId == a->id) REQUIRE(outbox.markRetry(r.id, at(100), "timeout", at(2)));
        }
        CHECK(*signups.localPending(7, at(5)) == 3);   // A, B (delivered after the fetch), C
        CHECK(*signups.localPending(7, at(20)) == 2);  // A, C
        CHECK(*signups.localPending(8, at(20)) == 1);
        CHECK(*signups.localPending(99, at(20)) == 0);
        // an update of a delivered signup does not count the person twice, nor again
        REQUIRE(signups.upsert(test::signup(7, "B2", "B@example.org", "", at(30))));
        CHECK(*signups.localPending(7, at(20)) == 2);
    }
}
