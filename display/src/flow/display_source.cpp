#include "flow/display_source.hpp"

#include <lc/core/circle_summary.hpp>

namespace lc::display {

std::vector<CircleEntry> makeEntries(const StoreData& data, int* dropped) {
    std::vector<CircleEntry> out;
    int skipped = 0;
    for (const auto& c : data.circles) {
        const auto it = data.localPending.find(c.id);
        const int pending = it == data.localPending.end() ? 0 : it->second;
        // The schedule does not depend on the instant; the state is recomputed per frame.
        auto s = lc::summarize(c, pending, Instant{});
        if (!s) {
            ++skipped;
            continue;
        }
        out.push_back(CircleEntry{c, std::move(s->meetings), s->irregular, s->lastEnd, pending});
    }
    if (dropped) *dropped = skipped;
    return out;
}

}  // namespace lc::display
