#include <lc/feed/feed_parser.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <lc/core/text.hpp>

using nlohmann::json;
using namespace std::chrono_literals;

namespace {

const std::string kSample = std::string(LC_TEST_DATA_DIR) + "/p2pu-learningcircles-sample.json";

json item(std::int64_t id = 4001) {
    json j = json::parse(R"({
      "course": {"id": 51, "title": "Public Speaking", "provider": "Coursera",
                 "link": "https://www.coursera.org/learn/public-speaking",
                 "course_page_url": "https://learningcircles.p2pu.org/en/course/51/"},
      "id": 4001, "name": "Public Speaking", "facilitator": "Keisha", "facilitators": ["Keisha"],
      "venue": "Harold Washington Library Center", "venue_address": "400 S State St, Chicago",
      "venue_website": "", "city": "Chicago", "region": "Illinois",
      "country": "United States of America", "country_en": "United States of America",
      "latitude": "41.850030", "longitude": "-87.650050", "place_id": "", "online": false,
      "language": "en", "day": "Tuesday", "start_date": "2026-12-01",
      "start_datetime": "2026-12-01T18:00:00-06:00", "meeting_time": "18:00:00", "time_zone": "CST",
      "last_meeting_date": "2027-01-05", "end_time": "19:30:00", "weeks": 6,
      "url": "https://learningcircles.p2pu.org/en/signup/harold-washington-library-center-4001/",
      "report_url": "", "studygroup_path": "/en/studygroup/4001/", "draft": false,
      "signup_limit": 12, "signup_count": 5, "signup_open": true, "status": "upcoming"})");
    j["id"] = id;
    return j;
}

std::string feedOf(const std::vector<json>& items) {
    json doc{{"count", items.size()}, {"signup_open_count", 0}, {"signup_closed_count", 0}};
    doc["items"] = items;
    return doc.dump();
}

/// Parses a feed of one item and returns the page (which must parse).
lc::feed::FeedPage one(const json& it) {
    auto page = lc::feed::parseFeedPage(feedOf({it}));
    REQUIRE(page.has_value());
    return *page;
}

/// The one circle of a feed of one good item.
lc::Circle circleOf(const json& it) {
    auto page = one(it);
    REQUIRE(page.skipped == 0);
    REQUIRE(page.circles.size() == 1);
    return page.circles[0];
}

/// The reason a feed of one bad item gives for skipping it.
std::string skipReasonOf(const json& it) {
    auto page = one(it);
    REQUIRE(page.circles.empty());
    REQUIRE(page.skipped == 1);
    REQUIRE(page.skipReasons.size() == 1);
    return page.skipReasons[0];
}

std::string errorIdOf(std::string_view body) {
    auto page = lc::feed::parseFeedPage(body);
    REQUIRE_FALSE(page.has_value());
    return page.error().id;
}

const lc::Circle& byId(const lc::feed::FeedPage& page, std::int64_t id) {
    const auto it = std::find_if(page.circles.begin(), page.circles.end(), [&](const lc::Circle& c) { return c.id == id; });
    REQUIRE(it != page.circles.end());
    return *it;
}

constexpr lc::Date ymd(int y, unsigned m, unsigned d) {
    return lc::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

}  // namespace

