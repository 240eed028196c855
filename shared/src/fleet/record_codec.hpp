#pragma once
// Internal to lc_fleet: a record as the fleet database holds it (columns plus a JSON body).

#include <optional>
#include <string>

#include <lc/store/fleet_repository.hpp>

namespace lc::fleet::detail {

/// The columns and body of one record.
struct RecordRow {
    std::string id;
    std::string kind;
    std::int64_t circleId = 0;
    std::optional<std::string> person;  ///< lower-case email, else mobile (signups, roster)
    std::string body;                   ///< JSON
    std::string rev;
    bool holdsSeat = false;             ///< a signup not voided and not refused upstream
    std::optional<std::int64_t> deliveredAt;
    std::optional<std::string> meetingDate;  ///< check-ins: YYYY-MM-DD
};

/// "2026-12-01".
std::string isoDate(const Date& d);
/// The key a person is found by: the email in lower case, else the mobile.
std::string personOf(const std::string& email, const std::string& mobile);

/// Encodes a record for the database.
RecordRow encode(const store::FleetRecord& r);

/// Decodes a record another device pushed; nullopt when its body is not what this code writes
/// (a newer device, or damage): the caller skips it and says so.
std::optional<store::FleetRecord> decode(const std::string& kind, const std::string& body,
                                         const std::string& id, const std::string& rev);

/// The records of one batch as a JSON array, for one jsonb_to_recordset parameter.
std::string encodeBatch(const std::vector<RecordRow>& rows);

}  // namespace lc::fleet::detail
