#include "checkin_flow.hpp"

#include <algorithm>

#include <lc/core/names.hpp>
#include <lc/core/text.hpp>
#include <lc/core/uuid.hpp>

#include "format.hpp"

namespace lc::kiosk {
namespace {

constexpr std::size_t kMinLetters = 3;
constexpr std::size_t kMaxRows = 8;
constexpr std::chrono::seconds kWelcomeFor{8};

}  // namespace

std::size_t letterCount(std::string_view query) {
    std::size_t n = 0;
    std::size_t pos = 0;
    const std::string q(query);
    while (pos < q.size()) {
        const char32_t cp = text::nextCodepoint(q, pos);
        const bool asciiAlnum = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
                                (cp >= '0' && cp <= '9');
        if (asciiAlnum || (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7)) ++n;
    }
    return n;
}

CheckinFlow::CheckinFlow(const CircleCatalog& catalog, CheckinStore& store, const Clock& clock,
                         const Translator& tr, const FlowConfig& config)
    : m_catalog(catalog), m_store(store), m_clock(clock), m_tr(tr), m_config(config) {}

void CheckinFlow::reset() {
    wipe(m_query);
    wipe(m_welcomeName);
    m_error.clear();
    m_candidates.clear();
    m_now.clear();
    m_next.reset();
    m_chosen.reset();
    m_keyboard = KeyboardState{};
    m_step = CheckinStep::Search;
}

void CheckinFlow::start() {
    reset();
    const Instant now = m_clock.now();
    if (!clockPlausible(now)) {
        m_step = CheckinStep::Unavailable;
        return;
    }
    const auto all = m_catalog.circles();
    m_now = meetingsNow(all, now, m_config);
    if (m_now.empty()) {
        m_next = nextMeetingHere(all, now, m_config);
        m_step = CheckinStep::NoCircle;
    } else if (m_now.size() == 1) {
        choose(m_now.front());
    } else {
        m_step = CheckinStep::ChooseCircle;
    }
}

void CheckinFlow::choose(const MeetingNow& m) {
    m_chosen = m;
    m_candidates.clear();
    auto people = m_store.people(m.entry.circle.id);
    if (!people) m_error = "Sorry, that did not work. Please ask a member of staff.";
    std::vector<std::string> seen;
    std::vector<std::string> fullNames;
    for (auto& p : people ? *people : std::vector<Person>{}) {
        std::string folded = names::fold(p.name);
        if (folded.empty() || std::find(seen.begin(), seen.end(), folded) != seen.end()) continue;
        seen.push_back(folded);
        fullNames.push_back(p.name);
        m_candidates.push_back({std::move(p), std::move(folded), ""});
    }
    // Masks are computed over everyone expected, so look-alikes stay apart while typing.
    const auto masked = names::maskAll(fullNames);
    for (std::size_t i = 0; i < m_candidates.size() && i < masked.size(); ++i) {
        m_candidates[i].masked = masked[i];
    }
    wipe(m_query);
    m_step = CheckinStep::Search;
    m_keyboard = KeyboardState{KeyboardLayout::Letters, true, true};
}

std::vector<std::size_t> CheckinFlow::matchIndexes() const {
    std::vector<std::size_t> out;
    if (letterCount(m_query) < kMinLetters) return out;
    const std::string q = names::fold(m_query);
    for (std::size_t i = 0; i < m_candidates.size() && out.size() < kMaxRows; ++i) {
        if (names::matches(m_candidates[i].folded, q)) out.push_back(i);
    }
    return out;
}

void CheckinFlow::pick(std::size_t index) {
    const auto idx = matchIndexes();
    if (!m_chosen || std::find(idx.begin(), idx.end(), index) == idx.end()) return;
    const Candidate& c = m_candidates[index];
    const Instant now = m_clock.now();
    CheckIn ci{newUuid(), m_chosen->entry.circle.id, m_chosen->meeting.localDate,
               c.person.name, c.person.signupId, c.person.rosterId, now};
    if (!m_store.checkIn(ci)) {
        m_error = "Sorry, that did not work. Please ask a member of staff.";
        return;
    }
    m_welcomeName = names::firstName(c.person.name);
    m_welcomeUntil = now + kWelcomeFor;
    wipe(m_query);
    m_error.clear();
    m_step = CheckinStep::Welcome;
    m_keyboard.visible = false;
}

std::optional<Route> CheckinFlow::apply(const CheckinIntent& intent) {
    if (const auto* c = std::get_if<ChooseCircle>(&intent)) {
        for (const auto& m : m_now) {
            if (m.entry.circle.id == c->circleId) choose(m);
        }
    } else if (const auto* q = std::get_if<SetQuery>(&intent)) {
        if (m_step == CheckinStep::Welcome) choose(*m_chosen);
        wipe(m_query);
        typeInto(m_query, q->value, 64);
        m_error.clear();
    } else if (const auto* t = std::get_if<TypeText>(&intent)) {
        if (m_step == CheckinStep::Welcome) choose(*m_chosen);
        if (t->text != "\n") typeInto(m_query, t->text, 64);
        m_keyboard.shift = false;
        m_error.clear();
    } else if (std::holds_alternative<Backspace>(intent)) {
        backspace(m_query);
    } else if (std::holds_alternative<ToggleShift>(intent)) {
        m_keyboard.shift = !m_keyboard.shift;
    } else if (const auto* l = std::get_if<SetLayout>(&intent)) {
        m_keyboard.layout = l->layout;
    } else if (const auto* p = std::get_if<PickName>(&intent)) {
        pick(p->index);
    } else if (std::holds_alternative<NotOnList>(intent)) {
        if (m_chosen && stateOf(m_chosen->entry, m_clock.now()) == SignupState::Open) {
            // The letters already typed start the form's name: nobody types them twice.
            return Route{Screen::Signup, m_chosen->entry.circle.id, SignupPurpose::CheckinAfter,
                         text::trim(m_query)};
        }
        m_error = m_tr.tr("This circle is full. Please ask a member of staff.");
    } else if (std::holds_alternative<GoBack>(intent)) {
        if (m_step != CheckinStep::ChooseCircle && m_now.size() > 1) {
            const auto circles = m_now;
            reset();
            m_now = circles;
            m_step = CheckinStep::ChooseCircle;
            return std::nullopt;
        }
        return Route{Screen::Home};
    }
    return std::nullopt;
}

bool CheckinFlow::tick() {
    if (m_step == CheckinStep::Welcome && m_clock.now() >= m_welcomeUntil && m_chosen) {
        wipe(m_welcomeName);
        choose(*m_chosen);
        return true;
    }
    return false;
}

std::optional<Instant> CheckinFlow::deadline() const {
    if (m_step == CheckinStep::Welcome && m_chosen) return m_welcomeUntil;
    return std::nullopt;
}

MeetingRow CheckinFlow::rowFor(const MeetingNow& m) const {
    return {m.entry.circle.id, m.entry.circle.name, meetingWhen(m.meeting, m_tr),
            m.entry.circle.venue.name};
}

CheckinView CheckinFlow::view() const {
    CheckinView v;
    v.step = m_step;
    v.keyboard = m_keyboard;
    v.error = m_error.empty() ? "" : m_tr.tr(m_error);
    if (m_step == CheckinStep::Unavailable) {
        v.message = m_tr.tr("Check-in is not available right now. Please ask a member of staff.");
    } else if (m_step == CheckinStep::NoCircle) {
        v.message = m_tr.tr("No circle is meeting right now.");
        if (m_next) {
            v.message = format::subst(m_tr.tr("No circle is meeting right now — next: {circle}, {when}"),
                                      {{"circle", m_next->entry.circle.name},
                                       {"when", meetingWhen(m_next->meeting, m_tr)}});
        }
    }
    for (const auto& m : m_now) v.circles.push_back(rowFor(m));
    if (m_chosen) {
        v.circle = rowFor(*m_chosen);
        v.canSignUp = stateOf(m_chosen->entry, m_clock.now()) == SignupState::Open;
    }
    v.query = m_query;
    v.hint = m_tr.tr("Type at least 3 letters of your name");
    for (const auto i : matchIndexes()) v.matches.push_back({i, m_candidates[i].masked});
    v.noMatch = v.matches.empty() && letterCount(m_query) >= kMinLetters;
    if (v.noMatch) {
        v.hint = format::subst(m_tr.tr("Nobody on the list matches \u201c{name}\u201d. Check the spelling, "
                                       "or tap \u201cNot on the list?\u201d to sign up."),
                               {{"name", text::trim(m_query)}});
    }
    if (m_step == CheckinStep::Welcome) {
        v.welcome = format::subst(m_tr.tr("Welcome, {name}!"), {{"name", m_welcomeName}});
    }
    return v;
}

}  // namespace lc::kiosk
