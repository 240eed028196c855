#include "migrations.hpp"

namespace lc::store::detail {

namespace {

// v1: the first released schema. Instants are INTEGER Unix seconds; dates ISO text.
constexpr const char* kV1 = R"sql(
CREATE TABLE circles(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  course_id INTEGER NOT NULL,
  course_title TEXT NOT NULL,
  course_provider TEXT NOT NULL,
  course_link TEXT NOT NULL,
  facilitators TEXT NOT NULL,
  venue_name TEXT NOT NULL,
  venue_address TEXT NOT NULL,
  city TEXT NOT NULL,
  region TEXT NOT NULL,
  country TEXT NOT NULL,
  latitude REAL,
  longitude REAL,
  online INTEGER NOT NULL,
  language TEXT NOT NULL,
  start_date TEXT NOT NULL,
  last_meeting_date TEXT NOT NULL,
  next_meeting_date TEXT,
  weeks INTEGER NOT NULL,
  meeting_time INTEGER NOT NULL,
  end_time INTEGER NOT NULL,
  time_zone_abbrev TEXT NOT NULL,
  start_offset_minutes INTEGER NOT NULL,
  time_zone TEXT NOT NULL,
  url TEXT NOT NULL,
  signup_limit INTEGER,
  signup_count INTEGER NOT NULL,
  signup_open INTEGER NOT NULL,
  status TEXT NOT NULL,
  image_url TEXT,
  signup_question TEXT
);
CREATE TABLE snapshot(
  one INTEGER PRIMARY KEY CHECK (one = 1),
  fetched_at INTEGER NOT NULL,
  source TEXT NOT NULL,
  skipped INTEGER NOT NULL
);
CREATE TABLE signups(
  id TEXT PRIMARY KEY,
  circle_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  email_key TEXT NOT NULL,
  mobile TEXT NOT NULL,
  goals TEXT NOT NULL,
  support TEXT NOT NULL,
  custom_answer TEXT NOT NULL,
  consent INTEGER NOT NULL,
  consent_version TEXT NOT NULL,
  communications_opt_in INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  send_upstream INTEGER NOT NULL,
  local_only_reason TEXT NOT NULL,
  source TEXT NOT NULL,
  voided INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX signups_circle_email ON signups(circle_id, email_key);
CREATE INDEX signups_mobile ON signups(mobile);
CREATE TABLE roster(
  id TEXT PRIMARY KEY,
  circle_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  email_key TEXT NOT NULL,
  mobile TEXT NOT NULL,
  imported_at INTEGER NOT NULL
);
CREATE INDEX roster_circle ON roster(circle_id);
CREATE INDEX roster_email ON roster(email_key);
CREATE TABLE checkins(
  id TEXT PRIMARY KEY,
  circle_id INTEGER NOT NULL,
  meeting_date TEXT NOT NULL,
  person_name TEXT NOT NULL,
  person_key TEXT NOT NULL,
  signup_id TEXT REFERENCES signups(id) ON DELETE SET NULL,
  roster_id TEXT REFERENCES roster(id) ON DELETE SET NULL,
  at INTEGER NOT NULL,
  UNIQUE (circle_id, meeting_date, person_key)
);
CREATE INDEX checkins_signup ON checkins(signup_id);
CREATE INDEX checkins_roster ON checkins(roster_id);
CREATE TABLE outbox(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  signup_id TEXT REFERENCES signups(id) ON DELETE CASCADE,
  checkin_id TEXT REFERENCES checkins(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('p2pu', 'webhook')),
  state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'rejected', 'needs_staff')),
  person_key TEXT NOT NULL,
  body TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  first_failure_at INTEGER,
  last_error TEXT NOT NULL DEFAULT '',
  errors_json TEXT NOT NULL DEFAULT '',
  delivered_at INTEGER,
  lease_owner TEXT NOT NULL DEFAULT '',
  lease_until INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
CREATE INDEX outbox_person ON outbox(kind, person_key, state);
CREATE INDEX outbox_signup ON outbox(signup_id);
CREATE INDEX outbox_checkin ON outbox(checkin_id);
CREATE TABLE sync_state(
  one INTEGER PRIMARY KEY CHECK (one = 1),
  last_attempt INTEGER,
  last_success INTEGER,
  last_error TEXT NOT NULL DEFAULT '',
  etag TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  feed_hash TEXT NOT NULL DEFAULT '',
  next_due_at INTEGER,
  consecutive_failures INTEGER NOT NULL DEFAULT 0
);
INSERT INTO sync_state(one) VALUES (1);
)sql";

// v2: Retry-After is remembered across processes; small settings (staff PIN hash, pause flag).
constexpr const char* kV2 = R"sql(
ALTER TABLE sync_state ADD COLUMN retry_after INTEGER;
CREATE TABLE settings(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// v3: fleet mode. What PostgreSQL holds of each record (its revision, the device that took it),
// and where this device's pull stands. Empty, and never read, without a fleet.
constexpr const char* kV3 = R"sql(
CREATE TABLE fleet_records(
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('signup', 'checkin', 'roster')),
  origin TEXT NOT NULL,
  rev TEXT NOT NULL,
  claimed_offline INTEGER NOT NULL DEFAULT 0,
  delivered_at INTEGER,
  rejected INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE fleet_state(
  one INTEGER PRIMARY KEY CHECK (one = 1),
  cursor INTEGER NOT NULL DEFAULT 0,
  last_exchange INTEGER,
  last_success INTEGER,
  last_error TEXT NOT NULL DEFAULT '',
  oversold TEXT NOT NULL DEFAULT ''
);
INSERT INTO fleet_state(one) VALUES (1);
)sql";

}  // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> kAll{{1, kV1}, {2, kV2}, {3, kV3}};
    return kAll;
}

}  // namespace lc::store::detail
