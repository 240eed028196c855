#include "staff_flow.hpp"

#include <algorithm>
#include <utility>

#include <lc/core/names.hpp>
#include <lc/core/text.hpp>

#include "circle_card.hpp"
#include "format.hpp"

namespace lc::kiosk {
namespace {

constexpr std::size_t kMaxPinLength = 12;

bool isToday(const Meeting& m, Instant now) {
    return m.localDate == format::localParts(now, m.offsetMinutes).first;
}

// Everyone expected: the list (signups, roster, walk-ins) and anyone checked in whose signup
// was voided since, so that "checked in" never exceeds "expected".
Result<int> expectedCount(CheckinStore& people, std::int64_t circleId, const std::vector<CheckIn>& today) {
    auto expected = people.people(circleId);
    if (!expected) return fail(expected.error());
    std::vector<std::string> seen;
    for (const auto& c : today) {
        auto f = names::fold(c.personName);
        if (std::find(seen.begin(), seen.end(), f) == seen.end()) seen.push_back(std::move(f));
    }
    for (const auto& p : *expected) {
        auto f = names::fold(p.name);
        if (std::find(seen.begin(), seen.end(), f) == seen.end()) seen.push_back(std::move(f));
    }
    return static_cast<int>(seen.size());
}

}  // namespace

StaffFlow::StaffFlow(const CircleCatalog& catalog, CheckinStore& people, StaffBackend& backend,
                     PinGate& gate, SignupRateLimit& limit, const Clock& clock,
                     const Translator& tr, const FlowConfig& config)
    : m_catalog(catalog), m_people(people), m_backend(backend), m_gate(gate), m_limit(limit),
      m_clock(clock), m_tr(tr), m_config(config) {}

void StaffFlow::reset() {
    m_gate.lock();
    wipe(m_pin);
    m_pinMessage.clear();
    m_message.clear();
    m_circleId = 0;
    m_step = StaffStep::Pin;
    m_today.clear();
    m_sync = SyncStatus{};
    m_attendees.clear();
    m_signupRows.clear();
    m_weeks.clear();
}

void StaffFlow::reload() {
    if (!m_gate.unlocked()) return;
    if (auto rows = todayRows()) m_today = std::move(*rows);
    else readFailed(rows.error());
    if (auto sync = m_backend.syncStatus()) m_sync = std::move(*sync);
    else readFailed(sync.error());
    if (m_step == StaffStep::Circle) loadCircle();
}

void StaffFlow::readFailed(const Error& e) {
    // Said once, after what the action itself reported; the lists on screen stay as last read.
    const std::string said = format::subst(
        m_tr.tr("Could not read the store ({reason}); the lists show the last good read."),
        {{"reason", e.message}});
    if (m_message.find(said) != std::string::npos) return;
    m_message = m_message.empty() ? said : m_message + " · " + said;
    m_messageIsError = true;
}

void StaffFlow::start() {
    wipe(m_pin);
    m_message.clear();
    m_step = m_gate.unlocked() ? StaffStep::Dashboard : StaffStep::Pin;
    if (const auto until = m_gate.lockedUntil()) {
        m_pinMessage = "Too many wrong PINs. Try again in {minutes} min.";
    }
    reload();
}

void StaffFlow::submitPin() {
    const PinResult r = m_gate.tryPin(m_pin);
    wipe(m_pin);
    switch (r) {
        case PinResult::Ok:
            m_pinMessage.clear();
            m_step = StaffStep::Dashboard;
            reload();
            break;
        case PinResult::Wrong: m_pinMessage = "Wrong PIN."; break;
        case PinResult::Locked: m_pinMessage = "Too many wrong PINs. Try again in {minutes} min."; break;
        case PinResult::NoPin:
            m_pinMessage = "No staff PIN is set. Set one with: lcctl set-pin";
            break;
    }
}

std::optional<Route> StaffFlow::apply(const StaffIntent& intent) {
    if (std::holds_alternative<GoBack>(intent) || std::holds_alternative<LockStaff>(intent)) {
        if (m_gate.unlocked() && m_step != StaffStep::Dashboard &&
            std::holds_alternative<GoBack>(intent)) {
            m_step = StaffStep::Dashboard;
            m_message.clear();
            return std::nullopt;
        }
        reset();
        return Route{Screen::Home};
    }
    if (!m_gate.unlocked()) {
        if (const auto* d = std::get_if<PinDigit>(&intent)) {
            if (d->digit >= '0' && d->digit <= '9' && m_pin.size() < kMaxPinLength) m_pin += d->digit;
        } else if (const auto* p = std::get_if<SetPin>(&intent)) {
            wipe(m_pin);
            for (char c : p->value) {
                if (c >= '0' && c <= '9' && m_pin.size() < kMaxPinLength) m_pin += c;
            }
        } else if (std::holds_alternative<PinBackspace>(intent)) {
            backspace(m_pin);
        } else if (std::holds_alternative<PinSubmit>(intent)) {
            submitPin();
        }
        return std::nullopt;
    }
    m_gate.noteActivity();
    auto route = applyUnlocked(intent);
    if (!route) reload();  // counts and the outbox after what staff just did
    return route;
}

void StaffFlow::ask(const StaffIntent& action, const std::string& question, const std::string& label) {
    m_pending = action;
    m_question = question;
    m_confirmLabel = label;
}

void StaffFlow::report(bool ok, const std::string& done) {
    m_message = ok ? done : m_tr.tr("That did not work.");
    m_messageIsError = !ok;
}

void StaffFlow::act(const StaffIntent& action) {
    if (const auto* u = std::get_if<UndoCheckin>(&action)) {
        report(static_cast<bool>(m_backend.undoCheckin(u->id)), m_tr.tr("Check-in undone."));
    } else if (const auto* v = std::get_if<VoidSignup>(&action)) {
        report(static_cast<bool>(m_backend.voidSignup(v->id)), m_tr.tr("Signup voided."));
    }
}

std::optional<Route> StaffFlow::applyUnlocked(const StaffIntent& intent) {
    m_message.clear();
    m_messageIsError = false;
    // Undo and Void ask first; whatever staff do next answers (only Confirm acts).
    const std::optional<StaffIntent> pending = std::exchange(m_pending, std::nullopt);
    if (std::holds_alternative<ConfirmAction>(intent)) {
        if (pending) act(*pending);
        return std::nullopt;
    }
    if (const auto* s = std::get_if<SelectMeeting>(&intent)) {
        for (const auto& row : m_today) {
            if (row.circleId == s->circleId) {
                if (row.circleId != m_circleId || row.date != m_date) {
                    // Another meeting's lists are no "last good read" for this one.
                    m_attendees.clear();
                    m_signupRows.clear();
                    m_weeks.clear();
                }
                m_circleId = row.circleId;
                m_date = row.date;
                m_step = StaffStep::Circle;
            }
        }
    } else if (const auto* u = std::get_if<UndoCheckin>(&intent)) {
        for (const auto& a : m_attendees) {
            if (a.checkinId == u->id)
                ask(intent, format::subst(m_tr.tr("Undo the check-in of {name}?"), {{"name", a.name}}), m_tr.tr("Undo"));
        }
    } else if (const auto* v = std::get_if<VoidSignup>(&intent)) {
        for (const auto& row : m_signupRows) {
            if (row.signupId == v->id)
                ask(intent, format::subst(m_tr.tr("Void the signup of {name}?"), {{"name", row.name}}), m_tr.tr("Void"));
        }
    } else if (std::holds_alternative<AddWalkIn>(intent) && m_circleId != 0) {
        return Route{Screen::Signup, m_circleId, SignupPurpose::WalkIn};
    } else if (std::holds_alternative<ExportAttendance>(intent)) {
        if (m_config.exportFolder.empty()) {
            m_message = m_tr.tr("No export folder is configured.");
            m_messageIsError = true;
        } else if (auto r = m_backend.exportAttendance(m_config.exportFolder, m_clock.now())) {
            m_message = format::subst(m_tr.tr("Attendance saved to {path}"), {{"path", *r}});
        } else {
            m_message = format::subst(m_tr.tr("Export failed: {reason}"),
                                      {{"reason", r.error().message}});
            m_messageIsError = true;
        }
    } else if (std::holds_alternative<ShowSync>(intent)) {
        m_step = StaffStep::Sync;
    } else if (const auto* r = std::get_if<RetryOutbox>(&intent)) {
        report(static_cast<bool>(m_backend.retry(r->id)), m_tr.tr("Queued again."));
    } else if (std::holds_alternative<SyncNow>(intent)) {
        m_backend.syncNow();
        m_message = m_tr.tr("Sync started.");
    } else if (std::holds_alternative<RefreshStaff>(intent)) {
        // reload() follows every action
    } else if (std::holds_alternative<ResumeSignups>(intent)) {
        m_limit.resume();
        m_message = m_tr.tr("Signup resumed.");
    }
    return std::nullopt;
}

std::optional<Route> StaffFlow::tick() {
    const bool was = m_gate.unlocked();
    m_gate.tick();
    if (was && !m_gate.unlocked()) {
        reset();
        return Route{Screen::Home};
    }
    return std::nullopt;
}

Result<std::vector<StaffMeetingRow>> StaffFlow::todayRows() const {
    std::vector<StaffMeetingRow> rows;
    const Instant now = m_clock.now();
    if (!clockPlausible(now)) return rows;
    for (const auto& e : m_catalog.circles()) {
        if (!servedHere(e.circle, m_config.venues)) continue;
        for (const auto& m : e.meetings) {
            if (!isToday(m, now)) continue;
            StaffMeetingRow r{e.circle.id, e.circle.name, meetingWhen(m, m_tr), m.localDate, 0, 0};
            auto all = m_backend.checkins(e.circle.id);
            if (!all) return fail(all.error());
            std::vector<CheckIn> today;
            for (auto& c : *all) {
                if (c.meetingDate == m.localDate) today.push_back(std::move(c));
            }
            r.checkedIn = static_cast<int>(today.size());
            auto expected = expectedCount(m_people, e.circle.id, today);
            if (!expected) return fail(expected.error());
            r.expected = *expected;
            rows.push_back(std::move(r));
        }
    }
    return rows;
}

void StaffFlow::loadCircle() {
    // Both lists are read before either replaces what is shown.
    const auto read = m_backend.checkins(m_circleId);
    if (!read) return readFailed(read.error());
    const auto signups = m_backend.signups(m_circleId);
    if (!signups) return readFailed(signups.error());
    const auto& all = *read;
    m_attendees.clear();
    m_signupRows.clear();
    m_weeks.clear();
    for (const auto& c : all) {
        if (c.meetingDate == m_date) m_attendees.push_back({c.id, c.personName});
    }
    for (const auto& s : *signups) {
        m_signupRows.push_back({s.id, s.name, s.voided});
    }
    for (const auto& e : m_catalog.circles()) {
        if (e.circle.id != m_circleId) continue;
        for (const auto& m : e.meetings) {
            if (m.start - m_config.checkinBefore > m_clock.now()) break;
            const int n = static_cast<int>(std::count_if(all.begin(), all.end(), [&](const CheckIn& c) {
                return c.meetingDate == m.localDate;
            }));
            m_weeks.push_back({m_tr.shortDate(m.localDate), n});
        }
    }
}

std::string StaffFlow::syncSummary(const SyncStatus& s) const {
    std::string out;
    if (!s.integrityError.empty())
        out = m_tr.tr("ALERT: the store is damaged; ask your administrator to restore the last backup") + " · ";
    if (s.lastSuccess) {
        // As people say it: minutes for the first hour, hours for two days, then days.
        const long mins = std::max<long>(0, std::chrono::duration_cast<std::chrono::minutes>(
                                                m_clock.now() - *s.lastSuccess).count());
        const char* msgid = mins < 60        ? "Last successful sync: {n} min ago"
                            : mins < 48 * 60 ? "Last successful sync: {n} h ago"
                                             : "Last successful sync: {n} days ago";
        const long n = mins < 60 ? mins : mins < 48 * 60 ? mins / 60 : mins / (24 * 60);
        out += format::subst(text::keepWithPlaceholder(m_tr.tr(msgid), "n"), {{"n", std::to_string(n)}});
    } else {
        out += m_tr.tr("Never synced yet");
    }
    out += " · " + format::subst(m_tr.tr("{pending} waiting, {rejected} refused, {staff} need staff"),
                                 {{"pending", std::to_string(s.pending)},
                                  {"rejected", std::to_string(s.rejected)},
                                  {"staff", std::to_string(s.needsStaff)}});
    return out;
}

StaffView StaffFlow::view() const {
    StaffView v;
    v.step = m_gate.unlocked() ? m_step : StaffStep::Pin;
    v.pinLength = m_pin.size();
    v.pin = m_pin;
    if (!m_pinMessage.empty()) {
        const auto until = m_gate.lockedUntil();
        const auto mins = until ? std::chrono::ceil<std::chrono::minutes>(*until - m_clock.now()).count() : 0;
        v.pinMessage = format::subst(m_tr.tr(m_pinMessage), {{"minutes", std::to_string(mins)}});
    }
    v.message = m_message;
    v.messageIsError = m_messageIsError;
    if (m_pending) {
        v.confirmQuestion = m_question;
        v.confirmAction = m_confirmLabel;
    }
    v.signupPaused = m_limit.paused() || m_limit.coolingDownUntil(m_clock.now()).has_value();
    if (v.step == StaffStep::Pin) return v;
    if (!clockPlausible(m_clock.now())) {
        v.clockWarning = m_tr.tr("The clock is not set correctly, so check-in and today's meetings "
                                 "are off. Check the date and time settings or the network.");
    }
    for (const auto& o : m_sync.oversold) {
        v.oversold.push_back(format::subst(
            m_tr.tr("{circle} is oversold by {n}: signups were taken while devices were "
                    "offline. Contact the last people to sign up."),
            {{"circle", o.name.empty() ? "#" + std::to_string(o.circleId) : o.name},
             {"n", std::to_string(o.over)}}));
    }
    v.today = m_today;
    v.sync = m_sync;
    v.syncSummary = syncSummary(v.sync);
    if (v.step == StaffStep::Circle) {
        for (const auto& r : m_today) {
            if (r.circleId == m_circleId) v.circle = r;
        }
        v.attendees = m_attendees;
        v.signupRows = m_signupRows;
        v.weeks = m_weeks;
    }
    return v;
}

}  // namespace lc::kiosk
