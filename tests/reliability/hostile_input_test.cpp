// Every string of tests/data/hostile.txt through the validation API, the signup and roster
// stores, the roster CSV reader and the feed parser: a clear error, or stored exactly.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include <lc/core/csv.hpp>
#include <lc/core/signup_rules.hpp>
#include <lc/core/text.hpp>
#include <lc/core/validation.hpp>
#include <lc/feed/feed_parser.hpp>
#include <lc/store/circle_repository.hpp>
#include <lc/store/database.hpp>
#include <lc/store/roster_repository.hpp>
#include <lc/store/signup_repository.hpp>

#include "hostile_strings.hpp"

namespace {

const std::set<std::string> kFields{"name", "email", "mobile", "goals", "support", "answer", "consent", "circle"};

std::vector<std::string> hostile() { return lc::reliability::loadHostile(LC_TEST_DATA_DIR "/hostile.txt"); }

lc::Circle openCircle() {
    lc::Circle c;
    c.id = 3103;
    c.name = "Programación para principiantes";
    c.signupOpen = true;
    c.signupQuestion = "Why?";
    return c;
}

// A JSON string literal holding `s`'s bytes: quotes, backslashes and controls escaped, every
// other byte raw (so invalid UTF-8 reaches the parser as it would from upstream).
std::string jsonString(const std::string& s) {
    static const char* hex = "0123456789abcdef";
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += char(c);
        }
    }
    return out + "\"";
}

std::string feedWith(const std::string& s) {
    return R"({"count":1,"items":[{"id":3103,"name":)" + jsonString(s) +
           R"(,"course":{"id":7,"title":"Python","provider":"P2PU","link":""},"facilitators":[)" + jsonString(s) +
           R"(],"venue":)" + jsonString(s) +
           R"(,"venue_address":"4455 N Lincoln Ave","city":"Chicago","country":"United States of America",)"
           R"("language":"es","start_date":"2026-12-03","start_datetime":"2026-12-03T17:30:00-06:00",)"
           R"("meeting_time":"17:30:00","end_time":"19:00:00","time_zone":"CST","last_meeting_date":"2027-01-21",)"
           R"("weeks":8,"signup_limit":null,"signup_count":0,"signup_open":true,"status":"upcoming"}]})";
}

}  // namespace

