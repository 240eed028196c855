// Read-only subcommands: circles, meetings.
#include <algorithm>
#include <iostream>

#include <nlohmann/json.hpp>

#include <lc/core/schedule.hpp>

#include "commands.hpp"

namespace lc::lcctl {
namespace {

using nlohmann::json;

json meetingJson(const std::optional<Meeting>& m) {
    if (!m) return nullptr;
    return isoLocal(m->start, m->offsetMinutes);
}

json circleJson(const CircleRow& r) {
    const Circle& c = r.circle;
    const CircleSummary& s = r.summary;
    return json{{"id", c.id},
                {"name", c.name},
                {"course", c.courseTitle},
                {"venue", c.venue.name},
                {"city", c.venue.city},
                {"language", c.language},
                {"time_zone", c.timeZone},
                {"first_meeting", meetingJson(s.first)},
                {"next_meeting", meetingJson(s.next)},
                {"last_meeting", meetingJson(s.last)},
                {"meetings", c.weeks},
                {"irregular", s.irregular},
                {"seats_left", s.seatsLeft ? json(*s.seatsLeft) : json(nullptr)},
                {"signup", toString(s.state)},
                {"url", c.url}};
}

std::string seatsText(const CircleSummary& s) {
    if (s.state != SignupState::Open) return toString(s.state);
    return s.seatsLeft ? std::to_string(*s.seatsLeft) + " seats" : "open";
}

}  // namespace

int cmdCircles(Context& ctx, const Args&) {
    auto rows = ctx.circles();
    if (!rows) return report(rows.error());
    if (ctx.json()) {
        json out = json::array();
        for (const auto& r : *rows) out.push_back(circleJson(r));
        std::cout << out.dump(2) << "\n";
        return kOk;
    }
    for (const auto& r : *rows) {
        const auto& next = r.summary.next;
        std::cout << r.circle.id << "  " << r.circle.name << "  |  " << r.circle.venue.name << ", "
                  << r.circle.venue.city << "  |  next: "
                  << (next ? isoLocal(next->start, next->offsetMinutes) : std::string("none"))
                  << "  |  " << seatsText(r.summary) << "\n";
    }
    if (rows->empty()) std::cout << "No circles in the store. Run: lcctl sync --feed URL\n";
    return kOk;
}

int cmdMeetings(Context& ctx, const Args& args) {
    const bool byCircle = args.has("--circle");
    if (byCircle == args.has("--from"))
        return report({ErrorCode::InvalidInput, "[lcctl.args.8]",
                       "meetings needs --circle ID, or --from DATE --days N"});
    auto rows = ctx.circles();
    if (!rows) return report(rows.error());
    std::optional<std::int64_t> only;
    Date from{};
    int days = 7;
    if (byCircle) {
        auto id = parseCircleId(args.get("--circle"));
        if (!id) return report(id.error());
        only = *id;
        if (!std::any_of(rows->begin(), rows->end(), [&](const CircleRow& r) { return r.circle.id == *id; }))
            return report({ErrorCode::NotFound, "[lcctl.circle.1]", "no circle " + std::to_string(*id) + " in the store"});
    } else {
        auto d = parseDate(args.get("--from"));
        if (!d) return report(d.error());
        from = *d;
        if (args.has("--days")) {
            days = std::atoi(args.get("--days").c_str());
            if (days < 1 || days > 366)
                return report({ErrorCode::InvalidInput, "[lcctl.args.9]", "--days must be 1 to 366"});
        }
    }
    struct Row { const CircleRow* circle; Meeting m; };
    std::vector<Row> out;
    const auto fromDays = std::chrono::sys_days{from};
    for (const auto& r : *rows) {
        if (only && r.circle.id != *only) continue;
        for (const auto& m : r.summary.meetings) {
            const auto local = std::chrono::sys_days{m.localDate};
            if (!only && (local < fromDays || local >= fromDays + std::chrono::days{days})) continue;
            out.push_back({&r, m});
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Row& a, const Row& b) { return a.m.start < b.m.start; });
    if (ctx.json()) {
        json arr = json::array();
        for (const auto& o : out)
            arr.push_back({{"circle_id", o.circle->circle.id},
                           {"name", o.circle->circle.name},
                           {"venue", o.circle->circle.venue.name},
                           {"start", isoLocal(o.m.start, o.m.offsetMinutes)},
                           {"end", isoLocal(o.m.end, o.m.offsetMinutes)}});
        std::cout << arr.dump(2) << "\n";
        return kOk;
    }
    for (const auto& o : out) {
        const std::string iso = isoLocal(o.m.start, o.m.offsetMinutes);
        std::cout << iso.substr(0, 10) << " " << iso.substr(11, 5) << " (UTC" << iso.substr(19) << ")  "
                  << o.circle->circle.name << "  |  " << o.circle->circle.venue.name << ", "
                  << o.circle->circle.venue.city << "\n";
    }
    if (out.empty()) std::cout << "No meetings in that range.\n";
    return kOk;
}

}  // namespace lc::lcctl
