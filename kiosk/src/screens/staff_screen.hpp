#pragma once
// Staff mode: PIN pad, today's meetings, a meeting's attendance, sync status.

#include <optional>

#include <lc/ui/ui.hpp>

#include "flow/staff_flow.hpp"

namespace lc::kiosk::screens {

/// Draws staff mode; returns what staff did.
std::optional<StaffIntent> drawStaffScreen(lc::ui::Ui& ui, const StaffView& v);

}  // namespace lc::kiosk::screens
