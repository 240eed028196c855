// SignupFlow's view-model: what each step of the signup screens draws, in the patron's language.

#include <lc/core/schedule.hpp>

#include "format.hpp"
#include "signup_flow.hpp"

namespace lc::kiosk {

std::vector<FieldView> SignupFlow::fieldViews() const {
    std::vector<FieldView> out;
    const auto add = [&](Field f, std::string label) {
        FieldView v;
        v.field = f;
        v.id = fieldId(f);
        v.label = std::move(label);
        v.value = text(f);
        const auto& err = m_errors[static_cast<std::size_t>(f)];
        v.error = err.empty() ? "" : m_tr.tr(err);
        v.focused = m_focus == f;
        v.layout = f == Field::Email    ? KeyboardLayout::Email
                   : f == Field::Mobile ? KeyboardLayout::Phone
                                        : KeyboardLayout::Letters;
        out.push_back(std::move(v));
    };
    add(Field::Name, m_tr.tr("Your name"));
    if (!m_mobileOnly) add(Field::Email, m_tr.tr("Email"));
    add(Field::Mobile, m_mobileOnly ? m_tr.tr("Mobile number") : m_tr.tr("Mobile number (optional)"));
    add(Field::Goals, m_tr.tr("What are your goals for this circle?"));
    add(Field::Support, m_tr.tr("How will you help the group?"));
    if (m_entry && m_entry->circle.signupQuestion && !m_entry->circle.signupQuestion->empty()) {
        add(Field::Answer, *m_entry->circle.signupQuestion);
    }
    return out;
}

void SignupFlow::fillReview(SignupView& v) const {
    for (const auto& f : v.fields) {
        if (f.value.empty()) continue;
        v.review.emplace_back(f.label, f.value);
    }
    v.review.emplace_back(m_tr.tr("News about learning circles"),
                          m_optIn ? m_tr.tr("Yes") : m_tr.tr("No"));
}

void SignupFlow::fillOutcome(SignupView& v) const {
    if (m_step == SignupStep::Paused) {
        // The same words as the home screen: a cool-down lifts by itself, a pause needs staff.
        v.refusal = signupHeldNotice(m_limit, m_clock.now(), m_tr);
        if (v.refusal.empty()) v.refusal = m_tr.tr("Signup is paused. Please ask a member of staff.");
    }
    if (m_step == SignupStep::Refused && m_entry) {
        v.refusal = m_tr.tr(stateReason(v.card.state));
        if (const auto alt = alternativeCircle()) {
            v.alternative = makeCard(*alt, m_clock.now(), m_tr);
        }
    }
    if (m_step == SignupStep::Done && m_entry) {
        if (const auto m = upcomingMeeting(*m_entry, m_clock.now())) {
            const bool first = !m_entry->meetings.empty() && m_entry->meetings.front().start == m->start;
            v.doneWhen = format::subst(first ? m_tr.tr("First meeting: {when}")
                                             : m_tr.tr("Next meeting: {when}"),
                                       {{"when", meetingWhen(*m, m_tr)}});
        }
        const std::string room = roomOf(m_entry->circle, m_config);
        v.donePlace = room.empty()
            ? format::subst(m_tr.tr("Where: {place}"), {{"place", m_entry->circle.venue.name}})
            : format::subst(m_tr.tr("Where: {room}, {place}"),
                            {{"room", room}, {"place", m_entry->circle.venue.name}});
        v.doneAddress = m_entry->circle.venue.address;
        if (!m_welcomeName.empty()) {
            v.welcome = format::subst(m_tr.tr("Welcome, {name}!"), {{"name", m_welcomeName}});
        }
    }
}

SignupView SignupFlow::view() const {
    SignupView v;
    v.step = m_step;
    v.confirmDiscard = m_askDiscard;
    v.purpose = m_purpose;
    if (m_entry) v.card = makeCard(*m_entry, m_clock.now(), m_tr, &m_config);
    v.fields = fieldViews();
    v.consent = m_consent;
    v.optIn = m_optIn;
    const std::string& controller =
        m_config.dataController.empty() ? m_config.libraryName : m_config.dataController;
    const std::string library = controller.empty() ? m_tr.tr("The library") : controller;
    v.privacyNotice = format::subst(
        m_tr.tr("{library} keeps these details to run this learning circle and shares them with "
                "P2PU, which organises learning circles. Ask staff to see or delete them at any "
                "time."),
        {{"library", library}});
    if (!m_config.privacyNotice.empty()) v.privacyNotice += "\n" + m_config.privacyNotice;
    v.consentText = format::subst(
        m_tr.tr("I agree that {library} and P2PU may use my details to organise this circle."),
        {{"library", controller.empty() ? m_tr.tr("the library") : controller}});
    v.optInText = m_tr.tr("Send me news about learning circles");
    v.consentError = m_consentError.empty() ? "" : m_tr.tr(m_consentError);
    v.circleError = m_circleError.empty() ? "" : m_tr.tr(m_circleError);
    v.saveError = m_saveError.empty() ? "" : m_tr.tr(m_saveError);
    v.offerMobileOnly = m_config.allowMobileOnly && !m_mobileOnly;
    v.mobileOnly = m_mobileOnly;
    v.keyboard = m_keyboard;
    if (m_step == SignupStep::Review || m_step == SignupStep::Saving) fillReview(v);
    if (m_fleetFull) {  // the library's last seat went to another device
        v.card.state = SignupState::Full;
        v.card.seatsLeft = 0;
        v.card.seats = m_tr.tr("Full");
    }
    fillOutcome(v);
    return v;
}

}  // namespace lc::kiosk
