#include "details_flow.hpp"

#include <lc/core/text.hpp>

#include "browse_flow.hpp"

namespace lc::kiosk {

std::optional<CircleEntry> findCircle(const CircleCatalog& catalog, std::int64_t id) {
    for (auto& e : catalog.circles()) {
        if (e.circle.id == id) return std::move(e);
    }
    return std::nullopt;
}

std::string safeUrl(const std::string& url) {
    if (url.rfind("https://", 0) != 0 || url.size() > 512 || text::hasControlChars(url)) return "";
    if (url.find(' ') != std::string::npos) return "";
    return url;
}

DetailsFlow::DetailsFlow(const CircleCatalog& catalog, const Clock& clock, const Translator& tr,
                         const FlowConfig& config)
    : m_catalog(catalog), m_clock(clock), m_tr(tr), m_config(config) {}

void DetailsFlow::open(std::int64_t circleId) { m_entry = findCircle(m_catalog, circleId); }

DetailsView DetailsFlow::view() const {
    DetailsView v;
    if (!m_entry) return v;
    v.found = true;
    const Instant now = m_clock.now();
    v.card = makeCard(*m_entry, now, m_tr, &m_config);
    v.address = m_entry->circle.venue.address;
    for (const auto& m : m_entry->meetings) {
        if (m.end > now) v.meetingDates.push_back(meetingWhen(m, m_tr));
    }
    // Full, closed and ended circles take no signups on the website either: no invitation.
    if (v.card.state == SignupState::Open) v.qrUrl = safeUrl(m_entry->circle.url);
    v.canSignUp = v.card.state == SignupState::Open;
    if (!v.canSignUp) {
        v.refusal = m_tr.tr(stateReason(v.card.state));
        if (auto alt = nextOfSameCourse(m_catalog, m_entry->circle, m_config, now)) {
            v.alternative = makeCard(*alt, now, m_tr);
        }
    }
    return v;
}

std::optional<Route> DetailsFlow::apply(const DetailsIntent& intent) {
    if (std::holds_alternative<StartSignup>(intent) && m_entry) {
        return Route{Screen::Signup, m_entry->circle.id, SignupPurpose::Patron};
    }
    if (std::holds_alternative<ShowAlternative>(intent) && m_entry) {
        const auto v = view();
        if (v.alternative) return Route{Screen::Details, v.alternative->id};
        return std::nullopt;
    }
    return Route{Screen::Browse};
}

void DetailsFlow::reset() { m_entry.reset(); }

}  // namespace lc::kiosk
