#pragma once
// The one main loop of both apps (shared/README.md, H6): GLFW + Dear ImGui, drawing into an offscreen
// framebuffer of exactly --size, only when something changed; otherwise asleep until the app's
// next deadline, input, or a task posted by a worker.
//
//     int main(int argc, char** argv) {
//         auto opts = lc::ui::parseAppOptions(argc, argv);
//         if (!opts) { std::fprintf(stderr, "lc-kiosk: %s\n", opts.error().describe().c_str()); return 2; }
//         if (opts->help) { std::puts(lc::ui::appOptionsHelp("lc-kiosk", "...").c_str()); return 0; }
//         auto shell = lc::ui::Shell::create({.title = "Learning circles", .domains = {"kiosk", "common"},
//                                             .options = *opts});
//         if (!shell) { ...; return 1; }
//         KioskApp app((*shell)->clock(), (*shell)->tasks(), ...);
//         return (*shell)->run(app);
//     }

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <lc/core/clock.hpp>
#include <lc/core/result.hpp>
#include <lc/ui/app.hpp>
#include <lc/ui/fonts.hpp>
#include <lc/ui/i18n.hpp>
#include <lc/ui/options.hpp>
#include <lc/ui/task_queue.hpp>
#include <lc/ui/ui.hpp>

namespace lc::ui {

/// Exit status: a script step failed, or --audit found something (shared/README.md).
inline constexpr int kExitScriptFailed = 3;
/// Exit status: several frames in a row threw (systemd restarts us).
inline constexpr int kExitFrameFailures = 70;
/// Exit status: the window, GL or a screenshot/dump file could not be made.
inline constexpr int kExitStartup = 1;
/// Exit status: the connection to the X server (Xwayland under cage) was lost ("[ui.shell.7]");
/// systemd restarts the unit, and with it the compositor.
inline constexpr int kExitDisplayLost = 69;

/// How to build the shell.
struct ShellConfig {
    std::string title = "Learning circles";  ///< window title
    std::vector<std::string> domains = {"common"};  ///< catalog domains, app's first
    AppOptions options;                      ///< parsed command line
    std::string messagesDir;                 ///< "" → defaultMessagesDir()
    FontFiles fonts;                         ///< DejaVu by default
    std::string defaultLang = "en";          ///< when options.lang is unset (e.g. from config)
    std::string glyphText;                   ///< extra text to cover up front (store content)
    std::string program;                     ///< health file name; "" → the executable's name
    std::map<int, NavKey> keypad;            ///< GLFW key code → what a USB keypad's key does
};

/// Owns the window, GL, ImGui context, fonts, catalogs, clock, Ui and task queue.
/// Under systemd it sends READY=1 after the first frame and WATCHDOG=1 from the loop (waking
/// for it when idle), and keeps the app's health file fresh (lc/ui/watchdog.hpp).
/// Thread-safety: main thread only, except tasks().post() which any thread may call.
class Shell {
public:
    /// Opens the window (hidden-size independent: frames are --size), loads catalogs and fonts.
    /// Errors: "[ui.shell.1]" GLFW/window/GL, "[ui.shell.2]" script unreadable or unparsable,
    /// plus Catalogs::load and Fonts::create errors.
    [[nodiscard]] static Result<std::unique_ptr<Shell>> create(ShellConfig config);
    ~Shell();
    Shell(const Shell&) = delete;
    Shell& operator=(const Shell&) = delete;

    /// The app clock: FixedClock under --now (moved by `advance`), else the system clock.
    const Clock& clock() const;
    /// The fixed clock under --now, else nullptr.
    FixedClock* fixedClock();
    /// Post work from worker threads here; the loop wakes and runs it before the next frame.
    TaskQueue& tasks();
    /// The drawing context (language, theme, input).
    Ui& ui();
    /// The loaded catalogs.
    const Catalogs& catalogs() const;
    /// Sets the text size factor (0.75 to 2; large text) and rebuilds the theme at once; the
    /// fonts are baked again before the next frame.
    void setTextScale(float scale);

    /// Runs the loop until: the window closes (0); the script ends (0, or kExitScriptFailed at
    /// the first failing step); --screenshot is written (0; after the script, or the first
    /// settled frame); --exit-after elapses (0); frames keep throwing (kExitFrameFailures);
    /// the X server goes away (the process exits with kExitDisplayLost from Xlib's handler).
    /// Writes --dump-view when the script ends or the screenshot is taken.
    int run(App& app);

    struct Impl;

private:
    explicit Shell(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace lc::ui
