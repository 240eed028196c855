#pragma once
// The fleet database's schema, versioned in PostgreSQL itself: a one-row lc_schema table, and
// migrations applied by the first device that connects, under an advisory lock so that devices
// starting together migrate once. A database newer than this code is refused.

#include <string>

#include <lc/core/result.hpp>

namespace lc::fleet {

/// The schema version this code writes.
int schemaVersion();

/// Connects with `conninfo` and brings the schema to schemaVersion(); returns the version found
/// before. [fleet.schema.1] Conflict when the database is newer than the code; connection errors
/// as Network.
Result<int> migrateDatabase(const std::string& conninfo);

}  // namespace lc::fleet
