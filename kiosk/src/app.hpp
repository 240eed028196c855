#pragma once
// lc-kiosk's App: the flows wired to the store, the config and lc_ui's shell. main() builds the
// data (config, store, demo feed) first, then the shell, then this.

#include <memory>
#include <optional>
#include <string>

#include <lc/core/config.hpp>
#include <lc/feed/sync_worker.hpp>
#include <lc/speech/speaker.hpp>
#include <lc/store/database.hpp>
#include <lc/ui/app.hpp>
#include <lc/ui/options.hpp>
#include <lc/ui/shell.hpp>

#include "flow/kiosk_flow.hpp"
#include "seat_claims.hpp"
#include "store_ports.hpp"

namespace lc::kiosk {

/// What main prepares before the window opens.
struct KioskData {
    Config config;
    std::string dbPath;
    std::string feedUrl;  ///< --feed, else config feed.url; "" = no sync
    bool demo = false;
    std::unique_ptr<store::Database> db;
};

/// Reads the config, opens (or, in the demo, creates and fills) the store. Errors are one line.
Result<KioskData> openKioskData(const ui::AppOptions& opts);

/// The kiosk's FlowConfig from the library's config.
FlowConfig flowConfigFrom(const Config& c);

/// Translation through lc_ui (domain "kiosk", then "common") and its date formats.
class UiTranslator final : public Translator {
public:
    explicit UiTranslator(ui::Ui& ui) : m_ui(ui) {}
    std::string tr(std::string_view msgid) const override { return m_ui.tr(msgid); }
    std::string language() const override { return m_ui.language(); }
    void setLanguage(std::string_view lang) override { m_ui.setLanguage(std::string(lang)); }
    std::string longDate(Date d) const override;
    std::string shortDate(Date d) const override;
    std::string weekday(unsigned wd) const override;
    std::string time(TimeOfDay t) const override;

private:
    ui::Ui& m_ui;
};

/// The kiosk application. Thread-safety: main thread only (sync runs on its own worker).
class KioskApp final : public ui::App {
public:
    /// `data`, `shell` and `speaker` (may be null: no speech) must outlive the app.
    KioskApp(KioskData& data, ui::Shell& shell, std::string defaultLanguage,
             speech::Speaker* speaker = nullptr);
    ~KioskApp() override;

    void drawFrame(ui::FrameContext& ctx) override;
    std::optional<Instant> nextDeadline(Instant now) override;
    std::string dumpView() const override;
    std::string screenName() const override;
    /// The store's path and last sync, read at start and after each sync pass (the shell asks
    /// after every frame: no I/O here).
    health::SyncHealth health() const override { return m_health; }
    /// Waits for a seat claim in flight (scripts' expect).
    bool settle() override { return m_seats.settle(); }

private:
    void drawScreen(ui::Ui& ui);
    void afterIntent(ui::Ui& ui, Screen before);
    void startSync();
    fleet::CircleSeats seatsOf(std::int64_t circleId) const;
    void onSyncPass();
    void noteSyncHealth();
    void setSpeech(ui::Ui& ui, bool on);
    void setLargeText(ui::Ui& ui, bool on);
    void speak(ui::Ui& ui);

    KioskData& m_data;
    ui::Shell& m_shell;
    FlowConfig m_flowConfig;
    StorePorts m_ports;
    UiTranslator m_tr;
    KioskFlow m_flow;
    FleetSeatClaims m_seats;  ///< after the flow: its worker stops first
    health::SyncHealth m_health;
    speech::Speaker* m_speaker;
    bool m_speechOn = false;  ///< from home.speech or any key, until the idle reset
    float m_baseTextScale;    ///< the config's (or --text-scale's)
    bool m_largeText = false; ///< from home.large-text, until the idle reset
    std::unique_ptr<feed::SyncWorker> m_sync;  ///< last member: stopped first
};

/// The screen showing, for audit findings: "home", "signup.review", "checkin.search", "idle".
std::string screenLabel(const KioskFlow& flow);

/// The view-model of the screen showing, as JSON (--dump-view). Never includes the PIN.
std::string dumpKioskView(const KioskFlow& flow, const std::string& language);

}  // namespace lc::kiosk
