#include "signup_flow.hpp"

#include <utility>

#include <lc/core/names.hpp>
#include <lc/core/uuid.hpp>
#include <lc/core/validation.hpp>

#include "browse_flow.hpp"
#include "details_flow.hpp"
#include "format.hpp"
#include "meeting_window.hpp"

namespace lc::kiosk {
namespace {

constexpr std::array<const char*, kFieldCount> kFieldIds{"name",  "email",   "mobile",
                                                         "goals", "support", "answer"};

std::size_t maxChars(Field f) {
    switch (f) {
        case Field::Name: return 128;
        case Field::Email: return 254;
        case Field::Mobile: return 32;
        default: return 500;
    }
}

KeyboardLayout layoutFor(Field f) {
    if (f == Field::Email) return KeyboardLayout::Email;
    if (f == Field::Mobile) return KeyboardLayout::Phone;
    return KeyboardLayout::Letters;
}

std::optional<Field> fieldNamed(const std::string& id) {
    for (std::size_t i = 0; i < kFieldCount; ++i) {
        if (id == kFieldIds[i]) return static_cast<Field>(i);
    }
    return std::nullopt;
}

}  // namespace

const char* fieldId(Field f) { return kFieldIds[static_cast<std::size_t>(f)]; }

SignupFlow::SignupFlow(const CircleCatalog& catalog, SignupSink& sink, CheckinStore& checkins,
                       SignupRateLimit& limit, const Clock& clock, const Translator& tr,
                       const FlowConfig& config, SeatClaims* seats)
    : m_catalog(catalog), m_sink(sink), m_checkins(checkins), m_limit(limit), m_clock(clock),
      m_tr(tr), m_config(config), m_seats(seats) {}

void wipeSignup(Signup& s) {
    for (std::string* t : {&s.name, &s.email, &s.mobile, &s.goals, &s.support, &s.customAnswer})
        wipe(*t);
}

void SignupFlow::reset() {
    for (auto& v : m_values) wipe(v);
    for (auto& e : m_errors) e.clear();
    m_consentError.clear();
    m_circleError.clear();
    m_saveError.clear();
    m_consent = m_optIn = m_mobileOnly = false;
    m_focus = Field::Name;
    m_keyboard = KeyboardState{};
    wipe(m_committedId);
    wipe(m_welcomeName);
    m_entry.reset();
    if (m_pending) wipeSignup(*m_pending);
    m_pending.reset();  // an answer still to come gives its seat back (seatAnswered)
    m_fleetFull = m_claimedOffline = false;
    m_step = SignupStep::Form;
    m_purpose = SignupPurpose::Patron;
}

void SignupFlow::start(std::int64_t circleId, SignupPurpose purpose, const std::string& name) {
    reset();
    m_purpose = purpose;
    text(Field::Name) = name;
    m_entry = findCircle(m_catalog, circleId);
    if (!m_entry) {
        m_step = SignupStep::Missing;
        return;
    }
    if (purpose != SignupPurpose::WalkIn && !m_limit.admit(m_clock.now())) {
        m_step = SignupStep::Paused;
        return;
    }
    const SignupState st = context().state;
    m_step = st == SignupState::Open ? SignupStep::Form : SignupStep::Refused;
    m_keyboard = KeyboardState{KeyboardLayout::Letters, true, m_step == SignupStep::Form};
}

SignupForm SignupFlow::form() const {
    SignupForm f;
    f.circleId = m_entry ? m_entry->circle.id : 0;
    f.name = text(Field::Name);
    f.email = m_mobileOnly ? "" : text(Field::Email);
    f.mobile = text(Field::Mobile);
    f.goals = text(Field::Goals);
    f.support = text(Field::Support);
    f.customAnswer = text(Field::Answer);
    f.consent = m_consent;
    f.communicationsOptIn = m_optIn;
    return f;
}

SignupContext SignupFlow::context() const {
    SignupContext c;
    if (!m_entry) return c;
    c.circle = &m_entry->circle;
    c.state = stateOf(*m_entry, m_clock.now());
    // Staff may seat a walk-in in a full circle; ended and closed stay refused.
    if (m_purpose == SignupPurpose::WalkIn && c.state == SignupState::Full) c.state = SignupState::Open;
    c.regionCode = m_config.regionCode.empty()
                       ? validation::regionForCountry(m_entry->circle.venue.country)
                       : m_config.regionCode;
    c.allowMobileOnly = m_config.allowMobileOnly && m_mobileOnly;
    return c;
}

std::optional<ValidSignup> SignupFlow::validate() {
    for (auto& e : m_errors) e.clear();
    m_consentError.clear();
    m_circleError.clear();
    auto result = validateSignup(form(), context());
    for (const auto& e : result.errors) {
        if (e.field == "consent") {
            m_consentError = e.message;
        } else if (e.field == "circle") {
            m_circleError = e.message;
        } else if (auto f = fieldNamed(e.field)) {
            // The email field is hidden in mobile-only mode: its "give a contact" error goes
            // beside the mobile field.
            if (*f == Field::Email && m_mobileOnly) f = Field::Mobile;
            auto& slot = m_errors[static_cast<std::size_t>(*f)];
            if (slot.empty()) slot = e.message;
        } else {
            m_circleError = e.message;
        }
    }
    if (!result.errors.empty()) return std::nullopt;
    return result.valid;
}

void SignupFlow::focusNext() {
    const auto views = fieldViews();
    for (std::size_t i = 0; i + 1 < views.size(); ++i) {
        if (views[i].field == m_focus) {
            m_focus = views[i + 1].field;
            m_keyboard.layout = layoutFor(m_focus);
            m_keyboard.shift = false;
            return;
        }
    }
}

bool SignupFlow::hasInput() const {
    if (m_consent || m_optIn) return true;
    for (const auto& v : m_values)
        if (!v.empty()) return true;
    return false;
}

std::optional<Route> SignupFlow::back() {
    if (m_step == SignupStep::Done) return Route{Screen::Home};
    if (m_purpose == SignupPurpose::CheckinAfter) return Route{Screen::Checkin};
    if (m_purpose == SignupPurpose::WalkIn) return Route{Screen::Staff};
    if (!m_entry) return Route{Screen::Browse};
    return Route{Screen::Details, m_entry->circle.id};
}

std::optional<Route> SignupFlow::apply(const SignupIntent& intent) {
    if (m_step == SignupStep::Saving) return std::nullopt;  // the answer comes within the timeout
    // Back from a form with input asks first; the answer (or anything else) ends the question.
    if (std::exchange(m_askDiscard, false)) {
        if (std::holds_alternative<Discard>(intent) || std::holds_alternative<GoBack>(intent)) return back();
        if (std::holds_alternative<KeepEditing>(intent)) return std::nullopt;
    }
    if (const auto* f = std::get_if<Focus>(&intent)) {
        m_focus = f->field;
        m_keyboard.layout = layoutFor(f->field);
        m_keyboard.shift = f->field == Field::Name && text(Field::Name).empty();
        m_keyboard.visible = true;
    } else if (const auto* e = std::get_if<EditText>(&intent)) {
        std::string& value = text(e->field);
        wipe(value);
        typeInto(value, e->value, maxChars(e->field));
        m_errors[static_cast<std::size_t>(e->field)].clear();
        m_focus = e->field;
    } else if (const auto* t = std::get_if<TypeText>(&intent)) {
        if (t->text == "\n") {
            focusNext();
            return std::nullopt;
        }
        typeInto(text(m_focus), t->text, maxChars(m_focus));
        m_errors[static_cast<std::size_t>(m_focus)].clear();
        m_keyboard.shift = false;
    } else if (std::holds_alternative<Backspace>(intent)) {
        backspace(text(m_focus));
    } else if (const auto* l = std::get_if<SetLayout>(&intent)) {
        m_keyboard.layout = l->layout;
    } else if (std::holds_alternative<ToggleShift>(intent)) {
        m_keyboard.shift = !m_keyboard.shift;
    } else if (std::holds_alternative<ToggleConsent>(intent)) {
        m_consent = !m_consent;
        m_consentError.clear();
    } else if (std::holds_alternative<ToggleOptIn>(intent)) {
        m_optIn = !m_optIn;
    } else if (const auto* m = std::get_if<UseMobileOnly>(&intent)) {
        m_mobileOnly = m->on && m_config.allowMobileOnly;
        if (m_mobileOnly) wipe(text(Field::Email));
        m_focus = m_mobileOnly ? Field::Mobile : Field::Email;
        m_keyboard.layout = layoutFor(m_focus);
    } else {
        return applyStep(intent);
    }
    return std::nullopt;
}

std::optional<Route> SignupFlow::applyStep(const SignupIntent& intent) {
    if (std::holds_alternative<Submit>(intent) && m_step == SignupStep::Form) {
        if (validate()) {
            m_step = SignupStep::Review;
            m_keyboard.visible = false;
        }
    } else if (std::holds_alternative<Edit>(intent) && m_step == SignupStep::Review) {
        m_step = SignupStep::Form;
        m_saveError.clear();
        m_keyboard.visible = true;
    } else if (std::holds_alternative<Confirm>(intent) && m_step == SignupStep::Review) {
        confirm();
    } else if (std::holds_alternative<OpenAlternative>(intent)) {
        if (const auto alt = alternativeCircle()) {
            return Route{Screen::Signup, alt->circle.id, m_purpose};
        }
    } else if (std::holds_alternative<Finish>(intent)) {
        return Route{m_purpose == SignupPurpose::WalkIn ? Screen::Staff : Screen::Home};
    } else if (std::holds_alternative<GoBack>(intent)) {
        if (m_step == SignupStep::Review) {
            m_step = SignupStep::Form;
            m_keyboard.visible = true;
            return std::nullopt;
        }
        if (m_step == SignupStep::Form && hasInput()) {
            m_askDiscard = true;
            return std::nullopt;
        }
        return back();
    }
    return std::nullopt;
}

void SignupFlow::confirm() {
    const auto valid = validate();
    if (!valid) {
        m_step = SignupStep::Form;
        m_keyboard.visible = true;
        return;
    }
    const Instant now = m_clock.now();
    if (m_purpose != SignupPurpose::WalkIn && !m_limit.admit(now)) {
        m_step = SignupStep::Paused;
        return;
    }
    Signup s;
    s.id = newUuid();
    s.circleId = valid->form.circleId;
    s.name = valid->form.name;
    s.email = valid->form.email;
    s.mobile = valid->form.mobile;
    s.goals = valid->form.goals;
    s.support = valid->form.support;
    s.customAnswer = valid->form.customAnswer;
    s.consent = valid->form.consent;
    s.consentVersion = m_config.consentVersion + "-" + m_tr.language();
    s.communicationsOptIn = valid->form.communicationsOptIn;
    s.createdAt = s.updatedAt = now;
    s.sendUpstream = valid->sendUpstream;
    s.localOnlyReason = valid->localOnlyReason;
    s.source = m_purpose == SignupPurpose::WalkIn ? "walk-in" : "kiosk";
    // Staff seat walk-ins even in a full circle: only patrons' signups ask the library first.
    if (m_seats && m_seats->enabled() && m_purpose != SignupPurpose::WalkIn) {
        m_pending = std::move(s);
        m_step = SignupStep::Saving;
        m_seats->claim(*m_pending);
        return;
    }
    commit(s);
}

void SignupFlow::seatAnswered(const std::string& signupId, SeatAnswer answer) {
    if (!m_pending || m_pending->id != signupId || m_step != SignupStep::Saving) {
        if (answer == SeatAnswer::Claimed && m_seats) m_seats->release(signupId);
        return;
    }
    Signup s = std::move(*m_pending);
    m_pending.reset();
    if (answer == SeatAnswer::Full) {
        wipeSignup(s);
        m_fleetFull = true;
        m_step = SignupStep::Refused;
        return;
    }
    m_claimedOffline = answer == SeatAnswer::Offline;
    m_step = SignupStep::Review;
    commit(s);
    // Not saved here: the seat taken in the library's database goes back to the others.
    if (m_step != SignupStep::Done && answer == SeatAnswer::Claimed) m_seats->release(signupId);
    wipeSignup(s);
}

void SignupFlow::commit(Signup& s) {
    const Instant now = s.createdAt;
    if (!m_sink.commit(s)) {
        m_saveError = "Sorry, your signup could not be saved. Please ask a member of staff.";
        return;
    }
    if (m_purpose != SignupPurpose::WalkIn) m_limit.record(now);
    m_committedId = s.id;
    if (m_purpose != SignupPurpose::Patron) checkInAfter(s);
    m_step = SignupStep::Done;
    m_keyboard = KeyboardState{};
}

bool SignupFlow::checkInAfter(const Signup& s) {
    const Instant now = m_clock.now();
    auto meeting = meetingInWindow(*m_entry, now, m_config);
    if (!meeting) {
        for (const auto& m : m_entry->meetings) {
            if (m.localDate == format::localParts(now, m.offsetMinutes).first) meeting = m;
        }
    }
    if (!meeting) return false;
    CheckIn c{newUuid(), s.circleId, meeting->localDate, s.name, s.id, "", now};
    if (!m_checkins.checkIn(c)) return false;
    m_welcomeName = names::firstName(s.name);
    return true;
}

std::optional<CircleEntry> SignupFlow::alternativeCircle() const {
    if (!m_entry) return std::nullopt;
    return nextOfSameCourse(m_catalog, m_entry->circle, m_config, m_clock.now());
}

}  // namespace lc::kiosk
