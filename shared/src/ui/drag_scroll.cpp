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
    (void)ui;
    ImGui::EndChild();
}

}  // namespace lc::ui
