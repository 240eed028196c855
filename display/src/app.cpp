#include "app.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <cstdio>

#include <lc/fleet/exchange.hpp>

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
    m_input.rotationStart = rotationStartFor(start, m_input.settings.config.display.rotationS);
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
    if (m_setup.settings.config.fleet.enabled())
        options.afterPass = lc::fleet::exchangeStep(m_setup.settings.config, clock);
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
    m_health = {};
    m_health.db = m_setup.dbPath;
    m_health.lastSyncOk = data->lastSyncOk;
    m_health.lastSyncAttempt = data->lastAttempt;
    m_health.feedFetchedAt = data->fetchedAt;
    if (dropped > 0) std::fprintf(stderr, "lc-display: %d circles with an unknown time zone left out\n", dropped);
    for (const auto& e : m_input.circles) {
        ui.fonts().require(e.circle.name);
        ui.fonts().require(e.circle.venue.name);
    }
}

void DisplayApp::useScreen(lc::ui::Ui& ui, ImVec2 size, bool portrait) {
    ui.setTheme(displayTheme(int(size.x), int(size.y), m_setup.highContrast));
    ui.fonts().setLadder(displayLadder(int(size.y)));  // baked once for this size
    m_themeSize = size;
    m_input.settings.joinCardsPerPage = joinCardsPerPage(portrait);
    // Today continues on further pages when it does not fit one at the smallest type, in every
    // language the display shows. The frame assumed: the library's name, a long date, a footer note.
    m_frame = DisplayView{};
    m_frame.header.libraryName = m_input.settings.config.libraryName;
    m_frame.header.onlyRoom = m_input.settings.config.display.room;
    m_frame.header.now = LocalTime{Date{std::chrono::year{2026}, std::chrono::month{9}, std::chrono::day{30}}, {}, 3, 0};
    m_frame.stale = StaleNote{};
    auto languages = m_input.settings.config.display.languages;
    if (m_langOverride) languages = {*m_langOverride};
    m_input.todayFits = [this, &ui, size, languages](const TodayPage& page) {
        const std::string current = ui.language();
        bool fits = true;
        for (const auto& lang : languages) {
            ui.setLanguage(lang);
            fits = fits && todayPageFits(ui, m_frame, page, size);
        }
        ui.setLanguage(current);
        return fits;
    };
}

DisplayView DisplayApp::measured() const {
    DisplayView v = m_view;
    if (!m_ui) return v;
    for (std::size_t i = 0; i < v.pages.size(); ++i) {
        const PageFit fit = measurePage(*m_ui, v, i, m_themeSize);
        v.bodyCapPx.push_back(fit.bodyCapPx);
        if (auto* j = std::get_if<JoinPage>(&v.pages[i])) j->qrPx = fit.qrPx;
    }
    return v;
}

void DisplayApp::drawFrame(lc::ui::FrameContext& ctx) {
    if (ctx.size.x != m_themeSize.x || ctx.size.y != m_themeSize.y) useScreen(ctx.ui, ctx.size, ctx.portrait);
    reloadIfDue(ctx.ui, ctx.now);
    m_view = buildView(m_input, ctx.now);
    m_lastDrawn = ctx.now;
    if (m_langOverride) m_view.language = *m_langOverride;
    if (ctx.ui.language() != m_view.language) ctx.ui.setLanguage(m_view.language);
    if (!m_screenOn || *m_screenOn == m_view.blank) switchScreenPower(!m_view.blank);
    m_ui = &ctx.ui;
    drawDisplayScreen(ctx.ui, m_view, ctx.size);
}

std::optional<Instant> DisplayApp::nextDeadline(Instant now) {
    // Counted from the last frame drawn, so that a deadline stays put until a frame serves it
    // (the shell draws when the deadline it is told is at or before now).
    return lc::display::nextDeadline(m_input, m_lastDrawn.value_or(now));
}

std::string DisplayApp::dumpView() const { return dumpViewJson(measured()); }

void DisplayApp::onLanguageChanged(const std::string& lang) {
    m_langOverride = lang;
    m_themeSize = {0, 0};  // the Today fit oracle now checks this language
}

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
