#pragma once
// Private to lc_ui: per-frame timings, printed at exit when LC_UI_FRAME_STATS is set (for
// tests/bench and the numbers reported on issues; never asserted in unit tests).

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

namespace lc::ui::detail {

/// Wall and process-CPU milliseconds of each frame. Thread-safety: main thread only.
class FrameStats {
public:
    /// Marks the start of a frame.
    void begin() {
        m_wall0 = now(CLOCK_MONOTONIC);
        m_cpu0 = now(CLOCK_PROCESS_CPUTIME_ID);  // includes the GL driver's threads
    }
    /// Marks the end of the frame started by begin().
    void end() {
        m_wall.push_back(now(CLOCK_MONOTONIC) - m_wall0);
        m_cpu.push_back(now(CLOCK_PROCESS_CPUTIME_ID) - m_cpu0);
    }
    /// "frames N: wall median X ms p95 Y ms; cpu median Z ms" on stderr.
    void print(int width, int height) const {
        if (m_wall.empty()) return;
        std::fprintf(stderr, "[ui.stats] %dx%d frames %zu: wall median %.2f ms p95 %.2f ms; cpu median %.2f ms\n",
                     width, height, m_wall.size(), pct(m_wall, 50), pct(m_wall, 95), pct(m_cpu, 50));
    }

private:
    static double now(clockid_t c) {
        timespec ts{};
        clock_gettime(c, &ts);
        return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
    }
    static double pct(std::vector<double> v, int p) {
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, v.size() * p / 100)];
    }
    double m_wall0 = 0, m_cpu0 = 0;
    std::vector<double> m_wall, m_cpu;
};

}  // namespace lc::ui::detail
