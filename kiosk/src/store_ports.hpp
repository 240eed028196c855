#pragma once
// The kiosk flows' storage ports implemented over lc_store: the only place the kiosk touches the
// database. Circles are cached between reload() calls (a sync or a commit changes them).

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <lc/core/config.hpp>
#include <lc/core/health.hpp>
#include <lc/store/store.hpp>

#include "flow/staff_flow.hpp"

namespace lc::kiosk {

/// Catalog, signups, check-ins, settings and staff actions over one Database.
/// Thread-safety: main thread only (the sync worker opens its own connection).
class StorePorts final : public CircleCatalog,
                         public SignupSink,
                         public CheckinStore,
                         public SettingsStore,
                         public StaffBackend {
public:
    /// Borrows `db` and `config`, which must outlive the ports.
    StorePorts(store::Database& db, const Config& config, const Clock& clock);

    /// Re-reads circles and pending counts; on an error the cache keeps what it had (and the
    /// error is returned).
    Result<void> reload();
    /// When the feed snapshot behind circles() was fetched (the epoch when none was).
    Instant feedFetchedAt() const { return m_fetchedAt; }
    /// Every text the store holds that screens may draw (for the font's glyph ranges).
    std::string glyphText() const;
    /// The last sync as the store records it, for the health file (`db` left empty).
    health::SyncHealth syncHealth() const;

    std::vector<CircleEntry> circles() const override;
    Result<void> commit(const Signup& s) override;
    Result<std::vector<Person>> people(std::int64_t circleId) const override;
    Result<void> checkIn(const CheckIn& c) override;
    std::optional<std::string> get(std::string_view key) const override;
    Result<void> set(std::string_view key, std::string_view value) override;
    Result<std::vector<CheckIn>> checkins(std::int64_t circleId) override;
    Result<std::vector<Signup>> signups(std::int64_t circleId) override;
    Result<void> undoCheckin(const std::string& id) override;
    Result<void> voidSignup(const std::string& id) override;
    Result<std::string> exportAttendance(const std::string& folder, Instant now) override;
    Result<SyncStatus> syncStatus() override;
    Result<void> retry(const std::string& outboxId) override;
    void syncNow() override;

    /// What "sync now" calls (the app's sync worker); unset: nothing happens.
    void setSyncRequest(std::function<void()> request) { m_syncRequest = std::move(request); }

private:
    store::Database& m_db;
    const Config& m_config;
    const Clock& m_clock;
    mutable store::SignupRepository m_signups;
    mutable store::CheckInRepository m_checkins;
    mutable store::RosterRepository m_roster;
    mutable store::SettingsRepository m_settings;
    mutable store::OutboxRepository m_outbox;
    mutable store::CircleRepository m_circles;
    mutable store::SyncStateRepository m_sync;
    std::vector<CircleEntry> m_cache;
    Instant m_fetchedAt{};
    std::function<void()> m_syncRequest;
    std::string m_integrityError;  ///< the store's quick_check at start ("" = ok)
};

}  // namespace lc::kiosk
