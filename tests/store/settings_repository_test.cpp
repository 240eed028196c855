// SettingsRepository: small key/value settings.
#include <catch2/catch.hpp>

#include <lc/store/settings_repository.hpp>

#include "store_test_support.hpp"

using namespace lc;
using namespace lc::store;

TEST_CASE("SettingsRepository", "[store]") {
    Database db = test::memoryDb();
    SettingsRepository settings(db);

    SECTION("unset, set, replace, remove") {
        CHECK_FALSE(settings.getSetting(kSettingPinHash)->has_value());
        REQUIRE(settings.setSetting(kSettingPinHash, "hash1"));
        CHECK(settings.getSetting(kSettingPinHash)->value_or("") == "hash1");
        REQUIRE(settings.setSetting(kSettingPinHash, "hash2"));
        CHECK(settings.getSetting(kSettingPinHash)->value_or("") == "hash2");
        REQUIRE(settings.removeSetting(kSettingPinHash));
        CHECK_FALSE(settings.getSetting(kSettingPinHash)->has_value());
        REQUIRE(settings.removeSetting("never-set"));
    }
}
