#pragma once
// Runs lc::script steps against an App (shared/README.md "Script format"), in a window (Shell) or
// headless (HeadlessUi): both provide a FrameDriver.

#include <string>
#include <vector>

#include <lc/core/clock.hpp>
#include <lc/core/result.hpp>
#include <lc/core/script.hpp>
#include <lc/ui/app.hpp>
#include <lc/ui/ui.hpp>

namespace lc::ui {

/// What the player needs from whoever owns the frames.
class FrameDriver {
public:
    virtual ~FrameDriver() = default;
    /// Draws and presents one frame of the app (fonts rebuilt first when dirty).
    virtual void runFrame() = 0;
    /// Writes the current frame as PNG; "[ui.shot.N]" on failure.
    [[nodiscard]] virtual Result<void> screenshot(const std::string& path) = 0;
};

/// Frames `expect` waits for the text to appear.
inline constexpr int kExpectFrames = 10;

/// Plays steps one at a time. Thread-safety: main thread only.
class ScriptPlayer {
public:
    /// `clock` is the fixed clock under --now, or nullptr (then `advance` fails).
    ScriptPlayer(std::vector<script::Step> steps, FixedClock* clock);

    /// Runs the next step: one or more frames through `driver`. On failure the error's message
    /// is "script:LINE: what failed" (ready to print) and the player stops.
    [[nodiscard]] Result<void> step(App& app, Ui& ui, FrameDriver& driver);
    /// True when every step ran.
    bool done() const { return m_next >= m_steps.size(); }
    /// Runs every remaining step; the first failure is returned.
    [[nodiscard]] Result<void> runAll(App& app, Ui& ui, FrameDriver& driver);

private:
    Result<void> execute(const script::Step& s, App& app, Ui& ui, FrameDriver& driver);

    std::vector<script::Step> m_steps;
    FixedClock* m_clock;
    std::size_t m_next = 0;
};

}  // namespace lc::ui
