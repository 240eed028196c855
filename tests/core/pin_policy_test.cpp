// The staff PIN's rules: length, guessable patterns, and doubling lockouts.
#include <catch2/catch.hpp>

#include <lc/core/pin_policy.hpp>

using lc::pin::lockoutLength;
using lc::pin::pinProblem;

TEST_CASE("PIN policy", "[core]") {
    SECTION("refuses short, repeated, runs, keypad walks and repeated patterns; takes a random PIN") {
        for (const char* weak : {"1234", "0000", "2580", "12345", "48291", "000000", "123456", "654321",
                                 "890123", "147258", "852456", "159357", "121212", "482482", "12a456",
                                 "", "1234567890123"}) {
            INFO(weak);
            CHECK_FALSE(pinProblem(weak).empty());
        }
        for (const char* good : {"482915", "703916", "29461857", "914305"}) {
            INFO(good);
            CHECK(pinProblem(good).empty());
        }
        CHECK_THAT(pinProblem("12345"), Catch::Contains("6 to 12 digits"));
    }
    SECTION("lockouts double from 5 minutes and stop at 24 hours") {
        CHECK(lockoutLength(1).count() == 5);
        CHECK(lockoutLength(2).count() == 10);
        CHECK(lockoutLength(3).count() == 20);
        CHECK(lockoutLength(9).count() == 1280);
        CHECK(lockoutLength(10).count() == 1440);
        CHECK(lockoutLength(1000).count() == 1440);
    }
}
