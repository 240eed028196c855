#pragma once
// A headless UI as the kiosk's screens see it: its message domains, portrait or landscape.

#include <memory>

#include <catch2/catch.hpp>

#include <lc/ui/headless.hpp>

namespace lc::kiosk::testing {

/// A 1080x1920 (portrait) or 1920x1080 headless UI with the kiosk's catalogs.
inline std::unique_ptr<ui::HeadlessUi> kioskHeadless(bool portrait) {
    ui::HeadlessConfig cfg;
    cfg.width = portrait ? 1080 : 1920;
    cfg.height = portrait ? 1920 : 1080;
    cfg.domains = {"kiosk", "common"};
    auto headless = ui::HeadlessUi::create(cfg);
    REQUIRE(headless);
    return std::move(*headless);
}

}  // namespace lc::kiosk::testing
