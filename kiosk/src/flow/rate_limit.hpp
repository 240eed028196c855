#pragma once
// The signup rate limit: more than N signups in a window pauses signup until staff resume it,
// because each fake signup makes P2PU email a stranger. Persisted in the store's settings.

#include <vector>

#include <lc/core/clock.hpp>

#include "flow_config.hpp"
#include "ports.hpp"

namespace lc::kiosk {

/// Settings keys.
inline constexpr const char* kSignupTimesKey = "kiosk.signup_times";
inline constexpr const char* kSignupPausedKey = "signup_paused";

/// Counts recent signups and holds the pause. State lives in the settings store only.
class SignupRateLimit {
public:
    SignupRateLimit(SettingsStore& settings, const FlowConfig& config);
    /// Whether signup is paused (until staff resume it).
    bool paused() const;
    /// Whether one more signup may start at `now`; pauses (durably) when the limit is reached.
    bool admit(Instant now);
    /// Notes a committed signup.
    void record(Instant now);
    /// Staff resume signup: the pause and the history are cleared.
    void resume();
    /// Signups in the window ending at `now`.
    int recentCount(Instant now) const;

private:
    std::vector<Instant> recent(Instant now) const;
    SettingsStore& m_settings;
    const FlowConfig& m_config;
};

}  // namespace lc::kiosk
