#pragma once
// lc-display's App: wires the model (flows) to the store (read-only) and the screens, and tells
// the shell when the picture changes next.

#include <memory>
#include <optional>
#include <string>

#include <lc/feed/sync_worker.hpp>
#include <lc/ui/app.hpp>
#include <lc/ui/task_queue.hpp>

#include "flow/display_model.hpp"
#include "flow/display_source.hpp"

namespace lc::display {

/// What main hands the App: settings from the config, the store, where the rotation starts.
struct DisplaySetup {
    DisplaySettings settings;
    std::unique_ptr<DisplaySource> source;
    std::string fallbackZone = "UTC";  ///< the machine's zone, for the demo's header clock
    bool highContrast = false;
    std::string dbPath;  ///< for the health file
    std::string httpFeed;  ///< --feed https://…: the display pulls it on a worker thread
};

/// The lobby display. Thread-safety: main thread only (as lc::ui::App).
class DisplayApp final : public lc::ui::App {
public:
    DisplayApp(DisplaySetup setup, lc::ui::Ui& ui, Instant start);
    ~DisplayApp() override;

    /// With an HTTP --feed: pulls it on a worker thread (lc::feed::SyncWorker, never on a frame);
    /// each pass is posted to `tasks`, and the next frame re-reads the store.
    void startSync(lc::ui::TaskQueue& tasks, const lc::Clock& clock);

    void drawFrame(lc::ui::FrameContext& ctx) override;
    std::optional<Instant> nextDeadline(Instant now) override;
    std::string dumpView() const override;
    void onLanguageChanged(const std::string& lang) override;
    lc::health::SyncHealth health() const override { return m_health; }

private:
    void reloadIfDue(lc::ui::Ui& ui, Instant now);
    void switchScreenPower(bool on);
    void useScreen(lc::ui::Ui& ui, ImVec2 size, bool portrait);
    /// The view with each page's fit (cap height, QR size), for --dump-view.
    DisplayView measured() const;

    DisplaySetup m_setup;
    DisplayInput m_input;
    DisplayView m_view;
    std::optional<Instant> m_lastLoad;
    std::optional<Instant> m_lastDrawn;
    std::optional<bool> m_screenOn;
    std::optional<std::string> m_langOverride;  ///< a script's `lang` step
    ImVec2 m_themeSize{0, 0};
    DisplayView m_frame;  ///< header and footer as the Today fit oracle assumes them
    lc::ui::Ui* m_ui = nullptr;  ///< the shell's, seen at the last frame (measured())
    lc::health::SyncHealth m_health;
    std::unique_ptr<lc::feed::SyncWorker> m_sync;  ///< last member: stopped first
};

/// How often the store is read again (a sync by lcctl, a signup on the kiosk).
inline constexpr std::chrono::seconds kReloadEvery{60};

}  // namespace lc::display
