#include "opaque_runs.hpp"

#include <GL/gl.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace lc::ui::detail {
namespace {

int kBlendOn = 1;  // UserCallbackData for "blend on"; nullptr means "blend off"

void setBlend(const ImDrawList*, const ImDrawCmd* cmd) {
    if (cmd->UserCallbackData) glEnable(GL_BLEND);
    else glDisable(GL_BLEND);
}

bool opaqueVertex(const ImDrawVert& v, ImVec2 whiteUv) {
    return (v.col >> IM_COL32_A_SHIFT) == 0xFF && v.uv.x == whiteUv.x && v.uv.y == whiteUv.y;
}

ImDrawCmd part(const ImDrawCmd& cmd, unsigned from, unsigned to) {
    ImDrawCmd c = cmd;
    c.IdxOffset = cmd.IdxOffset + from;
    c.ElemCount = to - from;
    return c;
}

ImDrawCmd blendCallback(const ImDrawCmd& like, bool on) {
    ImDrawCmd c;
    c.ClipRect = like.ClipRect;
    c.TextureId = like.TextureId;
    c.VtxOffset = like.VtxOffset;
    c.IdxOffset = like.IdxOffset;
    c.ElemCount = 0;
    c.UserCallback = setBlend;
    c.UserCallbackData = on ? &kBlendOn : nullptr;
    return c;
}

// Appends `cmd` to `out`, split around its large opaque runs.
void splitCommand(const ImDrawList& list, const ImDrawCmd& cmd, ImVec2 whiteUv, double minArea,
                  ImVector<ImDrawCmd>& out) {
    const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
    const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
    unsigned emitted = 0, i = 0;
    while (i + 2 < cmd.ElemCount) {
        unsigned end = i;
        double area = 0;
        while (end + 2 < cmd.ElemCount && opaqueVertex(vtx[idx[end]], whiteUv) &&
               opaqueVertex(vtx[idx[end + 1]], whiteUv) && opaqueVertex(vtx[idx[end + 2]], whiteUv)) {
            area += clippedArea(vtx[idx[end]].pos, vtx[idx[end + 1]].pos, vtx[idx[end + 2]].pos, cmd.ClipRect);
            end += 3;
        }
        if (end == i) {
            i += 3;
            continue;
        }
        if (area >= minArea) {
            if (i > emitted) out.push_back(part(cmd, emitted, i));
            out.push_back(blendCallback(cmd, false));
            out.push_back(part(cmd, i, end));
            out.push_back(blendCallback(cmd, true));
            emitted = end;
        }
        i = end;
    }
    if (emitted == 0) out.push_back(cmd);
    else if (emitted < cmd.ElemCount) out.push_back(part(cmd, emitted, cmd.ElemCount));
}

// Clears the command's clip rectangle (ImGui's coordinates: top-left origin, one unit a pixel)
// to the colour carried in UserCallbackData. ImGui's backend sets its own scissor again before
// the next draw.
void clearCallback(const ImDrawList*, const ImDrawCmd* cmd) {
    const ImVec4& r = cmd->ClipRect;
    const int x0 = static_cast<int>(r.x), y0 = static_cast<int>(r.y);
    const int x1 = static_cast<int>(r.z), y1 = static_cast<int>(r.w);
    if (x1 <= x0 || y1 <= y0) return;
    GLint vp[4] = {0, 0, 0, 0};
    glGetIntegerv(GL_VIEWPORT, vp);
    const auto c = static_cast<ImU32>(reinterpret_cast<std::uintptr_t>(cmd->UserCallbackData));
    auto channel = [c](int shift) { return static_cast<float>((c >> shift) & 0xFF) / 255.0f; };
    glScissor(x0, vp[3] - y1, x1 - x0, y1 - y0);
    glClearColor(channel(IM_COL32_R_SHIFT), channel(IM_COL32_G_SHIFT), channel(IM_COL32_B_SHIFT), 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

// First pixel edge at or after a coordinate under the pixel-centre rule (pixel i is covered
// when i + 0.5 lies inside).
float pixelEdge(float v) { return std::ceil(v - 0.5f); }

// Queues a clear of a-b (already on pixel edges), inside the current clip rectangle.
void addClear(ImDrawList& dl, ImVec2 a, ImVec2 b, ImU32 col) {
    if (b.x <= a.x || b.y <= a.y) return;
    dl.PushClipRect(a, b, true);
    dl.AddCallback(clearCallback, reinterpret_cast<void*>(static_cast<std::uintptr_t>(col)));
    dl.PopClipRect();
}

}  // namespace

void addOpaqueFill(ImDrawList& dl, ImVec2 a, ImVec2 b, ImU32 col, float rounding, double minArea) {
    const float w = b.x - a.x, h = b.y - a.y;
    // As ImDrawList::PathRect limits it.
    const float r = rounding >= 0.5f ? std::min({rounding, w * 0.5f - 1.0f, h * 0.5f - 1.0f}) : 0.0f;
    const bool opaque = (col >> IM_COL32_A_SHIFT & 0xFF) == 0xFF;
    if (!opaque || double(w) * h < minArea || (rounding >= 0.5f && r < 0.5f)) {
        dl.AddRectFilled(a, b, col, rounding);
        return;
    }
    const float x0 = pixelEdge(a.x), x1 = pixelEdge(b.x), y0 = pixelEdge(a.y), y1 = pixelEdge(b.y);
    if (r <= 0) {
        addClear(dl, ImVec2(x0, y0), ImVec2(x1, y1), col);
        return;
    }
    // The body without its corners: a full-width middle band, and the bands between the
    // corners above and below it; then each corner as ImGui draws it, a quarter disc (on whole
    // pixels, so that disc and bands meet without a gap).
    const float ri = std::ceil(r);
    addClear(dl, ImVec2(x0, y0 + ri), ImVec2(x1, y1 - ri), col);
    addClear(dl, ImVec2(x0 + ri, y0), ImVec2(x1 - ri, y0 + ri), col);
    addClear(dl, ImVec2(x0 + ri, y1 - ri), ImVec2(x1 - ri, y1), col);
    const ImVec2 centres[4] = {{x0 + ri, y0 + ri}, {x1 - ri, y0 + ri}, {x1 - ri, y1 - ri}, {x0 + ri, y1 - ri}};
    const int from[4] = {6, 9, 0, 3};  // ImGui's twelve steps a turn, clockwise from +x
    for (int i = 0; i < 4; ++i) {
        dl.PathLineTo(centres[i]);
        dl.PathArcToFast(centres[i], ri, from[i], from[i] + 3);
        dl.PathFillConvex(col);
    }
}

double clippedArea(ImVec2 a, ImVec2 b, ImVec2 c, const ImVec4& clip) {
    // The triangle clipped against each edge in turn (Sutherland-Hodgman), then the shoelace
    // formula. A triangle clipped by four edges has at most seven corners.
    ImVec2 poly[8] = {a, b, c}, next[8];
    int n = 3;
    const float lim[4] = {clip.x, clip.y, clip.z, clip.w};
    for (int e = 0; e < 4 && n > 0; ++e) {
        const bool isX = e % 2 == 0, keepAbove = e < 2;
        auto value = [&](ImVec2 p) { return isX ? p.x : p.y; };
        auto inside = [&](ImVec2 p) { return keepAbove ? value(p) >= lim[e] : value(p) <= lim[e]; };
        int m = 0;
        for (int i = 0; i < n; ++i) {
            const ImVec2 p = poly[i], q = poly[(i + 1) % n];
            if (inside(p)) next[m++] = p;
            if (inside(p) != inside(q)) {
                const float t = (lim[e] - value(p)) / (value(q) - value(p));
                next[m++] = ImVec2(p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t);
            }
        }
        std::copy(next, next + m, poly);
        n = m;
    }
    double twice = 0;
    for (int i = 0; i < n; ++i)
        twice += double(poly[i].x) * poly[(i + 1) % n].y - double(poly[(i + 1) % n].x) * poly[i].y;
    return twice < 0 ? -twice / 2 : twice / 2;
}

void splitOpaqueRuns(ImDrawData& dd, ImVec2 whiteUv, double minArea) {
    ImVector<ImDrawCmd> out;
    for (int l = 0; l < dd.CmdListsCount; ++l) {
        ImDrawList& list = *dd.CmdLists[l];
        out.resize(0);
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback) out.push_back(cmd);
            else splitCommand(list, cmd, whiteUv, minArea, out);
        }
        list.CmdBuffer.swap(out);
    }
}

}  // namespace lc::ui::detail
