#pragma once
// The apps' background sync: runSync on a worker thread, never on the frame. It checks the
// schedule (isSyncDue: max-age, Retry-After, backoff, interval with jitter) every `tick`, and
// runs a full "by hand" pass when woken (staff's "sync now"). Results land in the store; the
// callback only tells the app to look (post it to the main thread and request a redraw).
// The worker owns libcurl's global state for the apps: its CurlGlobal is made in the constructor,
// on the caller's (main) thread, before the worker thread exists, and released after it ended.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include <lc/core/clock.hpp>
#include <lc/core/config.hpp>
#include <lc/feed/curl_transport.hpp>
#include <lc/feed/sync_runner.hpp>
#include <lc/store/database.hpp>

namespace lc::feed {

/// A worker thread that keeps the store's snapshot fresh and (when configured) drains the outbox.
/// Thread-safety: start(), wakeNow() and stop() may be called from any thread; the callback runs
/// on the worker thread.
class SyncWorker {
public:
    /// Opens the worker's own connection to the store (called on the worker thread).
    using OpenDb = std::function<Result<store::Database>()>;
    /// Told after every pass (on the worker thread).
    using OnPass = std::function<void(const SyncResult&)>;

    /// `options.push` should be the config's signup.push_from_apps. Nothing runs until start().
    SyncWorker(OpenDb openDb, Config cfg, const Clock& clock, SyncOptions options, OnPass onPass,
               std::chrono::milliseconds tick = std::chrono::seconds(30), CurlOptions curl = {});
    ~SyncWorker();
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    /// Starts the thread; its first pass runs at once if a sync is due.
    void start();
    /// The next pass runs now and always asks (like `lcctl sync` by hand).
    void wakeNow();
    /// The same; with `push`, that pass also drains the outbox even when options.push is off
    /// (a kiosk's staff "sync now" where pushes are otherwise left to the lc-sync timer).
    void wakeNow(bool push);
    /// Stops after the pass in progress (a transfer ends within the transport's timeouts).
    void stop();

private:
    void run();

    CurlGlobal m_curlGlobal;  ///< first member: made before, released after everything else
    OpenDb m_openDb;
    Config m_cfg;
    const Clock& m_clock;
    SyncOptions m_options;
    OnPass m_onPass;
    std::chrono::milliseconds m_tick;
    CurlOptions m_curl;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    bool m_wake = false;
    bool m_wakePush = false;
    std::thread m_thread;
};

}  // namespace lc::feed
