#pragma once
// Headless ImGui for screen smoke tests: a context, io.DisplaySize/DeltaTime set by hand, the
// font atlas built by hand, no window and no GL (ImGui 1.86 has no null backend).

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include <lc/core/clock.hpp>
#include <lc/core/result.hpp>
#include <lc/ui/app.hpp>
#include <lc/ui/fonts.hpp>
#include <lc/ui/i18n.hpp>
#include <lc/ui/script_player.hpp>
#include <lc/ui/ui.hpp>

namespace lc::ui {

/// How to build a headless UI.
struct HeadlessConfig {
    int width = 1920;
    int height = 1080;
    std::string lang = "en";
    std::vector<std::string> domains = {"common"};  ///< app's first, e.g. {"kiosk", "common"}
    std::string messagesDir;                        ///< "" → defaultMessagesDir()
    FontFiles fonts;
    ThemeKind theme = ThemeKind::Touch;
};

/// An ImGui context with a Ui, for tests. Thread-safety: one test thread.
class HeadlessUi final : public FrameDriver {
public:
    /// Creates the context and loads catalogs and fonts.
    [[nodiscard]] static Result<std::unique_ptr<HeadlessUi>> create(HeadlessConfig config = {});
    ~HeadlessUi() override;

    /// The drawing context.
    Ui& ui();
    /// Runs one frame: NewFrame, a full-window "##root" window, draw(ui), Render. Animation time
    /// advances by 1/60 s per frame. Fonts are rebuilt first when dirty.
    void frame(const std::function<void(Ui&)>& draw);
    /// Sets what runFrame() draws (an App), for scripts.
    void setApp(App* app, const Clock* clock);
    /// FrameDriver: one frame of the app set with setApp().
    void runFrame() override;
    /// FrameDriver: headless has no pixels; fails with "[ui.shot.3]".
    Result<void> screenshot(const std::string& path) override;
    /// Parses `source` and plays it against `app` (clock moved by `advance` if given).
    /// The error's message is "script:LINE: ...".
    [[nodiscard]] Result<void> runScript(App& app, std::string_view source, FixedClock* clock);

    /// The codepoints of the glyph quads the last frame drew, in draw order (a space draws none):
    /// what a right-to-left test compares with presentation forms written out by hand.
    std::u32string drawnCodepoints() const;
    /// Mouse, in frame pixels, applied at the next frame (for drag and click tests).
    void setMouse(ImVec2 pos, bool down);
    /// Time step per frame in seconds (animations); default 1/60.
    void setFrameSeconds(double s) { m_frameSeconds = s; }

private:
    HeadlessUi() = default;
    struct Parts;
    std::unique_ptr<Parts> m_parts;
    App* m_app = nullptr;
    const Clock* m_clock = nullptr;
    double m_time = 0;
    double m_frameSeconds = 1.0 / 60.0;
};

}  // namespace lc::ui
