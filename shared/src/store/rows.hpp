#pragma once
// Internal to lc_store: column lists and row readers shared by the repositories.

#include <lc/core/model.hpp>
#include <lc/store/outbox_repository.hpp>

#include "sql.hpp"

namespace lc::store::detail {

/// SELECT list for signups, read by readSignup.
inline constexpr const char* kSignupColumns =
    "id, circle_id, name, email, mobile, goals, support, custom_answer, consent, consent_version, "
    "communications_opt_in, created_at, updated_at, send_upstream, local_only_reason, source, "
    "voided";
/// SELECT list for check-ins, read by readCheckIn.
inline constexpr const char* kCheckInColumns =
    "id, circle_id, meeting_date, person_name, coalesce(signup_id, ''), coalesce(roster_id, ''), "
    "at";
/// SELECT list for roster entries, read by readRoster.
inline constexpr const char* kRosterColumns = "id, circle_id, name, email, mobile, imported_at";
/// SELECT list for outbox rows, read by readOutbox.
inline constexpr const char* kOutboxColumns =
    "id, coalesce(signup_id, ''), coalesce(checkin_id, ''), kind, state, person_key, body, "
    "attempts, "
    "next_attempt_at, first_failure_at, last_error, errors_json, delivered_at, lease_owner, "
    "lease_until, created_at";

Signup readSignup(const Query& q);
CheckIn readCheckIn(const Query& q);
RosterEntry readRoster(const Query& q);
OutboxRow readOutbox(const Query& q);

/// The outbox ordering key of a person: lower-case email, else mobile.
std::string personKeyOf(const std::string& email, const std::string& mobile);

/// Who arrived, for "one check-in per person per meeting": the signup, else the roster entry,
/// else the typed name (walk-ins).
std::string checkInPersonKey(const CheckIn& c);
/// Inserts a pending outbox row due at `now` (no transaction of its own); returns its id.
std::string insertOutbox(StatementCache& stmts, const OutboxItem& item, Instant now);

/// NULL for "", so optional foreign keys stay NULL.
inline std::optional<std::string> nullIfEmpty(const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

}  // namespace lc::store::detail
