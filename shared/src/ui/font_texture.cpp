#include "font_texture.hpp"

#include <GL/gl.h>
#include <GL/glext.h>

#include <cstdint>

namespace lc::ui::detail {

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
    // An alpha texture, one byte a texel: ImGui's fixed-function backend modulates it (colour
    // from the vertex, alpha times the texel's), which is what its shader did with RGBA white.
    unsigned char* pixels = nullptr;
    atlas.GetTexDataAsAlpha8(&pixels, &m_w, &m_h);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_ALPHA8, m_w, m_h, 0, GL_ALPHA, GL_UNSIGNED_BYTE, pixels);
    m_bytes = static_cast<std::size_t>(m_w) * m_h;
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last));
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(m_tex)));
    atlas.ClearTexData();  // GL has its copy; the CPU one would only take heap
}

}  // namespace lc::ui::detail
