// Writes the content-stress inputs of the layout matrix into OUT_DIR:
//   stress-feed.json   40 circles at one venue, every string at the longest the feed parser
//                      keeps (lc::feed::FeedLimits), open, full, closed and ended ones;
//   stress-config.json a library name and rooms at the longest the config reader accepts;
//   sample-config.json BASE_CONFIG (the sample's), when given;
//                      both configs allow one signup per 10 minutes, so that the walk's second
//                      signup meets the paused screen;
//   stress-roster.csv  participants of the circle meeting at the matrix's instant;
//   answers.txt        form answers at the kiosk's field limits (one per line: name, email,
//                      mobile, goals, support, the circle's question).
// The bounds come from the parser's own constants, so raising a bound raises the stress.
//
// usage: layout_stress_feed OUT_DIR [BASE_CONFIG]

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <lc/core/text.hpp>
#include <lc/core/validation.hpp>
#include <lc/feed/feed_parser.hpp>

namespace {

using nlohmann::json;
using lc::feed::FeedLimits;

constexpr int kCircles = 40;
constexpr std::size_t kLibraryName = 256;  // the config reader's bound on library.name
constexpr std::size_t kRoom = 128;         // ... on default_room and circle_rooms
constexpr std::size_t kFieldName = 128;    // the kiosk form's name field
constexpr std::size_t kFieldAnswer = 500;  // the kiosk form's answer fields
constexpr int kSignupsPer10Min = 1;        // the walk's first signup starts the cool-down

// Real words in the four languages (with their accents), cycled to exactly `n` code points.
std::string words(std::size_t n, std::size_t seed) {
    static const std::vector<std::string> kWords = {
        "Apprentissage", "collaboratif", "de", "la", "programmation", "pour", "débutants",
        "Kujifunza", "kwa", "pamoja", "Introducción", "práctica", "al", "análisis", "de",
        "datos", "Learning", "How", "to", "Learn", "together", "études", "numériques",
        "Élodie", "Wanafunzi", "wanaoanza", "comunitaria", "biblioteca", "Ñandú", "Øresund"};
    std::string out;
    for (std::size_t i = seed; lc::text::codepointCount(out) < n; ++i) {
        if (!out.empty()) out += ' ';
        out += kWords[i % kWords.size()];
    }
    return lc::text::truncateChars(out, n);
}

std::string name(std::size_t n, int i) {
    const std::string head = "Circle " + std::to_string(i) + " ";
    return head + words(n - head.size(), static_cast<std::size_t>(i));
}

json circle(int i) {
    const int id = 9000 + i;
    std::vector<std::string> facilitators;
    for (std::size_t f = 0; f < FeedLimits::kFacilitators; ++f)
        facilitators.push_back(lc::text::truncateChars("Anne-Marie-Wanjiru-Guadalupe-" + words(FeedLimits::kFacilitator, f), FeedLimits::kFacilitator));
    // Every circle meets on Tuesdays at 18:00 for ten weeks; a few have ended, some are full
    // or closed, most are open (and they come in the feed mixed, not sorted).
    const bool ended = i % 10 == 9;
    const bool full = i % 5 == 1;
    const bool closed = i % 7 == 2;
    json c = {
        {"id", id},
        {"name", name(FeedLimits::kName, i)},
        {"course", {{"id", 500 + i % 8}, {"title", words(FeedLimits::kCourseTitle, i + 3)},
                    {"provider", words(FeedLimits::kProvider, i + 5)},
                    {"link", "https://example.org/course/" + std::to_string(i)}}},
        {"facilitator", facilitators.front()},
        {"facilitators", facilitators},
        {"venue", words(FeedLimits::kVenue, 1)},
        {"venue_address", words(FeedLimits::kAddress, 2)},
        {"city", "Chicago"},
        {"region", words(FeedLimits::kPlace, 4)},
        {"country", "United States of America"},
        {"country_en", "United States of America"},
        {"online", false},
        {"language", std::vector<const char*>{"en", "fr", "es", "sw"}[i % 4]},
        {"day", "Tuesday"},
        {"start_date", ended ? "2026-09-01" : "2026-11-24"},
        {"start_datetime", ended ? "2026-09-01T18:00:00-05:00" : "2026-11-24T18:00:00-06:00"},
        {"meeting_time", "18:00:00"},
        {"end_time", "19:30:00"},
        {"time_zone", "CST"},
        {"last_meeting_date", ended ? "2026-11-03" : "2027-01-26"},
        {"weeks", ended ? 10 : 10},
        {"url", "https://learningcircles.p2pu.org/en/signup/stress-" + std::to_string(id) + "/"},
        {"signup_limit", full ? 5 : 40},
        {"signup_count", full ? 5 : 3},
        {"signup_open", !closed},
        {"status", ended ? "completed" : "in_progress"},
    };
    if (i % 3 == 0) c["signup_question"] = words(FeedLimits::kQuestion, static_cast<std::size_t>(i));
    return c;
}

json config() {
    json rooms = json::object();
    for (int i = 0; i < kCircles; i += 2) rooms[std::to_string(9000 + i)] = words(kRoom, static_cast<std::size_t>(i) + 7);
    return {
        {"library", {{"name", words(kLibraryName, 11)}, {"time_zone", "America/Chicago"},
                     {"country", "US"}, {"data_controller", words(1024, 13)}}},
        {"venues", json::array({{{"name", words(FeedLimits::kVenue, 1)}, {"city", "Chicago"},
                                 {"default_room", words(kRoom, 17)}}})},
        {"circle_rooms", rooms},
        {"kiosk", {{"languages", {"en", "fr", "es", "sw"}}, {"default_language", "en"}}},
        {"signup", {{"rate_limit_per_10min", kSignupsPer10Min}}},
    };
}

// BASE_CONFIG with the walk's rate limit; null (and a message) when it cannot be read.
json limited(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    json c = json::parse(text.str(), nullptr, false);
    if (!in || !c.is_object()) {
        std::fprintf(stderr, "layout_stress_feed: %s is not a readable JSON config\n", path.c_str());
        return nullptr;
    }
    if (!c["signup"].is_object()) c["signup"] = json::object();
    c["signup"]["rate_limit_per_10min"] = kSignupsPer10Min;
    return c;
}

bool write(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) std::fprintf(stderr, "layout_stress_feed: cannot write %s\n", path.c_str());
    return static_cast<bool>(out);
}

