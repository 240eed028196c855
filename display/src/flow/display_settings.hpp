#pragma once
// What the display knows about its library: the config file (lc::Config, read by lc_core's strict
// loader; the demo's defaults otherwise) plus what only the display decides. Plain data, no I/O.

#include <chrono>
#include <string>
#include <vector>

#include <lc/core/config.hpp>

namespace lc::display {

/// The display's settings.
struct DisplaySettings {
    lc::Config config;  ///< library, venues, rooms; display.* (languages, rotation, hours, ...)
    int burnInPixels = 3;  ///< amplitude of the burn-in shift (0 with display.burn_in_shift false)
    std::chrono::seconds burnInPeriod{std::chrono::minutes{3}};
    int joinCardsPerPage = 3;  ///< the screen's layout decides; more cards make more pages
    /// Languages P2PU serves its signup pages in ("/<lang>/signup/…"). Only English is known to
    /// exist; a QR code points to the display's language only when it is listed here.
    std::vector<std::string> signupPageLanguages{"en"};
};

/// Settings from a config; `langOverride` (--lang) replaces the configured languages.
DisplaySettings settingsFromConfig(const lc::Config& config, const std::string& langOverride = "");

}  // namespace lc::display
