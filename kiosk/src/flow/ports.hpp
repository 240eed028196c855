#pragma once
// The kiosk flows' view of the world: storage, settings and translation reached through small
// interfaces, implemented over lc_store and lc_ui in the app and faked in unit tests.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <lc/core/model.hpp>
#include <lc/core/result.hpp>

#include "format.hpp"

namespace lc::kiosk {

/// A circle with what the store knows around it: its meetings and this device's pending signups.
struct CircleEntry {
    Circle circle;
    std::vector<Meeting> meetings;         ///< sorted by start; empty when the zone is unknown
    std::optional<Instant> lastMeetingEnd;  ///< nullopt when it cannot be computed
    int localPending = 0;                   ///< signups the feed snapshot cannot include yet
};

/// The circles in the store (all of them; flows filter by venue).
class CircleCatalog {
public:
    virtual ~CircleCatalog() = default;
    /// Every circle, in no particular order.
    virtual std::vector<CircleEntry> circles() const = 0;
};

/// Where a committed signup goes. `commit` returns only once the write is durable.
class SignupSink {
public:
    virtual ~SignupSink() = default;
    /// Stores (upserts) the signup durably and queues it for P2PU when `sendUpstream`.
    virtual Result<void> commit(const Signup& s) = 0;
};

/// How the library's other devices answered a seat claim (fleet mode).
enum class SeatAnswer {
    Claimed,      ///< the seat is this signup's: commit it
    AlreadyHeld,  ///< this person holds a seat already: commit (an update, no new seat)
    Full,         ///< no seat left across the library: refuse
    Offline,      ///< no answer within the claim timeout: commit, decided here alone
};

/// Seats shared by the devices of a library (fleet mode): a claim is asked for before a signup
/// commits, and answered later, on the main thread, through SignupFlow::seatAnswered (always,
/// within the claim timeout). The app runs claims on a worker: never on a frame.
class SeatClaims {
public:
    virtual ~SeatClaims() = default;
    /// Whether signups claim seats at all (a fleet is configured).
    virtual bool enabled() const = 0;
    /// Starts claiming the seat of `s` (its id set).
    virtual void claim(const Signup& s) = 0;
    /// Gives back a seat claimed for a signup that was not committed.
    virtual void release(const std::string& signupId) = 0;
};

/// Someone a participant may be: from this kiosk's signups or a facilitator's roster.
struct Person {
    std::string name;
    std::string signupId;  ///< "" unless from a signup
    std::string rosterId;  ///< "" unless from a roster
};

/// Check-in storage.
class CheckinStore {
public:
    virtual ~CheckinStore() = default;
    /// The people expected at a circle: live signups and roster entries. A failed read is an
    /// error, never an empty list (callers keep what they had and say so).
    virtual Result<std::vector<Person>> people(std::int64_t circleId) const = 0;
    /// Records an arrival durably (a second one for the same person and meeting is harmless).
    virtual Result<void> checkIn(const CheckIn& c) = 0;
};

/// The store's key/value settings.
class SettingsStore {
public:
    virtual ~SettingsStore() = default;
    /// The value, or nullopt when unset.
    virtual std::optional<std::string> get(std::string_view key) const = 0;
    /// Sets a value durably.
    virtual Result<void> set(std::string_view key, std::string_view value) = 0;
};

/// Message catalog lookup in the patron's current language (lc_ui's tr() in domain "kiosk").
class Translator {
public:
    virtual ~Translator() = default;
    /// The translation of an English msgid, or the msgid itself.
    virtual std::string tr(std::string_view msgid) const = 0;
    /// "en", "fr", "es" or "sw".
    virtual std::string language() const = 0;
    /// Switches the language (the patron's language buttons, idle reset).
    virtual void setLanguage(std::string_view lang) = 0;
    /// "Tuesday, December 1" in the current language (the app uses lc_ui's catalog formats).
    virtual std::string longDate(Date d) const { return format::longDate(language(), d); }
    /// "Dec 1".
    virtual std::string shortDate(Date d) const { return format::shortDate(language(), d); }
    /// "Tuesday"; 0 = Sunday.
    virtual std::string weekday(unsigned wd) const { return format::weekdayName(language(), wd); }
    /// "6:00 PM" / "18 h 00" / "18:00".
    virtual std::string time(TimeOfDay t) const { return format::timeOfDay(language(), t); }
};

/// Untranslated msgids, whatever the language: for tests.
class EnglishTranslator final : public Translator {
public:
    std::string tr(std::string_view msgid) const override { return std::string(msgid); }
    std::string language() const override { return m_lang; }
    void setLanguage(std::string_view lang) override { m_lang = lang; }

private:
    std::string m_lang = "en";
};

}  // namespace lc::kiosk
