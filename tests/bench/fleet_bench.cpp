// The fleet at a library system's scale, against one PostgreSQL (tests/bench/fleet_bench.sh
// starts it): BRANCHES branches x (2 kiosks + 1 display) device stores in this process, 50
// signups (each claiming its seat) and 200 check-ins per branch, then exchange rounds until every
// device agrees, then one round where nothing changed. Prints the figures; asserts nothing.
//   fleet_bench CONNINFO WORKDIR [BRANCHES]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <lc/core/clock.hpp>
#include <lc/feed/feed_parser.hpp>
#include <lc/feed/ingest.hpp>
#include <lc/fleet/exchange.hpp>
#include <lc/fleet/seat_claim.hpp>
#include <lc/store/checkin_repository.hpp>
#include <lc/store/signup_repository.hpp>

namespace {

using Clock = std::chrono::steady_clock;
using Ms = std::chrono::duration<double, std::milli>;

struct DeviceUnderTest {
    lc::Config cfg;
    lc::store::Database db;
};

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size())))];
}

lc::Config configFor(const std::string& conninfo, int branch, int device) {
    lc::Config cfg;
    cfg.libraryName = "Branch " + std::to_string(branch);
    cfg.timeZone = "America/Chicago";
    cfg.fleet.database = conninfo;
    cfg.fleet.device = "b" + std::to_string(branch) + (device == 2 ? "-display" : "-kiosk" + std::to_string(device + 1));
    return cfg;
}

// One exchange round over every device; returns the records moved and the per-device times.
int round(std::vector<DeviceUnderTest>& devices, const lc::Clock& clock, std::vector<double>& ms) {
    int moved = 0;
    for (auto& d : devices) {
        const auto t0 = Clock::now();
        const auto r = lc::fleet::exchange(d.db, d.cfg, clock);
        ms.push_back(Ms(Clock::now() - t0).count());
        if (!r.error.empty()) std::fprintf(stderr, "%s: %s\n", d.cfg.fleet.device.c_str(), r.error.c_str());
        moved += r.pushed + r.pulled + r.tombstones;
    }
    return moved;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: fleet_bench CONNINFO WORKDIR [BRANCHES]\n");
        return 64;
    }
    const std::string conninfo = argv[1], dir = argv[2];
    const int branches = argc > 3 ? std::atoi(argv[3]) : 80;
    lc::FixedClock clock(*lc::parseInstant("2026-11-30T12:00:00Z"));
    auto page = lc::feed::parseFeedFile(LC_TEST_DATA_DIR "/p2pu-learningcircles-sample.json");
    if (!page) return 1;
    for (auto& c : page->circles) c.signupLimit = 1000;  // room for every bench signup
    std::vector<DeviceUnderTest> devices;
    for (int b = 0; b < branches; ++b)
        for (int d = 0; d < 3; ++d) {
            auto db = lc::store::Database::open(dir + "/b" + std::to_string(b) + "-" + std::to_string(d) + ".db");
            if (!db) return 1;
            auto cfg = configFor(conninfo, b, d);
            if (!lc::feed::ingestCircles(*db, page->circles, 0, cfg, {clock.now(), "bench", 0})) return 1;
            devices.push_back({std::move(cfg), std::move(*db)});
        }
    // Signups: each claims its seat in PostgreSQL first, as a kiosk does; check-ins are local.
    std::vector<double> claimMs;
    const auto& circles = page->circles;
    for (int b = 0; b < branches; ++b) {
        for (int i = 0; i < 250; ++i) {
            DeviceUnderTest& k = devices[std::size_t(b * 3 + i % 2)];
            const lc::Circle& circle = circles[std::size_t(i) % circles.size()];
            if (i < 50) {
                lc::Signup s;
                s.id = "s-" + std::to_string(b) + "-" + std::to_string(i);
                s.circleId = circle.id;
                s.name = "Learner " + std::to_string(i);
                s.email = "l" + std::to_string(i) + "@b" + std::to_string(b) + ".example.org";
                s.consent = true;
                s.createdAt = s.updatedAt = clock.now();
                const auto t0 = Clock::now();
                const auto claim = lc::fleet::claimSeat(k.cfg, s, {circle.id, 1000, circle.signupCount, clock.now()});
                claimMs.push_back(Ms(Clock::now() - t0).count());
                if (claim.outcome == lc::fleet::ClaimOutcome::Offline) std::fprintf(stderr, "claim: %s\n", claim.error.c_str());
                (void)lc::store::SignupRepository(k.db).upsert(s);
            } else {
                lc::CheckIn c;
                c.circleId = circle.id;
                c.meetingDate = circle.startDate;
                c.personName = "Walk-in " + std::to_string(i);
                c.at = clock.now();
                (void)lc::store::CheckInRepository(k.db).add(c);
            }
        }
    }
    std::printf("devices: %zu (%d branches x 2 kiosks + 1 display)\n", devices.size(), branches);
    std::printf("seat claim: p50 %.1f ms, p99 %.1f ms (%zu claims, a new connection each)\n",
                percentile(claimMs, 0.5), percentile(claimMs, 0.99), claimMs.size());
    const auto t0 = Clock::now();
    int rounds = 0;
    std::vector<double> busy;
    while (round(devices, clock, busy) > 0) ++rounds;
    std::printf("until every device agrees: %.1f s (%d rounds with changes, then one without)\n",
                std::chrono::duration<double>(Clock::now() - t0).count(), rounds);
    std::vector<double> idle;
    round(devices, clock, idle);
    std::printf("exchange with nothing changed: p50 %.1f ms, p99 %.1f ms per device\n",
                percentile(idle, 0.5), percentile(idle, 0.99));
    return 0;
}
