#pragma once
// One sync pass as `lcctl sync` and the apps' worker run it: pull the feed (unless `--if-due`
// finds it not due), then push the due outbox rows.

#include <functional>
#include <string>
#include <vector>

#include <lc/core/clock.hpp>
#include <lc/core/config.hpp>
#include <lc/feed/http_transport.hpp>
#include <lc/feed/outbox_worker.hpp>
#include <lc/feed/sync_schedule.hpp>
#include <lc/store/database.hpp>

namespace lc::feed {

/// What to do.
struct SyncOptions {
    std::string feedUrl;    ///< in effect for this run (--feed wins); "" = config feed.url
    std::string signupUrl;  ///< "" = config feed.signup_url, else /api/signup/ on the feed's origin
    bool ifDue = false;     ///< the timer: pull only when the schedule says so (push always runs)
    bool pull = true;
    bool push = true;
    std::string owner = "lcctl";  ///< lease owner, e.g. "lcctl:<pid>", "kiosk"
    OutboxPolicy outbox;
    /// Runs last in every pass, whatever happened before (the fleet exchange); returns an error
    /// text, "" when it went through, added to the result's warnings.
    std::function<std::string(store::Database&)> afterPass;
};

/// What a pass did; `lcctl sync --json` prints syncResultJson() of it.
struct SyncResult {
    bool pulled = false;       ///< false when the pull was skipped (not due, or pull off)
    bool notModified = false;  ///< the feed was unchanged: nothing re-ingested
    int circles = 0;           ///< circles in the snapshot after the pull
    int skipped = 0;           ///< feed items skipped
    int pushed = 0;            ///< signups delivered in this pass
    int rejected = 0;          ///< refused by upstream in this pass
    int needsStaff = 0;        ///< rows moved to needs_staff in this pass
    int webhooks = 0;          ///< webhook rows delivered in this pass
    int pending = 0;           ///< outbox rows still pending afterwards (backing off or not due)
    bool offline = false;      ///< a transport failure (refused, timeout, DNS, TLS...)
    std::string error;         ///< the first failure ("[id] message"), "" when none
    std::vector<std::string> warnings;  ///< ingest warnings (guessed zones); no personal data
    std::string skipSummary;            ///< why feed items were skipped, by kind ("" = none)
};

/// Pull then push. Never throws; failures land in `error` and in the store's sync state.
SyncResult runSync(HttpTransport& http, store::Database& db, const Config& cfg, const Clock& clock,
                   const UniformRandom& random, const SyncOptions& options);

/// {"not_modified", "circles", "skipped", "pushed", "rejected", "needs_staff", "pending",
///  "offline", "pulled", "webhooks", "error"} as one line of JSON.
std::string syncResultJson(const SyncResult& r);

/// lcctl's exit status: 1 on an error that is not a transport failure; 2 when offline, or rows
/// are left pending or were handed to staff; else 0.
int syncExitCode(const SyncResult& r);

}  // namespace lc::feed