TEST_CASE("FeedParser", "[feed]") {
    SECTION("the real sample parses to 13 circles with the expected fields") {
        auto page = lc::feed::parseFeedFile(kSample);
        REQUIRE(page.has_value());
        CHECK(page->count == 13);
        CHECK(page->offset == 0);
        CHECK(page->limit == 20);
        CHECK(page->skipped == 0);
        CHECK(page->skipReasons.empty());
        REQUIRE(page->circles.size() == 13);
        CHECK(page->circles.front().id == 3101);

        const lc::Circle& c3101 = byId(*page, 3101);
        CHECK(c3101.courseId == 51);
        CHECK(c3101.courseTitle == "Public Speaking");
        CHECK(c3101.courseProvider == "Coursera");
        CHECK(c3101.courseLink == "https://www.coursera.org/learn/public-speaking");
        CHECK(c3101.facilitators == std::vector<std::string>{"Keisha"});
        CHECK(c3101.venue.name == "Harold Washington Library Center");
        CHECK(c3101.venue.address == "400 S State St, Chicago");
        CHECK(c3101.venue.city == "Chicago");
        CHECK(c3101.venue.region == "Illinois");
        CHECK(c3101.venue.country == "United States of America");
        REQUIRE(c3101.venue.latitude.has_value());
        CHECK(*c3101.venue.latitude == Approx(41.85003));
        CHECK(*c3101.venue.longitude == Approx(-87.65005));
        CHECK(c3101.startDate == ymd(2026, 12, 1));
        CHECK(c3101.lastMeetingDate == ymd(2027, 1, 5));
        CHECK(c3101.nextMeetingDate == ymd(2026, 12, 1));
        CHECK(c3101.weeks == 6);
        CHECK(c3101.meetingTime == 18h);
        CHECK(c3101.endTime == 19h + 30min);
        CHECK(c3101.timeZoneAbbrev == "CST");
        CHECK(c3101.startOffsetMinutes == -360);
        CHECK(c3101.timeZone.empty());
        CHECK(c3101.imageUrl == "https://learningcircles.p2pu.org/media/public-speaking.jpg");
        CHECK_FALSE(c3101.signupQuestion.has_value());
        CHECK(c3101.status == "upcoming");
        CHECK(c3101.language == "en");

        const lc::Circle& c3102 = byId(*page, 3102);
        CHECK(c3102.signupLimit == 10);
        CHECK(c3102.signupCount == 10);
        CHECK(c3102.signupOpen);
        CHECK(c3102.status == "in_progress");
        CHECK(c3102.facilitators == std::vector<std::string>{"Luis", "Priya"});

        const lc::Circle& c3104 = byId(*page, 3104);
        CHECK_FALSE(c3104.signupOpen);
        CHECK(c3104.status == "closed");
        CHECK_FALSE(c3104.signupLimit.has_value());

        const lc::Circle& c3108 = byId(*page, 3108);
        CHECK(c3108.startOffsetMinutes == 180);
        CHECK(c3108.timeZoneAbbrev == "EAT");

        const lc::Circle& c3110 = byId(*page, 3110);
        CHECK_FALSE(c3110.venue.latitude.has_value());
        CHECK_FALSE(c3110.venue.longitude.has_value());
        CHECK_FALSE(c3110.imageUrl.has_value());

        CHECK(byId(*page, 3113).startOffsetMinutes == 120);
        CHECK(byId(*page, 3114).name == "Photo num\xC3\xA9rique \xF0\x9F\x93\xB7");
        CHECK(byId(*page, 3112).signupQuestion ==
              "\xC3\x8Ates-vous inscrit\xC2\xB7" "e \xC3\xA0 France Travail ?");
    }

    SECTION("latitude and longitude: strings, numbers, null, garbage") {
        json it = item();
        it["latitude"] = "-1.283330";
        it["longitude"] = 36.81667;
        lc::Circle c = circleOf(it);
        CHECK(*c.venue.latitude == Approx(-1.28333));
        CHECK(*c.venue.longitude == Approx(36.81667));

        it["latitude"] = nullptr;
        it["longitude"] = "east";
        c = circleOf(it);
        CHECK_FALSE(c.venue.latitude.has_value());
        CHECK_FALSE(c.venue.longitude.has_value());

        it["latitude"] = "91.0";
        it["longitude"] = json::array();
        c = circleOf(it);
        CHECK_FALSE(c.venue.latitude.has_value());
        CHECK_FALSE(c.venue.longitude.has_value());

        it["latitude"] = "41.85abc";
        it.erase("longitude");
        c = circleOf(it);
        CHECK_FALSE(c.venue.latitude.has_value());
        CHECK_FALSE(c.venue.longitude.has_value());
    }

    SECTION("optional keys may be absent: image_url, signup_question, next_meeting_date, status") {
        json it = item();
        for (const char* key : {"image_url", "signup_question", "next_meeting_date", "status", "country_en",
                                "region", "venue_address", "facilitators", "start_datetime", "time_zone"})
            it.erase(key);
        const lc::Circle c = circleOf(it);
        CHECK_FALSE(c.imageUrl.has_value());
        CHECK_FALSE(c.signupQuestion.has_value());
        CHECK_FALSE(c.nextMeetingDate.has_value());
        CHECK(c.status.empty());
        CHECK(c.facilitators.empty());
        CHECK(c.startOffsetMinutes == 0);
        CHECK(c.venue.country == "United States of America");

        it["next_meeting_date"] = nullptr;
        it["signup_question"] = "";
        CHECK_FALSE(circleOf(it).nextMeetingDate.has_value());
        CHECK_FALSE(circleOf(it).signupQuestion.has_value());
    }

    SECTION("signup_limit null, 0 and missing all mean no limit") {
        json it = item();
        it["signup_limit"] = nullptr;
        CHECK_FALSE(circleOf(it).signupLimit.has_value());
        it["signup_limit"] = 0;
        CHECK_FALSE(circleOf(it).signupLimit.has_value());
        it.erase("signup_limit");
        CHECK_FALSE(circleOf(it).signupLimit.has_value());
        it["signup_limit"] = 25;
        CHECK(circleOf(it).signupLimit == 25);
        it["signup_limit"] = "25";
        CHECK(skipReasonOf(it) == "item 1 (id 4001): 'signup_limit' is not an integer");
    }

    SECTION("empty strings are kept as empty") {
        json it = item();
        it["region"] = "";
        it["country_en"] = "";
        it["country"] = "Kenya";
        it["venue_address"] = "";
        it["course"]["provider"] = "";
        const lc::Circle c = circleOf(it);
        CHECK(c.venue.region.empty());
        CHECK(c.venue.country == "Kenya");
        CHECK(c.venue.address.empty());
        CHECK(c.courseProvider.empty());
    }

    SECTION("country_en wins over country when it is not empty") {
        json it = item();
        it["country"] = "Ufaransa";
        it["country_en"] = "France";
        CHECK(circleOf(it).venue.country == "France");
    }

    SECTION("duplicate ids: the first is kept, the rest counted as skipped") {
        json second = item(4001);
        second["name"] = "Second copy";
        auto page = lc::feed::parseFeedPage(feedOf({item(4001), item(4002), second, item(4001)}));
        REQUIRE(page.has_value());
        REQUIRE(page->circles.size() == 2);
        CHECK(page->circles[0].name == "Public Speaking");
        CHECK(page->skipped == 2);
        CHECK(page->skipReasons[0] == "item 3 (id 4001): duplicate id, the first one is kept");
    }

    SECTION("percent-encoded URLs are kept as given; only http(s) URLs are accepted") {
        json it = item();
        const std::string encoded = "https://learningcircles.p2pu.org/en/signup/biblioth%C3%A8que-v%C3%A1clav-havel-2900/";
        it["url"] = encoded;
        it["image_url"] = "HTTP://example.org/x.jpg";
        CHECK(circleOf(it).url == encoded);
        CHECK(circleOf(it).imageUrl == "HTTP://example.org/x.jpg");

        it["url"] = "javascript:alert(1)";
        it["image_url"] = "data:image/png;base64,AAAA";
        it["course"]["link"] = "ftp://example.org/";
        const lc::Circle c = circleOf(it);
        CHECK(c.url.empty());
        CHECK_FALSE(c.imageUrl.has_value());
        CHECK(c.courseLink.empty());

        it["url"] = "https://example.org/with space";
        CHECK(circleOf(it).url.empty());
        it["url"] = "https://" + std::string(3000, 'a');
        CHECK(circleOf(it).url.empty());
        it["url"] = "https:///no-host";
        CHECK(circleOf(it).url.empty());
    }

    SECTION("start_datetime offsets: negative, positive, Z, compact") {
        json it = item();
        it["start_datetime"] = "2026-12-01T18:00:00Z";
        CHECK(circleOf(it).startOffsetMinutes == 0);
        it["start_datetime"] = "2026-12-01T18:00:00+05:30";
        CHECK(circleOf(it).startOffsetMinutes == 330);
        it["start_datetime"] = "2026-12-01T18:00:00-0930";
        CHECK(circleOf(it).startOffsetMinutes == -570);
        it["start_datetime"] = "2026-12-01T18:00:00";
        CHECK(skipReasonOf(it) == "item 1 (id 4001): 'start_datetime' is not a date-time with a UTC offset");
    }

    SECTION("one bad item is skipped and counted, the rest are kept") {
        json bad = item(4002);
        bad["start_date"] = "2026-02-30";
        auto page = lc::feed::parseFeedPage(feedOf({item(4001), bad, item(4003)}));
        REQUIRE(page.has_value());
        CHECK(page->circles.size() == 2);
        CHECK(page->skipped == 1);
        CHECK(page->skipReasons == std::vector<std::string>{"item 2 (id 4002): 'start_date' is not a date"});
    }

    SECTION("each kind of bad item gives its own reason") {
        json it = item();
        it["weeks"] = 0;
        CHECK(skipReasonOf(it) == "item 1 (id 4001): 'weeks' is out of range (1-520)");
        it["weeks"] = 521;
        CHECK(skipReasonOf(it) == "item 1 (id 4001): 'weeks' is out of range (1-520)");
        it["weeks"] = 6.5;
        CHECK(skipReasonOf(it) == "item 1 (id 4001): 'weeks' is not an integer");

        it = item();
        it["id"] = 0;
        CHECK(skipReasonOf(it) == "item 1: 'id' is out of range (1-9223372036854775807)");
        it["id"] = -5;
        CHECK(skipReasonOf(it) == "item 1: 'id' is out of range (1-9223372036854775807)");
        it["id"] = "4001";
        CHECK(skipReasonOf(it) == "item 1: 'id' is not an integer");
        it["id"] = 18446744073709551615ull;
        CHECK(skipReasonOf(it) == "item 1: 'id' is out of range (1-9223372036854775807)");

        it = item();
        it["name"] = 42;
        CHECK(skipReasonOf(it) == "item 1 (id 4001): 'name' is not a string");
        it = item();
        it.erase("name");
        CHECK(skipReasonOf(it) == "item 1 (id 4001): 'name' is missing");
        it = item();
        it["course"] = "Public Speaking";
        CHECK(skipReasonOf(it) == "item 1 (id 4001): 'course' is not an object");
        it = item();
        it["course"].erase("title");
        CHECK(skipReasonOf(it) == "item 1 (id 4001): 'course.title' is missing");
        it = item();
        it["meeting_time"] = "6pm";
        CHECK(skipReasonOf(it) == "item 1 (id 4001): 'meeting_time' is not a time (HH:MM:SS)");
        it = item();
        it["end_time"] = "24:00:00";
        CHECK(skipReasonOf(it) == "item 1 (id 4001): 'end_time' is not a time (HH:MM:SS)");
        it = item();
        it["last_meeting_date"] = "2026-11-01";
        CHECK(skipReasonOf(it) == "item 1 (id 4001): 'last_meeting_date' is before 'start_date'");
        it = item();
        it["next_meeting_date"] = "soon";
        CHECK(skipReasonOf(it) == "item 1 (id 4001): 'next_meeting_date' is not a date");
        it = item();
        it["signup_open"] = "true";
        CHECK(skipReasonOf(it) == "item 1 (id 4001): 'signup_open' is not true or false");
        it = item();
        it["signup_count"] = -1;
        CHECK(skipReasonOf(it) == "item 1 (id 4001): 'signup_count' is out of range (0-1000000)");
        it = item();
        it["facilitators"] = {"Ana", 7};
        CHECK(skipReasonOf(it) == "item 1 (id 4001): 'facilitators' holds something that is not a string");
        CHECK(skipReasonOf(json("not an item")) == "item 1: is not an object");
    }

    SECTION("skip reasons are capped, the count is not") {
        std::vector<json> items(lc::feed::kMaxSkipReasons + 50, json(7));
        auto page = lc::feed::parseFeedPage(feedOf(items));
        REQUIRE(page.has_value());
        CHECK(page->skipped == static_cast<int>(lc::feed::kMaxSkipReasons + 50));
        CHECK(page->skipReasons.size() == lc::feed::kMaxSkipReasons);
    }

    SECTION("offset and limit appear only when sent") {
        auto page = lc::feed::parseFeedPage(feedOf({item()}));
        REQUIRE(page.has_value());
        CHECK_FALSE(page->offset.has_value());
        CHECK_FALSE(page->limit.has_value());
        CHECK(errorIdOf(R"({"count":0,"offset":"0","items":[]})") == "[feed.parse.7]");
        CHECK(errorIdOf(R"({"count":0,"limit":-1,"items":[]})") == "[feed.parse.7]");
    }
}

