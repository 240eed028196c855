// lc-display: the lobby screen. Parse the options and the config, log where things are, build
// the App and run the shell (shared/README.md, H3).

#include <csignal>
#include <cstdio>

#include <lc/core/clock.hpp>
#include <lc/ui/options.hpp>
#include <lc/ui/shell.hpp>

#include "app.hpp"
#include "app_setup.hpp"

namespace {

constexpr const char* kSummary =
    "The lobby screen: today's learning circles by room, circles to join with a QR code, and the "
    "week ahead. Reads the store; `lcctl sync` (lc-sync.timer) keeps it fresh.";

}  // namespace

int main(int argc, char** argv) {
    const auto extra = lc::display::displayOptions();
    auto opts = lc::ui::parseAppOptions(argc, argv, extra);
    if (!opts) {
        std::fprintf(stderr, "lc-display: %s\n", opts.error().describe().c_str());
        return 2;
    }
    if (opts->help) {
        std::puts(lc::ui::appOptionsHelp("lc-display", kSummary, extra).c_str());
        return 0;
    }
    // Screen power commands run detached; their exit statuses are not awaited.
    std::signal(SIGCHLD, SIG_IGN);

    const lc::SystemClock systemClock;
    const lc::Instant start = opts->now.value_or(systemClock.now());
    auto setup = lc::display::prepareDisplay(*opts, start);
    if (!setup) {
        std::fprintf(stderr, "lc-display: %s\n", setup.error().describe().c_str());
        return 2;
    }
    std::fprintf(stderr, "%s\n", lc::display::describeSetup(*opts, *setup).c_str());

    const auto& langs = setup->settings.config.display.languages;
    lc::ui::ShellConfig shellConfig;
    shellConfig.title = "Learning circles — lobby";
    shellConfig.domains = {"display", "common"};
    shellConfig.options = *opts;
    shellConfig.defaultLang = langs.empty() ? "en" : langs.front();
    shellConfig.glyphText = setup->settings.config.libraryName;
    auto shell = lc::ui::Shell::create(std::move(shellConfig));
    if (!shell) {
        std::fprintf(stderr, "lc-display: %s\n", shell.error().describe().c_str());
        return 1;
    }
    lc::display::DisplayApp app(std::move(*setup), (*shell)->ui(), (*shell)->clock().now());
    app.startSync((*shell)->tasks(), (*shell)->clock());
    return (*shell)->run(app);
}
