// Durable signup commit latency (shared/README.md budget: < 20 ms p99): 1,000 SignupRepository::upsert
// calls, each one BEGIN IMMEDIATE + insert + outbox row + COMMIT with synchronous=FULL in WAL, to a
// temp file. Prints p50/p90/p99/max; asserts nothing (budgets are measured and reported).
// Usage: signup_commit_bench [DIR] (default: $TMPDIR); point DIR at the device's real disk.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

#include <lc/store/database.hpp>
#include <lc/store/signup_repository.hpp>

namespace {

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    fs::path base = argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path();
    fs::path dir = base / ("lc-signup-bench-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    int rc = 0;
    {
        auto db = lc::store::Database::open((dir / "bench.sqlite").string());
        if (!db) {
            std::fprintf(stderr, "%s\n", db.error().describe().c_str());
            fs::remove_all(dir);
            return 1;
        }
        lc::store::SignupRepository signups(*db);
        constexpr int kRuns = 1000;
        std::vector<double> ms;
        ms.reserve(kRuns);
        const lc::Instant t0{std::chrono::seconds{1'796'083'200}};
        for (int i = 0; i < kRuns; ++i) {
            lc::Signup s;
            s.circleId = 1 + i % 20;
            s.name = "Bench Person " + std::to_string(i);
            s.email = "person" + std::to_string(i) + "@example.org";
            s.goals = "learn";
            s.support = "none";
            s.consent = true;
            s.consentVersion = "2026-01";
            s.createdAt = s.updatedAt = t0 + std::chrono::seconds{i};
            s.source = "bench";
            auto start = std::chrono::steady_clock::now();
            auto w = signups.upsert(s, "{}");
            auto end = std::chrono::steady_clock::now();
            if (!w) {
                std::fprintf(stderr, "%s\n", w.error().describe().c_str());
                rc = 1;
                break;
            }
            ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
        }
        if (!ms.empty()) {
            std::printf(
                "durable signup commit (upsert + outbox row, WAL, synchronous=FULL), %zu runs on "
                "%s\n",
                ms.size(), base.string().c_str());
            std::printf(
                "  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  (budget: p99 < 20 ms)\n",
                percentile(ms, 0.50), percentile(ms, 0.90), percentile(ms, 0.99),
                *std::max_element(ms.begin(), ms.end()));
        }
    }
    fs::remove_all(dir);
    return rc;
}
