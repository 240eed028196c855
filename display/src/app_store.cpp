#include "app_store.hpp"

#include <cstdio>

#include <lc/store/circle_repository.hpp>
#include <lc/store/signup_repository.hpp>
#include <lc/store/sync_state_repository.hpp>

namespace lc::display {

Result<std::unique_ptr<StoreSource>> StoreSource::open(const std::string& path) {
    auto db = lc::store::Database::open(path);
    if (!db) return fail(db.error());
    // Found at start, not later: the journal names a damaged store (the display keeps showing
    // what it can read; `lcctl status` reports integrity_ok false).
    if (auto ok = db->quickCheck(); !ok) std::fprintf(stderr, "lc-display: %s\n", ok.error().describe().c_str());
    return std::unique_ptr<StoreSource>(new StoreSource(std::move(*db)));
}

Result<StoreData> StoreSource::load() {
    lc::store::CircleRepository circles(m_db);
    lc::store::SignupRepository signups(m_db);
    lc::store::SyncStateRepository sync(m_db);
    StoreData data;
    auto all = circles.all();
    if (!all) return fail(all.error());
    data.circles = std::move(*all);
    auto meta = circles.snapshot();
    if (!meta) return fail(meta.error());
    const Instant fetchedAt = *meta ? (*meta)->fetchedAt : Instant{};
    for (const auto& c : data.circles) {
        auto pending = signups.localPending(c.id, fetchedAt);
        if (!pending) return fail(pending.error());
        if (*pending > 0) data.localPending[c.id] = *pending;
    }
    auto state = sync.get();
    if (!state) return fail(state.error());
    data.sync.lastSuccess = state->lastSuccess;
    data.lastAttempt = state->lastAttempt;
    if (state->lastAttempt) data.lastSyncOk = state->lastError.empty();
    if (*meta) data.fetchedAt = (*meta)->fetchedAt;
    return data;
}

}  // namespace lc::display
