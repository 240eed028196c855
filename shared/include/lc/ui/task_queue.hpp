#pragma once
// Workers (sync, image fetch) never touch ImGui or app state: they post a closure here, which the
// main thread runs before its next frame, and the queue wakes the loop (shared/README.md, H7).

#include <functional>
#include <mutex>
#include <vector>

namespace lc::ui {

/// A small multi-producer, main-thread-consumer queue of closures.
/// Thread-safety: post() from any thread; drain() and setWake() on the main thread.
class TaskQueue {
public:
    /// Queues `task` for the main thread and calls the wake function (glfwPostEmptyEvent).
    void post(std::function<void()> task);
    /// Runs every queued task on the calling (main) thread; returns how many ran.
    int drain();
    /// Sets what post() calls to wake the loop (the shell sets glfwPostEmptyEvent).
    void setWake(std::function<void()> wake);

private:
    std::mutex m_mutex;
    std::vector<std::function<void()>> m_tasks;
    std::function<void()> m_wake;
};

}  // namespace lc::ui
