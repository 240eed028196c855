#include <lc/ui/widgets.hpp>

#include <qrencode.h>

#include <cmath>
#include <memory>

namespace lc::ui {
namespace {

struct QrDeleter {
    void operator()(QRcode* q) const { QRcode_free(q); }
};
using QrPtr = std::unique_ptr<QRcode, QrDeleter>;

constexpr int kQuietZone = 4;  // modules of white around the code, as the standard asks

}  // namespace

Result<void> drawQrCode(Ui& ui, std::string_view text, float side) {
    (void)ui;  // part of the widget signature; colours are fixed black on white for scanners
    QrPtr qr(QRcode_encodeData(static_cast<int>(text.size()),
                               reinterpret_cast<const unsigned char*>(text.data()), 0,
                               QR_ECLEVEL_M));
    if (!qr) {
        ImGui::Dummy(ImVec2(side, side));
        return fail(ErrorCode::InvalidInput, "[ui.qr.1]", "text cannot be encoded as a QR code");
    }
    const int n = qr->width;
    const int total = n + 2 * kQuietZone;
    // Whole pixels per module keep the code crisp (and scannable) at any size.
    const float module = std::max(1.0f, std::floor(side / total));
    const float drawn = module * total;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 o(a.x + std::floor((side - drawn) * 0.5f), a.y + std::floor((side - drawn) * 0.5f));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(o, ImVec2(o.x + drawn, o.y + drawn), IM_COL32(255, 255, 255, 255));
    const ImU32 dark = IM_COL32(0, 0, 0, 255);
    for (int y = 0; y < n; ++y) {
        int x = 0;
        while (x < n) {
            if (!(qr->data[y * n + x] & 1)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < n && (qr->data[y * n + x] & 1)) ++x;  // one rectangle per dark run
            const float px = o.x + (kQuietZone + start) * module;
            const float py = o.y + (kQuietZone + y) * module;
            dl->AddRectFilled(ImVec2(px, py), ImVec2(px + (x - start) * module, py + module), dark);
        }
    }
    ImGui::Dummy(ImVec2(side, side));
    return {};
}

}  // namespace lc::ui
