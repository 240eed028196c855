#include "circle_card.hpp"

#include <algorithm>

#include <lc/core/schedule.hpp>
#include <lc/core/text.hpp>

#include "format.hpp"

namespace lc::kiosk {
namespace {

std::string datesText(const CircleEntry& e, Instant now, const Translator& t) {
    if (schedule::isIrregular(e.circle)) return t.tr("Dates vary");
    if (e.meetings.empty()) {
        return format::subst(t.tr("Starts {date}"),
                             {{"date", t.longDate(e.circle.startDate)}});
    }
    if (now < e.meetings.front().start) {
        const auto [day, time] = format::localParts(e.meetings.front().start,
                                                    e.meetings.front().offsetMinutes);
        return format::subst(t.tr("Starts {date}"), {{"date", t.longDate(day)}});
    }
    const auto next = upcomingMeeting(e, now);
    if (!next) {
        return format::subst(t.tr("Ended on {date}"),
                             {{"date", t.longDate(e.circle.lastMeetingDate)}});
    }
    const int total = e.circle.weeks > 0 ? e.circle.weeks : static_cast<int>(e.meetings.size());
    return format::subst(t.tr("Week {n} of {total}"),
                         {{"n", std::to_string(next->index)}, {"total", std::to_string(total)}});
}

std::string whenText(const CircleEntry& e, Instant now, const Translator& t) {
    const std::string time = t.time(e.circle.meetingTime);
    Date day = e.circle.startDate;
    if (const auto next = upcomingMeeting(e, now)) day = next->localDate;
    const std::string weekday = t.weekday(format::weekdayOf(day));
    const std::string pattern = schedule::isIrregular(e.circle) ? t.tr("{weekday}, {time}")
                                                                : t.tr("Every {weekday}, {time}");
    return format::subst(text::keepWithPlaceholder(pattern, "time"),
                         {{"weekday", weekday}, {"time", time}});
}

std::string seatsText(SignupState s, std::optional<int> left, const Translator& t) {
    switch (s) {
        case SignupState::Ended: return t.tr("Ended");
        case SignupState::Closed: return t.tr("Closed");
        case SignupState::Full: return t.tr("Full");
        case SignupState::Open: break;
    }
    if (!left) return t.tr("Open");
    if (*left == 1) return t.tr("1 seat left");
    return format::subst(t.tr("{n} seats left"), {{"n", std::to_string(*left)}});
}

}  // namespace

SignupState stateOf(const CircleEntry& e, Instant now) {
    const Instant end = e.lastMeetingEnd.value_or(Instant::max());
    return signupState(e.circle, end, e.localPending, now);
}

std::optional<Meeting> upcomingMeeting(const CircleEntry& e, Instant now) {
    for (const auto& m : e.meetings) {
        if (m.end > now) return m;
    }
    return std::nullopt;
}

std::string roomOf(const Circle& c, const FlowConfig& config) {
    if (auto it = config.circleRooms.find(c.id); it != config.circleRooms.end()) return it->second;
    if (auto it = config.venueRooms.find(c.venue.name); it != config.venueRooms.end()) return it->second;
    return {};
}

CircleCard makeCard(const CircleEntry& e, Instant now, const Translator& t, const FlowConfig* config) {
    CircleCard c;
    c.id = e.circle.id;
    c.name = e.circle.name;
    c.course = e.circle.courseTitle;
    c.when = whenText(e, now, t);
    c.dates = datesText(e, now, t);
    c.language = format::languageName(e.circle.language);
    if (!e.circle.facilitators.empty()) {
        std::string names;
        for (const auto& f : e.circle.facilitators) {
            if (!names.empty()) names += ", ";
            names += f;
        }
        c.facilitators = format::subst(t.tr("With {names}"), {{"names", names}});
    }
    c.place = e.circle.venue.name;
    if (config) c.room = roomOf(e.circle, *config);
    c.state = stateOf(e, now);
    c.seatsLeft = seatsLeft(e.circle, e.localPending);
    c.seats = seatsText(c.state, c.seatsLeft, t);
    c.url = e.circle.url;
    return c;
}

std::string meetingWhen(const Meeting& m, const Translator& t) {
    const auto [day, time] = format::localParts(m.start, m.offsetMinutes);
    return format::subst(text::keepWithPlaceholder(t.tr("{date}, {time}"), "time"),
                         {{"date", t.longDate(day)}, {"time", t.time(time)}});
}

bool servedHere(const Circle& c, const std::vector<std::string>& venues) {
    if (venues.empty()) return true;
    return std::find(venues.begin(), venues.end(), c.venue.name) != venues.end();
}

}  // namespace lc::kiosk
