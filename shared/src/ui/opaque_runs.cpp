#include "opaque_runs.hpp"

#include <GL/gl.h>

#include <algorithm>

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

}  // namespace

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
