#include "app.hpp"

#include <cstdio>
#include <filesystem>

#include <date/tz.h>

#include <lc/core/paths.hpp>
#include <lc/feed/demo_feed.hpp>
#include <lc/fleet/exchange.hpp>
#include <lc/feed/ingest.hpp>
#include <lc/ui/i18n.hpp>

#include "screens/browse_screen.hpp"
#include "screens/checkin_screen.hpp"
#include "screens/details_screen.hpp"
#include "screens/home_screen.hpp"
#include "screens/idle_screen.hpp"
#include "screens/signup_screen.hpp"
#include "screens/staff_screen.hpp"

namespace lc::kiosk {
namespace {

Result<void> loadDemo(store::Database& db, const Config& cfg, Instant now) {
    const Date today{std::chrono::floor<std::chrono::days>(now)};
    auto page = feed::loadDemoFeed(paths::assetsDir(), today);
    if (!page) return fail(page.error());
    store::SnapshotMeta meta{now, "demo", page->skipped};
    auto r = feed::ingestCircles(db, std::move(page->circles), page->skipped, cfg, meta);
    if (!r) return fail(r.error());
    return {};
}

}  // namespace

Result<KioskData> openKioskData(const ui::AppOptions& opts) {
    KioskData d;
    if (opts.configPath) {
        auto cfg = loadConfig(*opts.configPath);
        if (!cfg) return fail(cfg.error());
        if (!cfg->exposureWarning.empty()) std::fprintf(stderr, "lc-kiosk: warning: %s\n", cfg->exposureWarning.c_str());
        d.config = std::move(*cfg);
    }
    d.demo = !opts.configPath && !opts.dbPath && !opts.feedUrl;
    d.feedUrl = opts.feedUrl.value_or(d.config.feed.url);
    if (opts.dbPath) d.dbPath = *opts.dbPath;
    else if (d.demo || opts.feedUrl) d.dbPath = paths::demoDb();
    else d.dbPath = paths::kInstalledDb;
    auto db = store::Database::open(d.dbPath);
    if (!db) return fail(db.error());
    d.db = std::make_unique<store::Database>(std::move(*db));
    if (d.demo) {
        const Instant now = opts.now.value_or(SystemClock{}.now());
        if (auto r = loadDemo(*d.db, d.config, now); !r) return fail(r.error());
        d.config.signup.pushFromApps = false;  // the demo never talks to P2PU
    }
    return d;
}

FlowConfig flowConfigFrom(const Config& c) {
    FlowConfig f;
    for (const auto& v : c.venues) {
        f.venues.push_back(v.name);
        if (!v.defaultRoom.empty()) f.venueRooms[v.name] = v.defaultRoom;
    }
    f.circleRooms = c.circleRooms;
    f.checkinBefore = std::chrono::minutes{c.kiosk.checkinBeforeMin};
    f.checkinAfter = std::chrono::minutes{c.kiosk.checkinAfterMin};
    f.idlePrompt = std::chrono::seconds{c.kiosk.idlePromptS};
    f.idleReset = std::chrono::seconds{c.kiosk.idleResetS};
    f.staffRelock = std::chrono::seconds{c.kiosk.staffRelockS};
    f.maxSignupsPerWindow = c.signup.rateLimitPer10Min;
    f.allowMobileOnly = c.signup.allowMobileOnly;
    f.regionCode = c.country;
    f.libraryName = c.libraryName;
    f.dataController = c.signup.dataController;
    f.consentVersion = c.signup.consentVersion;
    f.exportFolder = c.kiosk.exportDir;
    return f;
}

std::string UiTranslator::longDate(Date d) const {
    return ui::formatDate(m_ui.catalogs(), m_ui.language(), d);
}
std::string UiTranslator::shortDate(Date d) const {
    return ui::formatShortDate(m_ui.catalogs(), m_ui.language(), d);
}
std::string UiTranslator::weekday(unsigned wd) const {
    return ui::formatWeekday(m_ui.catalogs(), m_ui.language(), std::chrono::weekday{wd});
}
std::string UiTranslator::time(TimeOfDay t) const {
    return ui::formatTime(m_ui.catalogs(), m_ui.language(), t);
}

KioskApp::KioskApp(KioskData& data, ui::Shell& shell, std::string defaultLanguage,
                   speech::Speaker* speaker)
    : m_data(data),
      m_shell(shell),
      m_flowConfig(flowConfigFrom(data.config)),
      m_ports(*data.db, data.config, shell.clock()),
      m_tr(shell.ui()),
      m_flow(FlowDeps{m_ports, m_ports, m_ports, m_ports, m_ports, shell.clock(), m_tr,
                      m_flowConfig, data.config.kiosk.languages, std::move(defaultLanguage),
                      &m_seats}),
      m_seats(data.config, shell.tasks(), [this](std::int64_t id) { return seatsOf(id); },
              // Posted tasks redraw: the shell draws frames after draining them.
              [this](const std::string& id, SeatAnswer a) { m_flow.seatAnswered(id, a); }),
      m_speaker(speaker),
      m_baseTextScale(shell.ui().metrics().textScale) {
    if (auto r = m_ports.reload(); !r) std::fprintf(stderr, "lc-kiosk: %s\n", r.error().describe().c_str());
    m_shell.ui().fonts().require(m_ports.glyphText());
    noteSyncHealth();
    startSync();
}

// The circle as the cached snapshot knows it, for a seat claim (zeros when it is not there: the
// database then compares against nothing and the claim still names its circle).
fleet::CircleSeats KioskApp::seatsOf(std::int64_t circleId) const {
    for (const auto& e : m_ports.circles()) {
        if (e.circle.id == circleId)
            return {circleId, e.circle.signupLimit.value_or(0), e.circle.signupCount,
                    m_ports.feedFetchedAt()};
    }
    return {circleId, 0, 0, m_ports.feedFetchedAt()};
}

void KioskApp::noteSyncHealth() {
    m_health = m_ports.syncHealth();
    std::error_code ec;
    const auto abs = std::filesystem::absolute(m_data.dbPath, ec);
    m_health.db = ec ? m_data.dbPath : abs.string();
}

KioskApp::~KioskApp() {
    if (m_sync) m_sync->stop();  // before the ports and flows its callback reaches
}

// With a feed: lc_feed's worker pulls on its schedule (and pushes when the config lets apps push)
// on its own connection; staff's "sync now" wakes it and always pushes. Never on a frame.
void KioskApp::startSync() {
    if (m_data.feedUrl.empty()) return;
    feed::SyncOptions options;
    options.feedUrl = m_data.feedUrl;
    options.owner = "lc-kiosk";
    options.ifDue = true;
    options.push = m_data.config.signup.pushFromApps;
    if (m_data.config.fleet.enabled()) options.afterPass = fleet::exchangeStep(m_data.config, m_shell.clock());
    ui::TaskQueue& tasks = m_shell.tasks();
    const std::string dbPath = m_data.dbPath;
    m_sync = std::make_unique<feed::SyncWorker>(
        [dbPath] { return store::Database::open(dbPath); }, m_data.config, m_shell.clock(), options,
        [&tasks, this](const feed::SyncResult&) { tasks.post([this] { onSyncPass(); }); },
        std::chrono::seconds(30), feed::CurlOptions::fromConfig(m_data.config.feed));
    m_ports.setSyncRequest([this] { m_sync->wakeNow(true); });
    m_sync->start();
}

// On the main thread, after each pass: the store may hold new circles and outbox states.
void KioskApp::onSyncPass() {
    // A busy store keeps the circles on screen; the next pass reads again.
    if (auto r = m_ports.reload(); !r) std::fprintf(stderr, "lc-kiosk: %s\n", r.error().describe().c_str());
    m_shell.ui().fonts().require(m_ports.glyphText());
    m_flow.refresh();
    noteSyncHealth();  // the shell rewrites the health file when this changed
}

void KioskApp::afterIntent(ui::Ui& ui, Screen before) {
    m_flow.noteInput();
    if (m_flow.screen() != before) {
        ui.newScreen();
        ui.input().clearFocus();
        ui.keyboardState() = ui::KeyboardState{};
    }
    ui.requestAnimationFrame();  // show the new state at once
}

void KioskApp::drawScreen(ui::Ui& ui) {
    const Screen before = m_flow.screen();
    bool acted = false;
    const auto handle = [&](auto& flow, const auto& intent) {
        if (!intent) return;
        m_flow.follow(flow.apply(*intent));
        acted = true;
    };
    switch (before) {
        case Screen::Home:
            if (auto i = screens::drawHomeScreen(ui, m_flow.homeViewCached(), {m_speechOn, m_largeText})) {
                if (std::holds_alternative<ToggleSpeech>(*i)) setSpeech(ui, !m_speechOn);
                else if (std::holds_alternative<ToggleLargeText>(*i)) setLargeText(ui, !m_largeText);
                else m_flow.apply(*i);
                acted = true;
            }
            break;
        case Screen::Browse: handle(m_flow.browse(), screens::drawBrowseScreen(ui, m_flow.browseView())); break;
        case Screen::Details: handle(m_flow.details(), screens::drawDetailsScreen(ui, m_flow.detailsView())); break;
        case Screen::Signup: handle(m_flow.signup(), screens::drawSignupScreen(ui, m_flow.signupView())); break;
        case Screen::Checkin: handle(m_flow.checkin(), screens::drawCheckinScreen(ui, m_flow.checkinView())); break;
        case Screen::Staff: handle(m_flow.staff(), screens::drawStaffScreen(ui, m_flow.staffView())); break;
    }
    if (acted) afterIntent(ui, before);
}

void KioskApp::drawFrame(ui::FrameContext& ctx) {
    ui::Ui& ui = ctx.ui;
    speak(ui);  // what the last frame showed that is new
    const bool key = ui.takeKeyActivity();
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left) || key) m_flow.noteInput();
    // Any key turns speech on, and still does its own job.
    if (key && !m_speechOn) setSpeech(ui, true);
    if (ui.takeHelpRequest() && m_speaker) {
        std::vector<speech::Utterance> batch;
        for (auto& s : ui.whereAmI()) batch.push_back({ui.language(), std::move(s)});
        batch.push_back({ui.language(), ui.tr("Tab or the arrows move, Enter chooses, Escape goes back.")});
        m_speaker->say(std::move(batch));
    }
    if (m_flow.tick() == IdleEvent::Reset) {
        ui.reset();
        setSpeech(ui, false);
        setLargeText(ui, false);
        ui.requestAnimationFrame();
    }
    if (m_flow.idlePrompt()) {
        if (screens::drawIdleScreen(ui, m_flow.idleSecondsLeft())) {
            m_flow.noteInput();
            ui.requestAnimationFrame();
        }
        return;
    }
    drawScreen(ui);
}

