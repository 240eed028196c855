// libFuzzer target: the config loader (lc::parseConfig), which a box reads at every start.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <lc/core/config.hpp>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    auto cfg = lc::parseConfig(json);
    if (!cfg) {
        lc::fuzz::check(!cfg.error().id.empty(), "error has an id");
        lc::fuzz::check(lc::text::isValidUtf8(cfg.error().message), "message is UTF-8");
        return 0;
    }
    // What the apps do first with a config: look circles up in it.
    lc::Circle c;
    c.id = 3103;
    c.venue.name = cfg->venues.empty() ? std::string() : cfg->venues.front().name;
    (void)lc::servesCircle(*cfg, c);
    (void)lc::roomFor(*cfg, c);
    (void)lc::configuredZone(*cfg, c);
    return 0;
}
