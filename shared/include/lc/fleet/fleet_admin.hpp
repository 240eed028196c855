#pragma once
// What operators ask the fleet database: every device's heartbeat, signups and attendance across
// the library system, and erasing one person from every device's future exchanges.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <lc/core/config.hpp>
#include <lc/core/model.hpp>
#include <lc/core/result.hpp>

namespace lc::fleet {

/// One device's last heartbeat.
struct DeviceStatus {
    std::string device;
    std::string library;
    std::string version;
    std::string lastSeen;  ///< ISO-8601 UTC, the database's clock
    std::optional<Instant> lastSync;
    bool lastSyncOk = false;
    std::string lastError;
    int outboxPending = 0;
    bool integrityOk = false;
    std::int64_t clockSkewS = 0;  ///< the device's clock minus the database's
    bool stale = false;           ///< silent for more than twice its refresh interval
};

/// Every device of the fleet, by library then name.
Result<std::vector<DeviceStatus>> deviceStatuses(const Config& cfg);

/// One line of the fleet report: a circle's signups (meetingDate empty) or one meeting's
/// attendance.
struct ReportLine {
    std::string library;
    std::int64_t circleId = 0;
    std::string meetingDate;  ///< "" on a circle's line
    int signups = 0;          ///< signups holding a seat, taken between from and to
    int attendance = 0;       ///< check-ins (on a circle's line: at all its meetings in range)
};

/// Signups taken and meetings held between `from` and `to` (inclusive) across every library.
Result<std::vector<ReportLine>> report(const Config& cfg, Date from, Date to);

/// Turns every record of this library naming the person (signups and roster entries by email or
/// mobile, and the check-ins that name those) into tombstones; returns how many.
Result<int> forgetPerson(const Config& cfg, const std::string& email, const std::string& mobile);

}  // namespace lc::fleet
