#include <lc/fleet/fleet_admin.hpp>

#include "record_codec.hpp"
#include "record_sql.hpp"
#include "schema_steps.hpp"

namespace lc::fleet {
namespace {

constexpr std::chrono::seconds kAdminTimeout{10};

}  // namespace

Result<std::vector<DeviceStatus>> deviceStatuses(const Config& cfg) {
    return detail::guarded([&] {
        auto c = detail::openFleet(cfg.fleet.database, kAdminTimeout, cfg.fleet.device);
        detail::Rows rows = c.exec(
            "SELECT device, library, version, "
            "  to_char(last_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
            "  last_sync, last_sync_ok, last_error, outbox_pending, integrity_ok, clock_skew_s, "
            "  now() - last_seen > make_interval(secs => 2 * refresh_s) "
            "FROM lc_devices ORDER BY library, device");
        std::vector<DeviceStatus> out;
        for (int i = 0; i < rows.size(); ++i) {
            DeviceStatus d;
            d.device = rows.text(i, 0);
            d.library = rows.text(i, 1);
            d.version = rows.text(i, 2);
            d.lastSeen = rows.text(i, 3);
            if (auto t = rows.optI64(i, 4)) d.lastSync = Instant{std::chrono::seconds{*t}};
            d.lastSyncOk = rows.flag(i, 5);
            d.lastError = rows.text(i, 6);
            d.outboxPending = int(rows.i64(i, 7));
            d.integrityOk = rows.flag(i, 8);
            d.clockSkewS = rows.i64(i, 9);
            d.stale = rows.flag(i, 10);
            out.push_back(std::move(d));
        }
        return out;
    });
}

Result<std::vector<ReportLine>> report(const Config& cfg, Date from, Date to) {
    return detail::guarded([&] {
        auto c = detail::openFleet(cfg.fleet.database, kAdminTimeout, cfg.fleet.device);
        // Signups by the day they were taken (UTC), check-ins by their meeting's local date.
        detail::Rows rows = c.exec(
            "WITH s AS (SELECT library, circle_id, count(DISTINCT person) AS n FROM lc_records "
            "  WHERE kind = 'signup' AND holds_seat AND to_timestamp((body->>'created_at')::bigint)"
            "  ::date BETWEEN $1::date AND $2::date GROUP BY library, circle_id), "
            "m AS (SELECT library, circle_id, meeting_date, count(*) AS n FROM lc_records "
            "  WHERE kind = 'checkin' AND meeting_date BETWEEN $1::date AND $2::date "
            "  GROUP BY library, circle_id, meeting_date) "
            "SELECT library, circle_id, '', coalesce(s.n, 0), "
            "  coalesce((SELECT sum(n) FROM m WHERE m.library = k.library AND m.circle_id = "
            "  k.circle_id), 0) FROM (SELECT library, circle_id FROM s UNION SELECT library, "
            "  circle_id FROM m) k LEFT JOIN s USING (library, circle_id) "
            "UNION ALL SELECT library, circle_id, to_char(meeting_date, 'YYYY-MM-DD'), 0, n FROM m "
            "ORDER BY 1, 2, 3",
            {detail::isoDate(from), detail::isoDate(to)});
        std::vector<ReportLine> out;
        for (int i = 0; i < rows.size(); ++i)
            out.push_back({rows.text(i, 0), rows.i64(i, 1), rows.text(i, 2),
                           int(rows.i64(i, 3)), int(rows.i64(i, 4))});
        return out;
    });
}

Result<int> forgetPerson(const Config& cfg, const std::string& email, const std::string& mobile) {
    return detail::guarded([&] {
        auto c = detail::openFleet(cfg.fleet.database, kAdminTimeout, cfg.fleet.device);
        const std::string& lib = cfg.libraryName;
        detail::PgTransaction tx(c);
        const auto seq = detail::lockLibrary(c, lib);
        detail::Rows named = c.exec(
            "WITH p AS (SELECT id FROM lc_records WHERE library = $1 AND kind IN ('signup', "
            "  'roster') AND person IS NOT NULL AND person IN ($2, $3)) "
            "SELECT id FROM p UNION SELECT r.id FROM lc_records r WHERE r.library = $1 AND "
            "  r.kind = 'checkin' AND (r.body->>'signup_id' IN (SELECT id FROM p) OR "
            "  r.body->>'roster_id' IN (SELECT id FROM p))",
            {lib, email.empty() ? detail::Param() : detail::Param(detail::personOf(email, "")),
             mobile.empty() ? detail::Param() : detail::Param(mobile)});
        std::vector<std::string> ids;
        for (int i = 0; i < named.size(); ++i) ids.push_back(named.text(i, 0));
        detail::advanceLibrary(c, lib, detail::writeTombstones(c, lib, cfg.fleet.device, ids, seq));
        tx.commit();
        return int(ids.size());
    });
}

}  // namespace lc::fleet
