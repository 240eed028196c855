// Transaction: commit, rollback in the destructor, nesting as a savepoint.
#include <catch2/catch.hpp>

#include <lc/store/settings_repository.hpp>
#include <lc/store/transaction.hpp>

#include "store_test_support.hpp"

using namespace lc;
using namespace lc::store;

TEST_CASE("Transaction", "[store]") {
    Database db = test::memoryDb();
    SettingsRepository settings(db);

    SECTION("commit keeps the writes") {
        auto tx = Transaction::begin(db);
        REQUIRE(tx);
        REQUIRE(settings.setSetting("a", "1"));
        REQUIRE(tx->commit());
        CHECK_FALSE(tx->active());
        CHECK(settings.getSetting("a")->value_or("") == "1");
        auto again = tx->commit();
        REQUIRE_FALSE(again);
        CHECK(again.error().id == "[store.tx.3]");
    }

    SECTION("leaving the scope without commit rolls back") {
        {
            auto tx = Transaction::begin(db);
            REQUIRE(tx);
            REQUIRE(settings.setSetting("a", "1"));
        }
        CHECK_FALSE(settings.getSetting("a")->has_value());
    }

    SECTION("a nested transaction is a savepoint: an inner rollback keeps the outer writes") {
        auto outer = Transaction::begin(db);
        REQUIRE(outer);
        REQUIRE(settings.setSetting("outer", "1"));
        {
            auto inner = Transaction::begin(db);
            REQUIRE(inner);
            REQUIRE(settings.setSetting("inner", "1"));
        }
        {
            auto inner = Transaction::begin(db);
            REQUIRE(inner);
            REQUIRE(settings.setSetting("kept", "1"));
            REQUIRE(inner->commit());
        }
        REQUIRE(outer->commit());
        CHECK(settings.getSetting("outer")->has_value());
        CHECK_FALSE(settings.getSetting("inner")->has_value());
        CHECK(settings.getSetting("kept")->has_value());
    }

    SECTION("an outer rollback undoes a committed inner one") {
        {
            auto outer = Transaction::begin(db);
            REQUIRE(outer);
            auto inner = Transaction::begin(db);
            REQUIRE(inner);
            REQUIRE(settings.setSetting("inner", "1"));
            REQUIRE(inner->commit());
        }
        CHECK_FALSE(settings.getSetting("inner")->has_value());
    }
}
