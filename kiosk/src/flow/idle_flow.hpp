#pragma once
// Privacy on a public screen: "Still there?" after a while without input, then back to Home with
// everything cleared.

#include <lc/core/clock.hpp>

#include "flow_config.hpp"

namespace lc::kiosk {

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

private:
    const Clock& m_clock;
    const FlowConfig& m_config;
    Instant m_lastInput{};
    bool m_prompting = false;
};

}  // namespace lc::kiosk
