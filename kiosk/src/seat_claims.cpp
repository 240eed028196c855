#include "seat_claims.hpp"

#include <cstdio>

#include "flow/signup_flow.hpp"

namespace lc::kiosk {
namespace {

SeatAnswer answerOf(fleet::ClaimOutcome o) {
    switch (o) {
        case fleet::ClaimOutcome::Claimed: return SeatAnswer::Claimed;
        case fleet::ClaimOutcome::AlreadyHeld: return SeatAnswer::AlreadyHeld;
        case fleet::ClaimOutcome::Full: return SeatAnswer::Full;
        case fleet::ClaimOutcome::Offline: break;
    }
    return SeatAnswer::Offline;
}

}  // namespace

FleetSeatClaims::FleetSeatClaims(const Config& cfg, ui::TaskQueue& tasks, SeatsOf seatsOf,
                                 OnAnswer onAnswer)
    : m_cfg(cfg), m_tasks(tasks), m_seatsOf(std::move(seatsOf)), m_onAnswer(std::move(onAnswer)) {
    if (enabled()) m_thread = std::thread([this] { run(); });
}

FleetSeatClaims::~FleetSeatClaims() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void FleetSeatClaims::claim(const Signup& s) {
    if (!enabled()) {  // never called so; answer anyway, as a device alone decides
        m_tasks.post([this, id = s.id] { m_onAnswer(id, SeatAnswer::Offline); });
        return;
    }
    Job job{s, false, m_seatsOf(s.circleId)};
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_front(std::move(job));  // a patron waits on it; a queued release does not
    }
    m_wake.notify_one();
}

void FleetSeatClaims::release(const std::string& signupId) {
    if (!enabled()) return;
    Job job;
    job.signup.id = signupId;
    job.release = true;
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

bool FleetSeatClaims::settle() {
    std::unique_lock lock(m_mutex);
    const bool any = m_busy || !m_jobs.empty();
    m_idle.wait(lock, [this] { return !m_busy && m_jobs.empty(); });
    return any;
}

void FleetSeatClaims::run() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
        if (m_jobs.empty()) return;  // stopping, and nothing left to do
        Job job = std::move(m_jobs.front());
        m_jobs.pop_front();
        m_busy = true;
        lock.unlock();
        handle(job);
        lock.lock();
        m_busy = false;
        if (m_jobs.empty()) m_idle.notify_all();
    }
}

// On the worker. Errors name the database, never the patron.
void FleetSeatClaims::handle(Job& job) {
    if (job.release) {
        if (auto r = fleet::releaseSeat(m_cfg, job.signup.id); !r)
            std::fprintf(stderr, "lc-kiosk: fleet: could not give a seat back: %s\n",
                         r.error().describe().c_str());
        return;
    }
    const fleet::SeatClaim c = fleet::claimSeat(m_cfg, job.signup, job.seats);
    if (c.outcome == fleet::ClaimOutcome::Offline)
        std::fprintf(stderr, "lc-kiosk: fleet: %s; the seat is decided here (claimed offline)\n",
                     c.error.c_str());
    wipeSignup(job.signup);
    m_tasks.post([this, id = job.signup.id, a = answerOf(c.outcome)] { m_onAnswer(id, a); });
}

}  // namespace lc::kiosk
