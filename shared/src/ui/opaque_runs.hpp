#pragma once
// Private to lc_ui: drawing opaque fills without blending. Software GL (llvmpipe) shades every
// pixel of a blended triangle by reading the framebuffer back; a card, button or key face is
// opaque, and drawn without blending it costs far less (whole tiles it covers are simply
// written). ImGui's OpenGL 3 backend blends everything, so before it renders, each draw command
// is split where large runs of opaque, untextured triangles start and end, and callbacks turn
// blending off and on around them. The pixels are the same: an opaque colour blended with
// SRC_ALPHA, ONE_MINUS_SRC_ALPHA replaces what is under it.

#include <imgui.h>

namespace lc::ui::detail {

/// Area of triangle abc inside the rectangle `clip` (x1, y1, x2, y2), in pixels.
double clippedArea(ImVec2 a, ImVec2 b, ImVec2 c, const ImVec4& clip);

/// Splits the commands of every list of `dd` so that runs of opaque, untextured triangles
/// covering at least `minArea` pixels draw with blending off. `whiteUv` is the atlas's white
/// pixel (ImFontAtlas::TexUvWhitePixel), which untextured ImGui geometry samples. Needs the
/// current GL context when the draw data is rendered (the callbacks call GL).
void splitOpaqueRuns(ImDrawData& dd, ImVec2 whiteUv, double minArea = 4096);

/// Fills the rectangle a-b with the opaque colour `col` (corners rounded by `rounding`, as
/// ImDrawList::AddRectFilled would). A fill this large is most of what software GL spends a
/// frame on when it is shaded (about 11 ns a pixel at 1920x1080 in llvmpipe), so its
/// straight-edged body becomes scissored clears, which llvmpipe does as a plain memory fill
/// per tile: a callback in the draw list, in order with everything else. Only the rounded
/// corners are drawn as triangles, as ImGui draws them. The pixels covered are the ones
/// AddRectFilled covers (pixel centres inside the rectangle). Small or translucent fills are
/// plain AddRectFilled. Needs the current GL context when the draw data is rendered.
void addOpaqueFill(ImDrawList& dl, ImVec2 a, ImVec2 b, ImU32 col, float rounding = 0,
                   double minArea = 2048);

}  // namespace lc::ui::detail