TEST_CASE("FeedParser refuses garbage", "[feed]") {
    SECTION("not JSON at all") {
        auto page = lc::feed::parseFeedPage("");
        REQUIRE_FALSE(page.has_value());
        CHECK(page.error().id == "[feed.parse.2]");
        CHECK(page.error().code == lc::ErrorCode::Parse);
        CHECK(page.error().message.find("empty") != std::string::npos);

        page = lc::feed::parseFeedPage("\n<!DOCTYPE html><html><body>Accept the terms</body></html>");
        REQUIRE_FALSE(page.has_value());
        CHECK(page.error().id == "[feed.parse.2]");
        CHECK(page.error().message.find("looks like HTML") != std::string::npos);
        CHECK(page.error().message.find("terms") == std::string::npos);

        page = lc::feed::parseFeedPage("fn({\"count\":0,\"items\":[]});");
        REQUIRE_FALSE(page.has_value());
        CHECK(page.error().message.find("JSONP") != std::string::npos);

        page = lc::feed::parseFeedPage("Service Unavailable");
        REQUIRE_FALSE(page.has_value());
        CHECK(page.error().message.find("starts with 'Service Unavaila'") != std::string::npos);
    }

    SECTION("truncated JSON") {
        const std::string full = feedOf({item(), item(4002)});
        for (std::size_t cut : {std::size_t{1}, full.size() / 3, full.size() / 2, full.size() - 1}) {
            auto page = lc::feed::parseFeedPage(std::string_view(full).substr(0, cut));
            REQUIRE_FALSE(page.has_value());
            CHECK(page.error().id == "[feed.parse.2]");
            CHECK(page.error().message.find("truncated or malformed JSON") != std::string::npos);
        }
    }

    SECTION("JSON that is not a feed object") {
        CHECK(errorIdOf("null") == "[feed.parse.3]");
        CHECK(errorIdOf("[]") == "[feed.parse.3]");
        CHECK(errorIdOf("42") == "[feed.parse.3]");
        CHECK(errorIdOf(R"("items")") == "[feed.parse.3]");
    }

    SECTION("upstream's error answer names upstream's errors") {
        auto page = lc::feed::parseFeedPage(R"({"status":"error","errors":{"limit":["Not a valid integer"]}})");
        REQUIRE_FALSE(page.has_value());
        CHECK(page.error().id == "[feed.parse.4]");
        CHECK(page.error().code == lc::ErrorCode::Upstream);
        CHECK(page.error().message == "the server answered with an error: limit: Not a valid integer");

        page = lc::feed::parseFeedPage(R"({"status":"error","errors":{"order":["must be 'name'"],"q":[{"x":["bad"]}]}})");
        REQUIRE_FALSE(page.has_value());
        CHECK(page.error().message == "the server answered with an error: order: must be 'name'; q: x: bad");

        page = lc::feed::parseFeedPage(R"({"status":"error"})");
        REQUIRE_FALSE(page.has_value());
        CHECK(page.error().message.find("no details given") != std::string::npos);

        const std::string huge = R"({"status":"error","errors":{"x":[")" + std::string(100000, 'y') + R"("]}})";
        page = lc::feed::parseFeedPage(huge);
        REQUIRE_FALSE(page.has_value());
        CHECK(page.error().message.size() < 400);
    }

    SECTION("items missing or not a list") {
        CHECK(errorIdOf(R"({"count":0})") == "[feed.parse.5]");
        CHECK(errorIdOf(R"({"count":0,"items":{}})") == "[feed.parse.5]");
        CHECK(errorIdOf(R"({"count":0,"items":null})") == "[feed.parse.5]");
    }

    SECTION("count missing or not an integer") {
        CHECK(errorIdOf(R"({"items":[]})") == "[feed.parse.6]");
        CHECK(errorIdOf(R"({"count":"13","items":[]})") == "[feed.parse.6]");
        CHECK(errorIdOf(R"({"count":1.5,"items":[]})") == "[feed.parse.6]");
        CHECK(errorIdOf(R"({"count":-1,"items":[]})") == "[feed.parse.6]");
    }

    SECTION("a body over 50 MB is refused before parsing") {
        const std::string big(lc::feed::kMaxFeedBytes + 1, ' ');
        CHECK(errorIdOf(big) == "[feed.parse.1]");
    }

    SECTION("deep nesting does not crash") {
        const std::string deep = std::string(100000, '[') + std::string(100000, ']');
        CHECK(errorIdOf(deep) == "[feed.parse.3]");
        CHECK(errorIdOf(std::string(100000, '[')) == "[feed.parse.2]");
    }
}

