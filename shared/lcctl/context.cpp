#include "context.hpp"

#include <cstdio>
#include <iostream>

#include <lc/core/paths.hpp>
#include <lc/core/schedule.hpp>
#include <lc/core/validation.hpp>
#include <lc/store/circle_repository.hpp>
#include <lc/store/signup_repository.hpp>

namespace lc::lcctl {

Result<Context> Context::make(const GlobalOptions& g) {
    Context ctx;
    ctx.m_json = g.json;
    std::string configPath = g.config;
    if (configPath.empty() && paths::exists(paths::kInstalledConfig))
        configPath = paths::kInstalledConfig;
    if (!configPath.empty()) {
        auto cfg = loadConfig(configPath);
        if (!cfg) return fail(cfg.error());
        ctx.m_config = std::move(*cfg);
    }
    if (g.now.empty()) {
        ctx.m_clock = std::make_shared<SystemClock>();
    } else {
        auto t = parseInstant(g.now);
        if (!t) return fail(ErrorCode::InvalidInput, "[lcctl.args.7]", "--now: " + t.error().message);
        ctx.m_clock = std::make_shared<FixedClock>(*t);
    }
    if (!g.db.empty()) ctx.m_dbPath = g.db;
    else if (paths::exists(paths::kInstalledDb)) ctx.m_dbPath = paths::kInstalledDb;
    else ctx.m_dbPath = paths::demoDb();
    return ctx;
}

Result<store::Database*> Context::db() {
    if (!m_db) {
        auto db = store::Database::open(m_dbPath);
        if (!db) return fail(db.error());
        m_db.emplace(std::move(*db));
    }
    return &*m_db;
}

Result<std::vector<CircleRow>> Context::circles() {
    auto d = db();
    if (!d) return fail(d.error());
    store::CircleRepository circlesRepo(**d);
    store::SignupRepository signups(**d);
    auto all = circlesRepo.all();
    if (!all) return fail(all.error());
    auto snap = circlesRepo.snapshot();
    if (!snap) return fail(snap.error());
    const Instant fetchedAt = *snap ? (*snap)->fetchedAt : Instant{};
    std::vector<CircleRow> rows;
    rows.reserve(all->size());
    for (auto& c : *all) {
        auto pending = signups.localPending(c.id, fetchedAt);
        if (!pending) return fail(pending.error());
        auto summary = summarize(c, *pending, now());
        if (!summary) {
            std::cerr << "lcctl: circle " << c.id << " left out: " << summary.error().describe() << "\n";
            continue;
        }
        rows.push_back({std::move(c), std::move(*summary)});
    }
    return rows;
}

Result<CircleRow> Context::circle(std::int64_t id) {
    auto rows = circles();
    if (!rows) return fail(rows.error());
    for (auto& r : *rows)
        if (r.circle.id == id) return std::move(r);
    return fail(ErrorCode::NotFound, "[lcctl.circle.1]",
                "no circle " + std::to_string(id) + " in the store (run lcctl sync first?)");
}

std::string Context::regionFor(const Circle& c) const {
    if (!m_config.country.empty()) return m_config.country;
    return validation::regionForCountry(c.venue.country);
}

std::string isoLocal(Instant t, int offsetMinutes) { return schedule::formatLocalIso(t, offsetMinutes); }

std::string isoDate(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()), unsigned(d.day()));
    return buf;
}

Result<Date> parseDate(const std::string& text) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (text.size() == 10 && std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) == 3) {
        const Date date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
        if (date.ok()) return date;
    }
    return fail(ErrorCode::InvalidInput, "[lcctl.date.1]", "not a date (YYYY-MM-DD): '" + text + "'");
}

Result<std::int64_t> parseCircleId(const std::string& text) {
    char* end = nullptr;
    const long long id = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || id <= 0)
        return fail(ErrorCode::InvalidInput, "[lcctl.args.6]", "--circle needs a circle id, got '" + text + "'");
    return static_cast<std::int64_t>(id);
}

}  // namespace lc::lcctl
