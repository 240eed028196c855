#pragma once
// Home and navigation: which screen is up, the patron's language, the idle reset of everything.
// Each screen's state lives in its own flow; this only routes between them.

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "browse_flow.hpp"
#include "checkin_flow.hpp"
#include "details_flow.hpp"
#include "idle_flow.hpp"
#include "pin_gate.hpp"
#include "rate_limit.hpp"
#include "signup_flow.hpp"
#include "staff_flow.hpp"
#include "view_cache.hpp"

namespace lc::kiosk {

/// What the flows are built over (owned by the app, outliving the flows).
struct FlowDeps {
    const CircleCatalog& catalog;
    SignupSink& signups;
    CheckinStore& checkins;
    SettingsStore& settings;
    StaffBackend& staff;
    const Clock& clock;
    Translator& tr;
    const FlowConfig& config;
    std::vector<std::string> languages{"en", "fr", "es", "sw"};
    std::string defaultLanguage = "en";
    SeatClaims* seats = nullptr;  ///< fleet mode's seat claims; null: none
};

/// A language button.
struct LanguageButton {
    std::string code;   ///< "fr"
    std::string label;  ///< "FR"
    bool selected = false;
};

/// What the Home screen draws.
struct HomeView {
    std::string libraryName;  ///< "" in the demo
    std::vector<LanguageButton> languages;
    bool signupPaused = false;  ///< paused by staff, or cooling down after a burst
    std::string signupNotice;   ///< what the home screen says about it ("" = nothing)
    bool checkinOffered = true;  ///< false while the clock is not plausible
};

struct OpenBrowse {};
struct OpenCheckin {};
struct OpenStaff {};
struct SetLanguage { std::string code; };
/// Home's "Read aloud" toggle (the app owns speech; the flow ignores it).
struct ToggleSpeech {};
/// Home's "Large text" toggle (the app owns the theme; the flow ignores it).
struct ToggleLargeText {};
using HomeIntent = std::variant<OpenBrowse, OpenCheckin, OpenStaff, SetLanguage, ToggleSpeech, ToggleLargeText>;

/// "Still there?", the answer.
struct StillHere {};

/// Zero the personal text a cached view holds (typed values, names, the PIN) before it is
/// freed; CachedView::clear() calls them.
void wipeView(SignupView& v);
void wipeView(CheckinView& v);
void wipeView(StaffView& v);

/// The kiosk's flows and the way between them.
class KioskFlow {
public:
    explicit KioskFlow(FlowDeps deps);
    /// The screen showing.
    Screen screen() const { return m_screen; }
    /// Home's view (built afresh; the screens use the cached views below).
    HomeView homeView() const;
    /// Handles a Home intent.
    void apply(const HomeIntent& intent);
    /// Goes where a flow asked to (nullopt: stay). Call it after every flow's apply(): it also
    /// marks the views changed.
    void follow(const std::optional<Route>& route);
    /// Something a view shows changed (an intent was handled, data arrived): the next *View()
    /// call rebuilds it.
    void changed() { ++m_version; }
    /// The change counter (views are cached per version, minute and language).
    std::uint64_t version() const { return m_version; }
    /// Shows a screen; leaving a screen clears what was typed on it.
    void go(const Route& route);
    /// Any input: restarts the idle timer.
    void noteInput() { m_idle.noteInput(); }
    /// Timers: idle prompt and reset, staff relock, the check-in welcome. Returns the idle event.
    IdleEvent tick();
    /// Whether "Still there?" is up.
    bool idlePrompt() const { return m_idle.prompting(); }
    /// Seconds before the idle reset.
    long idleSecondsLeft() const { return m_idle.secondsLeft(); }
    /// The next instant a timer may fire (the idle prompt or reset, the check-in welcome's end).
    Instant nextDeadline() const;
    /// Back to Home in the default language, every flow cleared.
    void resetAll();
    /// The store changed (a sync, another process): reload what is cached, staff data included.
    void refresh();
    /// A seat claim was answered (SeatClaims, on the main thread).
    void seatAnswered(const std::string& signupId, SeatAnswer answer);

    /// The views of each screen, cached between frames (see view_cache.hpp): no I/O, no
    /// rebuilding while nothing changed.
    const HomeView& homeViewCached();
    const BrowseView& browseView();
    const DetailsView& detailsView();
    const SignupView& signupView();
    const CheckinView& checkinView();
    const StaffView& staffView();
    /// How many views were built so far (tests: a frame with no change builds none).
    std::uint64_t viewBuilds() const;
    /// How many screen views are cached now (tests: an idle reset leaves none).
    int cachedViews() const;

    /// Whether the idle timer runs (anywhere but an untouched Home).
    bool idleActive() const;

    BrowseFlow& browse() { return m_browse; }
    DetailsFlow& details() { return m_details; }
    SignupFlow& signup() { return m_signup; }
    CheckinFlow& checkin() { return m_checkin; }
    StaffFlow& staff() { return m_staff; }
    const BrowseFlow& browse() const { return m_browse; }
    const DetailsFlow& details() const { return m_details; }
    const SignupFlow& signup() const { return m_signup; }
    const CheckinFlow& checkin() const { return m_checkin; }
    const StaffFlow& staff() const { return m_staff; }
    const SignupRateLimit& rateLimit() const { return m_limit; }

private:
    void leave(Screen s);
    ViewKey key() const;
    void clearViews();

    FlowDeps m_deps;
    SignupRateLimit m_limit;
    PinGate m_gate;
    IdleFlow m_idle;
    BrowseFlow m_browse;
    DetailsFlow m_details;
    SignupFlow m_signup;
    CheckinFlow m_checkin;
    StaffFlow m_staff;
    Screen m_screen = Screen::Home;
    std::uint64_t m_version = 0;
    CachedView<HomeView> m_homeView;
    CachedView<BrowseView> m_browseView;
    CachedView<DetailsView> m_detailsView;
    CachedView<SignupView> m_signupView;
    CachedView<CheckinView> m_checkinView;
    CachedView<StaffView> m_staffView;
};

}  // namespace lc::kiosk
