#include "kiosk_flow.hpp"

#include <algorithm>
#include <chrono>

#include "format.hpp"

namespace lc::kiosk {
namespace {

std::string upper(const std::string& code) {
    std::string out = code;
    for (auto& ch : out) {
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    }
    return out;
}

}  // namespace

KioskFlow::KioskFlow(FlowDeps deps)
    : m_deps(std::move(deps)),
      m_limit(m_deps.settings, m_deps.config),
      m_gate(m_deps.settings, m_deps.clock, m_deps.config),
      m_idle(m_deps.clock, m_deps.config),
      m_browse(m_deps.catalog, m_deps.clock, m_deps.tr, m_deps.config),
      m_details(m_deps.catalog, m_deps.clock, m_deps.tr, m_deps.config),
      m_signup(m_deps.catalog, m_deps.signups, m_deps.checkins, m_limit, m_deps.clock, m_deps.tr,
               m_deps.config, m_deps.seats),
      m_checkin(m_deps.catalog, m_deps.checkins, m_deps.clock, m_deps.tr, m_deps.config),
      m_staff(m_deps.catalog, m_deps.checkins, m_deps.staff, m_gate, m_limit, m_deps.clock,
              m_deps.tr, m_deps.config) {}

HomeView KioskFlow::homeView() const {
    HomeView v;
    v.libraryName = m_deps.config.libraryName;
    const std::string current = m_deps.tr.language();
    for (const auto& code : m_deps.languages) v.languages.push_back({code, upper(code), code == current});
    v.signupNotice = signupHeldNotice(m_limit, m_deps.clock.now(), m_deps.tr);
    v.signupPaused = !v.signupNotice.empty();
    v.checkinOffered = clockPlausible(m_deps.clock.now());
    return v;
}

void KioskFlow::apply(const HomeIntent& intent) {
    changed();
    if (std::holds_alternative<OpenBrowse>(intent)) {
        go(Route{Screen::Browse});
    } else if (std::holds_alternative<OpenCheckin>(intent)) {
        if (clockPlausible(m_deps.clock.now())) go(Route{Screen::Checkin});
    } else if (std::holds_alternative<OpenStaff>(intent)) {
        go(Route{Screen::Staff});
    } else if (const auto* l = std::get_if<SetLanguage>(&intent)) {
        for (const auto& code : m_deps.languages) {
            if (code == l->code) m_deps.tr.setLanguage(code);
        }
    }
}

void KioskFlow::follow(const std::optional<Route>& route) {
    changed();
    if (route) go(*route);
}

void KioskFlow::leave(Screen s) {
    switch (s) {
        case Screen::Home: break;
        case Screen::Browse: break;  // the filter is not personal; kept while browsing
        case Screen::Details: break;
        case Screen::Signup:
            m_signup.reset();
            m_signupView.clear();
            break;
        case Screen::Checkin:
            m_checkin.reset();
            m_checkinView.clear();
            break;
        case Screen::Staff:
            m_staff.reset();
            m_staffView.clear();
            break;
    }
}

void KioskFlow::go(const Route& route) {
    changed();
    const Screen from = m_screen;
    // Staff leaving for a walk-in stays unlocked: the walk-in form returns to the dashboard.
    const bool walkIn = route.screen == Screen::Signup && route.purpose == SignupPurpose::WalkIn;
    const bool backToStaff = from == Screen::Signup && route.screen == Screen::Staff;
    if (from != route.screen || route.screen == Screen::Signup) {
        if (!(from == Screen::Staff && walkIn)) leave(from);
    }
    m_screen = route.screen;
    switch (route.screen) {
        case Screen::Home: m_browse.reset(); break;
        case Screen::Browse: m_browse.refresh(); break;
        case Screen::Details: m_details.open(route.circleId); break;
        case Screen::Signup: m_signup.start(route.circleId, route.purpose, route.name); break;
        case Screen::Checkin: m_checkin.start(); break;
        case Screen::Staff:
            if (!backToStaff) m_staff.reset();
            m_staff.start();
            break;
    }
}

IdleEvent KioskFlow::tick() {
    if (m_checkin.tick()) changed();
    if (m_screen == Screen::Staff || m_screen == Screen::Signup) {
        if (const auto r = m_staff.tick()) follow(r);
    }
    const IdleEvent e = m_idle.tick(idleActive());
    if (e == IdleEvent::Reset) resetAll();
    return e;
}

Instant KioskFlow::nextDeadline() const {
    Instant t = m_idle.nextDeadline();
    if (const auto w = m_checkin.deadline(); w && m_screen == Screen::Checkin) t = std::min(t, *w);
    return t;
}

bool KioskFlow::idleActive() const {
    return m_screen != Screen::Home || m_deps.tr.language() != m_deps.defaultLanguage;
}

void KioskFlow::resetAll() {
    m_signup.reset();
    m_checkin.reset();
    m_staff.reset();
    m_browse.reset();
    m_details.reset();
    m_screen = Screen::Home;
    m_deps.tr.setLanguage(m_deps.defaultLanguage);
    m_idle.noteInput();
    clearViews();
    changed();
}

void KioskFlow::refresh() {
    if (m_screen == Screen::Browse) m_browse.refresh();
    if (m_screen == Screen::Staff) m_staff.reload();
    changed();
}

void KioskFlow::seatAnswered(const std::string& signupId, SeatAnswer answer) {
    m_signup.seatAnswered(signupId, answer);
    changed();
}

ViewKey KioskFlow::key() const {
    return ViewKey{m_version, std::chrono::floor<std::chrono::minutes>(m_deps.clock.now()),
                   m_deps.tr.language()};
}

int KioskFlow::cachedViews() const {
    return m_homeView.held() + m_browseView.held() + m_detailsView.held() + m_signupView.held() +
           m_checkinView.held() + m_staffView.held();
}

void wipeView(SignupView& v) {
    for (auto& f : v.fields) wipe(f.value);
    for (auto& [label, value] : v.review) wipe(value);
    wipe(v.welcome);
}

void wipeView(CheckinView& v) {
    wipe(v.query);
    for (auto& m : v.matches) wipe(m.masked);
    wipe(v.welcome);
}

void wipeView(StaffView& v) {
    wipe(v.pin);
    for (auto& a : v.attendees) wipe(a.name);
    for (auto& s : v.signupRows) wipe(s.name);
    for (auto& i : v.sync.issues) wipe(i.who);
}

void KioskFlow::clearViews() {
    m_homeView.clear();
    m_browseView.clear();
    m_detailsView.clear();
    m_signupView.clear();
    m_checkinView.clear();
    m_staffView.clear();
}

const HomeView& KioskFlow::homeViewCached() {
    return m_homeView.get(key(), [this] { return homeView(); });
}
const BrowseView& KioskFlow::browseView() {
    return m_browseView.get(key(), [this] { return m_browse.view(); });
}
const DetailsView& KioskFlow::detailsView() {
    return m_detailsView.get(key(), [this] { return m_details.view(); });
}
const SignupView& KioskFlow::signupView() {
    return m_signupView.get(key(), [this] { return m_signup.view(); });
}
const CheckinView& KioskFlow::checkinView() {
    return m_checkinView.get(key(), [this] { return m_checkin.view(); });
}
const StaffView& KioskFlow::staffView() {
    return m_staffView.get(key(), [this] { return m_staff.view(); });
}

std::uint64_t KioskFlow::viewBuilds() const {
    return m_homeView.builds() + m_browseView.builds() + m_detailsView.builds() +
           m_signupView.builds() + m_checkinView.builds() + m_staffView.builds();
}

}  // namespace lc::kiosk
