#include <lc/ui/widgets.hpp>

#include <GLFW/glfw3.h>
#include <qrencode.h>

#include <GL/gl.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <memory>
#include <vector>

namespace lc::ui {
namespace {

struct QrDeleter {
    void operator()(QRcode* q) const { QRcode_free(q); }
};
using QrPtr = std::unique_ptr<QRcode, QrDeleter>;

constexpr int kQuietZone = 4;   // modules of white around the code, as the standard asks
constexpr std::size_t kKept = 32;  // codes kept: every join page of a busy day, turning

// An encoded code, and its texture once one was made: one texel a module, quiet zone included.
struct Code {
    std::string text;
    int width = 0;                   // modules a side, without the quiet zone
    std::vector<std::uint8_t> dark;  // width x width, 1 = dark
    GLuint texture = 0;
    std::uint64_t lastUse = 0;
};

// The codes drawn lately, so that a frame neither encodes again nor rebuilds geometry. Drawn
// as one textured square (NEAREST, whole pixels a module), a code costs software GL one quad
// instead of two triangles per dark run: a join page's three codes were about 2,500 triangles
// and 7 ms of llvmpipe's time a frame at 1920x1080. Textures are made only where a GL context
// is current (the shell's); headless, the code is drawn as rectangles. Textures are never
// deleted at exit: they go with the context.
class CodeCache {
public:
    Code* find(std::string_view text) {
        ++m_clock;
        for (Code& c : m_codes)
            if (c.text == text) {
                c.lastUse = m_clock;
                return &c;
            }
        QrPtr qr(QRcode_encodeData(static_cast<int>(text.size()),
                                   reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M));
        if (!qr) return nullptr;
        Code c;
        c.text = std::string(text);
        c.width = qr->width;
        c.dark.resize(std::size_t(c.width) * c.width);
        for (std::size_t i = 0; i < c.dark.size(); ++i) c.dark[i] = qr->data[i] & 1;
        c.lastUse = m_clock;
        if (m_codes.size() >= kKept) {
            auto oldest = std::min_element(m_codes.begin(), m_codes.end(),
                                           [](const Code& x, const Code& y) { return x.lastUse < y.lastUse; });
            if (oldest->texture && glfwGetCurrentContext()) glDeleteTextures(1, &oldest->texture);
            m_codes.erase(oldest);
        }
        m_codes.push_back(std::move(c));
        return &m_codes.back();
    }

    // The code's texture, made on first use; 0 without a GL context.
    GLuint texture(Code& code) {
        if (code.texture || !glfwGetCurrentContext()) return code.texture;
        const int total = code.width + 2 * kQuietZone;
        std::vector<std::uint32_t> texels(std::size_t(total) * total, 0xFFFFFFFFu);  // white, opaque
        for (int y = 0; y < code.width; ++y)
            for (int x = 0; x < code.width; ++x)
                if (code.dark[std::size_t(y) * code.width + x])
                    texels[std::size_t(y + kQuietZone) * total + x + kQuietZone] = 0xFF000000u;  // black
        GLuint tex = 0;
        GLint last = 0;
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &last);
        glGenTextures(1, &tex);
        glBindTexture(GL_TEXTURE_2D, tex);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, total, total, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels.data());
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last));
        code.texture = tex;
        return tex;
    }

private:
    std::vector<Code> m_codes;
    std::uint64_t m_clock = 0;
};

CodeCache& codes() {
    static CodeCache cache;
    return cache;
}

}  // namespace

Result<void> drawQrCode(Ui& ui, std::string_view text, float side) {
    (void)ui;  // part of the widget signature; colours are fixed black on white for scanners
    CodeCache& cache = codes();
    Code* code = cache.find(text);
    if (!code) {
        ImGui::Dummy(ImVec2(side, side));
        return fail(ErrorCode::InvalidInput, "[ui.qr.1]", "text cannot be encoded as a QR code");
    }
    const int n = code->width;
    const int total = n + 2 * kQuietZone;
    // Whole pixels per module keep the code crisp (and scannable) at any size.
    const float module = std::max(1.0f, std::floor(side / total));
    const float drawn = module * total;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 o(a.x + std::floor((side - drawn) * 0.5f), a.y + std::floor((side - drawn) * 0.5f));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (const GLuint tex = cache.texture(*code)) {
        dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(tex)), o,
                     ImVec2(o.x + drawn, o.y + drawn));
        ImGui::Dummy(ImVec2(side, side));
        return {};
    }
    dl->AddRectFilled(o, ImVec2(o.x + drawn, o.y + drawn), IM_COL32(255, 255, 255, 255));
    const ImU32 dark = IM_COL32(0, 0, 0, 255);
    for (int y = 0; y < n; ++y) {
        int x = 0;
        while (x < n) {
            if (!code->dark[std::size_t(y) * n + x]) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < n && code->dark[std::size_t(y) * n + x]) ++x;  // one rectangle per dark run
            const float px = o.x + (kQuietZone + start) * module;
            const float py = o.y + (kQuietZone + y) * module;
            dl->AddRectFilled(ImVec2(px, py), ImVec2(px + (x - start) * module, py + module), dark);
        }
    }
    ImGui::Dummy(ImVec2(side, side));
    return {};
}

}  // namespace lc::ui
