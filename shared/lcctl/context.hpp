#pragma once
// What every lcctl subcommand works with: the config, the clock, the store, and the circles
// summarised at "now".

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <lc/core/circle_summary.hpp>
#include <lc/core/clock.hpp>
#include <lc/core/config.hpp>
#include <lc/store/database.hpp>

#include "args.hpp"

namespace lc::lcctl {

/// Exit statuses shared by the subcommands.
enum Exit : int { kOk = 0, kFailed = 1, kPartial = 2, kUsage = 64 };

/// A circle with its summary at the context's instant.
struct CircleRow {
    Circle circle;
    CircleSummary summary;
};

/// The state one lcctl run shares between its steps.
class Context {
public:
    /// Reads the config and sets the clock; the store is opened on first use.
    static Result<Context> make(const GlobalOptions& g);

    const Config& config() const { return m_config; }
    Instant now() const { return m_clock->now(); }
    const Clock& clock() const { return *m_clock; }
    bool json() const { return m_json; }
    /// The database path in effect (--db, the installed one, or the demo's).
    const std::string& dbPath() const { return m_dbPath; }

    /// Opens (and migrates) the store on first call.
    Result<store::Database*> db();

    /// Every circle in the store with its summary at now(), sorted by id. Circles whose zone is
    /// unknown are left out with a warning on stderr.
    Result<std::vector<CircleRow>> circles();
    /// One circle by id; [lcctl.circle.1] NotFound.
    Result<CircleRow> circle(std::int64_t id);

    /// ISO 3166 region for a circle's national phone numbers (config, else its country).
    std::string regionFor(const Circle& c) const;

private:
    Config m_config;
    std::shared_ptr<Clock> m_clock;
    std::string m_dbPath;
    bool m_json = false;
    std::optional<store::Database> m_db;
};

/// "2026-10-03T10:00:00+02:00".
std::string isoLocal(Instant t, int offsetMinutes);
/// "2026-10-03".
std::string isoDate(const Date& d);
/// Parses "2026-10-03"; [lcctl.date.1] InvalidInput.
Result<Date> parseDate(const std::string& text);
/// Parses a positive circle id given to --circle; [lcctl.args.6].
Result<std::int64_t> parseCircleId(const std::string& text);

}  // namespace lc::lcctl
