#include "x11_lost.hpp"

#include <cstdio>
#include <cstdlib>

#include <X11/Xlib.h>

#include <lc/ui/shell.hpp>

namespace lc::ui::detail {
namespace {

// Xlib calls this when the X server goes away (Xwayland restarted or killed, cage gone) and exits
// if it returns. Exit at once, without destructors that would talk to the dead server: every
// signup and check-in is already committed to the store, and systemd restarts the unit.
int onConnectionLost(Display*) {
    std::fputs("[ui.shell.7] lost the connection to the X server (Xwayland); exiting for a restart\n",
               stderr);
    std::fflush(stderr);
    std::_Exit(kExitDisplayLost);
}

}  // namespace

void exitWhenDisplayLost() { XSetIOErrorHandler(onConnectionLost); }

}  // namespace lc::ui::detail
