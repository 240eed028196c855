#include "gl_target.hpp"

#include <GL/gl.h>
#include <GL/glext.h>

#include <stb_image_write.h>

#include <algorithm>
#include <filesystem>
#include <vector>

namespace lc::ui::detail {

Result<void> GlTarget::create(int width, int height) {
    release();
    m_w = width;
    m_h = height;
    glGenFramebuffers(1, &m_fbo);
    glGenRenderbuffers(1, &m_color);
    glBindRenderbuffer(GL_RENDERBUFFER, m_color);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_color);
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (status != GL_FRAMEBUFFER_COMPLETE)
        return fail(ErrorCode::Internal, "[ui.shell.4]",
                    "offscreen framebuffer " + std::to_string(width) + "x" +
                        std::to_string(height) + " refused by GL");
    return {};
}

GlTarget::~GlTarget() { release(); }

void GlTarget::release() {
    if (m_fbo) glDeleteFramebuffers(1, &m_fbo);
    if (m_color) glDeleteRenderbuffers(1, &m_color);
    m_fbo = m_color = 0;
}

void GlTarget::bind(const ImVec4& clear) const {
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
    glViewport(0, 0, m_w, m_h);
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

GlTarget::Fit GlTarget::fit(int outW, int outH) const {
    const float s = std::min(static_cast<float>(outW) / m_w, static_cast<float>(outH) / m_h);
    const float w = m_w * s, h = m_h * s;
    return {(outW - w) * 0.5f, (outH - h) * 0.5f, w, h};
}

void GlTarget::present(int fbW, int fbH) const {
    const Fit f = fit(fbW, fbH);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glViewport(0, 0, fbW, fbH);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_fbo);
    const bool exact = static_cast<int>(f.w) == m_w && static_cast<int>(f.h) == m_h;
    glBlitFramebuffer(0, 0, m_w, m_h, static_cast<int>(f.x), static_cast<int>(f.y),
                      static_cast<int>(f.x + f.w), static_cast<int>(f.y + f.h),
                      GL_COLOR_BUFFER_BIT, exact ? GL_NEAREST : GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

ImVec2 GlTarget::windowToFrame(ImVec2 p, int winW, int winH) const {
    if (winW <= 0 || winH <= 0) return p;
    const Fit f = fit(winW, winH);
    return ImVec2((p.x - f.x) * m_w / f.w, (p.y - f.y) * m_h / f.h);
}

Result<void> GlTarget::writePng(const std::string& path) const {
    if (!m_fbo) return fail(ErrorCode::Internal, "[ui.shot.1]", "no frame drawn yet");
    std::vector<unsigned char> rgba(static_cast<std::size_t>(m_w) * m_h * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_fbo);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, m_w, m_h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    // GL's rows go bottom-up; PNG's top-down. Drop alpha: screenshots are opaque.
    std::vector<unsigned char> rgb(static_cast<std::size_t>(m_w) * m_h * 3);
    for (int y = 0; y < m_h; ++y) {
        const unsigned char* src = &rgba[static_cast<std::size_t>(m_h - 1 - y) * m_w * 4];
        unsigned char* dst = &rgb[static_cast<std::size_t>(y) * m_w * 3];
        for (int x = 0; x < m_w; ++x) {
            dst[x * 3 + 0] = src[x * 4 + 0];
            dst[x * 3 + 1] = src[x * 4 + 1];
            dst[x * 3 + 2] = src[x * 4 + 2];
        }
    }
    std::error_code ec;
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec) return fail(ErrorCode::Io, "[ui.shot.2]", "cannot create " + parent.string());
    if (!stbi_write_png(path.c_str(), m_w, m_h, 3, rgb.data(), m_w * 3))
        return fail(ErrorCode::Io, "[ui.shot.1]", "cannot write " + path);
    return {};
}

}  // namespace lc::ui::detail
