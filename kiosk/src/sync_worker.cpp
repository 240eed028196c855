#include "sync_worker.hpp"

#include <lc/feed/curl_transport.hpp>
#include <lc/feed/sync_runner.hpp>
#include <lc/feed/sync_schedule.hpp>
#include <lc/store/database.hpp>

namespace lc::kiosk {

SyncWorker::SyncWorker(std::string dbPath, const Config& config, std::string feedUrl,
                       const Clock& clock, std::function<void()> done, bool periodic)
    : m_dbPath(std::move(dbPath)), m_config(config), m_feedUrl(std::move(feedUrl)),
      m_clock(clock), m_done(std::move(done)), m_periodic(periodic),
      m_thread([this] { run(); }) {}

SyncWorker::~SyncWorker() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    m_thread.join();
}

void SyncWorker::request() {
    {
        std::lock_guard lock(m_mutex);
        m_wanted = true;
    }
    m_cv.notify_all();
}

void SyncWorker::run() {
    auto db = store::Database::open(m_dbPath);
    if (!db) return;
    feed::CurlTransport http(feed::CurlOptions::fromConfig(m_config.feed));
    const auto random = feed::systemRandom();
    const auto interval = std::chrono::minutes{std::max(1, m_config.feed.refreshMinutes)};
    for (;;) {
        bool scheduled = false;
        {
            std::unique_lock lock(m_mutex);
            if (m_periodic) {
                scheduled = !m_cv.wait_for(lock, interval, [this] { return m_stop || m_wanted; });
            } else {
                m_cv.wait(lock, [this] { return m_stop || m_wanted; });
            }
            if (m_stop) return;
            m_wanted = false;
        }
        feed::SyncOptions o;
        o.feedUrl = m_feedUrl;
        o.owner = "kiosk";
        o.ifDue = scheduled;
        o.push = m_config.signup.pushFromApps || !scheduled;
        (void)feed::runSync(http, *db, m_config, m_clock, random, o);
        if (m_done) m_done();
    }
}

}  // namespace lc::kiosk
