#pragma once
// Privacy on a public screen: "Still there?" after a while without input, then back to Home with
// everything cleared.

#include <lc/core/clock.hpp>

#include "flow_config.hpp"

namespace lc::kiosk {

/// The least time the prompt leaves to answer it (WCAG 2.2.1: at least 20 s to extend a time
/// limit). A config may give more, never less; the prompt can be answered any number of times.
inline constexpr std::chrono::seconds kMinAnswerTime{20};

/// What the idle timer says now.
enum class IdleEvent { None, Prompt, Reset };

/// The idle timer. Reads the injected clock only.
class IdleFlow {
public:
    IdleFlow(const Clock& clock, const FlowConfig& config);
    /// Any touch or key.
    void noteInput();
    /// Where the timer stands; `active` is false on the Home screen with nothing to clear, where
    /// the timer does not run. Reset is reported once, then the timer restarts.
    IdleEvent tick(bool active);
    /// Whether "Still there?" is up.
    bool prompting() const { return m_prompting; }
    /// Seconds left before the reset (for the prompt).
    long secondsLeft() const;
    /// The next instant at which tick() may change its answer (the shell sleeps until then).
    Instant nextDeadline() const;

    /// Time without input after which everything is cleared: the config's idle reset, but at
    /// least kMinAnswerTime after the prompt.
    std::chrono::seconds resetAfter() const;

private:
    const Clock& m_clock;
    const FlowConfig& m_config;
    Instant m_lastInput{};
    bool m_prompting = false;
};

}  // namespace lc::kiosk
