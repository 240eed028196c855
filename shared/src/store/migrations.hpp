#pragma once
// Internal to lc_store: the schema, as an ordered list of steps under PRAGMA user_version.
// Append only: a released step is never edited (old databases have run it).

#include <vector>

namespace lc::store::detail {

/// One step: running `sql` takes a database from version - 1 to `version`.
struct Migration {
    int version;
    const char* sql;
};

/// Every step, in order; the last one's version is the schema version the code writes.
const std::vector<Migration>& migrations();

}  // namespace lc::store::detail
