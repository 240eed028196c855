#pragma once
// In-memory stand-ins for the kiosk flows' storage ports, and circle fixtures.

#include <map>
#include <string>
#include <vector>

#include <lc/core/schedule.hpp>

#include "flow/kiosk_flow.hpp"

namespace lc::kiosk::testing {

using namespace std::chrono_literals;

inline Instant at(const char* iso) { return parseInstant(iso).value(); }

inline Date ymd(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

/// A weekly circle in Chicago: six Tuesdays from 2026-12-01 at 18:00-20:00.
inline Circle chicagoCircle(std::int64_t id = 3101) {
    Circle c;
    c.id = id;
    c.name = "Public Speaking";
    c.courseId = 77;
    c.courseTitle = "Speak Up";
    c.facilitators = {"Ana", "Ben"};
    c.venue.name = "Harold Washington Library Center";
    c.venue.address = "400 S State St, Chicago";
    c.venue.country = "United States of America";
    c.language = "en";
    c.startDate = ymd(2026, 12, 1);
    c.lastMeetingDate = ymd(2027, 1, 5);
    c.weeks = 6;
    c.meetingTime = std::chrono::hours{18};
    c.endTime = std::chrono::hours{20};
    c.timeZone = "America/Chicago";
    c.url = "https://learningcircles.p2pu.org/en/signup/public-speaking-3101/";
    c.signupLimit = 12;
    c.signupCount = 5;
    c.signupOpen = true;
    c.status = "upcoming";
    return c;
}

inline CircleEntry entryFor(const Circle& c, int pending = 0) {
    CircleEntry e;
    e.circle = c;
    if (auto ms = schedule::meetings(c)) e.meetings = *ms;
    if (auto end = schedule::lastMeetingEnd(c)) e.lastMeetingEnd = *end;
    e.localPending = pending;
    return e;
}

struct FakeCatalog : CircleCatalog {
    std::vector<CircleEntry> entries;
    std::vector<CircleEntry> circles() const override { return entries; }
};

struct FakeSink : SignupSink {
    std::vector<Signup> committed;
    bool fail = false;
    Result<void> commit(const Signup& s) override {
        if (fail) return fail_(ErrorCode::Database, "[store.sql.1]", "disk full");
        committed.push_back(s);
        return {};
    }
    static Unexpected fail_(ErrorCode c, const char* id, const char* m) { return lc::fail(c, id, m); }
};

/// The error a busy store gives (what the fakes' `failReads` return).
inline Unexpected busyStore() { return lc::fail(ErrorCode::Database, "[store.sql.2]", "the database is busy"); }

struct FakeCheckins : CheckinStore {
    std::map<std::int64_t, std::vector<Person>> byCircle;
    std::vector<CheckIn> arrivals;
    bool failReads = false;
    Result<std::vector<Person>> people(std::int64_t circleId) const override {
        if (failReads) return busyStore();
        auto it = byCircle.find(circleId);
        return it == byCircle.end() ? std::vector<Person>{} : it->second;
    }
    Result<void> checkIn(const CheckIn& c) override {
        arrivals.push_back(c);
        return {};
    }
};

struct FakeSettings : SettingsStore {
    std::map<std::string, std::string, std::less<>> values;
    std::optional<std::string> get(std::string_view key) const override {
        auto it = values.find(key);
        if (it == values.end()) return std::nullopt;
        return it->second;
    }
    Result<void> set(std::string_view key, std::string_view value) override {
        values[std::string(key)] = std::string(value);
        return {};
    }
};

struct FakeStaff : StaffBackend {
    std::vector<CheckIn> all;
    std::vector<Signup> signupList;
    std::vector<std::string> undone, voided, retried;
    int syncs = 0;
    int reads = 0;  ///< store reads (what a frame must never cause)
    bool failReads = false;  ///< every read answers busyStore()
    Result<std::vector<CheckIn>> checkins(std::int64_t circleId) override {
        ++reads;
        if (failReads) return busyStore();
        std::vector<CheckIn> out;
        for (const auto& c : all) {
            if (c.circleId == circleId) out.push_back(c);
        }
        return out;
    }
    Result<std::vector<Signup>> signups(std::int64_t) override {
        ++reads;
        if (failReads) return busyStore();
        return signupList;
    }
    Result<void> undoCheckin(const std::string& id) override {
        undone.push_back(id);
        return {};
    }
    Result<void> voidSignup(const std::string& id) override {
        voided.push_back(id);
        return {};
    }
    Result<std::string> exportAttendance(const std::string& folder, Instant) override {
        return folder + "/attendance.csv";
    }
    SyncStatus status;
    Result<SyncStatus> syncStatus() override {
        ++reads;
        if (failReads) return busyStore();
        return status;
    }
    Result<void> retry(const std::string& id) override {
        retried.push_back(id);
        return {};
    }
    void syncNow() override { ++syncs; }
};

/// Everything a KioskFlow needs, faked.
struct World {
    FixedClock clock{at("2026-11-30T17:45:00-06:00")};
    FakeCatalog catalog;
    FakeSink sink;
    FakeCheckins checkins;
    FakeSettings settings;
    FakeStaff staff;
    EnglishTranslator tr;
    FlowConfig config;

    World() { catalog.entries.push_back(entryFor(chicagoCircle())); }
    FlowDeps deps() {
        return FlowDeps{catalog, sink, checkins, settings, staff, clock, tr, config};
    }
};

}  // namespace lc::kiosk::testing
