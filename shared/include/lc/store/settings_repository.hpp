#pragma once
// Small key/value settings other modules need (staff PIN hash, "signup paused", ...).

#include <optional>
#include <string>

#include <lc/core/result.hpp>
#include <lc/store/database.hpp>
#include <lc/store/statement_cache.hpp>

namespace lc::store {

/// Well-known keys.
inline constexpr const char* kSettingPinHash = "staff_pin_hash";
inline constexpr const char* kSettingSignupPaused = "signup_paused";
/// The kiosk's PIN lockout: until when (Unix seconds) and how many in a row.
inline constexpr const char* kSettingPinLockedUntil = "staff_pin_locked_until";
inline constexpr const char* kSettingPinLockouts = "staff_pin_lockouts";

/// Settings. Thread-safety: as its Database.
class SettingsRepository {
  public:
    /// Borrows `db`, which must outlive the repository.
    explicit SettingsRepository(Database& db);

    /// The value, or nullopt when unset.
    Result<std::optional<std::string>> getSetting(const std::string& key);
    /// Sets (inserts or replaces) a value.
    Result<void> setSetting(const std::string& key, const std::string& value);
    /// Removes a key (no error when absent).
    Result<void> removeSetting(const std::string& key);

  private:
    StatementCache m_stmts;
};

}  // namespace lc::store
