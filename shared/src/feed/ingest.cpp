#include <lc/feed/ingest.hpp>

#include <set>

#include <lc/core/schedule.hpp>

namespace lc::feed {

Result<IngestReport> ingestCircles(store::Database& db, std::vector<Circle> circles,
                                   int parserSkipped, const Config& cfg,
                                   const store::SnapshotMeta& meta) {
    IngestReport report;
    report.skipped = parserSkipped;
    std::set<std::string> warned;
    std::vector<Circle> kept;
    kept.reserve(circles.size());
    for (auto& c : circles) {
        std::string zone = configuredZone(cfg, c);
        if (zone.empty() && schedule::isKnownZone(c.timeZone)) zone = c.timeZone;  // resolved upstream (demo)
        if (zone.empty()) {
            auto guess = schedule::guessZone(c);
            if (!guess) {
                ++report.skipped;
                report.warnings.push_back("circle " + std::to_string(c.id) +
                                          " skipped: no time zone configured for venue '" +
                                          c.venue.name + "' and " + guess.error().message);
                continue;
            }
            zone = guess->zone;
            // One warning per venue, not per circle.
            if (warned.insert(c.venue.name + "\n" + zone).second)
                report.warnings.push_back("venue '" + c.venue.name + "' (" + c.venue.city +
                                          "): " + guess->reason +
                                          "; set its time_zone in the config to be sure");
        }
        c.timeZone = std::move(zone);
        kept.push_back(std::move(c));
    }
    store::SnapshotMeta m = meta;
    m.skipped = report.skipped;
    store::CircleRepository repo(db);
    if (auto r = repo.replaceSnapshot(kept, m); !r) return fail(r.error());
    report.circles = static_cast<int>(kept.size());
    return report;
}

}  // namespace lc::feed
