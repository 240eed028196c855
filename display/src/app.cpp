#include "app.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <cstdio>

#include "flow/view_dump.hpp"
#include "screens/display_screen.hpp"
#include "screens/display_theme.hpp"
#include "screens/screen_parts.hpp"

extern char** environ;

namespace lc::display {

DisplayApp::DisplayApp(DisplaySetup setup, lc::ui::Ui& ui, Instant start)
    : m_setup(std::move(setup)) {
    m_input.settings = m_setup.settings;
    m_input.fallbackZone = m_setup.fallbackZone;
    m_input.rotationStart = start;
    reloadIfDue(ui, start);
}

DisplayApp::~DisplayApp() {
    if (m_sync) m_sync->stop();
}

void DisplayApp::startSync(lc::ui::TaskQueue& tasks, const lc::Clock& clock) {
    if (m_setup.httpFeed.empty()) return;
    lc::feed::SyncOptions options;
    options.feedUrl = m_setup.httpFeed;
    options.ifDue = true;
    options.push = false;  // the display takes no signups
    options.owner = "lc-display";
    const std::string dbPath = m_setup.dbPath;
    m_sync = std::make_unique<lc::feed::SyncWorker>(
        [dbPath] { return lc::store::Database::open(dbPath); }, m_setup.settings.config, clock, options,
        [&tasks, this](const lc::feed::SyncResult& r) {
            if (!r.error.empty()) std::fprintf(stderr, "lc-display: sync: %s\n", r.error.c_str());
            tasks.post([this] { m_lastLoad.reset(); });
        });
    m_sync->start();
}

void DisplayApp::reloadIfDue(lc::ui::Ui& ui, Instant now) {
    if (m_lastLoad && now >= *m_lastLoad && now - *m_lastLoad < kReloadEvery) return;
    m_lastLoad = now;
    auto data = m_setup.source->load();
    if (!data) {
        // Keep the last good data on screen; the log says why it was not refreshed.
        std::fprintf(stderr, "lc-display: %s\n", data.error().describe().c_str());
        return;
    }
    int dropped = 0;
    m_input.circles = makeEntries(*data, &dropped);
    m_input.sync = data->sync;
    m_health = {m_setup.dbPath, data->lastSyncOk, data->lastAttempt, data->fetchedAt};
    if (dropped > 0) std::fprintf(stderr, "lc-display: %d circles with an unknown time zone left out\n", dropped);
    for (const auto& e : m_input.circles) {
        ui.fonts().require(e.circle.name);
        ui.fonts().require(e.circle.venue.name);
    }
}

void DisplayApp::drawFrame(lc::ui::FrameContext& ctx) {
    if (ctx.size.x != m_themeSize.x || ctx.size.y != m_themeSize.y) {
        ctx.ui.setTheme(displayTheme(int(ctx.size.x), int(ctx.size.y), m_setup.highContrast));
        m_themeSize = ctx.size;
        m_input.settings.joinCardsPerPage = joinCardsPerPage(ctx.portrait);
    }
    reloadIfDue(ctx.ui, ctx.now);
    m_view = buildView(m_input, ctx.now);
    m_lastDrawn = ctx.now;
    if (m_langOverride) m_view.language = *m_langOverride;
    if (ctx.ui.language() != m_view.language) ctx.ui.setLanguage(m_view.language);
    if (!m_screenOn || *m_screenOn == m_view.blank) switchScreenPower(!m_view.blank);
    drawDisplayScreen(ctx.ui, m_view, ctx.size);
}

std::optional<Instant> DisplayApp::nextDeadline(Instant now) {
    // Counted from the last frame drawn, so that a deadline stays put until a frame serves it
    // (the shell draws when the deadline it is told is at or before now).
    return lc::display::nextDeadline(m_input, m_lastDrawn.value_or(now));
}

std::string DisplayApp::dumpView() const { return dumpViewJson(m_view); }

void DisplayApp::onLanguageChanged(const std::string& lang) { m_langOverride = lang; }

void DisplayApp::switchScreenPower(bool on) {
    const bool first = !m_screenOn.has_value();
    m_screenOn = on;
    const auto& d = m_setup.settings.config.display;
    const std::string& cmd = on ? d.screenOnCommand : d.screenOffCommand;
    // At start the screen is on already; only a start outside opening hours switches it.
    if (cmd.empty() || (first && on)) return;
    std::fprintf(stderr, "lc-display: screen %s: %s\n", on ? "on" : "off", cmd.c_str());
    const char* argv[] = {"/bin/sh", "-c", cmd.c_str(), nullptr};
    pid_t pid = 0;
    // The child is reaped by SIGCHLD = SIG_IGN (main); the frame never waits for the TV.
    if (posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char* const*>(argv), environ) != 0)
        std::fprintf(stderr, "lc-display: [display.power.1] cannot run the screen command\n");
}

}  // namespace lc::display
