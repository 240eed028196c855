#pragma once
// Private to lc_ui: the font atlas as a one-channel GL texture. ImGui's stock backends upload
// RGBA (white + coverage), four bytes a texel; Mesa's llvmpipe keeps textures in the process's
// heap, so at 1080p that is megabytes for nothing. Here the atlas is an alpha texture, which the
// fixed-function backend's MODULATE draws exactly like its RGBA one.

#include <cstddef>

#include <imgui.h>

namespace lc::ui::detail {

/// Owns the font texture. Needs a current GL context that is not forward-compatible (alpha
/// textures). Thread-safety: the GL thread only.
class FontTexture {
public:
    FontTexture() = default;
    ~FontTexture();
    FontTexture(const FontTexture&) = delete;
    FontTexture& operator=(const FontTexture&) = delete;

    /// Uploads `atlas` (built) as the texture draw commands use, replacing the previous one, and
    /// sets the atlas's TexID. One byte a texel.
    void upload(ImFontAtlas& atlas);
    /// True once a texture was uploaded.
    bool ready() const { return m_tex != 0; }
    /// Bytes of texture memory held (width x height x bytes a texel).
    std::size_t bytes() const { return m_bytes; }
    /// The texture's size in texels.
    int width() const { return m_w; }
    int height() const { return m_h; }

private:
    unsigned m_tex = 0;
    std::size_t m_bytes = 0;
    int m_w = 0, m_h = 0;
};

}  // namespace lc::ui::detail
