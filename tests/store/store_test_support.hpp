#pragma once
// Helpers for the store tests: a temp directory that cleans up after itself, fixed instants and
// small builders. Included by tests/store/*_test.cpp only.

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

#include <lc/core/model.hpp>
#include <lc/store/database.hpp>

namespace lc::store::test {

/// A fresh directory under $TMPDIR, removed with everything in it at scope end.
class TempDir {
  public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "lc-store-XXXXXX").string();
        char* made = ::mkdtemp(pattern.data());
        m_path = made ? std::filesystem::path(made) : std::filesystem::path();
    }
    ~TempDir() {
        std::error_code ec;
        if (!m_path.empty()) std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    /// A path inside the directory.
    std::string file(const std::string& name) const { return (m_path / name).string(); }

  private:
    std::filesystem::path m_path;
};

/// 2026-12-01T00:00:00Z plus `seconds`: a fixed "now" (no wall clock in tests).
inline Instant at(long long seconds = 0) {
    return Instant{std::chrono::seconds{1796083200LL + seconds}};
}

inline Date date(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

/// An open in-memory store (fails the test if it cannot open).
inline Database memoryDb() {
    auto db = Database::open(":memory:");
    if (!db) throw std::runtime_error(db.error().describe());
    return std::move(db).value();
}

inline Signup signup(std::int64_t circleId, const std::string& name, const std::string& email,
                     const std::string& mobile = "", Instant when = at()) {
    Signup s;
    s.circleId = circleId;
    s.name = name;
    s.email = email;
    s.mobile = mobile;
    s.goals = "learn";
    s.support = "none";
    s.consent = true;
    s.consentVersion = "2026-01";
    s.createdAt = when;
    s.updatedAt = when;
    s.sendUpstream = !email.empty();
    s.localOnlyReason = email.empty() ? "mobile only" : "";
    s.source = "kiosk";
    return s;
}

inline Circle circle(std::int64_t id, const std::string& name) {
    Circle c;
    c.id = id;
    c.name = name;
    c.courseId = 100 + id;
    c.courseTitle = "Course " + name;
    c.facilitators = {"Ana", "Bo"};
    c.venue.name = "Harold Washington Library Center";
    c.language = "en";
    c.startDate = date(2026, 11, 3);
    c.lastMeetingDate = date(2026, 12, 8);
    c.weeks = 6;
    c.meetingTime = TimeOfDay{18 * 60};
    c.endTime = TimeOfDay{19 * 60 + 30};
    c.timeZone = "America/Chicago";
    c.status = "in_progress";
    return c;
}

}  // namespace lc::store::test
