#include <lc/feed/sync_runner.hpp>

#include <nlohmann/json.hpp>

#include <lc/feed/feed_url.hpp>
#include <lc/feed/sync_engine.hpp>
#include <lc/store/outbox_repository.hpp>
#include <lc/store/sync_state_repository.hpp>

namespace lc::feed {

namespace {

void noteError(SyncResult& r, const Error& e) {
    if (r.error.empty()) r.error = e.describe();
    if (e.code == ErrorCode::Network) r.offline = true;
}

bool pullIsDue(store::Database& db, const Config& cfg, Instant now, SyncResult& r) {
    auto state = store::SyncStateRepository(db).get();
    if (!state) {
        noteError(r, state.error());
        return false;
    }
    return isSyncDue(*state, now, SyncPolicy::fromConfig(cfg.feed));
}

void pull(HttpTransport& http, store::Database& db, const Config& cfg, const Clock& clock,
          const UniformRandom& random, const std::string& feedUrl, SyncResult& r) {
    PullOptions options;
    options.feedUrl = feedUrl;
    auto pulled = pullFeed(http, db, cfg, clock, random, options);
    if (!pulled) return noteError(r, pulled.error());
    r.pulled = true;
    r.notModified = pulled->notModified;
    r.circles = pulled->circles;
    r.skipped = pulled->skipped;
    r.warnings = std::move(pulled->warnings);
    r.skipSummary = std::move(pulled->skipSummary);
}

bool hasPendingP2pu(store::Database& db, SyncResult& r) {
    auto pending = store::OutboxRepository(db).listByState(store::kOutboxPending);
    if (!pending) {
        noteError(r, pending.error());
        return false;
    }
    for (const auto& row : *pending)
        if (row.kind == store::kOutboxP2pu) return true;
    return false;
}

void push(HttpTransport& http, store::Database& db, const Config& cfg, const Clock& clock,
          const UniformRandom& random, const std::string& endpoint, const SyncOptions& options,
          SyncResult& r) {
    if (endpoint.empty() && hasPendingP2pu(db, r)) {
        noteError(r, {ErrorCode::InvalidInput, "[feed.push.5]",
                      "no signup endpoint: set feed.signup_url or use an http(s) feed URL"});
        return;  // a file feed with no P2PU row to send (webhook rows only) goes on: fine
    }
    OutboxTargets targets;
    targets.signupEndpoint = endpoint;
    targets.webhook = cfg.webhook;
    OutboxWorker worker(http, db, clock, random, options.owner, options.outbox);
    auto pushed = worker.pushDue(targets);
    if (!pushed) return noteError(r, pushed.error());
    r.pushed = pushed->pushed;
    r.rejected = pushed->rejected;
    r.needsStaff = pushed->needsStaff;
    r.webhooks = pushed->webhooks;
    if (pushed->offline && r.error.empty()) r.error = pushed->error;
    r.offline = r.offline || pushed->offline;
}

}  // namespace

SyncResult runSync(HttpTransport& http, store::Database& db, const Config& cfg, const Clock& clock,
                   const UniformRandom& random, const SyncOptions& options) {
    SyncResult r;
    const std::string feedUrl = options.feedUrl.empty() ? cfg.feed.url : options.feedUrl;
    if (options.pull) {
        if (feedUrl.empty())
            noteError(r, {ErrorCode::InvalidInput, "[feed.sync.5]", "no feed URL configured"});
        else if (!options.ifDue || pullIsDue(db, cfg, clock.now(), r))
            pull(http, db, cfg, clock, random, feedUrl, r);
    }
    if (options.push) {
        // Resolved at push time: the feed URL in effect for this run (--feed wins).
        std::string endpoint = options.signupUrl;
        if (endpoint.empty()) endpoint = cfg.feed.signupUrl;
        if (endpoint.empty()) endpoint = defaultSignupEndpoint(feedUrl);
        push(http, db, cfg, clock, random, endpoint, options, r);
    }
    if (auto counts = store::OutboxRepository(db).counts()) r.pending = counts->pending;
    if (options.afterPass)
        if (std::string e = options.afterPass(db); !e.empty()) r.warnings.push_back(std::move(e));
    return r;
}

std::string syncResultJson(const SyncResult& r) {
    nlohmann::json j = {{"not_modified", r.notModified}, {"circles", r.circles}, {"skipped", r.skipped},
                        {"pushed", r.pushed},           {"rejected", r.rejected}, {"needs_staff", r.needsStaff},
                        {"pending", r.pending},         {"offline", r.offline},   {"pulled", r.pulled},
                        {"webhooks", r.webhooks},           {"skip_summary", r.skipSummary}};
    j["error"] = r.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.error);
    return j.dump();
}

int syncExitCode(const SyncResult& r) {
    if (!r.error.empty() && !r.offline) return 1;
    if (r.offline || r.pending > 0 || r.needsStaff > 0) return 2;
    return 0;
}

}  // namespace lc::feed
