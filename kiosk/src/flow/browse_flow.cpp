#include "browse_flow.hpp"

#include <algorithm>
#include <set>

#include "format.hpp"

namespace lc::kiosk {

std::vector<CircleEntry> circlesHere(std::vector<CircleEntry> all, const FlowConfig& config,
                                     Instant now) {
    std::vector<CircleEntry> out;
    for (auto& e : all) {
        if (!servedHere(e.circle, config.venues)) continue;
        if (stateOf(e, now) == SignupState::Ended) continue;
        out.push_back(std::move(e));
    }
    const auto key = [now](const CircleEntry& e) {
        const auto m = upcomingMeeting(e, now);
        return m ? m->start : Instant::max();
    };
    std::stable_sort(out.begin(), out.end(), [&](const CircleEntry& a, const CircleEntry& b) {
        const auto ka = key(a);
        const auto kb = key(b);
        if (ka != kb) return ka < kb;
        return a.circle.id < b.circle.id;
    });
    return out;
}

std::optional<CircleEntry> nextOfSameCourse(const CircleCatalog& catalog, const Circle& me,
                                            const FlowConfig& config, Instant now) {
    for (auto& e : circlesHere(catalog.circles(), config, now)) {
        const bool sameCourse = (me.courseId != 0 && e.circle.courseId == me.courseId) ||
                                (!me.courseTitle.empty() && e.circle.courseTitle == me.courseTitle);
        if (sameCourse && e.circle.id != me.id && stateOf(e, now) == SignupState::Open) return e;
    }
    return std::nullopt;
}

BrowseFlow::BrowseFlow(const CircleCatalog& catalog, const Clock& clock, const Translator& tr,
                       const FlowConfig& config)
    : m_catalog(catalog), m_clock(clock), m_tr(tr), m_config(config) {}

void BrowseFlow::refresh() { m_entries = circlesHere(m_catalog.circles(), m_config, m_clock.now()); }

BrowseView BrowseFlow::view() const {
    BrowseView v;
    const Instant now = m_clock.now();
    std::set<std::string> langs;
    for (const auto& e : m_entries) {
        langs.insert(e.circle.language);
        if (!m_filter.empty() && e.circle.language != m_filter) continue;
        v.cards.push_back(makeCard(e, now, m_tr));
    }
    // Circles a patron can join come first; full, closed and ended ones after, each group in
    // the catalog's order.
    std::stable_partition(v.cards.begin(), v.cards.end(),
                          [](const CircleCard& c) { return c.state == SignupState::Open; });
    if (langs.size() > 1) {
        v.languages.push_back({"", m_tr.tr("All languages"), m_filter.empty()});
        for (const auto& code : langs) {
            v.languages.push_back({code, format::languageName(code), code == m_filter});
        }
    }
    if (v.cards.empty()) v.emptyMessage = m_tr.tr("No circles are open for signup here right now.");
    return v;
}

std::optional<Route> BrowseFlow::apply(const BrowseIntent& intent) {
    if (const auto* f = std::get_if<FilterLanguage>(&intent)) {
        m_filter = f->code;
        return std::nullopt;
    }
    if (const auto* o = std::get_if<OpenCircle>(&intent)) {
        return Route{Screen::Details, o->id, SignupPurpose::Patron};
    }
    return Route{Screen::Home};
}

void BrowseFlow::reset() { m_filter.clear(); }

}  // namespace lc::kiosk
