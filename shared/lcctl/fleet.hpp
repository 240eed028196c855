#pragma once
// Fleet mode hooks the other subcommands call; each does nothing without a "fleet" config.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <lc/core/model.hpp>
#include <lc/core/uuid.hpp>
#include <lc/store/database.hpp>

#include "commands.hpp"

namespace lc::lcctl {

/// One exchange with the fleet database, summarised on stdout; kOk, kPartial when offline,
/// kFailed on another error.
int exchangeNow(Context& ctx);
/// The worse of two exit statuses (kFailed over kPartial over kOk).
int worseExit(int a, int b);

/// Claims the signup's seat in the fleet (setting s.id): an exit status when the circle is full
/// across the fleet, nullopt to go on (claimed, already held, or decided here when offline).
std::optional<int> claimSeatFor(Context& ctx, store::Database& db, Signup& s, const Circle& circle);
/// Gives the seat claimed as `claimedId` back when the store kept another id (`keptId`: an
/// update of the person's earlier signup) or nothing ("").
void releaseSeatIfClaimed(Context& ctx, const std::string& claimedId, const std::string& keptId);

/// Erases the person's records from the fleet database too (tombstones for every device).
void forgetInFleet(Context& ctx, const std::string& email, const std::string& mobile);

/// The "fleet" member of `status --json` (null without a fleet), and its text lines.
nlohmann::json fleetStatusJson(Context& ctx, store::Database& db);
void printFleetStatus(const nlohmann::json& fleet);

}  // namespace lc::lcctl
