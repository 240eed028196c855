// The record-plus-outbox-rows unit: a signup or check-in and every row it carries commit or roll
// back together, the rows see the record as stored, and a repeat check-in carries none.

#include <catch2/catch.hpp>

#include <stdexcept>

#include <sqlite3.h>

#include <lc/store/outbox_repository.hpp>
#include <lc/store/record_writer.hpp>
#include <lc/store/transaction.hpp>

#include "store_test_support.hpp"

using namespace lc;
using namespace lc::store;
using lc::store::test::at;

namespace {

int countRows(Database& db, const char* table) {
    sqlite3_stmt* st = nullptr;
    const std::string sql = std::string("SELECT count(*) FROM ") + table;
    if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &st, nullptr) != SQLITE_OK) return -1;
    const int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_finalize(st);
    return n;
}

SignupRow echoRow(const char* kind) {
    return {kind, [](const Signup& s, const SignupWrite& w) {
                return s.id + "|" + s.mobile + "|" + (w.created ? "new" : "update");
            }};
}

CheckIn checkIn(const std::string& name, const std::string& signupId = "") {
    CheckIn c;
    c.circleId = 7;
    c.meetingDate = test::date(2026, 12, 1);
    c.personName = name;
    c.signupId = signupId;
    c.at = at(60);
    return c;
}

}  // namespace

TEST_CASE("Record writer", "[store]") {
    Database db = test::memoryDb();
    OutboxRepository outbox(db);

    SECTION("a signup, its P2PU row and every extra row, bodies from the stored signup") {
        SignupRecord r{test::signup(7, "Ana", "ana@example.org", "+15551112222"), R"({"p":1})",
                       {echoRow(kOutboxWebhook), echoRow(kOutboxWebhook)}};
        auto w = writeSignup(db, r);
        INFO((w ? std::string() : w.error().describe()));
        REQUIRE(w);
        CHECK(w->created);
        auto rows = outbox.listByState(kOutboxPending).value();
        REQUIRE(rows.size() == 3);
        CHECK(rows[0].kind == kOutboxP2pu);
        CHECK(rows[0].body == R"({"p":1})");
        CHECK(rows[1].kind == kOutboxWebhook);
        CHECK(rows[1].body == w->id + "|+15551112222|new");
        CHECK(rows[1].personKey == "ana@example.org");
        CHECK(rows[2].kind == kOutboxWebhook);
        CHECK(rows[2].createdAt == at());

        // The same person again without a mobile: the rows see the stored (earlier) id and mobile.
        SignupRecord again{test::signup(7, "Ana L", "ANA@example.org", "", at(30)), "", {echoRow(kOutboxWebhook)}};
        auto w2 = writeSignup(db, again);
        REQUIRE(w2);
        CHECK(w2->id == w->id);
        auto fleet = outbox.listByState(kOutboxPending).value().back();
        CHECK(fleet.body == w->id + "|+15551112222|update");
    }

    SECTION("a body that throws rolls back the signup and every row") {
        SignupRecord r{test::signup(7, "Ana", "ana@example.org"), "",
                       {echoRow(kOutboxWebhook), {kOutboxWebhook, [](const Signup&, const SignupWrite&) -> std::string {
                                                      throw std::runtime_error("no");
                                                  }}}};
        auto w = writeSignup(db, r);
        REQUIRE_FALSE(w);
        CHECK(w.error().id == "[store.record.1]");
        CHECK(countRows(db, "signups") == 0);
        CHECK(countRows(db, "outbox") == 0);
    }

    SECTION("inside a caller's transaction that rolls back, nothing stays") {
        {
            auto tx = Transaction::begin(db);
            REQUIRE(tx);
            REQUIRE(writeSignup(db, {test::signup(7, "Ana", "ana@example.org"), "", {echoRow(kOutboxWebhook)}}));
            REQUIRE(writeCheckIn(db, {checkIn("Ana"), {{kOutboxWebhook, [](const CheckIn& c) { return c.id; }}}}));
            CHECK(countRows(db, "outbox") == 3);
        }
        CHECK(countRows(db, "signups") == 0);
        CHECK(countRows(db, "checkins") == 0);
        CHECK(countRows(db, "outbox") == 0);
    }

    SECTION("a check-in's rows carry its id and the person's key; a repeat carries none") {
        auto s = writeSignup(db, {test::signup(7, "Ana", "Ana@Example.org"), "", {}});
        REQUIRE(s);
        CheckInRecord r{checkIn("Ana", s->id), {{kOutboxWebhook, [](const CheckIn& c) { return "c:" + c.id; }}}};
        auto first = writeCheckIn(db, r);
        REQUIRE(first);
        CHECK(first->created);
        auto again = writeCheckIn(db, r);
        REQUIRE(again);
        CHECK_FALSE(again->created);
        std::vector<OutboxRow> hooks;
        const auto pending = outbox.listByState(kOutboxPending).value();
        for (const auto& row : pending)
            if (row.kind == kOutboxWebhook) hooks.push_back(row);
        REQUIRE(hooks.size() == 1);
        CHECK(hooks[0].checkInId == first->id);
        CHECK(hooks[0].body == "c:" + first->id);
        CHECK(hooks[0].personKey == "ana@example.org");
        CHECK(hooks[0].nextAttemptAt == at(60));
    }

    SECTION("a check-in whose row cannot be built is not recorded") {
        CheckInRecord r{checkIn("Walk In"), {{kOutboxWebhook, nullptr}}};
        auto w = writeCheckIn(db, r);
        REQUIRE_FALSE(w);
        CHECK(w.error().id == "[store.record.2]");
        CHECK(countRows(db, "checkins") == 0);
    }
}
