#include <lc/ui/headless.hpp>

#include <algorithm>

#include <lc/core/script.hpp>

#include "root_window.hpp"

namespace lc::ui {

struct HeadlessUi::Parts {
    Parts(Catalogs c, Fonts f, ImVec2 s) : catalogs(std::move(c)), fonts(std::move(f)), size(s) {}
    ImGuiContext* context = nullptr;
    Catalogs catalogs;
    Fonts fonts;
    std::unique_ptr<Ui> ui;
    ImVec2 size;
    ImVec2 mouse{-1, -1};
    bool mouseDown = false;
    FixedClock epoch{Instant{}};  // for scripts run without a clock: time stands still
};

Result<std::unique_ptr<HeadlessUi>> HeadlessUi::create(HeadlessConfig config) {
    auto catalogs = Catalogs::load(
        config.messagesDir.empty() ? defaultMessagesDir() : config.messagesDir, config.domains);
    if (!catalogs) return fail(catalogs.error());
    auto fonts = Fonts::create(config.fonts);
    if (!fonts) return fail(fonts.error());
    std::unique_ptr<HeadlessUi> h(new HeadlessUi());
    h->m_parts = std::make_unique<Parts>(std::move(*catalogs), std::move(*fonts),
                                         ImVec2(config.width, config.height));
    Parts& p = *h->m_parts;
    p.context = ImGui::CreateContext();
    ImGui::SetCurrentContext(p.context);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    p.ui = std::make_unique<Ui>(p.catalogs, p.fonts, config.lang);
    p.ui->setTheme(makeTheme(config.theme, config.width, config.height));
    detail::refreshFonts(*p.ui);
    return h;
}

HeadlessUi::~HeadlessUi() {
    if (m_parts && m_parts->context) {
        m_parts->ui.reset();
        ImGui::DestroyContext(m_parts->context);
    }
}

Ui& HeadlessUi::ui() { return *m_parts->ui; }

void HeadlessUi::frame(const std::function<void(Ui&)>& draw) {
    Parts& p = *m_parts;
    ImGui::SetCurrentContext(p.context);
    detail::refreshFonts(*p.ui);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = p.size;
    io.DeltaTime = static_cast<float>(m_frameSeconds);
    io.MousePos = p.mouse;
    io.MouseDown[0] = p.mouseDown;
    m_time += m_frameSeconds;
    ImGui::NewFrame();
    p.ui->beginFrame(p.size, m_time);
    detail::beginRootWindow(*p.ui, p.size);
    draw(*p.ui);
    detail::endRootWindow();
    p.ui->endFrame();
    ImGui::Render();
}

void HeadlessUi::setApp(App* app, const Clock* clock) {
    m_app = app;
    m_clock = clock;
}

void HeadlessUi::runFrame() {
    if (!m_app) return frame([](Ui&) {});
    const Clock& clock = m_clock ? *m_clock : m_parts->epoch;
    frame([&](Ui& ui) {
        const ImVec2 size = m_parts->size;
        FrameContext ctx{ui, clock.now(), size, size.y > size.x};
        m_app->drawFrame(ctx);
    });
}

Result<void> HeadlessUi::screenshot(const std::string& path) {
    return fail(ErrorCode::InvalidInput, "[ui.shot.3]", "no pixels headless: " + path);
}

Result<void> HeadlessUi::runScript(App& app, std::string_view source, FixedClock* clock) {
    auto steps = script::parse(source);
    if (!steps) return fail(steps.error());
    setApp(&app, clock);
    ScriptPlayer player(std::move(*steps), clock);
    runFrame();
    return player.runAll(app, ui(), *this);
}

void HeadlessUi::setMouse(ImVec2 pos, bool down) {
    m_parts->mouse = pos;
    m_parts->mouseDown = down;
}

// Each glyph quad starts with its top-left vertex followed by its top-right one; the fonts share
// one atlas, so the UVs name one glyph of one font.
std::u32string HeadlessUi::drawnCodepoints() const {
    std::u32string out;
    const ImDrawData* data = ImGui::GetDrawData();
    if (!data) return out;
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const auto& vtx = data->CmdLists[l]->VtxBuffer;
        for (int i = 0; i + 1 < vtx.Size; ++i) {
            const ImDrawVert& a = vtx[i];
            const ImDrawVert& b = vtx[i + 1];
            if (a.uv.y != b.uv.y || a.uv.x >= b.uv.x) continue;
            for (const ImFont* font : atlas->Fonts) {
                const auto* g = std::find_if(font->Glyphs.begin(), font->Glyphs.end(), [&](const ImFontGlyph& gl) {
                    return gl.Visible && a.uv.x == gl.U0 && a.uv.y == gl.V0 && b.uv.x == gl.U1;
                });
                if (g == font->Glyphs.end()) continue;
                out += static_cast<char32_t>(g->Codepoint);
                break;
            }
        }
    }
    return out;
}

}  // namespace lc::ui
