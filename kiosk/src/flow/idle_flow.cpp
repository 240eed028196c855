#include "idle_flow.hpp"

#include <algorithm>

namespace lc::kiosk {

IdleFlow::IdleFlow(const Clock& clock, const FlowConfig& config)
    : m_clock(clock), m_config(config), m_lastInput(clock.now()) {}

std::chrono::seconds IdleFlow::resetAfter() const {
    return m_config.idlePrompt + std::max(m_config.idleReset - m_config.idlePrompt, kMinAnswerTime);
}

void IdleFlow::noteInput() {
    m_lastInput = m_clock.now();
    m_prompting = false;
}

IdleEvent IdleFlow::tick(bool active) {
    const auto idle = m_clock.now() - m_lastInput;
    if (!active) {
        m_prompting = false;
        return IdleEvent::None;
    }
    if (idle >= resetAfter()) {
        noteInput();
        return IdleEvent::Reset;
    }
    if (idle >= m_config.idlePrompt) {
        m_prompting = true;
        return IdleEvent::Prompt;
    }
    m_prompting = false;
    return IdleEvent::None;
}

long IdleFlow::secondsLeft() const {
    const auto left = resetAfter() - (m_clock.now() - m_lastInput);
    return std::max<long>(0, static_cast<long>(left.count()));
}

Instant IdleFlow::nextDeadline() const {
    return m_prompting ? m_lastInput + resetAfter() : m_lastInput + m_config.idlePrompt;
}

}  // namespace lc::kiosk
