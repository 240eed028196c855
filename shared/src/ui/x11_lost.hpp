#pragma once
// Private to lc_ui: what happens when the X connection (GLFW 3.3's X11 platform) is lost. Kept
// apart so that Xlib's macros stay out of the shell.

namespace lc::ui::detail {

/// From now on, a lost X connection ends the process with kExitDisplayLost and "[ui.shell.7]"
/// on stderr, never a window-less loop that keeps feeding the watchdog.
void exitWhenDisplayLost();

}  // namespace lc::ui::detail
