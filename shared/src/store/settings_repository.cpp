#include <lc/store/settings_repository.hpp>

#include "sql.hpp"

namespace lc::store {

using detail::Query;

SettingsRepository::SettingsRepository(Database& db) : m_stmts(db.handle()) {}

Result<std::optional<std::string>> SettingsRepository::getSetting(const std::string& key) {
    return detail::guarded([&] {
        Query q(m_stmts, "SELECT value FROM settings WHERE key = ?1");
        std::optional<std::string> out;
        if (q.bind(key).step()) out = q.text(0);
        return out;
    });
}

Result<void> SettingsRepository::setSetting(const std::string& key, const std::string& value) {
    return detail::guarded([&] {
        Query(m_stmts,
              "INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET "
              "value = excluded.value")
            .bind(key, value)
            .run();
    });
}

Result<void> SettingsRepository::removeSetting(const std::string& key) {
    return detail::guarded(
        [&] { Query(m_stmts, "DELETE FROM settings WHERE key = ?1").bind(key).run(); });
}

}  // namespace lc::store
