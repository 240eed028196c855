#pragma once
// How an app (lc-kiosk, lc-display) plugs into the shell: implement lc::ui::App.

#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include <lc/core/clock.hpp>
#include <lc/core/health.hpp>
#include <lc/core/result.hpp>
#include <lc/ui/ui.hpp>

namespace lc::ui {

/// What the shell hands to App::drawFrame.
struct FrameContext {
    Ui& ui;            ///< draw everything through this
    Instant now;       ///< the app clock at the start of the frame (fixed clock under --now)
    ImVec2 size;       ///< the frame in pixels: exactly --size
    bool portrait;     ///< size.y > size.x
};

/// An application the shell runs. Thread-safety: every member is called on the main thread.
class App {
public:
    virtual ~App() = default;

    /// Draws one whole frame. The shell has already begun a full-window ImGui window
    /// ("##root", no decoration, no padding, background = palette().background); draw into it.
    /// Throwing is a last resort: the shell shows "One moment…" and retries (shared/README.md, H14).
    virtual void drawFrame(FrameContext& ctx) = 0;

    /// The next instant (app clock) at which the picture changes with no input: the minute
    /// ticking, a page rotating, an idle timeout. nullopt: only input or posted tasks redraw.
    virtual std::optional<Instant> nextDeadline(Instant now) {
        (void)now;
        return std::nullopt;
    }

    /// The view-model as JSON text, written by --dump-view (every page/screen, rows, states).
    virtual std::string dumpView() const { return "{}"; }

    /// The screen showing, named for layout-audit findings ("home", "signup.review").
    virtual std::string screenName() const { return {}; }

    /// A script step the shell does not know (Command::Custom): `name` and its arguments.
    /// Return an error (its message is printed after "script:LINE: ") when it fails; return
    /// lc::fail(ErrorCode::InvalidInput, "[ui.script.9]", "unknown command 'x'") for unknown
    /// commands (the default).
    virtual Result<void> handleScriptCommand(const std::string& name,
                                             const std::vector<std::string>& args);

    /// The store's path and the last sync, for the health file (/run/learning-circles/<program>.json)
    /// that `lcctl status` reads. The shell asks after every frame and rewrites the file when
    /// this changes (a sync finished) and once a minute. Default: nothing known (db from --db).
    virtual health::SyncHealth health() const { return {}; }

    /// Waits (bounded) for asynchronous work the screen is waiting on, e.g. a seat claim; true
    /// when there was some. A script's `expect` calls it before giving up, then draws again.
    virtual bool settle() { return false; }

    /// Called after the language changed by a script `lang` step (screens that switch language
    /// call ui.setLanguage() themselves and may call this too).
    virtual void onLanguageChanged(const std::string& lang) { (void)lang; }
};

}  // namespace lc::ui
