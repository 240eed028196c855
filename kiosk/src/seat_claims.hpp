#pragma once
// Fleet mode's seat claims for the kiosk: each claim runs on a worker thread of its own (it waits
// on the library's database for up to fleet.claim_timeout_ms), and its answer is posted to the
// main thread. The patron sees "Saving your signup…" meanwhile; frames keep drawing.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include <lc/core/config.hpp>
#include <lc/fleet/seat_claim.hpp>
#include <lc/ui/task_queue.hpp>

#include "flow/ports.hpp"

namespace lc::kiosk {

/// SeatClaims over lc_fleet. Thread-safety: claim(), release() and settle() on the main thread;
/// the worker touches only its queue and posts answers through the TaskQueue.
class FleetSeatClaims final : public SeatClaims {
public:
    /// The circle's seats as this device's store knows them (main thread, at claim time).
    using SeatsOf = std::function<fleet::CircleSeats(std::int64_t circleId)>;
    /// What receives an answer (run on the main thread).
    using OnAnswer = std::function<void(const std::string& signupId, SeatAnswer answer)>;

    /// `cfg` is copied; `tasks` must outlive this. Without a fleet in `cfg`, enabled() is false.
    FleetSeatClaims(const Config& cfg, ui::TaskQueue& tasks, SeatsOf seatsOf, OnAnswer onAnswer);
    /// Finishes the jobs queued (a release must reach the database), then stops the worker.
    ~FleetSeatClaims() override;
    FleetSeatClaims(const FleetSeatClaims&) = delete;
    FleetSeatClaims& operator=(const FleetSeatClaims&) = delete;

    bool enabled() const override { return m_cfg.fleet.enabled(); }
    void claim(const Signup& s) override;
    void release(const std::string& signupId) override;
    /// Waits until every queued job ran (each is bounded by the claim timeout); true when there
    /// was one. Scripts' `expect` calls it through the app before giving up on a screen.
    bool settle();

private:
    struct Job {
        Signup signup;           ///< a claim (id, circle, person)
        bool release = false;    ///< give the seat of signup.id back
        fleet::CircleSeats seats;
    };
    void run();
    void handle(Job& job);

    Config m_cfg;
    ui::TaskQueue& m_tasks;
    SeatsOf m_seatsOf;
    OnAnswer m_onAnswer;
    std::mutex m_mutex;
    std::condition_variable m_wake, m_idle;
    std::deque<Job> m_jobs;
    bool m_busy = false, m_stop = false;
    std::thread m_thread;  ///< last: started once everything above exists
};

}  // namespace lc::kiosk