std::string answers() {
    // A valid e-mail address as long as the field takes: 64-letter local part, long labels.
    std::string email = std::string(64, 'm') + "@" + std::string(63, 'a') + "." +
                        std::string(63, 'b') + "." + std::string(lc::validation::kMaxEmailBytes - 64 - 1 - 128 - 4, 'c') + ".org";
    return lc::text::truncateChars("María-Guadalupe " + words(kFieldName, 20), kFieldName) + "\n" + email +
           "\n+1 312 555 0123\n" + words(kFieldAnswer, 21) + "\n" + words(kFieldAnswer, 22) + "\n" +
           words(kFieldAnswer, 23) + "\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2 && argc != 3) {
        std::fprintf(stderr, "usage: layout_stress_feed OUT_DIR [BASE_CONFIG]\n");
        return 64;
    }
    const std::string dir = argv[1];
    json items = json::array();
    for (int i = 0; i < kCircles; ++i) items.push_back(circle(i));
    const json feed = {{"count", kCircles}, {"items", items}};
    // The roster of circle 9000 (it meets at the matrix's instant): names that share letters.
    std::string roster = "name,email\n";
    for (int i = 0; i < 8; ++i)
        roster += "María " + words(40, static_cast<std::size_t>(i)) + ",maria" + std::to_string(i) + "@example.org\n";
    if (argc == 3) {
        const json sample = limited(argv[2]);
        if (sample.is_null() || !write(dir + "/sample-config.json", sample.dump(1))) return 1;
    }
    const bool ok = write(dir + "/stress-feed.json", feed.dump(1)) &&
                    write(dir + "/stress-config.json", config().dump(1)) &&
                    write(dir + "/stress-roster.csv", roster) && write(dir + "/answers.txt", answers());
    return ok ? 0 : 1;
}
