#include <catch2/catch.hpp>

#include <lc/core/csv.hpp>

TEST_CASE("Csv", "[core]") {
    SECTION("cells are quoted and formulas neutralised") {
        CHECK(lc::csv::cell("Ana") == "Ana");
        CHECK(lc::csv::cell("Ruiz, Ana") == "\"Ruiz, Ana\"");
        CHECK(lc::csv::cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
        CHECK(lc::csv::cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
        CHECK(lc::csv::cell("+1 312") == "'+1 312");
        CHECK(lc::csv::cell("-2") == "'-2");
        CHECK(lc::csv::cell("@SUM(A1)") == "'@SUM(A1)");
        // A French or Spanish spreadsheet splits on ';': every part is neutralised, and the
        // cell quoted so that a quote-aware reader keeps it whole.
        CHECK(lc::csv::cell("Jean;=cmd|' /C calc'!A0") == "\"Jean;'=cmd|' /C calc'!A0\"");
        CHECK(lc::csv::cell("a;+1;-2;@x") == "\"a;'+1;'-2;'@x\"");
        CHECK(lc::csv::cell("a\t=b") == "\"a\t'=b\"");
        CHECK(lc::csv::cell("a;b") == "\"a;b\"");
        CHECK(lc::csv::cell("a - b = c") == "a - b = c");
        CHECK(lc::csv::row({"a", "b c", ""}) == "a,b c,\r\n");
    }
    SECTION("parse handles quotes, CRLF, BOM and blank lines") {
        auto t = lc::csv::parse("\xEF\xBB\xBFname,email\r\n\"Gómez, María\",m@x.org\n\n\"multi\nline\",\"a\"\"b\"\n");
        REQUIRE(t);
        REQUIRE(t->rows.size() == 3);
        CHECK(t->rows[0] == std::vector<std::string>{"name", "email"});
        CHECK(t->rows[1][0] == "Gómez, María");
        CHECK(t->rows[2][0] == "multi\nline");
        CHECK(t->rows[2][1] == "a\"b");
        CHECK(t->lines == std::vector<int>{1, 2, 4});
    }
    SECTION("a last row without a newline") {
        auto t = lc::csv::parse("name\nAna");
        REQUIRE(t);
        CHECK(t->rows.size() == 2);
    }
    SECTION("bad input is refused with the reason") {
        auto q = lc::csv::parse("name\n\"Ana\n");
        REQUIRE_FALSE(q);
        CHECK(q.error().id == "[csv.5]");
        auto u = lc::csv::parse("name\n\xff\xfe\n");
        REQUIRE_FALSE(u);
        CHECK(u.error().id == "[csv.1]");
        auto n = lc::csv::parse(std::string("name\nA\0b\n", 9));
        REQUIRE_FALSE(n);
        CHECK(n.error().id == "[csv.2]");
        auto big = lc::csv::parse(std::string(5000, 'x'));
        REQUIRE_FALSE(big);
        CHECK(big.error().id == "[csv.3]");
    }
}
