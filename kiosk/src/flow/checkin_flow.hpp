#pragma once
// Check-in: circles meeting now → at least 3 letters → masked matches → tap → "Welcome, María!".

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <lc/core/clock.hpp>

#include "flow_config.hpp"
#include "meeting_window.hpp"
#include "nav.hpp"
#include "ports.hpp"
#include "text_entry.hpp"

namespace lc::kiosk {

/// Where check-in is.
enum class CheckinStep { Unavailable, NoCircle, ChooseCircle, Search, Welcome };

/// A circle meeting now, as a button.
struct MeetingRow {
    std::int64_t circleId = 0;
    std::string name;
    std::string when;  ///< "Tuesday, December 1, 6:00 PM"
    std::string place;
};

/// A masked match ("María G."), never the full name.
struct NameRow {
    std::size_t index = 0;  ///< handle for PickName
    std::string masked;
};

/// What the Check-in screen draws.
struct CheckinView {
    CheckinStep step = CheckinStep::Search;
    std::string message;  ///< "No circle is meeting right now — next: …", or why unavailable
    std::vector<MeetingRow> circles;
    MeetingRow circle;   ///< the chosen one (Search, Welcome)
    std::string query;   ///< what was typed
    std::string hint;    ///< "Type at least 3 letters of your name", or that nobody matched
    bool noMatch = false;  ///< 3 or more letters typed and nobody on the list matches
    std::vector<NameRow> matches;
    std::string welcome;  ///< "Welcome, María!"
    std::string error;
    bool canSignUp = false;  ///< "Not on the list?" leads to the form only when seats allow
    KeyboardState keyboard;
};

struct ChooseCircle { std::int64_t circleId = 0; };
struct PickName { std::size_t index = 0; };
struct NotOnList {};
/// The query's new value, from lc_ui's text field.
struct SetQuery { std::string value; };
using CheckinIntent = std::variant<ChooseCircle, SetQuery, TypeText, Backspace, ToggleShift, SetLayout,
                                   PickName, NotOnList, GoBack>;

/// The check-in flow.
class CheckinFlow {
public:
    CheckinFlow(const CircleCatalog& catalog, CheckinStore& store, const Clock& clock,
                const Translator& tr, const FlowConfig& config);
    /// Looks up the circles meeting now (clearing the query).
    void start();
    /// What to draw.
    CheckinView view() const;
    /// Handles an intent; returns where to go next, if anywhere.
    std::optional<Route> apply(const CheckinIntent& intent);
    /// Time passes: the welcome goes back to an empty search after a few seconds. True when
    /// that happened (the view changed).
    bool tick();
    /// When tick() will next change something (the welcome's end), if ever.
    std::optional<Instant> deadline() const;
    /// Clears the query, the matches, the welcome and the keyboard.
    void reset();

private:
    struct Candidate {
        Person person;
        std::string folded;
        std::string masked;
    };
    void choose(const MeetingNow& m);
    std::vector<std::size_t> matchIndexes() const;
    void pick(std::size_t index);
    MeetingRow rowFor(const MeetingNow& m) const;

    const CircleCatalog& m_catalog;
    CheckinStore& m_store;
    const Clock& m_clock;
    const Translator& m_tr;
    const FlowConfig& m_config;

    CheckinStep m_step = CheckinStep::Search;
    std::vector<MeetingNow> m_now;
    std::optional<MeetingNow> m_next;
    std::optional<MeetingNow> m_chosen;
    std::vector<Candidate> m_candidates;
    std::string m_query, m_welcomeName, m_error;
    Instant m_welcomeUntil{};
    KeyboardState m_keyboard;
};

/// Letters (not spaces or punctuation) in a query: names appear from 3 on.
std::size_t letterCount(std::string_view query);

}  // namespace lc::kiosk
