#pragma once
// Staff mode, behind the PIN: today's meetings with expected and checked-in counts, undo a
// check-in, void a signup, add a walk-in, export attendance, sync status and "sync now", and
// attendance over the weeks of a circle.

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <lc/core/clock.hpp>

#include "flow_config.hpp"
#include "nav.hpp"
#include "pin_gate.hpp"
#include "ports.hpp"
#include "rate_limit.hpp"
#include "text_entry.hpp"

namespace lc::kiosk {

/// A signup waiting for staff or refused upstream (no personal data beyond the name).
struct OutboxIssue {
    std::string id;      ///< outbox row id, for retry
    std::string state;   ///< "rejected" or "needs_staff"
    std::string who;     ///< the signup's name, "" when unknown
    std::string reason;  ///< upstream's errors or the last error
};

/// The sync as the store records it.
/// A circle with more seats taken across the library's devices than it has (fleet mode: seats
/// decided offline). Staff contact the last people to sign up; nobody is dropped.
struct OversoldCircle {
    std::int64_t circleId = 0;
    std::string name;  ///< "" when this device does not list the circle
    int over = 0;      ///< seats taken beyond the limit
};

struct SyncStatus {
    std::optional<Instant> lastSuccess;
    std::optional<Instant> lastAttempt;
    std::string lastError;
    int pending = 0, rejected = 0, needsStaff = 0;
    std::vector<OutboxIssue> issues;
    std::string integrityError;  ///< the store failed its integrity check at start ("" = ok)
    std::vector<OversoldCircle> oversold;  ///< found by the last fleet exchange
};

/// What staff mode reads and does, over lc_store and the sync worker. Reads return an error
/// rather than an empty or partial answer when the store cannot be read (busy, damaged).
class StaffBackend {
public:
    virtual ~StaffBackend() = default;
    /// Every check-in of a circle.
    virtual Result<std::vector<CheckIn>> checkins(std::int64_t circleId) = 0;
    /// A circle's signups (voided ones too).
    virtual Result<std::vector<Signup>> signups(std::int64_t circleId) = 0;
    /// Deletes a check-in.
    virtual Result<void> undoCheckin(const std::string& id) = 0;
    /// Voids a signup.
    virtual Result<void> voidSignup(const std::string& id) = 0;
    /// Writes the attendance CSV into `folder`; returns the file written.
    virtual Result<std::string> exportAttendance(const std::string& folder, Instant now) = 0;
    /// The sync status.
    virtual Result<SyncStatus> syncStatus() = 0;
    /// Puts a rejected or needs-staff row back in the queue.
    virtual Result<void> retry(const std::string& outboxId) = 0;
    /// Asks the sync worker for a sync now (returns at once).
    virtual void syncNow() = 0;
};

/// Where staff mode is.
enum class StaffStep { Pin, Dashboard, Circle, Sync };

struct StaffMeetingRow {
    std::int64_t circleId = 0;
    std::string name, when;
    Date date{};
    int expected = 0, checkedIn = 0;
};
struct AttendeeRow { std::string checkinId, name; };
struct SignupRow { std::string signupId, name; bool voided = false; };
struct WeekBar { std::string label; int count = 0; };

/// What the Staff screen draws.
struct StaffView {
    StaffStep step = StaffStep::Pin;
    std::size_t pinLength = 0;  ///< digits typed (drawn as dots)
    std::string pin;            ///< the digits, for the masked PIN field only (never dumped)
    std::string pinMessage;     ///< "Wrong PIN", "Locked until 17:50", "No PIN is set…"
    std::string clockWarning;   ///< why check-in and "today" are off
    std::vector<std::string> oversold;  ///< one line per oversold circle, on every staff page
    std::vector<StaffMeetingRow> today;
    StaffMeetingRow circle;  ///< the selected meeting (Circle step)
    std::vector<AttendeeRow> attendees;
    std::vector<SignupRow> signupRows;
    std::vector<WeekBar> weeks;
    SyncStatus sync;
    std::string syncSummary;  ///< "Last sync: …; 2 waiting"
    std::string message;      ///< result of the last action
    bool messageIsError = false;  ///< the action failed: drawn in the error colour
    std::string confirmQuestion;  ///< "Undo the check-in of María G.?": asked before acting
    std::string confirmAction;    ///< the confirming button's label ("Undo", "Void")
    bool signupPaused = false;
};

struct PinDigit { char digit = '0'; };
struct PinBackspace {};
/// The PIN field's new value (digits only are kept).
struct SetPin { std::string value; };
struct PinSubmit {};
struct SelectMeeting { std::int64_t circleId = 0; };
struct UndoCheckin { std::string id; };
struct VoidSignup { std::string id; };
struct AddWalkIn {};
struct ExportAttendance {};
struct ShowSync {};
struct RetryOutbox { std::string id; };
struct SyncNow {};
struct RefreshStaff {};  ///< re-read counts and the outbox
struct ResumeSignups {};
struct LockStaff {};
struct ConfirmAction {};  ///< yes to the pending Undo or Void
struct CancelAction {};   ///< no to it
using StaffIntent = std::variant<PinDigit, SetPin, PinBackspace, PinSubmit, SelectMeeting, UndoCheckin,
                                 VoidSignup, AddWalkIn, ExportAttendance, ShowSync, RetryOutbox,
                                 SyncNow, RefreshStaff, ResumeSignups, LockStaff, ConfirmAction,
                                 CancelAction, GoBack>;

/// The staff flow. It reads the store (counts, check-ins, the outbox) when staff mode is entered
/// or unlocked, after each action, on RefreshStaff and SyncNow, and on reload() (a sync result
/// arrived) — never in view(), which frames call.
class StaffFlow {
public:
    StaffFlow(const CircleCatalog& catalog, CheckinStore& people, StaffBackend& backend,
              PinGate& gate, SignupRateLimit& limit, const Clock& clock, const Translator& tr,
              const FlowConfig& config);
    /// Opens staff mode at the PIN pad (or the dashboard while still unlocked).
    void start();
    /// What to draw.
    StaffView view() const;
    /// Handles an intent; returns where to go next, if anywhere.
    std::optional<Route> apply(const StaffIntent& intent);
    /// Relocks when idle; returns Home when it did.
    std::optional<Route> tick();
    /// Locks and clears the PIN buffer and selection.
    void reset();
    /// Re-reads what the dashboard shows (when unlocked); the app calls it when a sync finished.
    /// A failed read keeps the last good lists and shows the error as the message.
    void reload();

private:
    std::optional<Route> applyUnlocked(const StaffIntent& intent);
    void submitPin();
    Result<std::vector<StaffMeetingRow>> todayRows() const;
    void loadCircle();
    void readFailed(const Error& e);
    std::string syncSummary(const SyncStatus& s) const;
    void ask(const StaffIntent& action, const std::string& question, const std::string& label);
    void act(const StaffIntent& action);
    void report(bool ok, const std::string& done);

    const CircleCatalog& m_catalog;
    CheckinStore& m_people;
    StaffBackend& m_backend;
    PinGate& m_gate;
    SignupRateLimit& m_limit;
    const Clock& m_clock;
    const Translator& m_tr;
    const FlowConfig& m_config;

    StaffStep m_step = StaffStep::Pin;
    std::string m_pin;
    std::string m_pinMessage;  ///< English msgid with {until}
    std::string m_until;
    std::string m_message;     ///< already translated
    bool m_messageIsError = false;
    std::optional<StaffIntent> m_pending;  ///< an Undo or Void waiting for its confirmation
    std::string m_question, m_confirmLabel;
    std::int64_t m_circleId = 0;
    Date m_date{};
    // What reload() read from the store.
    std::vector<StaffMeetingRow> m_today;
    SyncStatus m_sync;
    std::vector<AttendeeRow> m_attendees;
    std::vector<SignupRow> m_signupRows;
    std::vector<WeekBar> m_weeks;
};

}  // namespace lc::kiosk
