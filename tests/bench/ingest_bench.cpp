// Ingest of a 10,000-circle feed (shared/README.md budget: < 0.5 s). Builds a feed of the real sample's
// shape in memory (its 13 items cycled, with unique ids and names), then times, 5 runs each:
// parseFeedPage on the body, and CircleRepository::replaceSnapshot into a temporary database file
// (WAL, synchronous=FULL, as on a device). Prints the medians, the body size and peak RSS.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <lc/feed/feed_parser.hpp>
#include <lc/store/circle_repository.hpp>
#include <lc/store/database.hpp>

namespace {

constexpr int kCircles = 10'000;
constexpr int kRuns = 5;

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// A feed of `n` items shaped like the sample: its items cycled, each with a unique id and name.
std::string makeFeed(int n) {
    const auto sample = nlohmann::json::parse(readFile(std::string(LC_TEST_DATA_DIR) + "/p2pu-learningcircles-sample.json"));
    const auto& templates = sample.at("items");
    nlohmann::json items = nlohmann::json::array();
    for (int i = 0; i < n; ++i) {
        nlohmann::json item = templates[static_cast<std::size_t>(i) % templates.size()];
        const int id = 100'000 + i;
        item["id"] = id;
        item["name"] = item["name"].get<std::string>() + " #" + std::to_string(i);
        item["url"] = "https://learningcircles.p2pu.org/en/signup/venue-" + std::to_string(id) + "/";
        items.push_back(std::move(item));
    }
    nlohmann::json doc{{"count", n}, {"signup_open_count", n}, {"signup_closed_count", 0}, {"offset", 0}, {"limit", n}};
    doc["items"] = std::move(items);
    return doc.dump();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

/// CPU time (user + system) of this process, in ms: steadier than wall time on a shared machine.
double cpuMs() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

struct Timing {
    std::vector<double> wall, cpu;
    void add(std::chrono::steady_clock::time_point t0, double cpu0) {
        wall.push_back(msSince(t0));
        cpu.push_back(cpuMs() - cpu0);
    }
    void print(const char* what) const {
        std::printf("  %-24s wall median %7.1f ms (min %.1f, max %.1f), cpu median %7.1f ms\n", what, median(wall),
                    *std::min_element(wall.begin(), wall.end()), *std::max_element(wall.begin(), wall.end()), median(cpu));
    }
};

long peakRssKb() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;  // kilobytes on Linux
}

}  // namespace

int main() {
    const std::string body = makeFeed(kCircles);
    const long rssAfterBuild = peakRssKb();

    Timing domOnly;  // nlohmann's DOM build and teardown alone, for scale
    for (int run = 0; run < kRuns; ++run) {
        const double c0 = cpuMs();
        const auto t0 = std::chrono::steady_clock::now();
        { const auto doc = nlohmann::json::parse(body, nullptr, false); }
        domOnly.add(t0, c0);
    }

    Timing parse;
    lc::feed::FeedPage page;
    for (int run = 0; run < kRuns; ++run) {
        const double c0 = cpuMs();
        const auto t0 = std::chrono::steady_clock::now();
        auto parsed = lc::feed::parseFeedPage(body);
        parse.add(t0, c0);
        if (!parsed || parsed->circles.size() != static_cast<std::size_t>(kCircles)) {
            std::fprintf(stderr, "parse failed: %s\n", parsed ? "wrong circle count" : parsed.error().describe().c_str());
            return 1;
        }
        page = std::move(*parsed);
    }

    const auto dir = std::filesystem::temp_directory_path() / ("lc_ingest_bench_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto db = lc::store::Database::open((dir / "bench.sqlite").string());
    if (!db) {
        std::fprintf(stderr, "open failed: %s\n", db.error().describe().c_str());
        return 1;
    }
    lc::store::CircleRepository circles(*db);
    Timing store;
    for (int run = 0; run < kRuns; ++run) {
        const lc::store::SnapshotMeta meta{lc::Instant{std::chrono::seconds{1'796'000'000 + run}}, "bench", page.skipped};
        const double c0 = cpuMs();
        const auto t0 = std::chrono::steady_clock::now();
        auto done = circles.replaceSnapshot(page.circles, meta);
        store.add(t0, c0);
        if (!done) {
            std::fprintf(stderr, "replaceSnapshot failed: %s\n", done.error().describe().c_str());
            return 1;
        }
    }
    std::filesystem::remove_all(dir);

    std::printf("ingest_bench: %d circles, feed body %.1f MB, %d runs each\n", kCircles, body.size() / 1e6, kRuns);
    domOnly.print("json::parse (DOM only)");
    parse.print("parseFeedPage");
    store.print("replaceSnapshot (file)");
    std::printf("  parse + store            wall median %7.1f ms (budget 500 ms)\n", median(parse.wall) + median(store.wall));
    std::printf("  peak RSS %ld MB (%ld MB after building the body)\n", peakRssKb() / 1024, rssAfterBuild / 1024);
    return 0;
}
