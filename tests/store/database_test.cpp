// Database: opening, pragmas, file mode, migrations (with the backup taken first), refusals.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <sqlite3.h>

#include <lc/store/database.hpp>
#include <lc/store/privacy_repository.hpp>
#include <lc/store/settings_repository.hpp>
#include <lc/store/signup_repository.hpp>

#include "store_test_support.hpp"

using namespace lc;
using namespace lc::store;
using lc::store::test::TempDir;

namespace {

// The v1 schema exactly as v1 was released: a copy, on purpose, so that editing migration 1 in
// place (instead of adding a step) makes this test fail.
constexpr const char* kV1Schema = R"sql(
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

struct RawDb {
    sqlite3* db = nullptr;
    explicit RawDb(const std::string& path) { sqlite3_open(path.c_str(), &db); }
    ~RawDb() { sqlite3_close(db); }
    void exec(const std::string& sql) {
        char* err = nullptr;
        int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
        INFO((err ? err : ""));
        sqlite3_free(err);
        REQUIRE(rc == SQLITE_OK);
    }
    long long scalar(const std::string& sql) {
        sqlite3_stmt* s = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_step(s) == SQLITE_ROW);
        long long v = sqlite3_column_int64(s, 0);
        sqlite3_finalize(s);
        return v;
    }
    std::string text(const std::string& sql) {
        sqlite3_stmt* s = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_step(s) == SQLITE_ROW);
        std::string v = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
        sqlite3_finalize(s);
        return v;
    }
};

unsigned modeOf(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

}  // namespace

