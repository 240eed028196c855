// `lcctl sync`: one pass of pull then push (runSync), or the bundled demo feed.
#include <unistd.h>

#include <iostream>

#include <nlohmann/json.hpp>

#include <lc/core/paths.hpp>
#include <lc/core/schedule.hpp>
#include <lc/feed/curl_transport.hpp>
#include <lc/feed/demo_feed.hpp>
#include <lc/feed/sync_runner.hpp>
#include <lc/feed/feed_parser.hpp>
#include <lc/feed/ingest.hpp>
#include <lc/store/sync_state_repository.hpp>

#include "commands.hpp"
#include "config_warnings.hpp"
#include "fleet.hpp"

namespace lc::lcctl {
namespace {

using nlohmann::json;

// Today at the library: its zone when configured, else UTC (only the demo shift needs it).
Date libraryToday(const Context& ctx) {
    if (!ctx.config().timeZone.empty())
        if (auto d = schedule::localDate(ctx.now(), ctx.config().timeZone)) return *d;
    return Date{std::chrono::floor<std::chrono::days>(ctx.now())};
}

// The bundled demo feed, its dates moved to this week: no HTTP, no outbox push.
int syncDemo(Context& ctx, store::Database& db) {
    auto page = feed::loadDemoFeed(paths::assetsDir(), libraryToday(ctx));
    if (!page) return report(page.error());
    auto ingested = feed::ingestCircles(db, std::move(page->circles), page->skipped, ctx.config(),
                                        {ctx.now(), "demo", page->skipped}, page->skipReasons);
    if (!ingested) return report(ingested.error());
    store::SyncStateRepository syncRepo(db);
    if (auto state = syncRepo.get()) {
        state->lastAttempt = state->lastSuccess = ctx.now();
        state->lastError.clear();
        state->consecutiveFailures = 0;
        if (auto w = syncRepo.put(*state); !w) return report(w.error());
    }
    if (ctx.json())
        std::cout << json{{"not_modified", false}, {"circles", ingested->circles}, {"skipped", ingested->skipped},
                          {"pushed", 0}, {"rejected", 0}, {"needs_staff", 0}}.dump() << "\n";
    else
        std::cout << "sync: demo feed, " << ingested->circles << " circles\n";
    return kOk;
}

int syncFeed(Context& ctx, const Args& args) {
    const std::string feed = args.has("--feed") ? args.get("--feed") : ctx.config().feed.url;
    if (feed.empty())
        return report({ErrorCode::InvalidInput, "[lcctl.sync.1]",
                       "no feed: pass --feed URL (or 'demo') or set feed.url in the config"});
    auto db = ctx.db();
    if (!db) return report(db.error());
    if (feed == "demo") return syncDemo(ctx, **db);
    feed::CurlTransport http(feed::CurlOptions::fromConfig(ctx.config().feed));
    feed::SyncOptions options;
    options.feedUrl = feed;
    options.ifDue = args.has("--if-due");
    options.owner = "lcctl:" + std::to_string(::getpid());
    const feed::SyncResult r = feed::runSync(http, **db, ctx.config(), ctx.clock(), feed::systemRandom(), options);
    for (const auto& w : r.warnings) std::cerr << "lcctl: warning: " << w << "\n";
    if (!r.skipSummary.empty()) std::cerr << "lcctl: " << r.skipSummary << "\n";
    if (!r.error.empty()) std::cerr << "lcctl: " << r.error << "\n";
    for (const auto& w : storeWarnings(ctx, **db)) std::cerr << "lcctl: warning: " << w.message << "\n";
    if (ctx.json()) {
        std::cout << feed::syncResultJson(r) << "\n";
    } else {
        std::cout << "sync: " << (r.pulled ? (r.notModified ? "feed unchanged" : "feed ingested") : "pull skipped")
                  << ", " << r.circles << " circles, " << r.skipped << " skipped; pushed " << r.pushed
                  << " (webhook " << r.webhooks << "), rejected " << r.rejected << ", waiting for staff " << r.needsStaff << ", still pending "
                  << r.pending << (r.offline ? "; OFFLINE" : "") << "\n";
    }
    return feed::syncExitCode(r);
}

}  // namespace

// The fleet exchange runs whatever happened with P2PU, and never stops the feed's pass.
int cmdSync(Context& ctx, const Args& args) {
    const int feedStatus = syncFeed(ctx, args);
    return worseExit(feedStatus, exchangeNow(ctx));
}

}  // namespace lc::lcctl