TEST_CASE("HostileInput", "[reliability]") {
    const auto strings = hostile();
    REQUIRE(strings.size() >= 100);
    auto db = lc::store::Database::open(":memory:");
    REQUIRE(db);

    SECTION("validation, then the signup store reads back exactly what passed") {
        lc::store::SignupRepository repo(*db);
        const lc::Circle circle = openCircle();
        lc::SignupContext ctx;
        ctx.circle = &circle;
        ctx.regionCode = "US";
        int stored = 0;
        for (std::size_t i = 0; i < strings.size(); ++i) {
            INFO("string " << i);
            lc::SignupForm f;
            f.circleId = 3103;
            f.name = f.goals = f.support = f.customAnswer = strings[i];
            f.email = "h" + std::to_string(i) + "@example.org";
            f.consent = true;
            const auto v = lc::validateSignup(f, ctx);
            if (!v.valid) {
                REQUIRE_FALSE(v.errors.empty());
                for (const auto& e : v.errors) {
                    CHECK(kFields.count(e.field) == 1);
                    CHECK_FALSE(e.message.empty());
                }
                continue;
            }
            const std::string trimmed = lc::text::trim(strings[i]);
            // Names lose bidi overrides and zero-width characters, and are kept exact otherwise.
            CHECK(v.valid->form.name == lc::text::trim(lc::text::cleanName(strings[i])));
            lc::Signup s;
            s.circleId = 3103;
            s.name = v.valid->form.name;
            s.email = v.valid->form.email;
            s.goals = v.valid->form.goals;
            s.support = v.valid->form.support;
            s.customAnswer = v.valid->form.customAnswer;
            s.consent = true;
            auto w = repo.upsert(s);
            REQUIRE(w);
            auto back = repo.byId(w->id);
            REQUIRE(back);
            REQUIRE(*back);
            CHECK((*back)->name == v.valid->form.name);
            CHECK((*back)->goals == trimmed);
            CHECK((*back)->support == trimmed);
            CHECK((*back)->customAnswer == trimmed);
            ++stored;
        }
        CHECK(stored > 50);
    }

    SECTION("roster: the CSV reader and the roster store") {
        std::vector<lc::RosterEntry> entries;
        for (std::size_t i = 0; i < strings.size(); ++i) {
            INFO("string " << i);
            const std::string& s = strings[i];
            auto t = lc::csv::parse(lc::csv::row({"name"}) + lc::csv::row({s}));
            const bool utf8 = lc::text::isValidUtf8(s);
            const bool nul = s.find('\0') != std::string::npos;
            const bool tooLong = s.size() >= 4096;  // the reader's cell bound, apostrophe included
            if (!t) {
                // The first problem found, in the reader's order: encoding, NUL, then length.
                CHECK(t.error().id == (!utf8 ? "[csv.1]" : nul ? "[csv.2]" : "[csv.3]"));
                CHECK((!utf8 || nul || tooLong));
                continue;
            }
            REQUIRE((utf8 && !nul && !tooLong));
            const std::string cell = t->rows.size() > 1 ? t->rows[1][0] : std::string();
            // The cell, and every ;- or tab-separated part of it, starting with = + - @ (tab, CR)
            // comes back with an apostrophe before it.
            std::string expected;
            bool partStart = true;
            for (char ch : s) {
                if (partStart && std::string("=+-@\t\r").find(ch) != std::string::npos) expected += '\'';
                expected += ch;
                partStart = ch == ';' || ch == '\t';
            }
            CHECK(cell == expected);
            const std::string name = lc::text::trim(cell);
            if (!lc::validation::nameProblem(name).empty()) continue;
            lc::RosterEntry e;
            e.name = name;
            entries.push_back(e);
        }
        lc::store::RosterRepository roster(*db);
        auto n = roster.replaceForCircle(3103, entries);
        REQUIRE(n);
        CHECK(*n == int(entries.size()));
        auto back = roster.forCircle(3103);
        REQUIRE(back);
        std::multiset<std::string> want, got;
        for (const auto& e : entries) want.insert(e.name);
        for (const auto& e : *back) got.insert(e.name);
        CHECK(got == want);
    }

    SECTION("feed: as the circle's name, venue and facilitator, parsed and stored") {
        lc::store::CircleRepository circles(*db);
        for (std::size_t i = 0; i < strings.size(); ++i) {
            INFO("string " << i);
            auto page = lc::feed::parseFeedPage(feedWith(strings[i]));
            REQUIRE(page);
            if (page->circles.empty()) {
                CHECK(page->skipped == 1);
                continue;
            }
            lc::Circle c = page->circles[0];
            // Repaired, and without control characters (they never reach a terminal or a screen).
            const std::string repaired = lc::text::stripControls(lc::text::repairUtf8(strings[i]));
            CHECK_FALSE(lc::text::hasControlChars(c.name));
            CHECK(c.name == lc::text::truncateChars(repaired, lc::feed::FeedLimits::kName));
            CHECK(c.venue.name == lc::text::truncateChars(repaired, lc::feed::FeedLimits::kVenue));
            c.timeZone = "America/Chicago";
            REQUIRE(circles.replaceSnapshot({c}, lc::store::SnapshotMeta{}));
            auto back = circles.byId(3103);
            REQUIRE(back);
            REQUIRE(*back);
            CHECK((*back)->name == c.name);
            CHECK((*back)->venue.name == c.venue.name);
            CHECK((*back)->facilitators == c.facilitators);
        }
    }
}
