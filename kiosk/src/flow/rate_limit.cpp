#include "rate_limit.hpp"

#include <algorithm>
#include <sstream>

#include <lc/core/text.hpp>

#include "format.hpp"

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

std::optional<Instant> SignupRateLimit::coolingDownUntil(Instant now) const {
    const auto times = recent(now);
    const auto limit = static_cast<std::size_t>(std::max(1, m_config.maxSignupsPerWindow));
    if (times.size() < limit) return std::nullopt;
    // It lifts when enough of the burst has left the window for one more signup to fit.
    auto sorted = times;
    std::sort(sorted.begin(), sorted.end());
    return sorted[sorted.size() - limit] + m_config.signupWindow;
}

bool SignupRateLimit::admit(Instant now) { return !paused() && !coolingDownUntil(now); }

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

std::string signupHeldNotice(const SignupRateLimit& limit, Instant now, const Translator& tr) {
    if (limit.paused()) return tr.tr("Signup is paused. Please ask a member of staff.");
    const auto until = limit.coolingDownUntil(now);
    if (!until) return {};
    const auto mins = std::chrono::ceil<std::chrono::minutes>(*until - now).count();
    const std::string msg = tr.tr("Many signups just now: signing up opens again in {n} min.");
    return format::subst(text::keepWithPlaceholder(msg, "n"),
                         {{"n", std::to_string(std::max<long long>(1, mins))}});
}

}  // namespace lc::kiosk
