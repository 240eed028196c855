#pragma once
// The signup form: fields, errors beside them (lc::validateSignup), review, a durable commit,
// and "You're in!" only once the store said yes. Refused circles say why and offer the next one.

#include <array>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <lc/core/clock.hpp>
#include <lc/core/signup_rules.hpp>

#include "circle_card.hpp"
#include "flow_config.hpp"
#include "nav.hpp"
#include "ports.hpp"
#include "rate_limit.hpp"
#include "text_entry.hpp"

namespace lc::kiosk {

/// The form's text fields, in form order.
enum class Field { Name, Email, Mobile, Goals, Support, Answer };
inline constexpr std::size_t kFieldCount = 6;

/// Where the signup is. Saving: the seat is being claimed across the library (fleet mode), for
/// at most the claim timeout; the review stays up without its buttons.
enum class SignupStep { Form, Review, Done, Refused, Paused, Missing, Saving };

/// One text field as drawn.
struct FieldView {
    Field field = Field::Name;
    std::string id;     ///< "name", "email", ... (script and test handle)
    std::string label;  ///< translated, or the circle's own question for Answer
    std::string value;
    std::string error;  ///< translated, "" when fine
    bool focused = false;
    KeyboardLayout layout = KeyboardLayout::Letters;
};

/// What the signup screens (form, review, done, refused, paused) draw.
struct SignupView {
    SignupStep step = SignupStep::Form;
    SignupPurpose purpose = SignupPurpose::Patron;
    CircleCard card;
    std::vector<FieldView> fields;  ///< only the fields shown (no email in mobile-only mode)
    bool consent = false;
    bool optIn = false;
    std::string consentText, privacyNotice, optInText;
    std::string consentError, circleError, saveError;
    bool offerMobileOnly = false;  ///< "No email? Use your phone number"
    bool mobileOnly = false;
    KeyboardState keyboard;
    std::vector<std::pair<std::string, std::string>> review;  ///< label, value
    std::string refusal;  ///< why this circle is refused, or why signup is held (Paused)
    std::optional<CircleCard> alternative;  ///< the next circle of the same course, if any
    std::string doneWhen, donePlace;        ///< the first (or next) meeting; "Where: <venue>"
    std::string doneAddress;                ///< the venue's street address ("" when unknown)
    std::string welcome;                    ///< "Welcome, María!" when checked in as well
    bool confirmDiscard = false;  ///< Back was tapped on a form with input: ask before discarding
};

struct Focus { Field field = Field::Name; };                ///< tap on a field
/// A field's new value, from lc_ui's text field (keys applied through its input path).
struct EditText {
    Field field = Field::Name;
    std::string value;
};
struct ToggleConsent {};
struct ToggleOptIn {};
struct UseMobileOnly { bool on = true; };
struct Submit {};           ///< form → review
struct Edit {};             ///< review → form
struct Confirm {};          ///< review → commit → done
struct OpenAlternative {};  ///< a refused circle's next one
struct Finish {};           ///< done → home
struct Discard {};          ///< yes, leave the form and drop what was typed
struct KeepEditing {};      ///< no, back to the form
using SignupIntent = std::variant<Focus, EditText, TypeText, Backspace, SetLayout, ToggleShift, ToggleConsent,
                                  ToggleOptIn, UseMobileOnly, Submit, Edit, Confirm,
                                  OpenAlternative, Finish, Discard, KeepEditing, GoBack>;

/// The signup flow. Holds what the patron typed until reset().
class SignupFlow {
public:
    /// `seats` (may be null: no fleet) claims each patron signup's seat before it commits.
    SignupFlow(const CircleCatalog& catalog, SignupSink& sink, CheckinStore& checkins,
               SignupRateLimit& limit, const Clock& clock, const Translator& tr,
               const FlowConfig& config, SeatClaims* seats = nullptr);
    /// Opens the form for a circle (clearing anything typed before).
    void start(std::int64_t circleId, SignupPurpose purpose, const std::string& name = {});
    /// What to draw.
    SignupView view() const;
    /// Handles an intent; returns where to go next, if anywhere.
    std::optional<Route> apply(const SignupIntent& intent);
    /// Clears every field, error and the keyboard state.
    void reset();
    /// The id of the last committed signup ("" when none since reset).
    const std::string& committedId() const { return m_committedId; }
    /// The answer to the claim Confirm started: commits, or refuses a full circle. An answer
    /// for a signup no longer waiting (reset meanwhile) gives its claimed seat back.
    void seatAnswered(const std::string& signupId, SeatAnswer answer);
    /// Whether a seat claim is awaited.
    bool saving() const { return m_step == SignupStep::Saving; }
    /// Whether the last commit's seat was decided here alone (the library's database did not
    /// answer in time): staff see such signups as "claimed offline".
    bool claimedOffline() const { return m_claimedOffline; }

private:
    std::optional<Route> applyStep(const SignupIntent& intent);
    std::optional<Route> back();
    bool hasInput() const;
    SignupForm form() const;
    SignupContext context() const;
    std::string& text(Field f) { return m_values[static_cast<std::size_t>(f)]; }
    const std::string& text(Field f) const { return m_values[static_cast<std::size_t>(f)]; }
    std::vector<FieldView> fieldViews() const;
    void fillReview(SignupView& v) const;
    void fillOutcome(SignupView& v) const;
    std::optional<ValidSignup> validate();
    void confirm();
    void commit(Signup& s);
    bool checkInAfter(const Signup& s);
    std::optional<CircleEntry> alternativeCircle() const;
    void focusNext();

    const CircleCatalog& m_catalog;
    SignupSink& m_sink;
    CheckinStore& m_checkins;
    SignupRateLimit& m_limit;
    const Clock& m_clock;
    const Translator& m_tr;
    const FlowConfig& m_config;
    SeatClaims* m_seats;

    std::optional<CircleEntry> m_entry;
    std::optional<Signup> m_pending;  ///< the signup whose seat is being claimed
    bool m_fleetFull = false;         ///< refused because the library's last seat is gone
    bool m_claimedOffline = false;
    SignupPurpose m_purpose = SignupPurpose::Patron;
    SignupStep m_step = SignupStep::Form;
    std::array<std::string, kFieldCount> m_values;
    bool m_askDiscard = false;
    std::array<std::string, kFieldCount> m_errors;  ///< English msgids
    std::string m_consentError, m_circleError, m_saveError;
    bool m_consent = false, m_optIn = false, m_mobileOnly = false;
    Field m_focus = Field::Name;
    KeyboardState m_keyboard;
    std::string m_committedId, m_welcomeName;
};

/// "name", "email", ... for a field.
const char* fieldId(Field f);

/// Zeroes the personal text a signup holds before it is freed.
void wipeSignup(Signup& s);

}  // namespace lc::kiosk
