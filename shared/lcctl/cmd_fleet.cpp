// Fleet mode in lcctl: `fleet status`, `fleet report`, the exchange after sync and erasures, and
// the seat claim of a signup.
#include <iostream>

#include <nlohmann/json.hpp>

#include <lc/core/csv.hpp>
#include <lc/core/signup_rules.hpp>
#include <lc/fleet/exchange.hpp>
#include <lc/fleet/fleet_admin.hpp>
#include <lc/fleet/seat_claim.hpp>
#include <lc/store/circle_repository.hpp>
#include <lc/store/fleet_repository.hpp>

#include "fleet.hpp"
#include "output.hpp"

namespace lc::lcctl {
namespace {

using nlohmann::json;

json deviceJson(const fleet::DeviceStatus& d) {
    return json{{"device", d.device},
                {"library", d.library},
                {"version", d.version},
                {"last_seen", d.lastSeen},
                {"last_sync", d.lastSync ? json(formatInstantUtc(*d.lastSync)) : json(nullptr)},
                {"last_sync_ok", d.lastSyncOk},
                {"last_error", d.lastError.empty() ? json(nullptr) : json(d.lastError)},
                {"outbox_pending", d.outboxPending},
                {"integrity_ok", d.integrityOk},
                {"clock_skew_s", d.clockSkewS},
                {"stale", d.stale}};
}

int fleetStatus(Context& ctx) {
    auto devices = fleet::deviceStatuses(ctx.config());
    if (!devices) return report(devices.error());
    if (ctx.json()) {
        json arr = json::array();
        for (const auto& d : *devices) arr.push_back(deviceJson(d));
        std::cout << json{{"devices", arr}}.dump(2) << "\n";
        return kOk;
    }
    for (const auto& d : *devices)
        std::cout << d.device << "  " << d.library << "  " << d.version << "  seen " << d.lastSeen
                  << (d.stale ? " STALE" : "") << "  sync " << (d.lastSyncOk ? "ok" : "FAILED")
                  << "  outbox " << d.outboxPending << "  integrity "
                  << (d.integrityOk ? "ok" : "FAILED") << "  clock " << d.clockSkewS << " s\n";
    if (devices->empty()) std::cout << "No device has exchanged yet.\n";
    return kOk;
}

int fleetReport(Context& ctx, const Args& args) {
    if (!args.has("--from") || !args.has("--to") || !args.has("--csv"))
        return report({ErrorCode::InvalidInput, "[lcctl.args.20]",
                       "fleet report needs --from DATE --to DATE --csv FILE"});
    auto from = parseDate(args.get("--from"));
    if (!from) return report(from.error());
    auto to = parseDate(args.get("--to"));
    if (!to) return report(to.error());
    auto lines = fleet::report(ctx.config(), *from, *to);
    if (!lines) return report(lines.error());
    std::string out = csv::row({"library", "circle_id", "meeting_date", "signups", "attendance"});
    for (const auto& l : *lines)
        out += csv::row({l.library, std::to_string(l.circleId), l.meetingDate,
                         l.meetingDate.empty() ? std::to_string(l.signups) : "",
                         std::to_string(l.attendance)});
    if (auto w = writePrivateFile(args.get("--csv"), out); !w) return report(w.error());
    std::cout << "wrote " << lines->size() << " lines to " << args.get("--csv") << "\n";
    return kOk;
}

}  // namespace

int cmdFleet(Context& ctx, const Args& args) {
    const std::string what = args.positional.empty() ? "" : args.positional[0];
    if (!ctx.config().fleet.enabled())
        return report({ErrorCode::InvalidInput, "[lcctl.args.21]",
                       "no fleet: set \"fleet\" in the config (see README, Running a fleet)"});
    if (what == "status") return fleetStatus(ctx);
    if (what == "report") return fleetReport(ctx, args);
    return report({ErrorCode::InvalidInput, "[lcctl.args.22]", "fleet needs status or report"});
}

int exchangeNow(Context& ctx) {
    if (!ctx.config().fleet.enabled()) return kOk;
    auto db = ctx.db();
    if (!db) return report(db.error());
    const fleet::ExchangeResult r = fleet::exchange(**db, ctx.config(), ctx.clock());
    if (ctx.json()) {
        std::cout << json{{"fleet", {{"pushed", r.pushed}, {"tombstones", r.tombstones},
                                     {"pulled", r.pulled}, {"skipped", r.skipped},
                                     {"oversold", fleet::formatOversold(r.oversold)},
                                     {"offline", r.offline},
                                     {"error", r.error.empty() ? json(nullptr) : json(r.error)}}}}
                         .dump()
                  << "\n";
    } else {
        std::cout << "fleet: pushed " << r.pushed << ", erased " << r.tombstones << ", pulled "
                  << r.pulled << (r.offline ? "; OFFLINE" : "") << "\n";
        for (const auto& o : r.oversold)
            std::cout << "fleet: circle " << o.circleId << " is oversold by " << o.over
                      << ": contact the last to sign up\n";
    }
    if (!r.error.empty()) std::cerr << "lcctl: fleet: " << r.error << "\n";
    if (r.skipped > 0)
        std::cerr << "lcctl: fleet: " << r.skipped << " records from newer devices left alone\n";
    return r.error.empty() ? kOk : (r.offline ? kPartial : kFailed);
}

int worseExit(int a, int b) {
    const auto rank = [](int s) { return s == kOk ? 0 : s == kPartial ? 1 : 2; };
    return rank(a) >= rank(b) ? a : b;
}

std::optional<int> claimSeatFor(Context& ctx, store::Database& db, Signup& s,
                                const Circle& circle) {
    if (!ctx.config().fleet.enabled()) return std::nullopt;
    auto snap = store::CircleRepository(db).snapshot();
    if (!snap) return report(snap.error());
    s.id = newUuid();
    const fleet::CircleSeats seats{circle.id, circle.signupLimit.value_or(0), circle.signupCount,
                                   *snap ? (*snap)->fetchedAt : Instant{}};
    const fleet::SeatClaim claim = fleet::claimSeat(ctx.config(), s, seats);
    if (claim.outcome == fleet::ClaimOutcome::Full) {
        std::cout << "circle: " << stateReason(SignupState::Full) << "\n";
        return kFailed;
    }
    if (claim.outcome == fleet::ClaimOutcome::Offline)
        std::cerr << "lcctl: fleet: " << claim.error
                  << "; the seat was decided on this device (claimed offline)\n";
    return std::nullopt;
}

void releaseSeatIfClaimed(Context& ctx, const std::string& claimedId, const std::string& keptId) {
    if (!ctx.config().fleet.enabled() || claimedId.empty() || claimedId == keptId) return;
    if (auto r = fleet::releaseSeat(ctx.config(), claimedId); !r)
        std::cerr << "lcctl: fleet: could not give back seat " << claimedId << ": "
                  << r.error().describe() << "\n";
}

void forgetInFleet(Context& ctx, const std::string& email, const std::string& mobile) {
    if (!ctx.config().fleet.enabled()) return;
    auto n = fleet::forgetPerson(ctx.config(), email, mobile);
    if (!n) {
        std::cerr << "lcctl: fleet: " << n.error().describe()
                  << "; run forget again when the fleet database is back\n";
        return;
    }
    std::cout << "fleet: erased " << *n << " records in the fleet database\n";
}

json fleetStatusJson(Context& ctx, store::Database& db) {
    if (!ctx.config().fleet.enabled()) return nullptr;
    auto st = store::FleetRepository(db).state();
    if (!st) return json{{"error", st.error().describe()}};
    json oversold = json::array();
    for (const auto& o : fleet::parseOversold(st->oversold))
        oversold.push_back({{"circle_id", o.circleId}, {"over", o.over}});
    return json{{"device", ctx.config().fleet.device},
                {"last_exchange", st->lastExchange ? json(formatInstantUtc(*st->lastExchange)) : json(nullptr)},
                {"last_success", st->lastSuccess ? json(formatInstantUtc(*st->lastSuccess)) : json(nullptr)},
                {"last_error", st->lastError.empty() ? json(nullptr) : json(st->lastError)},
                {"oversold", oversold}};
}

void printFleetStatus(const json& f) {
    if (f.is_null()) return;
    std::cout << "fleet:           " << f.value("device", "") << ", last exchange "
              << (f["last_success"].is_string() ? f["last_success"].get<std::string>() : "never")
              << "\n";
    if (f.contains("last_error") && f["last_error"].is_string())
        std::cout << "fleet error:     " << f["last_error"].get<std::string>() << "\n";
    for (const auto& o : f.value("oversold", json::array()))
        std::cout << "OVERSOLD:        circle " << o["circle_id"] << " by " << o["over"]
                  << " (contact the last to sign up)\n";
}

}  // namespace lc::lcctl
