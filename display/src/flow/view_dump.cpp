#include "flow/view_dump.hpp"

#include <nlohmann/json.hpp>

namespace lc::display {

using nlohmann::json;

namespace {

json rowJson(const MeetingRow& r) {
    return json{{"circle_id", r.circleId},
                {"name", r.name},
                {"room", r.room},
                {"venue", r.venue},
                {"language", r.language},
                {"start", formatIsoLocal(r.start, r.offsetMinutes)},
                {"end", formatIsoLocal(r.end, r.offsetMinutes)},
                {"state", toString(r.state)},
                {"latecomers_welcome", r.latecomersWelcome},
                {"dates_vary", r.irregular}};
}

json cardJson(const JoinCard& c) {
    json j = rowJson(c.next);
    j["url"] = c.url;
    j["seats_left"] = c.seatsLeft ? json(*c.seatsLeft) : json(nullptr);
    j["badge"] = toString(c.badge);
    j["start_date"] = formatIsoDate(c.startDate);
    j["last_date"] = formatIsoDate(c.lastDate);
    j["iso_weekday"] = c.isoWeekday;
    j["started"] = c.started;
    return j;
}

json pageJson(const Page& page, float bodyCapPx) {
    json j{{"kind", pageKind(page)}};
    if (bodyCapPx > 0) j["body_cap_px"] = bodyCapPx;
    json rows = json::array();
    if (const auto* t = std::get_if<TodayPage>(&page)) {
        j["empty"] = t->rooms.empty();
        j["part"] = t->part;
        j["parts"] = t->parts;
        json rooms = json::array();
        for (const auto& g : t->rooms) {
            rooms.push_back({{"room", g.room}, {"available", g.available}, {"ended", g.ended},
                             {"count", g.rows.size()}});
            for (const auto& r : g.rows) rows.push_back(rowJson(r));
        }
        j["rooms"] = rooms;
        json next = json::array();
        for (const auto& r : t->comingUp) next.push_back(rowJson(r));
        j["coming_up"] = next;
    } else if (const auto* p = std::get_if<JoinPage>(&page)) {
        j["part"] = p->part;
        j["parts"] = p->parts;
        for (const auto& c : p->cards) {
            rows.push_back(cardJson(c));
            rows.back()["qr_px"] = p->qrPx;
        }
    } else if (const auto* w = std::get_if<WeekPage>(&page)) {
        json days = json::array();
        for (const auto& d : w->days) {
            json dr = json::array();
            for (const auto& r : d.rows) {
                dr.push_back(rowJson(r));
                rows.push_back(rowJson(r));
            }
            days.push_back({{"date", formatIsoDate(d.date)}, {"today", d.today}, {"rows", dr}});
        }
        j["days"] = days;
        json vary = json::array();
        for (const auto& r : w->datesVary) vary.push_back(rowJson(r));
        j["dates_vary"] = vary;
    } else if (const auto* u = std::get_if<UpcomingPage>(&page)) {
        for (const auto& c : u->circles) rows.push_back(cardJson(c));
    }
    j["rows"] = rows;
    return j;
}

}  // namespace

std::string dumpViewJson(const DisplayView& v) {
    json j{{"blank", v.blank},
           {"clock_plausible", v.clockPlausible},
           {"language", v.language},
           {"current_page", v.currentPage},
           {"burn_in", {{"dx", v.shiftX}, {"dy", v.shiftY}}}};
    json header{{"library", v.header.libraryName}, {"room", v.header.onlyRoom}};
    if (v.header.now) {
        header["date"] = formatIsoDate(v.header.now->date);
        header["time"] = formatHhMm(v.header.now->minutes);
    }
    j["header"] = header;
    if (v.stale) {
        j["stale"] = {{"last_success", v.stale->lastSuccess
                                           ? json(formatIsoDate(v.stale->lastSuccess->date) + " " +
                                                  formatHhMm(v.stale->lastSuccess->minutes))
                                           : json(nullptr)}};
    } else {
        j["stale"] = nullptr;
    }
    json pages = json::array();
    for (std::size_t i = 0; i < v.pages.size(); ++i)
        pages.push_back(pageJson(v.pages[i], i < v.bodyCapPx.size() ? v.bodyCapPx[i] : 0.0f));
    j["pages"] = pages;
    return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace lc::display
