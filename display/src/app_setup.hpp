#pragma once
// From the command line to a DisplaySetup: the config, the store, the demo's bundled feed.

#include <string>

#include <lc/core/clock.hpp>
#include <lc/ui/options.hpp>

#include "app.hpp"

namespace lc::display {

/// Options lc-display adds to the common ones (none yet).
std::vector<lc::ui::ExtraOption> displayOptions();

/// Reads --config (or none: the demo's defaults), opens --db (or the demo's or the installed
/// store), and with --feed given as a file or "demo" (or none of --config/--db/--feed: the demo)
/// ingests it first; an HTTP --feed is pulled by the App's sync worker (installed boxes leave that
/// to `lcctl sync --if-due` on lc-sync.timer and give no --feed).
/// Errors are one line for stderr: [config.*], [store.open.*], [display.setup.*].
Result<DisplaySetup> prepareDisplay(const lc::ui::AppOptions& o, Instant now);

/// One startup log line: version, config path, db path, feed.
std::string describeSetup(const lc::ui::AppOptions& o, const DisplaySetup& s);

}  // namespace lc::display