TEST_CASE("Database", "[store]") {
    TempDir dir;
    const std::string path = dir.file("lc.db");

    SECTION(
        "a new file is created 0600, migrated to the latest version, with WAL, FULL, FKs, busy "
        "timeout") {
        ::umask(022);
        auto db = Database::open(path);
        REQUIRE(db);
        CHECK(db->schemaVersion() == Database::latestSchemaVersion());
        CHECK(Database::latestSchemaVersion() >= 2);
        CHECK(modeOf(path) == 0600);
        SignupRepository signups(*db);
        REQUIRE(signups.upsert(test::signup(1, "Ana", "ana@example.org")));  // makes -wal and -shm
        CHECK(modeOf(path + "-wal") == 0600);
        CHECK(modeOf(path + "-shm") == 0600);
        RawDb raw(path);
        CHECK(raw.text("PRAGMA journal_mode") == "wal");
        sqlite3* h = db->handle();
        sqlite3_stmt* s = nullptr;
        for (auto [pragma, want] : {std::pair{"PRAGMA synchronous", 2},
                                    {"PRAGMA foreign_keys", 1},
                                    {"PRAGMA busy_timeout", 5000}}) {
            REQUIRE(sqlite3_prepare_v2(h, pragma, -1, &s, nullptr) == SQLITE_OK);
            REQUIRE(sqlite3_step(s) == SQLITE_ROW);
            CHECK(sqlite3_column_int(s, 0) == want);
            sqlite3_finalize(s);
        }
        CHECK(db->integrityCheck());
        CHECK_FALSE(std::filesystem::exists(
            path + ".pre-v" + std::to_string(Database::latestSchemaVersion()) + ".bak"));
    }

    SECTION("an existing file with loose permissions is tightened to 0600") {
        { REQUIRE(Database::open(path)); }
        ::chmod(path.c_str(), 0644);
        REQUIRE(Database::open(path));
        CHECK(modeOf(path) == 0600);
    }

    SECTION(":memory: works for tests") {
        auto db = Database::open(":memory:");
        REQUIRE(db);
        CHECK(db->schemaVersion() == Database::latestSchemaVersion());
    }

    SECTION("a v1 database is backed up, then migrated, keeping its data") {
        {
            RawDb raw(path);
            raw.exec(kV1Schema);
            raw.exec("PRAGMA user_version=1");
            raw.exec(
                "INSERT INTO signups(id, circle_id, name, email, email_key, mobile, goals, "
                "support, custom_answer, "
                "consent, consent_version, communications_opt_in, created_at, updated_at, "
                "send_upstream, "
                "local_only_reason, source) VALUES ('s1', 7, 'Ana', 'Ana@Example.org', "
                "'ana@example.org', '', "
                "'g', 's', '', 1, 'v1', 0, 100, 100, 1, '', 'kiosk')");
        }
        auto db = Database::open(path);
        INFO((db ? std::string() : db.error().describe()));
        REQUIRE(db);
        CHECK(db->schemaVersion() == Database::latestSchemaVersion());
        const std::string bak =
            path + ".pre-v" + std::to_string(Database::latestSchemaVersion()) + ".bak";
        REQUIRE(std::filesystem::exists(bak));
        CHECK(modeOf(bak) == 0600);
        {
            RawDb old(bak);  // the backup is the file as it was before any migration ran
            CHECK(old.scalar("PRAGMA user_version") == 1);
            CHECK(old.scalar("SELECT count(*) FROM signups") == 1);
            CHECK(old.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'settings'") == 0);
        }
        SignupRepository signups(*db);
        auto s = signups.byId("s1");
        REQUIRE(s);
        REQUIRE(s->has_value());
        CHECK((*s)->email == "Ana@Example.org");
        SettingsRepository settings(*db);  // a v2 table
        REQUIRE(settings.setSetting("k", "v"));
        CHECK(settings.getSetting("k")->value_or("") == "v");
        CHECK(db->integrityCheck());
    }

    SECTION("a database newer than the code is refused, untouched") {
        {
            RawDb raw(path);
            raw.exec("CREATE TABLE future(x)");
            raw.exec("PRAGMA user_version=" + std::to_string(Database::latestSchemaVersion() + 1));
        }
        auto db = Database::open(path);
        REQUIRE_FALSE(db);
        CHECK(db.error().code == ErrorCode::Conflict);
        CHECK(db.error().id == "[store.open.4]");
        CHECK(db.error().message.find("newer") != std::string::npos);
        RawDb raw(path);
        CHECK(raw.text("PRAGMA journal_mode") == "delete");
    }

    SECTION("a file that is not a database is refused") {
        {
            FILE* f = std::fopen(path.c_str(), "w");
            std::fputs(
                "this is not an SQLite database, just some text long enough to have a header......",
                f);
            std::fclose(f);
        }
        auto db = Database::open(path);
        REQUIRE_FALSE(db);
        CHECK(db.error().id == "[store.open.3]");
    }

    SECTION("a file it cannot write is refused with how to run it") {
        { REQUIRE(Database::open(path)); }
        if (::geteuid() == 0) {
            WARN("running as root: permissions do not apply, skipping the unwritable-file check");
        } else {
            ::chmod(path.c_str(), 0400);
            auto db = Database::open(path);
            REQUIRE_FALSE(db);
            CHECK(db.error().id == "[store.open.2]");
            CHECK(db.error().code == ErrorCode::Io);
            CHECK(db.error().message.find("learning-circles") != std::string::npos);
        }
    }

    SECTION("a directory that does not exist cannot hold the database") {
        auto db = Database::open(dir.file("missing/lc.db"));
        REQUIRE_FALSE(db);
        CHECK(db.error().id == "[store.open.1]");
        CHECK(db.error().code == ErrorCode::Io);
    }

    SECTION("backupTo makes a consistent 0600 copy") {
        auto db = Database::open(path);
        REQUIRE(db);
        SignupRepository signups(*db);
        REQUIRE(signups.upsert(test::signup(1, "Ana", "ana@example.org")));
        const std::string copy = dir.file("copy.db");
        REQUIRE(db->backupTo(copy));
        CHECK(modeOf(copy) == 0600);
        auto again = Database::open(copy);
        REQUIRE(again);
        SignupRepository copied(*again);
        CHECK(copied.all()->size() == 1);
        CHECK(again->integrityCheck());
        auto bad = db->backupTo(dir.file("missing/copy.db"));
        REQUIRE_FALSE(bad);
        CHECK(bad.error().id == "[store.backup.1]");
    }

    SECTION("after forget and compact the erased text is in neither the file nor its WAL, though "
            "another connection holds the store open") {
        auto db = Database::open(path);
        REQUIRE(db);
        auto other = Database::open(path);  // a kiosk still running
        REQUIRE(other);
        SignupRepository signups(*db);
        REQUIRE(signups.upsert(test::signup(1, "Zebediah Quuxworth", "zq@example.org")));
        REQUIRE(signups.upsert(test::signup(1, "Ana", "ana@example.org")));
        REQUIRE(SignupRepository(*other).all()->size() == 2);  // it has read the store
        auto bytes = [&] {
            std::string all;
            for (const std::string& f : {path, path + "-wal"}) {
                std::ifstream in(f, std::ios::binary);
                all += std::string(std::istreambuf_iterator<char>(in), {});
            }
            return all;
        };
        CHECK(bytes().find("Quuxworth") != std::string::npos);
        REQUIRE(PrivacyRepository(*db).forget({"zq@example.org", ""}));
        auto done = db->compact();
        REQUIRE(done);
        CHECK(*done);
        CHECK(bytes().find("Quuxworth") == std::string::npos);
        CHECK(bytes().find("zq@example.org") == std::string::npos);
        CHECK(SignupRepository(*other).all()->size() == 1);
    }

    SECTION("quick_check finds a garbage page") {
        {
            auto db = Database::open(path);
            REQUIRE(db);
            SignupRepository signups(*db);
            for (int i = 0; i < 200; ++i)
                REQUIRE(signups.upsert(test::signup(1, "Person " + std::to_string(i), "p" + std::to_string(i) + "@example.org")));
            REQUIRE(db->compact());
            CHECK(db->quickCheck());
        }
        const auto size = std::filesystem::file_size(path);
        REQUIRE(size > 4 * 4096);
        {
            std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
            f.seekp(4096);  // page 2, a table's root (page 1, the schema, open() needs)
            const std::string garbage(4096, '\x5a');
            f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
        }
        auto db = Database::open(path);
        REQUIRE(db);
        auto bad = db->quickCheck();
        REQUIRE_FALSE(bad);
        CHECK(bad.error().id == "[store.integrity.2]");
        CHECK_THAT(bad.error().message, Catch::Contains("damaged"));
    }

    SECTION("a full disk and a read-only store are named as such") {
        auto db = Database::open(path);
        REQUIRE(db);
        SettingsRepository settings(*db);
        REQUIRE(settings.setSetting("a", "1"));
        // max_page_count makes SQLite answer SQLITE_FULL as a full disk would.
        REQUIRE(sqlite3_exec(db->handle(), "PRAGMA max_page_count = 1", nullptr, nullptr, nullptr) == SQLITE_OK);
        auto full = settings.setSetting("big", std::string(64 * 1024, 'x'));
        REQUIRE_FALSE(full);
        CHECK(full.error().id == "[store.sql.5]");
        CHECK_THAT(full.error().message, Catch::Contains("the disk is full"));
        REQUIRE(sqlite3_exec(db->handle(), "PRAGMA query_only = 1", nullptr, nullptr, nullptr) == SQLITE_OK);
        auto ro = settings.setSetting("b", "2");
        REQUIRE_FALSE(ro);
        CHECK(ro.error().id == "[store.sql.6]");
        CHECK_THAT(ro.error().message, Catch::Contains("read-only"));
    }
}