TEST_CASE("FeedParser bounds and repairs untrusted text", "[feed]") {
    SECTION("huge strings are cut to their bound, on a character boundary") {
        json it = item();
        std::string longName;
        for (int i = 0; i < 5000; ++i) longName += "\xC3\xA9";  // é, two bytes
        it["name"] = longName;
        it["course"]["title"] = std::string(100000, 't');
        it["venue"] = std::string(1000, 'v');
        it["venue_address"] = std::string(1000, 'a');
        it["signup_question"] = std::string(5000, 'q');
        it["facilitators"] = std::vector<std::string>(50, std::string(200, 'f'));
        const lc::Circle c = circleOf(it);
        CHECK(lc::text::codepointCount(c.name) == 256);
        CHECK(lc::text::isValidUtf8(c.name));
        CHECK(c.courseTitle.size() == 256);
        CHECK(c.venue.name.size() == 256);
        CHECK(c.venue.address.size() == 512);
        CHECK(c.signupQuestion->size() == 1000);
        CHECK(c.facilitators.size() == 20);
        CHECK(c.facilitators[0].size() == 64);
    }

    SECTION("invalid UTF-8 bytes are repaired, not fatal") {
        std::string body = feedOf({item()});
        const std::string name = "\"name\":\"Public Speaking\"";
        body.replace(body.find(name), name.size(), "\"name\":\"Caf\xE9 \xFF\xFEnight\"");
        auto page = lc::feed::parseFeedPage(body);
        REQUIRE(page.has_value());
        REQUIRE(page->circles.size() == 1);
        const std::string& got = page->circles[0].name;
        CHECK(lc::text::isValidUtf8(got));
        CHECK(got.rfind("Caf\xEF\xBF\xBD", 0) == 0);  // U+FFFD where the bad byte was
        CHECK(got.find("night") != std::string::npos);
    }

    SECTION("embedded \\u0000 is removed, never stored") {
        const std::string body = feedOf({item()});
        std::string withNul = body;
        const std::string name = "\"name\":\"Public Speaking\"";
        withNul.replace(withNul.find(name), name.size(), "\"name\":\"Public\\u0000 Speaking\"");
        auto page = lc::feed::parseFeedPage(withNul);
        REQUIRE(page.has_value());
        REQUIRE(page->circles.size() == 1);
        CHECK(page->circles[0].name == "Public Speaking");
        CHECK(page->circles[0].name.find('\0') == std::string::npos);
    }

    SECTION("a raw NUL byte in the body is dropped, not stored") {
        std::string body = feedOf({item()});
        body.insert(body.find("Speaking"), 1, '\0');
        auto page = lc::feed::parseFeedPage(body);
        REQUIRE(page.has_value());
        REQUIRE(page->circles.size() == 1);
        CHECK(page->circles[0].name == "Public Speaking");
    }
}

