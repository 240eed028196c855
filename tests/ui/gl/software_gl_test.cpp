// Drawing under real software GL (run by xvfb-run): addOpaqueFill's pixels against
// ImDrawList::AddRectFilled's and its clip rectangle; a QR code drawn as one texture.
#include <catch2/catch.hpp>

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_opengl2.h>
#include <imgui.h>

#include <GL/gl.h>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <functional>
#include <vector>

#include "opaque_runs.hpp"

namespace {

constexpr int kW = 320, kH = 200;
constexpr ImU32 kCard = IM_COL32(0x1d, 0x23, 0x29, 0xff);

// One hidden window, one ImGui context with its GL backend, for the whole test binary.
struct Gl {
    GLFWwindow* window = nullptr;
    Gl() {
        if (!glfwInit()) return;
        glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        glfwWindowHint(GLFW_DEPTH_BITS, 0);
        glfwWindowHint(GLFW_STENCIL_BITS, 0);
        window = glfwCreateWindow(kW, kH, "opaque fill test", nullptr, nullptr);
        if (!window) return;
        glfwMakeContextCurrent(window);
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(kW, kH);
        unsigned char* px = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        ImGui_ImplOpenGL2_Init();
    }
    ~Gl() {
        if (!window) return;
        ImGui_ImplOpenGL2_Shutdown();
        ImGui::DestroyContext();
        glfwDestroyWindow(window);
        glfwTerminate();
    }
};

Gl& gl() {
    static Gl g;
    return g;
}

// Draws one frame into the window's back buffer with `draw` filling the background draw list,
// and reads it back (RGB, bottom row first, as GL gives it).
std::vector<std::uint8_t> render(const std::function<void(ImDrawList&)>& draw) {
    ImGui_ImplOpenGL2_NewFrame();
    ImGui::NewFrame();
    draw(*ImGui::GetBackgroundDrawList());
    ImGui::Render();
    glViewport(0, 0, kW, kH);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(0.9f, 0.85f, 0.8f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    lc::ui::detail::splitOpaqueRuns(*ImGui::GetDrawData(), ImGui::GetIO().Fonts->TexUvWhitePixel);
    ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
    std::vector<std::uint8_t> px(std::size_t(kW) * kH * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, kW, kH, GL_RGB, GL_UNSIGNED_BYTE, px.data());
    return px;
}

int diffAt(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b, int x, int y) {
    const std::size_t i = (std::size_t(kH - 1 - y) * kW + x) * 3;
    int d = 0;
    for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(int(a[i + c]) - int(b[i + c])));
    return d;
}

// Distance from pixel (x, y)'s centre to the outline of the rectangle a-b.
float toOutline(int x, int y, ImVec2 a, ImVec2 b) {
    const float cx = x + 0.5f, cy = y + 0.5f;
    const float dx = std::min(std::abs(cx - a.x), std::abs(cx - b.x));
    const float dy = std::min(std::abs(cy - a.y), std::abs(cy - b.y));
    const bool insideX = cx > a.x && cx < b.x, insideY = cy > a.y && cy < b.y;
    if (insideX && insideY) return std::min(dx, dy);
    if (insideX) return dy;
    if (insideY) return dx;
    return std::hypot(dx, dy);
}

}  // namespace

TEST_CASE("addOpaqueFill draws what AddRectFilled draws, on whole pixels", "[ui][gl]") {
    REQUIRE(gl().window != nullptr);
    const ImVec2 a(20, 30), b(300, 170);
    for (float rounding : {0.0f, 6.0f, 12.0f, 24.0f}) {
        CAPTURE(rounding);
        const auto ref = render([&](ImDrawList& dl) { dl.AddRectFilled(a, b, kCard, rounding); });
        const auto fast = render([&](ImDrawList& dl) { lc::ui::detail::addOpaqueFill(dl, a, b, kCard, rounding); });
        int worst = 0, differing = 0;
        for (int y = 0; y < kH; ++y)
            for (int x = 0; x < kW; ++x) {
                const int d = diffAt(ref, fast, x, y);
                worst = std::max(worst, d);
                differing += d > 0;
            }
        CHECK(worst <= 2);  // the seams between clears and corners: the same colour blended over itself
        CHECK(differing < 40);
        // And it is a card: the centre has the card's colour, the corner outside the arc does not.
        const std::size_t centre = (std::size_t(kH - 1 - 100) * kW + 160) * 3;
        CHECK(int(fast[centre]) == 0x1d);
        CHECK(int(fast[centre + 2]) == 0x29);
        if (rounding >= 12) CHECK(diffAt(fast, render([](ImDrawList&) {}), 21, 31) == 0);
    }
}

