#include "rate_limit.hpp"

#include <sstream>

namespace lc::kiosk {

SignupRateLimit::SignupRateLimit(SettingsStore& settings, const FlowConfig& config)
    : m_settings(settings), m_config(config) {}

bool SignupRateLimit::paused() const { return m_settings.get(kSignupPausedKey).value_or("") == "1"; }

std::vector<Instant> SignupRateLimit::recent(Instant now) const {
    std::vector<Instant> out;
    std::istringstream in(m_settings.get(kSignupTimesKey).value_or(""));
    long long secs = 0;
    while (in >> secs) {
        const Instant t{std::chrono::seconds{secs}};
        if (t <= now && now - t < m_config.signupWindow) out.push_back(t);
    }
    return out;
}

int SignupRateLimit::recentCount(Instant now) const { return static_cast<int>(recent(now).size()); }

bool SignupRateLimit::admit(Instant now) {
    if (paused()) return false;
    if (recentCount(now) < m_config.maxSignupsPerWindow) return true;
    (void)m_settings.set(kSignupPausedKey, "1");
    return false;
}

void SignupRateLimit::record(Instant now) {
    auto times = recent(now);
    times.push_back(now);
    std::string text;
    for (const auto t : times) {
        if (!text.empty()) text += ' ';
        text += std::to_string(t.time_since_epoch().count());
    }
    (void)m_settings.set(kSignupTimesKey, text);
}

void SignupRateLimit::resume() {
    (void)m_settings.set(kSignupPausedKey, "0");
    (void)m_settings.set(kSignupTimesKey, "");
}

}  // namespace lc::kiosk