TEST_CASE("FeedParser reads files", "[feed]") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("lc_feed_file_test_" + std::to_string(::getpid()));
    fs::create_directories(dir / "ü dir");
    const fs::path file = dir / "ü dir" / "feed.json";
    std::ofstream(file) << feedOf({item()});

    SECTION("a plain path and a percent-encoded file:// URL") {
        auto page = lc::feed::parseFeedFile(file.string());
        REQUIRE(page.has_value());
        CHECK(page->circles.size() == 1);
        page = lc::feed::parseFeedFile("file://" + dir.string() + "/%C3%BC%20dir/feed.json");
        REQUIRE(page.has_value());
        CHECK(page->circles.size() == 1);
        page = lc::feed::parseFeedFile("FILE://localhost" + file.string());
        REQUIRE(page.has_value());
    }

    SECTION("a missing file names the path") {
        auto page = lc::feed::parseFeedFile((dir / "nope.json").string());
        REQUIRE_FALSE(page.has_value());
        CHECK(page.error().id == "[feed.file.1]");
        CHECK(page.error().code == lc::ErrorCode::NotFound);
        CHECK(page.error().message == "cannot read " + (dir / "nope.json").string() + ": No such file or directory");
    }

    SECTION("a directory is not a feed") {
        auto page = lc::feed::parseFeedFile(dir.string());
        REQUIRE_FALSE(page.has_value());
        CHECK(page.error().id == "[feed.file.1]");
    }

    SECTION("bad file URLs") {
        CHECK(lc::feed::parseFeedFile("file://example.org/feed.json").error().id == "[feed.file.3]");
        CHECK(lc::feed::parseFeedFile("file://").error().id == "[feed.file.3]");
        CHECK(lc::feed::parseFeedFile("file:///tmp/%zz.json").error().id == "[feed.file.3]");
        CHECK(lc::feed::parseFeedFile("file:///tmp/a%00b.json").error().id == "[feed.file.3]");
    }

    SECTION("a file that is not a feed keeps the parse error id and names the path") {
        std::ofstream(dir / "portal.html") << "<html>login</html>";
        auto page = lc::feed::parseFeedFile((dir / "portal.html").string());
        REQUIRE_FALSE(page.has_value());
        CHECK(page.error().id == "[feed.parse.2]");
        CHECK(page.error().message.find((dir / "portal.html").string()) == 0);
    }

    fs::remove_all(dir);
}
