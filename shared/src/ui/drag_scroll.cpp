// Touch scrolling: GLFW delivers a finger as a mouse, so a press that moves scrolls the list, and
// a flick keeps it moving for a moment. Momentum reads the animation clock, not io.DeltaTime
// (which jumps after the loop slept).

#include <lc/ui/widgets.hpp>

#include <algorithm>
#include <cmath>

namespace lc::ui {
namespace {

constexpr float kDecayPerSecond = 4.0f;  // velocity × e^(-4 t): mostly gone after ~1 s
constexpr float kStopSpeed = 30.0f;      // px/s below which momentum ends

bool pressStartedInside() {
    const ImVec2 p = ImGui::GetIO().MouseClickedPos[0];
    const ImVec2 a = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
    return p.x >= a.x && p.y >= a.y && p.x < a.x + s.x && p.y < a.y + s.y;
}

}  // namespace

void beginDragScroll(Ui& ui, std::string_view id, ImVec2 size) {
    ImGui::BeginChild(ImGui::GetID(id.data(), id.data() + id.size()), size, false,
                      ImGuiWindowFlags_NoScrollbar);
    const ImVec2 pos = ImGui::GetWindowPos(), extent = ImGui::GetWindowSize();
    ui.layout().beginRegion(std::string(id), Rect{pos.x, pos.y, extent.x, extent.y},
                            ImGui::GetScrollY(), ImGui::GetScrollMaxY());
    ScrollState& st = ui.scrollState(id);
    const double now = ui.animTime();
    const float dt = st.lastTime > 0 ? static_cast<float>(now - st.lastTime) : 0.0f;
    st.lastTime = now;
    const ImGuiIO& io = ImGui::GetIO();
    const float slop = 0.25f * ui.metrics().touchTarget;

    if (io.MouseDown[0] && pressStartedInside() && ImGui::IsMouseDragging(0, slop)) {
        const float dy = io.MouseDelta.y;
        ImGui::SetScrollY(ImGui::GetScrollY() - dy);
        if (dt > 0) st.velocity = 0.6f * (-dy / dt) + 0.4f * st.velocity;
        if (dy != 0) st.lastMove = now;
        st.dragging = true;
        return;
    }
    if (st.dragging && !io.MouseDown[0]) {
        st.dragging = false;  // released: momentum takes over, unless the finger had stopped
        if (now - st.lastMove > 0.1) st.velocity = 0;
    }
    if (std::fabs(st.velocity) < kStopSpeed || dt <= 0) {
        if (std::fabs(st.velocity) < kStopSpeed) st.velocity = 0;
        else ui.requestAnimationFrame();
        return;
    }
    const float y = ImGui::GetScrollY() + st.velocity * std::min(dt, 0.1f);
    const float maxY = ImGui::GetScrollMaxY();
    ImGui::SetScrollY(std::clamp(y, 0.0f, maxY));
    st.velocity *= std::exp(-kDecayPerSecond * std::min(dt, 0.1f));
    if (y <= 0 || y >= maxY) st.velocity = 0;  // hit an end
    if (st.velocity != 0) ui.requestAnimationFrame();
}

void endDragScroll(Ui& ui) {
    ui.layout().endRegion();
    ImGui::EndChild();
}

namespace {

// Whether the region's content, as laid out last frame, runs past its bottom (stable all frame:
// ImGui computes scroll and its limit in BeginChild).
bool contentBelow() { return ImGui::GetScrollMaxY() - ImGui::GetScrollY() > 1.0f; }

}  // namespace

void beginScrollWithHint(Ui& ui, std::string_view id, ImVec2 size) {
    beginDragScroll(ui, id, size);
    if (!contentBelow()) return;
    // The hint's tap area goes first so that it, not a field half under it, takes the touch.
    const float hintH = ui.metrics().touchTarget;
    const ImVec2 cursor = ImGui::GetCursorPos();
    const float scrollY = ImGui::GetScrollY(), h = ImGui::GetWindowSize().y;
    ImGui::SetCursorPos(ImVec2(0, scrollY + h - hintH));
    ui.layout().markHint(hintH);
    ui.layout().setOverlay(true);
    if (ui.touchArea(std::string(id) + ".more", ui.tr("More below"), ImVec2(ImGui::GetWindowSize().x, hintH))) {
        ImGui::SetScrollY(std::min(ImGui::GetScrollMaxY(), scrollY + h * 0.7f));
        ui.requestAnimationFrame();
    }
    ui.layout().setOverlay(false);
    ImGui::SetCursorPos(cursor);
}

bool endScrollWithHint(Ui& ui) {
    const bool more = contentBelow();
    if (more) {
        const auto& m = ui.metrics();
        const auto& p = ui.palette();
        const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
        const float scrollY = ImGui::GetScrollY();
        const float hintH = m.touchTarget, fadeH = hintH * 1.5f, bottom = pos.y + size.y;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImVec4 clear = p.background;
        clear.w = 0;
        const ImU32 c0 = toU32(clear), c1 = toU32(p.background);  // fade: transparent → opaque
        // Fade the lines above the hint, then an opaque band for it: text fades, never slices.
        dl->AddRectFilledMultiColor(ImVec2(pos.x, bottom - hintH - fadeH),
                                    ImVec2(pos.x + size.x, bottom - hintH), c0, c0, c1, c1);
        ui.fillRect(ImVec2(pos.x, bottom - hintH), ImVec2(pos.x + size.x, bottom), p.background);
        // The label centred, a down arrow after it (drawn: no glyph needed).
        const std::string label = ui.tr("More below");
        const ImVec2 ts = ui.measure(label, FontRole::Bold);
        const float arrow = ts.y * 0.6f;
        const float x = (size.x - ts.x - m.gap - arrow) * 0.5f;
        ImGui::SetCursorPos(ImVec2(x, scrollY + size.y - hintH + (hintH - ts.y) * 0.5f));
        ui.layout().setOverlay(true);
        ui.text(label, FontRole::Bold, p.accent);
        ui.layout().setOverlay(false);
        const float ax = pos.x + x + ts.x + m.gap, ay = bottom - (hintH + arrow) * 0.5f;
        dl->AddTriangleFilled(ImVec2(ax, ay), ImVec2(ax + arrow, ay),
                              ImVec2(ax + arrow * 0.5f, ay + arrow), toU32(p.accent));
    }
    endDragScroll(ui);
    return more;
}

}  // namespace lc::ui
