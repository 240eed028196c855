#include <lc/feed/sync_worker.hpp>

namespace lc::feed {

SyncWorker::SyncWorker(OpenDb openDb, Config cfg, const Clock& clock, SyncOptions options, OnPass onPass,
                       std::chrono::milliseconds tick, CurlOptions curl)
    : m_openDb(std::move(openDb)), m_cfg(std::move(cfg)), m_clock(clock), m_options(std::move(options)),
      m_onPass(std::move(onPass)), m_tick(tick), m_curl(std::move(curl)) {}

SyncWorker::~SyncWorker() { stop(); }

void SyncWorker::start() {
    std::lock_guard lock(m_mutex);
    if (m_thread.joinable()) return;
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void SyncWorker::wakeNow() { wakeNow(false); }

void SyncWorker::wakeNow(bool push) {
    {
        std::lock_guard lock(m_mutex);
        m_wake = true;
        m_wakePush = m_wakePush || push;
    }
    m_cv.notify_all();
}

void SyncWorker::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable() && m_thread.get_id() != std::this_thread::get_id()) m_thread.join();
}

void SyncWorker::run() {
    auto db = m_openDb();
    if (!db) {
        SyncResult r;
        r.error = db.error().describe();
        if (m_onPass) m_onPass(r);
        return;
    }
    CurlTransport http(m_curl);
    const UniformRandom random = systemRandom();
    bool force = false, forcePush = false;
    for (;;) {
        SyncOptions options = m_options;
        options.ifDue = !force;
        options.push = options.push || forcePush;
        const SyncResult r = runSync(http, *db, m_cfg, m_clock, random, options);
        if (m_onPass) m_onPass(r);
        std::unique_lock lock(m_mutex);
        m_cv.wait_for(lock, m_tick, [this] { return m_stop || m_wake; });
        if (m_stop) return;
        force = m_wake;
        forcePush = m_wakePush;
        m_wake = m_wakePush = false;
    }
}

}  // namespace lc::feed
