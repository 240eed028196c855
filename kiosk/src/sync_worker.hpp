#pragma once
// The kiosk's sync: a worker thread with its own database connection that pulls the feed and
// pushes the outbox (lc::feed::runSync), then hands "reload" back to the main thread through
// the shell's task queue (STYLE.md item 7). No frame ever waits for it.

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include <lc/core/config.hpp>

namespace lc::kiosk {

/// Runs syncs on request and every refresh interval. Thread-safety: request() from any thread.
class SyncWorker {
public:
    /// `done` runs on the worker thread after each pass (it should post to the main thread).
    SyncWorker(std::string dbPath, const Config& config, std::string feedUrl, const Clock& clock,
               std::function<void()> done, bool periodic);
    ~SyncWorker();
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;
    /// Asks for a pass as soon as possible.
    void request();

private:
    void run();

    std::string m_dbPath;
    Config m_config;
    std::string m_feedUrl;
    const Clock& m_clock;
    std::function<void()> m_done;
    bool m_periodic;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_wanted = false;
    bool m_stop = false;
    std::thread m_thread;
};

}  // namespace lc::kiosk
