#include <lc/ui/script_player.hpp>

#include <lc/ui/i18n.hpp>
#include <lc/ui/layout_audit.hpp>

#include <cstdio>

namespace lc::ui {
namespace {

Unexpected stepError(const script::Step& s, int n, const std::string& what) {
    return fail(ErrorCode::InvalidInput, "[ui.script." + std::to_string(n) + "]",
                "script:" + std::to_string(s.line) + ": " + what);
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

void frames(FrameDriver& d, int n) {
    for (int i = 0; i < n; ++i) d.runFrame();
}

NavKey navKey(script::Key k) {
    switch (k) {
        case script::Key::Tab: return NavKey::Tab;
        case script::Key::ShiftTab: return NavKey::ShiftTab;
        case script::Key::Up: return NavKey::Up;
        case script::Key::Down: return NavKey::Down;
        case script::Key::Left: return NavKey::Left;
        case script::Key::Right: return NavKey::Right;
        case script::Key::Space: return NavKey::Space;
        case script::Key::Escape: return NavKey::Escape;
        default: return NavKey::Enter;
    }
}

std::string codepointName(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

}  // namespace

Result<void> App::handleScriptCommand(const std::string& name, const std::vector<std::string>&) {
    return fail(ErrorCode::InvalidInput, "[ui.script.9]", "unknown command '" + name + "'");
}

ScriptPlayer::ScriptPlayer(std::vector<script::Step> steps, FixedClock* clock)
    : m_steps(std::move(steps)), m_clock(clock) {}

Result<void> ScriptPlayer::step(App& app, Ui& ui, FrameDriver& driver) {
    if (done()) return {};
    const script::Step& s = m_steps[m_next];
    auto r = execute(s, app, ui, driver);
    if (!r) {
        m_next = m_steps.size();
        return r;
    }
    for (const GlyphProblem& g : ui.takeGlyphProblems()) {
        m_next = m_steps.size();
        return stepError(s, 8, "catalog text " + quoted(g.msgid) + " (" + g.lang +
                                   ") needs a placeholder for " + codepointName(g.codepoint));
    }
    ++m_next;
    return {};
}

Result<void> ScriptPlayer::runAll(App& app, Ui& ui, FrameDriver& driver) {
    while (!done()) {
        auto r = step(app, ui, driver);
        if (!r) return r;
    }
    return {};
}

Result<void> ScriptPlayer::execute(const script::Step& s, App& app, Ui& ui, FrameDriver& driver) {
    using script::Command;
    switch (s.command) {
        case Command::Tap: {
            auto r = ui.tap(s.text);
            if (!r) return stepError(s, 1, "tap " + quoted(s.text) + ": " + r.error().message);
            frames(driver, 2);
            return {};
        }
        case Command::Type:
            if (!ui.input().focused())
                return stepError(s, 2, "type " + quoted(s.text) + ": no field has the focus");
            ui.input().pushText(s.text);
            frames(driver, 2);
            return {};
        case Command::Key:
            if (s.key == script::Key::Backspace) {
                if (!ui.input().focused())
                    return stepError(s, 2, "key " + s.text + ": no field has the focus");
                ui.input().push({KeyEvent::Kind::Backspace, {}});
            } else {
                ui.pressKey(navKey(s.key));  // on any screen, as a keyboard's would
            }
            frames(driver, 3);  // the key acts at a frame's end, a tap it schedules in the next
            return {};
        case Command::Expect:
            for (int i = 0; i <= kExpectFrames; ++i) {
                if (ui.lastFrameShows(s.text)) return {};
                if (i < kExpectFrames) driver.runFrame();
                // Work in flight (a seat claim) answers when it answers: wait, then draw again.
                else if (app.settle()) i = kExpectFrames - 3;
            }
            return stepError(s, 3, "expect " + quoted(s.text) + ": not drawn within " +
                                       std::to_string(kExpectFrames) + " frames");
        case Command::ExpectNot:
            driver.runFrame();
            if (ui.lastFrameShows(s.text))
                return stepError(s, 4, "expect-not " + quoted(s.text) + ": it is drawn");
            return {};
        case Command::Advance:
            if (!m_clock) return stepError(s, 5, "advance needs a fixed clock (--now)");
            m_clock->advance(s.amount);
            frames(driver, 2);
            return {};
        case Command::Screenshot: {
            driver.runFrame();
            auto r = driver.screenshot(s.text);
            if (!r) return stepError(s, 6, "screenshot " + s.text + ": " + r.error().message);
            return {};
        }
        case Command::Lang:
            if (!isSupportedLanguage(s.text))
                return stepError(s, 7, "lang " + s.text + ": not one of en, fr, es, sw");
            ui.setLanguage(s.text);
            app.onLanguageChanged(s.text);
            frames(driver, 2);
            return {};
        case Command::Audit: {
            driver.runFrame();
            const auto findings = auditLayout(ui.lastFrameLayout());
            if (findings.empty()) return {};
            // One line a finding; the first one's "script:LINE: " comes from stepError.
            std::string what;
            for (const Finding& f : findings) {
                if (!what.empty()) what += "\nscript:" + std::to_string(s.line) + ": ";
                what += "audit: " + f.describe(app.screenName());
            }
            return stepError(s, 10, what);
        }
        case Command::Custom: {
            auto r = app.handleScriptCommand(s.name, s.args);
            if (!r) return stepError(s, 9, r.error().message);
            frames(driver, 2);
            return {};
        }
    }
    return {};
}

}  // namespace lc::ui
