#include <catch2/catch.hpp>

#include <string>

#include <lc/core/validation.hpp>

using namespace lc;
using namespace lc::validation;

TEST_CASE("Validation", "[core]") {
    SECTION("emails upstream accepts") {
        const char* valid[] = {
            "ana@example.com",
            "Ana.Maria@Example.COM",
            "a@b.co",
            "first.last+tag@sub.domain.example.org",
            "!#$%&'*+/=?^_`{}|~-@example.com",
            "\"ana\\ maria\"@example.com",  // an escaped space inside quotes
            "\"a.b..c\"@example.com",
            "\"\"@example.com",
            "\"back\\\\slash\"@example.com",
            "ana@x-y.example.com",
            "ana@123.example.com",
            "ana@example.-com",  // the last label may start with a hyphen (Django's rule)
            "ana@example.c0m",
            "ana@example.12",
            "ana@a.b.c.d.e.f.example.travel",
        };
        for (const char* email : valid) {
            INFO(email);
            CHECK(isValidEmail(email));
        }
        const std::string label63(63, 'a');
        CHECK(isValidEmail("ana@" + label63 + ".com"));
        CHECK(isValidEmail("ana@example." + label63));
    }

    SECTION("emails upstream refuses") {
        const char* invalid[] = {
            "josé@exemple.fr",  // non-ASCII local part
            "ana@correo.c",     // one-letter last label
            "ana@localhost",    // no dot
            "ana@exemple.fr.",  // trailing dot
            "ana@exemple..fr",  // empty label
            "ana..maria@example.com",
            ".ana@example.com",
            "ana.@example.com",
            "ana@-example.com",  // label starting with a hyphen
            "ana@example-.com",  // label ending with a hyphen
            "ana@example.com-",  // last label ending with a hyphen
            "ana@@example.com",
            "ana@maria@example.com",
            "\"ana@maria\"@example.com",  // exactly one @, even when quoted
            "ana",
            "@example.com",
            "ana@",
            "",
            "ana maria@example.com",
            "\"ana maria\"@example.com",  // unescaped space inside quotes
            "\"ana\"maria\"@example.com",
            "\"ana\\\"@example.com",  // the closing quote is escaped
            "\"ana@example.com",
            "ana@exa_mple.com",
            "ana@exámple.com",
            "ana@[127.0.0.1]",  // Django's literal form is not in upstream's copy
            "ana@example.com\n",
            "ana(comment)@example.com",
        };
        for (const char* email : invalid) {
            INFO(email);
            CHECK_FALSE(isValidEmail(email));
        }
        const std::string label64(64, 'a');
        CHECK_FALSE(isValidEmail("ana@" + label64 + ".com"));
        CHECK_FALSE(isValidEmail("ana@example." + label64));
        CHECK_FALSE(isValidEmail(std::string("a\0b@example.com", 15)));
    }

    SECTION("emails are bounded at 254 bytes") {
        const std::string domain = "@example.com";  // 12 bytes
        const std::string ok = std::string(254 - domain.size(), 'a') + domain;
        REQUIRE(ok.size() == 254);
        CHECK(isValidEmail(ok));
        const std::string tooLong = std::string(255 - domain.size(), 'a') + domain;
        REQUIRE(tooLong.size() == 255);
        CHECK_FALSE(isValidEmail(tooLong));
        CHECK_FALSE(isValidEmail(std::string(1'000'000, 'a') + domain));
    }

    SECTION("mobiles normalise to E.164 per region") {
        CHECK(normaliseMobile("0712 345 678", "KE").value() == "+254712345678");
        CHECK(normaliseMobile("0712-345-678", "ke").value() == "+254712345678");
        CHECK(normaliseMobile("+254 712 345 678", "FR").value() == "+254712345678");
        CHECK(normaliseMobile("06 12 34 56 78", "FR").value() == "+33612345678");
        CHECK(normaliseMobile("(312) 555-0123", "US").value() == "+13125550123");
        CHECK(normaliseMobile("+13125550123", "").value() == "+13125550123");
        CHECK(normaliseMobile("+13125550123", "KE").value() == "+13125550123");
        CHECK(normaliseMobile("+13125550123", "FR").value() == "+13125550123");
        CHECK(normaliseMobile("0712 345 678", "TZ").value() == "+255712345678");
        CHECK(normaliseMobile("0772 123 456", "UG").value() == "+256772123456");
        CHECK(normaliseMobile("0712 345 678", "Kenya").value() == "+254712345678");
    }

    SECTION("invalid mobiles are refused with an id") {
        const char* invalid[][2] = {
            {"12", "KE"},
            {"12", ""},
            {"0712 345 678", ""},     // national number without a region
            {"0712 345 678", "XX"},   // unknown region
            {"06 12 34 56", "FR"},    // too short
            {"+33 6 12 34 56 78 9", "FR"},
            {"+999 123 456 789", ""},
            {"hello", "US"},
            {"", "US"},
        };
        for (const auto& [number, region] : invalid) {
            INFO(number << " in " << region);
            const Result<std::string> r = normaliseMobile(number, region);
            REQUIRE_FALSE(r.has_value());
            CHECK(r.error().code == ErrorCode::InvalidInput);
            CHECK(r.error().id.rfind("[validation.mobile.", 0) == 0);
            CHECK(r.error().message == "Please enter a valid phone number.");
        }
        const Result<std::string> tooLong = normaliseMobile(std::string(33, '1'), "US");
        REQUIRE_FALSE(tooLong.has_value());
        CHECK(tooLong.error().id == "[validation.mobile.1]");
        CHECK_FALSE(normaliseMobile("+254 712 345 678" + std::string(20, ' '), "KE").has_value());
    }

    SECTION("regions for the feed's countries") {
        CHECK(regionForCountry("United States of America") == "US");
        CHECK(regionForCountry("United States") == "US");
        CHECK(regionForCountry("Kenya") == "KE");
        CHECK(regionForCountry("  kenya ") == "KE");
        CHECK(regionForCountry("France") == "FR");
        CHECK(regionForCountry("Tanzania") == "TZ");
        CHECK(regionForCountry("Tanzania, United Republic of") == "TZ");
        CHECK(regionForCountry("Uganda") == "UG");
        CHECK(regionForCountry("Spain") == "ES");
        CHECK(regionForCountry("España") == "ES");
        CHECK(regionForCountry("Mexico") == "MX");
        CHECK(regionForCountry("México") == "MX");
        CHECK(regionForCountry("Canada") == "CA");
        CHECK(regionForCountry("South Africa") == "ZA");
        CHECK(regionForCountry("Nigeria") == "NG");
        CHECK(regionForCountry("Ghana") == "GH");
        CHECK(regionForCountry("Rwanda") == "RW");
        CHECK(regionForCountry("Colombia") == "CO");
        CHECK(regionForCountry("Peru") == "PE");
        CHECK(regionForCountry("Perú") == "PE");
        CHECK(regionForCountry("Germany") == "DE");
        CHECK(regionForCountry("United Kingdom") == "GB");
        CHECK(regionForCountry("Côte d'Ivoire") == "CI");
        CHECK(regionForCountry("KE") == "KE");
        CHECK(regionForCountry("fr") == "FR");
        CHECK(regionForCountry("") == "");
        CHECK(regionForCountry("Atlantis") == "");
        CHECK(regionForCountry("ZZ") == "");
        CHECK(regionForCountry(std::string(10'000, 'a')) == "");
    }

    SECTION("names") {
        CHECK(nameProblem("María Gómez").empty());
        CHECK(nameProblem("李小龙").empty());
        CHECK(nameProblem("") == "Please enter your name.");
        std::string e128;
        for (int i = 0; i < 128; ++i) e128 += "é";
        REQUIRE(e128.size() == 256);  // bytes are not the measure
        CHECK(nameProblem(e128).empty());
        CHECK(nameProblem(e128 + "é") == "That name is too long (128 characters at most).");
        CHECK(nameProblem(std::string(128, 'a')).empty());
        CHECK(nameProblem(std::string(129, 'a')) ==
              "That name is too long (128 characters at most).");
        const std::string bad = "That name contains characters that are not allowed.";
        CHECK(nameProblem("Ana\nMaría") == bad);
        CHECK(nameProblem("Ana\tMaría") == bad);
        CHECK(nameProblem("Ana\x7f") == bad);
        CHECK(nameProblem("Ana\xc2\x85") == bad);  // U+0085, a C1 control
        CHECK(nameProblem(std::string("Ana\0B", 5)) == bad);
        CHECK(nameProblem("Ana\xff") == bad);  // not UTF-8
    }
}
