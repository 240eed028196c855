#pragma once
// Internal to lc_fleet: checks and migrates the schema on an open connection.

#include "pg.hpp"

namespace lc::fleet::detail {

/// The version found, after migrating to the latest under the advisory lock; throws
/// [fleet.schema.1] when the database is newer than the code.
int ensureSchema(Connection& c);

/// Opens a connection for a device and ensures the schema. `timeout` bounds the connect; with
/// `wholeWithin`, it bounds everything done on the connection (a seat claim's budget).
Connection openFleet(const std::string& conninfo, std::chrono::milliseconds timeout,
                     const std::string& device, bool wholeWithin = false);

}  // namespace lc::fleet::detail
