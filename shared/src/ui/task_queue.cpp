#include <lc/ui/task_queue.hpp>

namespace lc::ui {

void TaskQueue::post(std::function<void()> task) {
    std::function<void()> wake;
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back(std::move(task));
        wake = m_wake;
    }
    if (wake) wake();  // glfwPostEmptyEvent is safe from any thread
}

int TaskQueue::drain() {
    std::vector<std::function<void()>> tasks;
    {
        std::lock_guard lock(m_mutex);
        tasks.swap(m_tasks);
    }
    for (auto& t : tasks) t();
    return static_cast<int>(tasks.size());
}

void TaskQueue::setWake(std::function<void()> wake) {
    std::lock_guard lock(m_mutex);
    m_wake = std::move(wake);
}

}  // namespace lc::ui
