#pragma once
// The staff PIN: an argon2id hash (libsodium) in the store's settings, 5 wrong PINs lock for
// 5 minutes, the next lockout 10, then 20 ... up to 24 h (lc/core/pin_policy.hpp; persisted, so a
// restart does not reset it; a right PIN does), and staff mode relocks when idle.

#include <optional>
#include <string>
#include <string_view>

#include <lc/core/clock.hpp>
#include <lc/core/pin_policy.hpp>

#include "flow_config.hpp"
#include "ports.hpp"

namespace lc::kiosk {

/// Settings keys (the hash key is lc_store's kSettingPinHash, written by `lcctl set-pin`).
inline constexpr const char* kPinHashKey = "staff_pin_hash";
inline constexpr const char* kPinFailuresKey = "staff_pin_failures";
inline constexpr const char* kPinLockedUntilKey = "staff_pin_locked_until";
inline constexpr const char* kPinLockoutsKey = "staff_pin_lockouts";  ///< lockouts in a row

/// What a PIN attempt gave.
enum class PinResult { Ok, Wrong, Locked, NoPin };

/// Guards staff mode.
class PinGate {
public:
    /// Wrong attempts before a lockout.
    static constexpr int kMaxFailures = pin::kMaxFailures;

    PinGate(SettingsStore& settings, const Clock& clock, const FlowConfig& config);
    /// Checks a PIN against the stored hash; unlocks on success.
    PinResult tryPin(std::string_view pin);
    /// Whether staff mode is open.
    bool unlocked() const { return m_unlocked; }
    /// Closes staff mode.
    void lock() { m_unlocked = false; }
    /// Staff touched something: postpones the idle relock.
    void noteActivity() { m_lastActivity = m_clock.now(); }
    /// Relocks when idle for the configured time.
    void tick();
    /// When the lockout ends, if one is running now.
    std::optional<Instant> lockedUntil() const;
    /// Wrong attempts since the last success or lockout.
    int failures() const;
    /// Lockouts since the last right PIN (the next one lasts pin::lockoutLength(lockouts() + 1)).
    int lockouts() const;

private:
    SettingsStore& m_settings;
    const Clock& m_clock;
    const FlowConfig& m_config;
    bool m_unlocked = false;
    Instant m_lastActivity{};
};

/// An argon2id hash of `pin` (libsodium's interactive limits), as `lcctl set-pin` stores it.
/// `fast` uses the minimum limits (tests only).
std::string hashPin(std::string_view pin, bool fast = false);

/// Whether `pin` matches `hash` (crypto_pwhash_str_verify).
bool verifyPin(std::string_view hash, std::string_view pin);

}  // namespace lc::kiosk
