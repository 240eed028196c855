// OutboxRepository: leases, per-person ordering, states, and two connections claiming at once.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <thread>

#include <lc/store/outbox_repository.hpp>
#include <lc/store/signup_repository.hpp>

#include "store_test_support.hpp"

using namespace lc;
using namespace lc::store;
using std::chrono::seconds;
using test::at;

namespace {

// A signup that does not enqueue by itself, so the test controls the outbox.
std::string localSignup(SignupRepository& signups, const std::string& email,
                        std::int64_t circle = 7) {
    Signup s = test::signup(circle, "X", email);
    s.sendUpstream = false;
    return signups.upsert(s)->id;
}

std::string enqueueFor(OutboxRepository& outbox, const std::string& signupId, Instant now) {
    OutboxItem item;
    item.signupId = signupId;
    auto id = outbox.enqueue(item, now);
    REQUIRE(id);
    return *id;
}

std::vector<std::string> ids(const std::vector<OutboxRow>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.id);
    return out;
}

}  // namespace

TEST_CASE("OutboxRepository", "[store]") {
    test::TempDir dir;
    auto opened = Database::open(dir.file("lc.db"));
    REQUIRE(opened);
    Database& db = *opened;
    SignupRepository signups(db);
    OutboxRepository outbox(db);

    SECTION("claim leases due rows; a leased row is not claimed again until its lease ends") {
        std::string a = enqueueFor(outbox, localSignup(signups, "a@example.org"), at());
        std::string later = enqueueFor(outbox, localSignup(signups, "b@example.org"), at(100));
        auto first = outbox.claim("kiosk-1", at(10), seconds{60}, 10);
        REQUIRE(first);
        REQUIRE(ids(*first) == std::vector<std::string>{a});  // the other is not due yet
        const OutboxRow& r = (*first)[0];
        CHECK(r.leaseOwner == "kiosk-1");
        CHECK(r.leaseUntil == at(70));
        CHECK(r.attempts == 1);
        CHECK(r.personKey == "a@example.org");
        CHECK(outbox.claim("kiosk-2", at(20), seconds{60}, 10)->empty());
        auto expired =
            outbox.claim("kiosk-2", at(200), seconds{60}, 10);  // crashed holder: lease over
        CHECK(ids(*expired) == std::vector<std::string>{a, later});
        CHECK((*expired)[0].attempts == 2);
        auto empty = outbox.claim("kiosk-3", at(200), seconds{60}, 0);
        CHECK(empty->empty());
    }

    SECTION(
        "states: delivered, rejected, retry with a first failure set once, needs staff, staff "
        "retry") {
        std::string id = enqueueFor(outbox, localSignup(signups, "a@example.org"), at());
        REQUIRE(outbox.claim("p", at(), seconds{60}, 1)->size() == 1);
        REQUIRE(outbox.markRetry(id, at(30), "HTTP 503", at(1)));
        auto row = *outbox.byId(id);
        CHECK(row->state == kOutboxPending);
        CHECK(row->nextAttemptAt == at(30));
        CHECK(row->firstFailureAt == at(1));
        CHECK(row->lastError == "HTTP 503");
        CHECK_FALSE(row->leaseUntil.has_value());
        CHECK(outbox.claim("p", at(29), seconds{60}, 1)->empty());
        REQUIRE(outbox.claim("p", at(30), seconds{60}, 1)->size() == 1);
        REQUIRE(outbox.markRetry(id, at(90), "timeout", at(31)));
        CHECK((*outbox.byId(id))->firstFailureAt == at(1));
        REQUIRE(outbox.markNeedsStaff(id, "kept failing"));
        CHECK((*outbox.byId(id))->state == kOutboxNeedsStaff);
        CHECK(outbox.claim("p", at(1000), seconds{60}, 1)->empty());
        REQUIRE(outbox.retry(id, at(2000)));
        row = *outbox.byId(id);
        CHECK(row->state == kOutboxPending);
        CHECK(row->nextAttemptAt == at(2000));
        CHECK_FALSE(row->firstFailureAt.has_value());
        REQUIRE(outbox.claim("p", at(2000), seconds{60}, 1)->size() == 1);
        REQUIRE(outbox.markRejected(id, R"({"email":["Invalid email address"]})"));
        CHECK((*outbox.byId(id))->errorsJson == R"({"email":["Invalid email address"]})");
        REQUIRE(outbox.retry(id, at(3000)));
        REQUIRE(outbox.claim("p", at(3000), seconds{60}, 1)->size() == 1);
        REQUIRE(outbox.markDelivered(id, at(3001)));
        row = *outbox.byId(id);
        CHECK(row->state == kOutboxDelivered);
        CHECK(row->deliveredAt == at(3001));
        CHECK(row->attempts == 4);
        auto again = outbox.retry(id, at(4000));
        REQUIRE_FALSE(again);
        CHECK(again.error().code == ErrorCode::Conflict);
        CHECK(again.error().id == "[store.outbox.2]");
    }

    SECTION("a later row of the same person waits for the earlier one, even while it backs off") {
        std::string s1 = localSignup(signups, "Ana@example.org", 7);
        std::string s2 = localSignup(signups, "ana@EXAMPLE.org", 8);
        std::string other = localSignup(signups, "bo@example.org", 7);
        std::string r1 = enqueueFor(outbox, s1, at());
        std::string r2 = enqueueFor(outbox, s2, at());
        std::string r3 = enqueueFor(outbox, other, at());
        auto c = outbox.claim("p", at(), seconds{60}, 10);
        CHECK(ids(*c) == std::vector<std::string>{r1, r3});
        REQUIRE(outbox.markRetry(r1, at(600), "timeout", at(1)));
        REQUIRE(outbox.markDelivered(r3, at(2)));
        CHECK(outbox.claim("p", at(100), seconds{60}, 10)->empty());  // r2 still waits behind r1
        auto c2 = outbox.claim("p", at(600), seconds{60}, 10);
        CHECK(ids(*c2) == std::vector<std::string>{r1});
        REQUIRE(outbox.markDelivered(r1, at(601)));
        CHECK(ids(*outbox.claim("p", at(602), seconds{60}, 10)) == std::vector<std::string>{r2});
    }

    SECTION("a row waiting for staff, or rejected, blocks nobody") {
        std::string s1 = localSignup(signups, "ana@example.org", 7);
        std::string s2 = localSignup(signups, "ana@example.org", 8);
        std::string s3 = localSignup(signups, "ana@example.org", 9);
        std::string r1 = enqueueFor(outbox, s1, at());
        std::string r2 = enqueueFor(outbox, s2, at());
        std::string r3 = enqueueFor(outbox, s3, at());
        REQUIRE(outbox.claim("p", at(), seconds{60}, 10)->size() == 1);
        REQUIRE(outbox.markNeedsStaff(r1, "HTTP 500 again"));
        CHECK(ids(*outbox.claim("p", at(1), seconds{60}, 10)) == std::vector<std::string>{r2});
        REQUIRE(outbox.markRejected(r2, "{}"));
        CHECK(ids(*outbox.claim("p", at(2), seconds{60}, 10)) == std::vector<std::string>{r3});
    }

    SECTION("counts, lists and retention") {
        std::string a = enqueueFor(outbox, localSignup(signups, "a@example.org"), at());
        std::string b = enqueueFor(outbox, localSignup(signups, "b@example.org"), at());
        std::string c = enqueueFor(outbox, localSignup(signups, "c@example.org"), at());
        enqueueFor(outbox, localSignup(signups, "d@example.org"), at());
        REQUIRE(outbox.markDelivered(a, at(10)));
        REQUIRE(outbox.markRejected(b, "{}"));
        REQUIRE(outbox.markNeedsStaff(c, "x"));
        auto n = outbox.counts();
        REQUIRE(n);
        CHECK(n->pending == 1);
        CHECK(n->delivered == 1);
        CHECK(n->rejected == 1);
        CHECK(n->needsStaff == 1);
        CHECK(ids(*outbox.listByState(kOutboxRejected)) == std::vector<std::string>{b});
        CHECK(*outbox.pruneDelivered(at(10)) == 0);
        CHECK(*outbox.pruneDelivered(at(11)) == 1);
        CHECK_FALSE(outbox.byId(a)->has_value());
        CHECK(outbox.counts()->rejected == 1);
    }

    SECTION("bad input and unknown ids") {
        auto none = outbox.enqueue(OutboxItem{}, at());
        REQUIRE_FALSE(none);
        CHECK(none.error().id == "[store.outbox.3]");
        CHECK(none.error().code == ErrorCode::InvalidInput);
        for (auto r : {outbox.markDelivered("x", at()), outbox.markRejected("x", "{}"),
                       outbox.markRetry("x", at(), "e", at()), outbox.markNeedsStaff("x", "e"),
                       outbox.retry("x", at())}) {
            REQUIRE_FALSE(r);
            CHECK(r.error().code == ErrorCode::NotFound);
            CHECK(r.error().id == "[store.outbox.1]");
        }
    }

    SECTION("two connections to one file, claiming at once, never hold the same row") {
        constexpr int kRows = 60;
        for (int i = 0; i < kRows; ++i) {
            enqueueFor(outbox, localSignup(signups, "p" + std::to_string(i) + "@example.org"),
                       at());
        }
        std::vector<std::string> got[2];
        auto worker = [&](int w) {
            auto mine = Database::open(dir.file("lc.db"));
            if (!mine) return;
            OutboxRepository repo(*mine);
            for (;;) {
                auto c = repo.claim("w" + std::to_string(w), at(), seconds{600}, 3);
                if (!c || c->empty()) break;
                for (const auto& r : *c) got[w].push_back(r.id);
            }
        };
        std::thread t0(worker, 0);
        std::thread t1(worker, 1);
        t0.join();
        t1.join();
        std::set<std::string> all(got[0].begin(), got[0].end());
        for (const auto& id : got[1]) CHECK(all.insert(id).second);  // disjoint
        CHECK(all.size() == kRows);
        CHECK(got[0].size() + got[1].size() == kRows);
    }
}
