#pragma once
// Config warnings (lc::configWarnings) for `lcctl sync` and `lcctl status`.

#include <vector>

#include <nlohmann/json.hpp>

#include <lc/core/config_check.hpp>
#include <lc/store/database.hpp>

#include "context.hpp"

namespace lc::lcctl {

/// The warnings for the store's circles under the config, at the context's now; none when the
/// store cannot be read (the caller reports its own errors).
std::vector<ConfigWarning> storeWarnings(Context& ctx, store::Database& db);

/// [{"kind", "circle_id" (or null), "venue", "city", "closest" (or null), "message"}].
nlohmann::json warningsJson(const std::vector<ConfigWarning>& warnings);

}  // namespace lc::lcctl
