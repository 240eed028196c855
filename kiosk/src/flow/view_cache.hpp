#pragma once
// A flow's view-model kept between frames: rebuilt only when what it is built from changes (an
// intent, a timer, new data: the flows' version counter), the minute turns (views show times,
// seats and "n min ago"), or the language changes. A frame then costs no allocation and no I/O.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include <lc/core/clock.hpp>

namespace lc::kiosk {

/// What a cached view depends on besides the flow's own state.
struct ViewKey {
    std::uint64_t version = 0;  ///< KioskFlow's counter, bumped by every change
    std::chrono::sys_time<std::chrono::minutes> minute{};
    std::string language;

    bool operator==(const ViewKey&) const = default;
};

/// One view, cached under a ViewKey. Thread-safety: main thread only.
template <class View>
class CachedView {
public:
    /// The cached view when `key` matches, else `build()` (kept for next time).
    template <class Build>
    const View& get(const ViewKey& key, Build&& build) {
        if (!m_view || !(m_key == key)) {
            m_view.emplace(std::forward<Build>(build)());
            m_key = key;
            ++m_builds;
        }
        return *m_view;
    }
    /// Forgets the view (idle reset: nothing typed stays in memory longer than needed). A view
    /// that holds personal text has a `wipeView(View&)` overload, found by argument-dependent
    /// lookup, which zeroes that text before it is freed.
    void clear() {
        if constexpr (requires(View& v) { wipeView(v); }) {
            if (m_view) wipeView(*m_view);
        }
        m_view.reset();
    }
    /// Whether a view is held (tests: an idle reset leaves none).
    bool held() const { return m_view.has_value(); }
    /// How many times the view was built (tests).
    std::uint64_t builds() const { return m_builds; }

private:
    std::optional<View> m_view;
    ViewKey m_key;
    std::uint64_t m_builds = 0;
};

}  // namespace lc::kiosk
