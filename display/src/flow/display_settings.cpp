#include "flow/display_settings.hpp"

namespace lc::display {

DisplaySettings settingsFromConfig(const lc::Config& config, const std::string& langOverride) {
    DisplaySettings s;
    s.config = config;
    if (!langOverride.empty()) s.config.display.languages = {langOverride};
    if (!config.display.burnInShift) s.burnInPixels = 0;
    return s;
}

}  // namespace lc::display
