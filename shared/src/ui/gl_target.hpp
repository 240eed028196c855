#pragma once
// Private to lc_ui: the offscreen framebuffer of the frame's size (--size, or the window's once a
// compositor resized it) that frames are drawn into, shown in the window scaled to fit, and read
// back for screenshots.

#include <string>

#include <imgui.h>

#include <lc/core/result.hpp>

namespace lc::ui::detail {

/// An FBO with one RGBA8 colour renderbuffer. Needs a current GL 3 context.
/// Thread-safety: the GL thread only.
class GlTarget {
public:
    /// Creates the framebuffer (again, at a new size, when it exists); "[ui.shell.4]" when GL
    /// refuses it.
    [[nodiscard]] Result<void> create(int width, int height);
    ~GlTarget();
    GlTarget() = default;
    GlTarget(const GlTarget&) = delete;
    GlTarget& operator=(const GlTarget&) = delete;

    /// Binds it for drawing and clears it to `clear`.
    void bind(const ImVec4& clear) const;
    /// Copies it into the window's framebuffer (`fbW` x `fbH`), scaled to fit, letterboxed.
    void present(int fbW, int fbH) const;
    /// Maps a point in window coordinates (window `winW` x `winH`) to frame pixels.
    ImVec2 windowToFrame(ImVec2 p, int winW, int winH) const;
    /// Writes the frame as an RGB PNG. "[ui.shot.1]" write failed, "[ui.shot.2]" bad path.
    [[nodiscard]] Result<void> writePng(const std::string& path) const;

    /// Sets the size before create() (width()/height() answer from then on).
    void setSize(int width, int height) { m_w = width, m_h = height; }
    int width() const { return m_w; }
    int height() const { return m_h; }

private:
    struct Fit {
        float x, y, w, h;
    };
    Fit fit(int outW, int outH) const;
    void release();

    unsigned m_fbo = 0;
    unsigned m_color = 0;
    int m_w = 0;
    int m_h = 0;
};

}  // namespace lc::ui::detail
