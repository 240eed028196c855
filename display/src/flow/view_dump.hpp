#pragma once
// --dump-view: the view-model as JSON, so tests assert states without reading pixels.

#include <string>

#include "flow/display_view.hpp"

namespace lc::display {

/// Every page (the rotation starts on "Today"), each row with circle_id (int), room, start and end
/// (ISO-8601 local with offset) and state; each join row with its badge and `qr_px` (the drawn
/// QR size); each page with `body_cap_px` when the App measured it. Pretty-printed, UTF-8.
std::string dumpViewJson(const DisplayView& v);

}  // namespace lc::display
