#include <lc/feed/ingest.hpp>

#include <map>
#include <set>

#include <lc/core/schedule.hpp>
#include <lc/store/settings_repository.hpp>
#include <lc/store/transaction.hpp>

namespace lc::feed {

namespace {

using std::chrono::sys_days;

// Resolves the circle's zone; "" (with a warning) when none can be found.
std::string resolveZone(const Circle& c, const Config& cfg, std::set<std::string>& warned,
                        IngestReport& report) {
    std::string zone = configuredZone(cfg, c);
    if (zone.empty() && schedule::isKnownZone(c.timeZone)) zone = c.timeZone;  // resolved upstream (demo)
    if (!zone.empty()) return zone;
    auto guess = schedule::guessZone(c);
    if (!guess) {
        report.warnings.push_back("circle " + std::to_string(c.id) +
                                  " skipped: no time zone configured for venue '" + c.venue.name +
                                  "' and " + guess.error().message);
        return {};
    }
    // One warning per venue, not per circle.
    if (warned.insert(c.venue.name + "\n" + guess->zone).second)
        report.warnings.push_back("venue '" + c.venue.name + "' (" + c.venue.city + "): " +
                                  guess->reason + "; set its time_zone in the config to be sure");
    return guess->zone;
}

bool tooFarAhead(const Circle& c, Instant now) {
    const Instant limit = now + kMaxFutureDate;
    return sys_days{c.startDate} > limit || sys_days{c.lastMeetingDate} > limit;
}

// Whether the stored snapshot still has a meeting that ends after `now`.
Result<bool> hasMeetingsToCome(store::Database& db, Instant now) {
    auto all = store::CircleRepository(db).all();
    if (!all) return fail(all.error());
    for (const auto& c : *all)
        if (auto end = schedule::lastMeetingEnd(c); end && *end > now) return true;
    return false;
}

}  // namespace

std::string skipSummary(const std::vector<std::string>& reasons, int skipped) {
    if (skipped <= 0 && reasons.empty()) return {};
    std::map<std::string, int> byKind;
    for (const auto& r : reasons) {
        const auto colon = r.find(": ");
        ++byKind[colon == std::string::npos ? r : r.substr(colon + 2)];
    }
    std::string out = std::to_string(std::max<int>(skipped, static_cast<int>(reasons.size()))) +
                      (skipped == 1 ? " item skipped: " : " items skipped: ");
    bool firstKind = true;
    for (const auto& [kind, n] : byKind) {
        out += (firstKind ? "" : "; ") + kind + " ×" + std::to_string(n);
        firstKind = false;
    }
    for (std::size_t i = 0; i < reasons.size() && i < 3; ++i)
        out += (i == 0 ? " — first: " : " | ") + reasons[i];
    return out;
}

Result<IngestReport> ingestCircles(store::Database& db, std::vector<Circle> circles,
                                   int parserSkipped, const Config& cfg,
                                   const store::SnapshotMeta& meta,
                                   std::vector<std::string> skipReasons) {
    IngestReport report;
    report.skipped = parserSkipped;
    std::set<std::string> warned;
    std::vector<Circle> kept;
    kept.reserve(circles.size());
    for (auto& c : circles) {
        if (tooFarAhead(c, meta.fetchedAt)) {
            ++report.skipped;
            skipReasons.push_back("circle " + std::to_string(c.id) +
                                  ": dated more than 5 years from now");
            continue;
        }
        std::string zone = resolveZone(c, cfg, warned, report);
        if (zone.empty()) {
            ++report.skipped;
            skipReasons.push_back("circle " + std::to_string(c.id) + ": no known time zone");
            continue;
        }
        c.timeZone = std::move(zone);
        kept.push_back(std::move(c));
    }
    report.skipSummary = skipSummary(skipReasons, report.skipped);
    if (kept.empty()) {
        auto toCome = hasMeetingsToCome(db, meta.fetchedAt);
        if (!toCome) return fail(toCome.error());
        if (*toCome)
            return fail(ErrorCode::Parse, "[feed.ingest.1]",
                        "the feed has no usable circle; the schedule was kept (" +
                            (report.skipSummary.empty() ? std::string("the feed is empty")
                                                        : report.skipSummary) +
                            ")");
    }
    store::SnapshotMeta m = meta;
    m.skipped = report.skipped;
    auto tx = store::Transaction::begin(db);
    if (!tx) return fail(tx.error());
    if (auto r = store::CircleRepository(db).replaceSnapshot(kept, m); !r) return fail(r.error());
    if (auto r = store::SettingsRepository(db).setSetting(kSkipSummaryKey, report.skipSummary); !r)
        return fail(r.error());
    if (auto r = tx->commit(); !r) return fail(r.error());
    report.circles = static_cast<int>(kept.size());
    return report;
}

}  // namespace lc::feed
