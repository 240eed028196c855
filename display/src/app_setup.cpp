#include "app_setup.hpp"

#include <cstdio>

#include <date/tz.h>

#include <lc/core/paths.hpp>
#include <lc/core/schedule.hpp>
#include <lc/core/version.hpp>
#include <lc/feed/demo_feed.hpp>
#include <lc/feed/feed_parser.hpp>
#include <lc/feed/ingest.hpp>
#include <lc/store/sync_state_repository.hpp>

#include "app_store.hpp"

namespace lc::display {
namespace {

bool isDemo(const lc::ui::AppOptions& o) { return !o.configPath && !o.dbPath && !o.feedUrl; }

std::string machineZone() {
    try {
        return date::current_zone()->name();
    } catch (const std::exception&) {
        return "UTC";
    }
}

std::string dbPathFor(const lc::ui::AppOptions& o) {
    if (o.dbPath) return *o.dbPath;
    if (isDemo(o) || o.feedUrl) return lc::paths::demoDb();
    return lc::paths::kInstalledDb;
}

// Ingests a local feed (a file, a file:// URL or "demo") and records the successful sync.
Result<void> ingestLocalFeed(const std::string& feed, const lc::Config& cfg, const std::string& dbPath,
                             Instant now, const std::string& zone) {
    auto db = lc::store::Database::open(dbPath);
    if (!db) return fail(db.error());
    const bool demo = feed == "demo";
    const auto today = lc::schedule::localDate(now, zone).value_or(Date{std::chrono::floor<std::chrono::days>(now)});
    auto page = demo ? lc::feed::loadDemoFeed(lc::paths::assetsDir(), today) : lc::feed::parseFeedFile(feed);
    if (!page) return fail(page.error());
    auto report = lc::feed::ingestCircles(*db, std::move(page->circles), page->skipped, cfg,
                                          {now, demo ? "demo" : feed, page->skipped});
    if (!report) return fail(report.error());
    lc::store::SyncStateRepository sync(*db);
    auto state = sync.get();
    if (!state) return fail(state.error());
    state->lastAttempt = now;
    state->lastSuccess = now;
    state->lastError.clear();
    return sync.put(*state);
}

}  // namespace

std::vector<lc::ui::ExtraOption> displayOptions() { return {}; }

Result<DisplaySetup> prepareDisplay(const lc::ui::AppOptions& o, Instant now) {
    lc::Config cfg;
    if (o.configPath) {
        auto loaded = lc::loadConfig(*o.configPath);
        if (!loaded) return fail(loaded.error());
        if (!loaded->exposureWarning.empty())
            std::fprintf(stderr, "lc-display: warning: %s\n", loaded->exposureWarning.c_str());
        cfg = std::move(*loaded);
    }
    DisplaySetup s;
    s.fallbackZone = cfg.timeZone.empty() ? machineZone() : cfg.timeZone;
    s.settings = settingsFromConfig(cfg, o.lang.value_or(""));
    s.highContrast = o.highContrast;
    const std::string dbPath = dbPathFor(o);
    const std::string feed = o.feedUrl ? *o.feedUrl : (isDemo(o) ? "demo" : "");
    if (!feed.empty() && !lc::feed::isHttpUrl(feed)) {
        // A local feed that cannot be read leaves the last good data: warn and go on.
        if (auto r = ingestLocalFeed(feed, cfg, dbPath, now, s.fallbackZone); !r)
            std::fprintf(stderr, "lc-display: feed not ingested: %s\n", r.error().describe().c_str());
    } else if (!feed.empty()) {
        s.httpFeed = feed;  // pulled by the App's worker; the store's data is shown meanwhile
    }
    s.dbPath = dbPath;
    auto source = StoreSource::open(dbPath);
    if (!source) return fail(source.error());
    s.source = std::move(*source);
    return s;
}

std::string describeSetup(const lc::ui::AppOptions& o, const DisplaySetup& s) {
    return std::string("lc-display ") + lc::kVersion + " config=" +
           o.configPath.value_or("(none)") + " db=" + dbPathFor(o) +
           " feed=" + o.feedUrl.value_or(isDemo(o) ? "demo" : "(store only)") +
           " library=" + (s.settings.config.libraryName.empty() ? "(demo)" : s.settings.config.libraryName);
}

}  // namespace lc::display
