#pragma once
// Private to lc_ui: per-frame timings, printed at exit when LC_UI_FRAME_STATS is set (for
// tests/bench and the numbers reported on issues; never asserted in unit tests).

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

#include <imgui.h>

#include "opaque_runs.hpp"

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
    /// Counts what the frame asks software GL to do: triangles, and the pixels they cover
    /// inside their clip rectangles (what llvmpipe shades; the frame's cost follows it).
    void addDrawData(const ImDrawData& dd) {
        double area = 0;
        long tris = 0;
        for (int l = 0; l < dd.CmdListsCount; ++l) {
            const ImDrawList& list = *dd.CmdLists[l];
            for (const ImDrawCmd& cmd : list.CmdBuffer) {
                if (cmd.UserCallback) continue;
                for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                    const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset + i;
                    area += clippedArea(list.VtxBuffer[cmd.VtxOffset + idx[0]].pos,
                                        list.VtxBuffer[cmd.VtxOffset + idx[1]].pos,
                                        list.VtxBuffer[cmd.VtxOffset + idx[2]].pos, cmd.ClipRect);
                }
                tris += cmd.ElemCount / 3;
            }
        }
        const double screen = double(dd.DisplaySize.x) * dd.DisplaySize.y;
        m_cover.push_back(screen > 0 ? area / screen : 0);
        m_tris.push_back(double(tris));
    }
    /// "frames N: wall median X ms p95 Y ms; cpu median Z ms; ..." on stderr.
    void print(int width, int height) const {
        if (m_wall.empty()) return;
        std::fprintf(stderr, "[ui.stats] %dx%d frames %zu: wall median %.2f ms p95 %.2f ms; cpu median %.2f ms;"
                     " drawn %.2f× the frame's area in %.0f triangles (medians)\n",
                     width, height, m_wall.size(), pct(m_wall, 50), pct(m_wall, 95), pct(m_cpu, 50),
                     m_cover.empty() ? 0.0 : pct(m_cover, 50), m_tris.empty() ? 0.0 : pct(m_tris, 50));
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
    std::vector<double> m_wall, m_cpu, m_cover, m_tris;
};

}  // namespace lc::ui::detail
