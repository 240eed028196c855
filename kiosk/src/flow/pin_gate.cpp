#include "pin_gate.hpp"

#include <sodium.h>

#include <algorithm>
#include <string>

namespace lc::kiosk {
namespace {

bool sodiumReady() {
    // sodium_init is idempotent and thread-safe; 1 means "already initialised".
    return sodium_init() >= 0;
}

long long toLong(const std::optional<std::string>& s) {
    if (!s || s->empty()) return 0;
    try {
        return std::stoll(*s);
    } catch (...) {
        return 0;
    }
}

}  // namespace

std::string hashPin(std::string_view pin, bool fast) {
    if (!sodiumReady()) return "";
    char out[crypto_pwhash_STRBYTES];
    const auto ops = fast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
    const auto mem = fast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
    if (crypto_pwhash_str_alg(out, pin.data(), pin.size(), ops, mem,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return "";
    }
    return out;
}

bool verifyPin(std::string_view hash, std::string_view pin) {
    if (!sodiumReady() || hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    const std::string h(hash);
    return crypto_pwhash_str_verify(h.c_str(), pin.data(), pin.size()) == 0;
}

PinGate::PinGate(SettingsStore& settings, const Clock& clock, const FlowConfig& config)
    : m_settings(settings), m_clock(clock), m_config(config) {}

std::optional<Instant> PinGate::lockedUntil() const {
    const Instant until{std::chrono::seconds{toLong(m_settings.get(kPinLockedUntilKey))}};
    if (until > m_clock.now()) return until;
    return std::nullopt;
}

int PinGate::failures() const { return static_cast<int>(toLong(m_settings.get(kPinFailuresKey))); }

int PinGate::lockouts() const { return static_cast<int>(toLong(m_settings.get(kPinLockoutsKey))); }

PinResult PinGate::tryPin(std::string_view pin) {
    if (lockedUntil()) return PinResult::Locked;
    const auto hash = m_settings.get(kPinHashKey);
    if (!hash || hash->empty()) return PinResult::NoPin;
    if (verifyPin(*hash, pin)) {
        (void)m_settings.set(kPinFailuresKey, "0");
        (void)m_settings.set(kPinLockoutsKey, "0");
        m_unlocked = true;
        noteActivity();
        return PinResult::Ok;
    }
    const int failed = failures() + 1;
    if (failed >= kMaxFailures) {
        const int n = std::min(lockouts(), 1000) + 1;
        const Instant until = m_clock.now() + pin::lockoutLength(n);
        (void)m_settings.set(kPinLockedUntilKey, std::to_string(until.time_since_epoch().count()));
        (void)m_settings.set(kPinLockoutsKey, std::to_string(n));
        (void)m_settings.set(kPinFailuresKey, "0");
        return PinResult::Locked;
    }
    (void)m_settings.set(kPinFailuresKey, std::to_string(failed));
    return PinResult::Wrong;
}

void PinGate::tick() {
    if (m_unlocked && m_clock.now() - m_lastActivity >= m_config.staffRelock) m_unlocked = false;
}

}  // namespace lc::kiosk
