// `lcctl sync`: pull the feed into the store (file:// URLs, paths and the bundled demo here).
#include <iostream>

#include <nlohmann/json.hpp>

#include <lc/core/paths.hpp>
#include <lc/core/schedule.hpp>
#include <lc/feed/demo_feed.hpp>
#include <lc/feed/feed_parser.hpp>
#include <lc/feed/ingest.hpp>
#include <lc/store/sync_state_repository.hpp>

#include "commands.hpp"

namespace lc::lcctl {
namespace {

using nlohmann::json;

struct Outcome {
    bool notModified = false;
    int circles = 0;
    int skipped = 0;
};

// Today at the library: its zone when configured, else UTC (only the demo shift needs it).
Date libraryToday(const Context& ctx) {
    if (!ctx.config().timeZone.empty())
        if (auto d = schedule::localDate(ctx.now(), ctx.config().timeZone)) return *d;
    return Date{std::chrono::floor<std::chrono::days>(ctx.now())};
}

Result<Outcome> pullFile(Context& ctx, const std::string& feed, store::Database& db) {
    const bool demo = feed == "demo";
    auto page = demo ? feed::loadDemoFeed(paths::assetsDir(), libraryToday(ctx)) : feed::parseFeedFile(feed);
    if (!page) return fail(page.error());
    for (const auto& why : page->skipReasons) std::cerr << "lcctl: skipped " << why << "\n";
    auto report = feed::ingestCircles(db, std::move(page->circles), page->skipped, ctx.config(),
                                      {ctx.now(), demo ? "demo" : feed, page->skipped});
    if (!report) return fail(report.error());
    for (const auto& w : report->warnings) std::cerr << "lcctl: warning: " << w << "\n";
    return Outcome{false, report->circles, report->skipped};
}

}  // namespace

int cmdSync(Context& ctx, const Args& args) {
    std::string feed = args.has("--feed") ? args.get("--feed") : ctx.config().feed.url;
    if (feed.empty())
        return report({ErrorCode::InvalidInput, "[lcctl.sync.1]",
                       "no feed: pass --feed URL (or 'demo') or set feed.url in the config"});
    if (feed::isHttpUrl(feed))
        return report({ErrorCode::InvalidInput, "[lcctl.sync.2]", "HTTP feeds are not wired in yet"});
    auto db = ctx.db();
    if (!db) return report(db.error());
    store::SyncStateRepository syncRepo(**db);
    auto state = syncRepo.get();
    if (!state) return report(state.error());
    state->lastAttempt = ctx.now();
    auto outcome = pullFile(ctx, feed, **db);
    if (outcome) {
        state->lastSuccess = ctx.now();
        state->lastError.clear();
        state->consecutiveFailures = 0;
    } else {
        state->lastError = outcome.error().describe();
        ++state->consecutiveFailures;
    }
    if (auto w = syncRepo.put(*state); !w) return report(w.error());
    if (!outcome) return report(outcome.error());
    if (ctx.json()) {
        std::cout << json{{"not_modified", outcome->notModified}, {"circles", outcome->circles},
                          {"skipped", outcome->skipped}, {"pushed", 0}, {"rejected", 0},
                          {"needs_staff", 0}}.dump() << "\n";
    } else {
        std::cout << "sync: " << outcome->circles << " circles, " << outcome->skipped << " skipped\n";
    }
    return kOk;
}

}  // namespace lc::lcctl
