#include "record_sql.hpp"

namespace lc::fleet::detail {

std::int64_t lockLibrary(Connection& c, const std::string& library) {
    c.exec("INSERT INTO lc_libraries(library) VALUES ($1) ON CONFLICT (library) DO NOTHING",
           {library});
    return c.exec("SELECT seq FROM lc_libraries WHERE library = $1 FOR UPDATE", {library}).i64(0, 0);
}

void advanceLibrary(Connection& c, const std::string& library, std::int64_t seq) {
    c.exec("UPDATE lc_libraries SET seq = $2::bigint WHERE library = $1",
           {library, std::to_string(seq)});
}

std::int64_t writeRecords(Connection& c, const std::string& library, const std::string& device,
                          const std::vector<RecordRow>& rows, std::int64_t seq,
                          bool claimedOffline) {
    if (rows.empty()) return seq;
    c.exec(
        "INSERT INTO lc_records(id, library, device, kind, circle_id, person, body, rev, seq, "
        "  holds_seat, delivered_at, claimed_offline, meeting_date) "
        "SELECT x.id, $1, $2, x.kind, x.circle_id, x.person, x.body, x.rev, $3::bigint + x.n, "
        "  x.holds_seat, x.delivered_at, x.kind = 'signup' AND $4::boolean, x.meeting_date "
        "FROM jsonb_to_recordset($5::jsonb) AS x(id text, kind text, circle_id bigint, "
        "  person text, body jsonb, rev text, holds_seat boolean, delivered_at bigint, "
        "  meeting_date date, n bigint) "
        "ON CONFLICT (id) DO UPDATE SET person = excluded.person, body = excluded.body, "
        "  rev = excluded.rev, seq = excluded.seq, holds_seat = excluded.holds_seat, "
        "  delivered_at = excluded.delivered_at, device = excluded.device, changed_at = now() "
        "WHERE lc_records.kind <> 'tombstone' AND lc_records.library = excluded.library "
        "  AND lc_records.rev <> excluded.rev",
        {library, device, std::to_string(seq), claimedOffline ? "true" : "false",
         encodeBatch(rows)});
    return seq + std::int64_t(rows.size());
}

std::int64_t writeTombstones(Connection& c, const std::string& library, const std::string& device,
                             const std::vector<std::string>& ids, std::int64_t seq) {
    if (ids.empty()) return seq;
    c.exec(
        "INSERT INTO lc_records(id, library, device, kind, circle_id, body, rev, seq) "
        "SELECT t.id, $1, $2, 'tombstone', 0, '{}', 'tombstone', $3::bigint + t.n "
        "FROM unnest($4::text[]) WITH ORDINALITY AS t(id, n) "
        "ON CONFLICT (id) DO UPDATE SET kind = 'tombstone', device = excluded.device, "
        "  person = NULL, body = '{}', rev = 'tombstone', seq = excluded.seq, holds_seat = false, "
        "  delivered_at = NULL, changed_at = now() "
        "WHERE lc_records.kind <> 'tombstone' AND lc_records.library = excluded.library",
        {library, device, std::to_string(seq), textArray(ids)});
    return seq + std::int64_t(ids.size());
}

}  // namespace lc::fleet::detail
