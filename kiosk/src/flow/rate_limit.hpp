#pragma once
// The signup rate limit: N signups in a window start a cool-down that lifts by itself once the
// oldest of them leaves the window (each fake signup makes P2PU email a stranger, but one burst
// must not stop signups for everyone until staff come). Patrons see it on the home screen before
// choosing a circle; staff see it on their dashboard and may lift it early. Staff may also pause
// signup by hand (until they resume). Persisted in the store's settings.

#include <optional>
#include <string>
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
    /// Whether staff paused signup by hand (until they resume it).
    bool paused() const;
    /// When the cool-down after a burst ends, while one runs at `now`.
    std::optional<Instant> coolingDownUntil(Instant now) const;
    /// Whether one more signup may start at `now`: not paused and not cooling down.
    bool admit(Instant now);
    /// Notes a committed signup.
    void record(Instant now);
    /// Staff resume signup: the pause, any cool-down and the history are cleared.
    void resume();
    /// Signups in the window ending at `now`.
    int recentCount(Instant now) const;

private:
    std::vector<Instant> recent(Instant now) const;
    SettingsStore& m_settings;
    const FlowConfig& m_config;
};

/// What a patron is told while signup is held at `now`, on the home screen and on the paused
/// step alike: staff paused it ("ask a member of staff"), or a burst started a cool-down ("opens
/// again in N min", which needs nobody); "" while signup is open.
std::string signupHeldNotice(const SignupRateLimit& limit, Instant now, const Translator& tr);

}  // namespace lc::kiosk
