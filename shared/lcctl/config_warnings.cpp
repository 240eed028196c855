#include "config_warnings.hpp"

#include <lc/store/circle_repository.hpp>

namespace lc::lcctl {

std::vector<ConfigWarning> storeWarnings(Context& ctx, store::Database& db) {
    auto circles = store::CircleRepository(db).all();
    if (!circles) return {};
    return configWarnings(ctx.config(), *circles, ctx.now());
}

nlohmann::json warningsJson(const std::vector<ConfigWarning>& warnings) {
    using nlohmann::json;
    json out = json::array();
    for (const auto& w : warnings) {
        out.push_back({{"kind", w.kind},
                       {"circle_id", w.circleId ? json(w.circleId) : json(nullptr)},
                       {"venue", w.venue},
                       {"city", w.city},
                       {"closest", w.closest.empty() ? json(nullptr) : json(w.closest)},
                       {"message", w.message}});
    }
    return out;
}

}  // namespace lc::lcctl
