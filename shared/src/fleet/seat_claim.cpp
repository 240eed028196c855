#include <lc/fleet/seat_claim.hpp>

#include "record_sql.hpp"
#include "schema_steps.hpp"

namespace lc::fleet {
namespace detail {
namespace {

// Under the circle's row lock: is this person in already, and how many seats are taken?
ClaimOutcome decide(Connection& c, const std::string& library, const std::string& person,
                    const CircleSeats& circle) {
    const std::string id = std::to_string(circle.circleId);
    c.exec("INSERT INTO lc_circles(library, circle_id, signup_limit, feed_count, fetched_at) "
           "VALUES ($1, $2::bigint, $3::int, $4::int, $5::bigint) ON CONFLICT (library, circle_id) "
           "DO UPDATE SET signup_limit = excluded.signup_limit, feed_count = excluded.feed_count, "
           "fetched_at = excluded.fetched_at WHERE excluded.fetched_at > lc_circles.fetched_at",
           {library, id, std::to_string(circle.limit), std::to_string(circle.feedCount),
            std::to_string(circle.fetchedAt.time_since_epoch().count())});
    Rows seats = c.exec(
        "SELECT c.signup_limit, c.feed_count, "
        "  (SELECT count(DISTINCT r.person) FROM lc_records r WHERE r.library = c.library "
        "   AND r.circle_id = c.circle_id AND r.kind = 'signup' AND r.holds_seat "
        "   AND (r.delivered_at IS NULL OR r.delivered_at >= c.fetched_at)), "
        "  EXISTS (SELECT 1 FROM lc_records r WHERE r.library = c.library AND r.circle_id = "
        "   c.circle_id AND r.kind = 'signup' AND r.holds_seat AND r.person = $3) "
        "FROM lc_circles c WHERE c.library = $1 AND c.circle_id = $2::bigint FOR UPDATE",
        {library, id, person});
    if (seats.flag(0, 3)) return ClaimOutcome::AlreadyHeld;
    const auto limit = seats.i64(0, 0);
    if (limit > 0 && seats.i64(0, 1) + seats.i64(0, 2) >= limit) return ClaimOutcome::Full;
    return ClaimOutcome::Claimed;
}

void boundWaits(Connection& c, int ms) {
    const std::string t = std::to_string(ms) + "ms";
    c.exec("SELECT set_config('statement_timeout', $1, false), set_config('lock_timeout', $1, "
           "false)",
           {t});
}

}  // namespace
}  // namespace detail

SeatClaim claimSeat(const Config& cfg, const Signup& signup, const CircleSeats& circle) {
    SeatClaim claim;
    const auto timeout = std::chrono::milliseconds(cfg.fleet.claimTimeoutMs);
    auto done = detail::guarded([&] {
        auto c = detail::openFleet(cfg.fleet.database, timeout, cfg.fleet.device, true);
        detail::boundWaits(c, cfg.fleet.claimTimeoutMs);
        const store::FleetRecord record{store::FleetSignup{signup, std::nullopt, false}, "claim"};
        const detail::RecordRow row = detail::encode(record);
        detail::PgTransaction tx(c);
        claim.outcome = detail::decide(c, cfg.libraryName, row.person.value_or(""), circle);
        if (claim.outcome != ClaimOutcome::Claimed) return;
        const auto seq = detail::lockLibrary(c, cfg.libraryName);
        detail::advanceLibrary(c, cfg.libraryName, detail::writeRecords(c, cfg.libraryName,
                                                   cfg.fleet.device, {row}, seq, false));
        tx.commit();
    });
    if (!done) {
        claim.outcome = ClaimOutcome::Offline;
        claim.error = done.error().describe();
    }
    return claim;
}

Result<void> releaseSeat(const Config& cfg, const std::string& signupId) {
    return detail::guarded([&] {
        auto c = detail::openFleet(cfg.fleet.database,
                                   std::chrono::milliseconds(cfg.fleet.claimTimeoutMs),
                                   cfg.fleet.device, true);
        detail::PgTransaction tx(c);
        const auto seq = detail::lockLibrary(c, cfg.libraryName);
        detail::advanceLibrary(c, cfg.libraryName, detail::writeTombstones(c, cfg.libraryName,
                                                   cfg.fleet.device, {signupId}, seq));
        tx.commit();
    });
}

}  // namespace lc::fleet