// Speech on: says so, then where the patron is (the screen and the focused control).
void KioskApp::setSpeech(ui::Ui& ui, bool on) {
    if (on == m_speechOn) return;
    m_speechOn = on;
    ui.takeAnnouncements();
    if (!on || !m_speaker) return;
    std::vector<speech::Utterance> batch{{ui.language(), ui.tr("Reading aloud")}};
    for (auto& s : ui.whereAmI()) batch.push_back({ui.language(), std::move(s)});
    m_speaker->say(std::move(batch));
}

// Large text: type scaled until a capital H of the smallest text is 6 mm tall on the screen the
// config describes (a 24-inch 16:9 panel when it says nothing), until the idle reset.
void KioskApp::setLargeText(ui::Ui& ui, bool on) {
    if (on == m_largeText) return;
    m_largeText = on;
    if (!on) return m_shell.setTextScale(m_baseTextScale);
    const KioskConfig& k = m_data.config.kiosk;
    const ImVec2 px = ImGui::GetIO().DisplaySize;
    const bool portrait = px.y > px.x;
    const ImVec2 mm(k.screenWidthMm > 0 ? static_cast<float>(k.screenWidthMm) : (portrait ? 299.0f : 531.0f),
                    k.screenHeightMm > 0 ? static_cast<float>(k.screenHeightMm) : (portrait ? 531.0f : 299.0f));
    const float scale = screens::largeTextScale(ui, mm, px, m_baseTextScale);
    std::fprintf(stderr, "lc-kiosk: large text: text scale %.2f on a %.0fx%.0f mm screen\n", scale, mm.x, mm.y);
    m_shell.setTextScale(scale);
}

// Hands the new announcements to the speaker's thread (never waits for it).
void KioskApp::speak(ui::Ui& ui) {
    auto said = ui.takeAnnouncements();
    if (!m_speechOn || !m_speaker || said.empty()) return;
    std::vector<speech::Utterance> batch;
    for (auto& s : said) batch.push_back({ui.language(), std::move(s)});
    m_speaker->say(std::move(batch));
}

std::optional<Instant> KioskApp::nextDeadline(Instant now) {
    if (!m_flow.idleActive()) return std::nullopt;
    // The prompt counts down once a second; otherwise the idle timer or the welcome's end.
    if (m_flow.idlePrompt()) return now + std::chrono::seconds{1};
    return m_flow.nextDeadline();
}

std::string KioskApp::dumpView() const { return dumpKioskView(m_flow, m_tr.language()); }

std::string KioskApp::screenName() const { return screenLabel(m_flow); }

}  // namespace lc::kiosk
