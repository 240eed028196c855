#include <lc/fleet/schema.hpp>

#include <vector>

#include "schema_steps.hpp"

namespace lc::fleet {
namespace detail {
namespace {

// One key for every device of every library: "LCFl".
constexpr const char* kAdvisoryKey = "1279477356";

// v1. Records of every library in one table: a record's id is its device's UUID; `seq` orders a
// library's changes in commit order (each write holds its library's row lock until it commits),
// so a device pulls "everything after my cursor" without missing a late commit. A tombstone keeps
// the id and nothing else: the person's data leaves the database with it. `device` is the device
// that wrote the row last (its origin, or the one whose staff voided or erased it), so every other
// device, the origin included, pulls the change.
constexpr const char* kV1 = R"sql(
CREATE TABLE lc_libraries(
  library text PRIMARY KEY,
  seq bigint NOT NULL DEFAULT 0
);
CREATE TABLE lc_records(
  id text PRIMARY KEY,
  library text NOT NULL REFERENCES lc_libraries(library),
  device text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('signup', 'checkin', 'roster', 'tombstone')),
  circle_id bigint NOT NULL,
  person text,
  body jsonb NOT NULL,
  rev text NOT NULL,
  seq bigint NOT NULL,
  holds_seat boolean NOT NULL DEFAULT false,
  delivered_at bigint,
  claimed_offline boolean NOT NULL DEFAULT false,
  meeting_date date,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lc_records_pull ON lc_records(library, seq);
CREATE INDEX lc_records_seats ON lc_records(library, circle_id) WHERE kind = 'signup';
CREATE INDEX lc_records_person ON lc_records(library, person) WHERE person IS NOT NULL;
CREATE TABLE lc_circles(
  library text NOT NULL,
  circle_id bigint NOT NULL,
  signup_limit integer,
  feed_count integer NOT NULL,
  fetched_at bigint NOT NULL,
  PRIMARY KEY (library, circle_id)
);
CREATE TABLE lc_devices(
  device text PRIMARY KEY,
  library text NOT NULL,
  version text NOT NULL,
  last_seen timestamptz NOT NULL,
  last_sync bigint,
  last_sync_ok boolean NOT NULL,
  last_error text NOT NULL,
  outbox_pending integer NOT NULL,
  integrity_ok boolean NOT NULL,
  clock_skew_s bigint NOT NULL,
  refresh_s integer NOT NULL
);
)sql";

const std::vector<const char*>& steps() {
    static const std::vector<const char*> kSteps{kV1};
    return kSteps;
}

int readVersion(Connection& c) {
    if (c.exec("SELECT to_regclass('lc_schema') IS NULL").flag(0, 0)) return 0;
    Rows r = c.exec("SELECT coalesce(max(version), 0) FROM lc_schema");
    return int(r.i64(0, 0));
}

void refuseNewer(int found) {
    if (found > int(steps().size()))
        throwError(ErrorCode::Conflict, "[fleet.schema.1]",
                   "the fleet database has schema version " + std::to_string(found) +
                       ", newer than this program knows (" + std::to_string(steps().size()) +
                       "): upgrade this device");
}

}  // namespace

int ensureSchema(Connection& c) {
    const int found = readVersion(c);
    refuseNewer(found);
    if (found == int(steps().size())) return found;
    PgTransaction tx(c);
    c.exec("SELECT pg_advisory_xact_lock($1::bigint)", {kAdvisoryKey});
    c.exec("CREATE TABLE IF NOT EXISTS lc_schema(one integer PRIMARY KEY CHECK (one = 1), "
           "version integer NOT NULL)");
    const int now = readVersion(c);  // another device may have migrated while we waited
    refuseNewer(now);
    for (int v = now + 1; v <= int(steps().size()); ++v) c.script(steps()[v - 1]);
    c.exec("INSERT INTO lc_schema(one, version) VALUES (1, $1::integer) "
           "ON CONFLICT (one) DO UPDATE SET version = excluded.version",
           {std::to_string(steps().size())});
    tx.commit();
    return found;
}

Connection openFleet(const std::string& conninfo, std::chrono::milliseconds timeout,
                     const std::string& device, bool wholeWithin) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    Connection c = Connection::open(conninfo, timeout, "lc:" + device);
    if (wholeWithin) c.setDeadline(deadline);
    ensureSchema(c);
    return c;
}

}  // namespace detail

int schemaVersion() { return int(detail::steps().size()); }

Result<int> migrateDatabase(const std::string& conninfo) {
    return detail::guarded([&] {
        auto c = detail::Connection::open(conninfo, std::chrono::seconds(10), "lc:migrate");
        return detail::ensureSchema(c);
    });
}

}  // namespace lc::fleet