TEST_CASE("addOpaqueFill on fractional coordinates differs only along the outline", "[ui][gl]") {
    REQUIRE(gl().window != nullptr);
    const ImVec2 a(20.3f, 30.6f), b(299.5f, 169.25f);
    for (float rounding : {0.0f, 10.5f}) {
        CAPTURE(rounding);
        const auto ref = render([&](ImDrawList& dl) { dl.AddRectFilled(a, b, kCard, rounding); });
        const auto fast = render([&](ImDrawList& dl) { lc::ui::detail::addOpaqueFill(dl, a, b, kCard, rounding); });
        // Whole pixels move the edges by under a pixel, and the corners' centres with them.
        auto nearCorner = [&](int x, int y) {
            const float r = rounding + 2;
            const bool nearX = x + 0.5f < a.x + r || x + 0.5f > b.x - r;
            const bool nearY = y + 0.5f < a.y + r || y + 0.5f > b.y - r;
            return nearX && nearY;
        };
        int farOff = 0, nearOff = 0;
        for (int y = 0; y < kH; ++y)
            for (int x = 0; x < kW; ++x) {
                if (diffAt(ref, fast, x, y) <= 2) continue;
                if (toOutline(x, y, a, b) <= 1.5f || nearCorner(x, y)) ++nearOff;
                else ++farOff;
            }
        CHECK(farOff == 0);
        CHECK(nearOff < 2 * (kW + kH));  // at most about one row or column on each side
    }
}

TEST_CASE("addOpaqueFill stays inside the clip rectangle", "[ui][gl]") {
    REQUIRE(gl().window != nullptr);
    const auto empty = render([](ImDrawList&) {});
    const auto clipped = render([](ImDrawList& dl) {
        dl.PushClipRect(ImVec2(100, 50), ImVec2(200, 120));
        lc::ui::detail::addOpaqueFill(dl, ImVec2(10, 10), ImVec2(310, 190), kCard, 8);
        dl.PopClipRect();
    });
    int outsideChanged = 0, insideCard = 0;
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
            const bool inside = x >= 100 && x < 200 && y >= 50 && y < 120;
            const int d = diffAt(empty, clipped, x, y);
            if (!inside && d != 0) ++outsideChanged;
            if (inside && d > 100) ++insideCard;
        }
    CHECK(outsideChanged == 0);
    CHECK(insideCard == 100 * 70);
}

TEST_CASE("a translucent or small fill is left to ImGui", "[ui][gl]") {
    REQUIRE(gl().window != nullptr);
    const ImU32 glass = IM_COL32(0x1d, 0x23, 0x29, 0x80);
    for (auto [a, b, col] : {std::tuple{ImVec2(20, 30), ImVec2(300, 170), glass},
                             std::tuple{ImVec2(20, 30), ImVec2(40, 50), kCard}}) {
        ImDrawList* seen = nullptr;
        int commands = 0;
        render([&](ImDrawList& dl) {
            lc::ui::detail::addOpaqueFill(dl, a, b, col, 4);
            seen = &dl;
            for (const ImDrawCmd& c : dl.CmdBuffer) commands += c.UserCallback != nullptr;
        });
        CHECK(seen != nullptr);
        CHECK(commands == 0);  // no clears queued
    }
}

// ---- QR codes: drawn as one texture when GL is there --------------------------------------

#include <lc/ui/headless.hpp>
#include <lc/ui/widgets.hpp>
#include <qrencode.h>

