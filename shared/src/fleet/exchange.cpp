#include <lc/fleet/exchange.hpp>

#include <map>

#include <lc/core/version.hpp>
#include <lc/store/circle_repository.hpp>
#include <lc/store/fleet_repository.hpp>
#include <lc/store/outbox_repository.hpp>
#include <lc/store/sync_state_repository.hpp>

#include "record_sql.hpp"
#include "schema_steps.hpp"

namespace lc::fleet {
namespace detail {
namespace {

// The exchange waits longer than a patron's seat claim: nobody is standing in front of it.
constexpr std::chrono::milliseconds kExchangeTimeout{10000};

template <class T>
T take(Result<T> r) {
    if (!r) throw FleetFailure(r.error());
    return std::move(*r);
}
void take(Result<void> r) {
    if (!r) throw FleetFailure(r.error());
}

std::string intArray(const std::vector<std::int64_t>& v) {
    std::string out = "{";
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + std::to_string(v[i]);
    return out + "}";
}

// What this device's snapshot says of each circle's seats: the claims' and oversold check's base.
void publishCircles(Connection& c, store::Database& db, const std::string& library) {
    store::CircleRepository circles(db);
    auto snap = take(circles.snapshot());
    if (!snap) return;
    std::vector<std::int64_t> ids, limits, counts;
    for (const auto& circle : take(circles.all())) {
        ids.push_back(circle.id);
        limits.push_back(circle.signupLimit.value_or(0));
        counts.push_back(circle.signupCount);
    }
    if (ids.empty()) return;
    c.exec("INSERT INTO lc_circles(library, circle_id, signup_limit, feed_count, fetched_at) "
           "SELECT $1, t.id, t.lim, t.cnt, $5::bigint FROM unnest($2::bigint[], $3::int[], "
           "$4::int[]) AS t(id, lim, cnt) ON CONFLICT (library, circle_id) DO UPDATE SET "
           "signup_limit = excluded.signup_limit, feed_count = excluded.feed_count, "
           "fetched_at = excluded.fetched_at WHERE excluded.fetched_at > lc_circles.fetched_at",
           {library, intArray(ids), intArray(limits), intArray(counts),
            std::to_string(snap->fetchedAt.time_since_epoch().count())});
}

void pushRecords(Connection& c, store::Database& db, const Config& cfg,
                 const ExchangeOptions& o, ExchangeResult& r) {
    store::FleetRepository repo(db);
    const std::string& lib = cfg.libraryName;
    for (;;) {
        const auto records = take(repo.unpushed(o.batch));
        if (records.empty()) break;
        std::vector<RecordRow> rows;
        std::vector<std::string> ids;
        for (const auto& rec : records) {
            rows.push_back(encode(rec));
            ids.push_back(rec.id());
        }
        PgTransaction tx(c);
        const auto seq = writeRecords(c, lib, cfg.fleet.device, rows, lockLibrary(c, lib), true);
        advanceLibrary(c, lib, seq);
        Rows held = c.exec("SELECT id, claimed_offline FROM lc_records WHERE id = ANY($1::text[])",
                           {textArray(ids)});
        tx.commit();
        if (o.onStep) o.onStep("push-committed");
        std::map<std::string, bool> offline;
        for (int i = 0; i < held.size(); ++i) offline[held.text(i, 0)] = held.flag(i, 1);
        std::vector<store::PushedRecord> pushed;
        for (const auto& rec : records)
            pushed.push_back({rec.id(), rec.kind(), rec.rev, offline[rec.id()]});
        take(repo.markPushed(pushed));  // a crash before this only repeats the same write
        r.pushed += int(records.size());
    }
    if (o.onStep) o.onStep("pushed");
}

void pushTombstones(Connection& c, store::Database& db, const Config& cfg,
                    const ExchangeOptions& o, ExchangeResult& r) {
    store::FleetRepository repo(db);
    const std::string& lib = cfg.libraryName;
    for (;;) {
        const auto ids = take(repo.erased(o.batch));
        if (ids.empty()) break;
        PgTransaction tx(c);
        advanceLibrary(c, lib, writeTombstones(c, lib, cfg.fleet.device, ids, lockLibrary(c, lib)));
        tx.commit();
        take(repo.markErased(ids));
        r.tombstones += int(ids.size());
    }
    if (o.onStep) o.onStep("erased");
}

void pull(Connection& c, store::Database& db, const Config& cfg, const ExchangeOptions& o,
          ExchangeResult& r) {
    store::FleetRepository repo(db);
    std::int64_t cursor = take(repo.state()).cursor;
    for (;;) {
        Rows rows = c.exec(
            "SELECT id, device, kind, body::text, rev, seq FROM lc_records "
            "WHERE library = $1 AND seq > $2::bigint AND device <> $3 ORDER BY seq LIMIT $4::int",
            {cfg.libraryName, std::to_string(cursor), cfg.fleet.device, std::to_string(o.batch)});
        if (rows.size() == 0) break;
        if (o.onStep) o.onStep("pull-fetched");
        std::vector<store::RemoteRecord> batch;
        for (int i = 0; i < rows.size(); ++i) {
            store::RemoteRecord rec{rows.text(i, 0), rows.text(i, 1), std::nullopt};
            if (rows.text(i, 2) != "tombstone") {
                rec.record = decode(rows.text(i, 2), rows.text(i, 3), rec.id, rows.text(i, 4));
                if (!rec.record) {
                    ++r.skipped;
                    continue;
                }
            }
            batch.push_back(std::move(rec));
        }
        cursor = rows.i64(rows.size() - 1, 5);  // skipped ones too: they stay in the database
        take(repo.apply(batch, cursor));
        r.pulled += int(batch.size());
        if (rows.size() < o.batch) break;
    }
    if (o.onStep) o.onStep("pulled");
}

std::vector<Oversold> findOversold(Connection& c, const std::string& library) {
    Rows rows = c.exec(
        "SELECT c.circle_id, c.feed_count + count(DISTINCT r.person) - c.signup_limit "
        "FROM lc_circles c JOIN lc_records r ON r.library = c.library AND r.circle_id = "
        "c.circle_id AND r.kind = 'signup' AND r.holds_seat AND (r.delivered_at IS NULL OR "
        "r.delivered_at >= c.fetched_at) WHERE c.library = $1 AND c.signup_limit > 0 "
        "GROUP BY c.circle_id, c.feed_count, c.signup_limit "
        "HAVING c.feed_count + count(DISTINCT r.person) > c.signup_limit ORDER BY c.circle_id",
        {library});
    std::vector<Oversold> out;
    for (int i = 0; i < rows.size(); ++i) out.push_back({rows.i64(i, 0), int(rows.i64(i, 1))});
    return out;
}

void heartbeat(Connection& c, store::Database& db, const Config& cfg, Instant now,
               const std::string& error) {
    auto sync = store::SyncStateRepository(db).get();
    auto counts = store::OutboxRepository(db).counts();
    const bool integrity = bool(db.integrityCheck());
    const bool syncOk = sync && sync->lastError.empty() && sync->lastSuccess && error.empty();
    std::string lastError = sync ? sync->lastError : sync.error().describe();
    if (lastError.empty()) lastError = error;
    const auto lastSync = sync && sync->lastSuccess
                              ? Param(std::to_string(sync->lastSuccess->time_since_epoch().count()))
                              : Param();
    c.exec("INSERT INTO lc_devices(device, library, version, last_seen, last_sync, last_sync_ok, "
           "last_error, outbox_pending, integrity_ok, clock_skew_s, refresh_s) VALUES ($1, $2, $3, "
           "now(), $4::bigint, $5::boolean, $6, $7::int, $8::boolean, "
           "$9::bigint - extract(epoch from now())::bigint, $10::int) ON CONFLICT (device) DO "
           "UPDATE SET library = excluded.library, version = excluded.version, last_seen = now(), "
           "last_sync = excluded.last_sync, last_sync_ok = excluded.last_sync_ok, "
           "last_error = excluded.last_error, outbox_pending = excluded.outbox_pending, "
           "integrity_ok = excluded.integrity_ok, clock_skew_s = excluded.clock_skew_s, "
           "refresh_s = excluded.refresh_s",
           {cfg.fleet.device, cfg.libraryName, std::string(kVersion), lastSync,
            syncOk ? "true" : "false", lastError, std::to_string(counts ? counts->pending : -1),
            integrity ? "true" : "false", std::to_string(now.time_since_epoch().count()),
            std::to_string(cfg.feed.refreshMinutes * 60)});
}

void run(Connection& c, store::Database& db, const Config& cfg, const ExchangeOptions& o,
         ExchangeResult& r) {
    publishCircles(c, db, cfg.libraryName);
    pushRecords(c, db, cfg, o, r);
    pushTombstones(c, db, cfg, o, r);
    pull(c, db, cfg, o, r);
    r.oversold = findOversold(c, cfg.libraryName);
}

}  // namespace
}  // namespace detail

ExchangeResult exchange(store::Database& db, const Config& cfg, const Clock& clock,
                        const ExchangeOptions& options) {
    ExchangeResult r;
    std::optional<detail::Connection> conn;
    auto done = detail::guarded([&] {
        conn.emplace(detail::openFleet(cfg.fleet.database, detail::kExchangeTimeout,
                                       cfg.fleet.device));
        detail::run(*conn, db, cfg, options, r);
    });
    if (!done) {
        r.error = done.error().describe();
        r.offline = done.error().code == ErrorCode::Network;
    }
    if (conn && conn->ok()) {
        auto beat = detail::guarded([&] { detail::heartbeat(*conn, db, cfg, clock.now(), r.error); });
        if (!beat && r.error.empty()) r.error = beat.error().describe();
    }
    auto noted = store::FleetRepository(db).noteExchange(clock.now(), r.error, formatOversold(r.oversold));
    if (!noted && r.error.empty()) r.error = noted.error().describe();
    return r;
}

std::function<std::string(store::Database&)> exchangeStep(Config cfg, const Clock& clock) {
    return [cfg = std::move(cfg), &clock](store::Database& db) {
        const ExchangeResult r = exchange(db, cfg, clock);
        return r.error.empty() ? std::string() : "fleet: " + r.error;
    };
}

std::string formatOversold(const std::vector<Oversold>& o) {
    std::string out;
    for (const auto& x : o)
        out += (out.empty() ? "" : ",") + std::to_string(x.circleId) + ":" + std::to_string(x.over);
    return out;
}

std::vector<Oversold> parseOversold(const std::string& text) {
    std::vector<Oversold> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find(',', pos);
        if (end == std::string::npos) end = text.size();
        const std::string item = text.substr(pos, end - pos);
        if (auto colon = item.find(':'); colon != std::string::npos)
            out.push_back({std::stoll(item.substr(0, colon)), std::stoi(item.substr(colon + 1))});
        pos = end + 1;
    }
    return out;
}

}  // namespace lc::fleet