TEST_CASE("a QR code drawn as a texture has qrencode's modules, crisp", "[ui][gl]") {
    REQUIRE(gl().window != nullptr);
    ImGuiContext* before = ImGui::GetCurrentContext();
    lc::ui::HeadlessConfig cfg;
    cfg.width = kW;
    cfg.height = kH;
    cfg.messagesDir = LC_MESSAGES_BUILD_DIR;
    auto made = lc::ui::HeadlessUi::create(cfg);
    REQUIRE(made);
    auto& headless = **made;
    REQUIRE(ImGui_ImplOpenGL2_Init());
    const std::string text = "https://learningcircles.p2pu.org/signup/public-speaking-42/";
    float side = 0;
    ImVec2 at;
    for (int frame = 0; frame < 2; ++frame) {  // the first frame settles the fonts
        ImGui_ImplOpenGL2_NewFrame();
        headless.frame([&](lc::ui::Ui& ui) {
            at = ImGui::GetCursorScreenPos();
            side = 180;
            REQUIRE(lc::ui::drawQrCode(ui, text, side));
        });
    }
    // One textured square, not a rectangle per dark run.
    int triangles = 0;
    for (int l = 0; l < ImGui::GetDrawData()->CmdListsCount; ++l)
        triangles += ImGui::GetDrawData()->CmdLists[l]->IdxBuffer.Size / 3;
    CHECK(triangles < 40);
    glViewport(0, 0, kW, kH);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(0.5f, 0.5f, 0.5f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
    std::vector<std::uint8_t> px(std::size_t(kW) * kH * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, kW, kH, GL_RGB, GL_UNSIGNED_BYTE, px.data());
    ImGui_ImplOpenGL2_Shutdown();
    made->reset();
    ImGui::SetCurrentContext(before);

    QRcode* qr = QRcode_encodeData(int(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M);
    REQUIRE(qr != nullptr);
    const int n = qr->width, total = n + 8;
    const int module = int(std::floor(side / total));
    const int ox = int(at.x + std::floor((side - module * total) * 0.5f));
    const int oy = int(at.y + std::floor((side - module * total) * 0.5f));
    auto value = [&](int x, int y) { return int(px[(std::size_t(kH - 1 - y) * kW + x) * 3]); };
    int wrong = 0, blurred = 0;
    for (int my = 0; my < total; ++my)
        for (int mx = 0; mx < total; ++mx) {
            const bool inCode = mx >= 4 && my >= 4 && mx < n + 4 && my < n + 4;
            const bool dark = inCode && (qr->data[(my - 4) * n + (mx - 4)] & 1);
            for (int dy = 0; dy < module; ++dy)
                for (int dx = 0; dx < module; ++dx) {
                    const int v = value(ox + mx * module + dx, oy + my * module + dy);
                    if (v != 0 && v != 255) ++blurred;
                    else if ((v == 0) != dark) ++wrong;
                }
        }
    QRcode_free(qr);
    CHECK(module >= 2);
    CHECK(wrong == 0);
    CHECK(blurred == 0);
}

// ---- the font atlas as lc_ui uploads it ---------------------------------------------------

#include "font_texture.hpp"

TEST_CASE("text drawn from the one-byte atlas is glyphs, not boxes", "[ui][gl]") {
    REQUIRE(gl().window != nullptr);
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    ImFontConfig cfg;
    cfg.SizePixels = 40;
    atlas.Clear();
    ImFont* font = atlas.AddFontDefault(&cfg);
    atlas.Build();
    lc::ui::detail::FontTexture texture;
    texture.upload(atlas);
    REQUIRE(texture.ready());
    CHECK(texture.bytes() == std::size_t(texture.width()) * texture.height());  // one byte a texel
    const ImVec2 at(20, 20);
    const char* text = "HOLA mundo";
    const ImVec2 size = font->CalcTextSizeA(40, FLT_MAX, 0, text);
    const auto empty = render([](ImDrawList&) {});
    const auto drawn = render([&](ImDrawList& dl) { dl.AddText(font, 40, at, IM_COL32(0, 0, 0, 255), text); });
    int ink = 0, box = 0;
    for (int y = int(at.y); y < int(at.y + size.y); ++y)
        for (int x = int(at.x); x < int(at.x + size.x); ++x, ++box) ink += diffAt(empty, drawn, x, y) > 128;
    CAPTURE(ink, box);
    CHECK(ink > box / 20);  // there is text
    CHECK(ink < box / 4);   // and letters: about 15 % here; a box per glyph is 43 %
}
