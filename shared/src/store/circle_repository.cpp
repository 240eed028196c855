#include <lc/store/circle_repository.hpp>

#include <nlohmann/json.hpp>

#include "sql.hpp"

namespace lc::store {

using detail::Query;

namespace {

constexpr const char* kColumns =
    "id, name, course_id, course_title, course_provider, course_link, facilitators, venue_name, "
    "venue_address, city, region, country, latitude, longitude, online, language, start_date, "
    "last_meeting_date, next_meeting_date, weeks, meeting_time, end_time, time_zone_abbrev, "
    "start_offset_minutes, time_zone, url, signup_limit, signup_count, signup_open, status, "
    "image_url, "
    "signup_question";

std::string facilitatorsJson(const std::vector<std::string>& names) {
    return nlohmann::json(names).dump();
}

std::vector<std::string> parseFacilitators(const std::string& text) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    std::vector<std::string> out;
    if (!j.is_array()) return out;
    for (const auto& item : j) {
        if (item.is_string()) out.push_back(item.get<std::string>());
    }
    return out;
}

std::optional<std::string> optDate(const std::optional<Date>& d) {
    return d ? std::optional<std::string>(detail::formatDate(*d)) : std::nullopt;
}

void insertCircle(Query& q, const Circle& c) {
    const Venue& v = c.venue;
    q.bind(c.id, c.name, c.courseId, c.courseTitle, c.courseProvider, c.courseLink,
           facilitatorsJson(c.facilitators), v.name, v.address, v.city, v.region, v.country,
           v.latitude, v.longitude, c.online, c.language, detail::formatDate(c.startDate),
           detail::formatDate(c.lastMeetingDate), optDate(c.nextMeetingDate), c.weeks,
           c.meetingTime.count(), c.endTime.count(), c.timeZoneAbbrev, c.startOffsetMinutes,
           c.timeZone, c.url, c.signupLimit, c.signupCount, c.signupOpen, c.status, c.imageUrl,
           c.signupQuestion)
        .run();
}

std::optional<std::string> optText(const Query& q, int col) {
    return q.isNull(col) ? std::nullopt : std::optional<std::string>(q.text(col));
}

Circle readCircle(const Query& q) {
    Circle c;
    c.id = q.i64(0);
    c.name = q.text(1);
    c.courseId = q.i64(2);
    c.courseTitle = q.text(3);
    c.courseProvider = q.text(4);
    c.courseLink = q.text(5);
    c.facilitators = parseFacilitators(q.text(6));
    c.venue.name = q.text(7);
    c.venue.address = q.text(8);
    c.venue.city = q.text(9);
    c.venue.region = q.text(10);
    c.venue.country = q.text(11);
    if (!q.isNull(12)) c.venue.latitude = q.real(12);
    if (!q.isNull(13)) c.venue.longitude = q.real(13);
    c.online = q.flag(14);
    c.language = q.text(15);
    c.startDate = detail::parseDate(q.text(16));
    c.lastMeetingDate = detail::parseDate(q.text(17));
    if (!q.isNull(18)) c.nextMeetingDate = detail::parseDate(q.text(18));
    c.weeks = q.i32(19);
    c.meetingTime = TimeOfDay{q.i32(20)};
    c.endTime = TimeOfDay{q.i32(21)};
    c.timeZoneAbbrev = q.text(22);
    c.startOffsetMinutes = q.i32(23);
    c.timeZone = q.text(24);
    c.url = q.text(25);
    if (!q.isNull(26)) c.signupLimit = q.i32(26);
    c.signupCount = q.i32(27);
    c.signupOpen = q.flag(28);
    c.status = q.text(29);
    c.imageUrl = optText(q, 30);
    c.signupQuestion = optText(q, 31);
    return c;
}

}  // namespace

CircleRepository::CircleRepository(Database& db) : m_stmts(db.handle()) {}

Result<void> CircleRepository::replaceSnapshot(const std::vector<Circle>& circles,
                                               const SnapshotMeta& meta) {
    return detail::guarded([&] {
        auto tx = detail::beginTx(m_stmts.db());
        Query(m_stmts, "DELETE FROM circles").run();
        Query insert(
            m_stmts,
            std::string("INSERT INTO circles(") + kColumns +
                ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
                "?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32)");
        for (const Circle& c : circles) {
            insertCircle(insert, c);
            insert.reset();
        }
        Query(m_stmts,
              "INSERT INTO snapshot(one, fetched_at, source, skipped) VALUES (1, ?1, ?2, ?3) "
              "ON CONFLICT(one) DO UPDATE SET fetched_at = excluded.fetched_at, source = "
              "excluded.source, "
              "skipped = excluded.skipped")
            .bind(meta.fetchedAt, meta.source, meta.skipped)
            .run();
        detail::commitTx(tx);
    });
}

Result<std::vector<Circle>> CircleRepository::all() {
    return detail::guarded([&] {
        Query q(m_stmts, std::string("SELECT ") + kColumns + " FROM circles ORDER BY id");
        std::vector<Circle> out;
        while (q.step()) out.push_back(readCircle(q));
        return out;
    });
}

Result<std::optional<Circle>> CircleRepository::byId(std::int64_t id) {
    return detail::guarded([&] {
        Query q(m_stmts, std::string("SELECT ") + kColumns + " FROM circles WHERE id = ?1");
        std::optional<Circle> out;
        if (q.bind(id).step()) out = readCircle(q);
        return out;
    });
}

Result<std::optional<SnapshotMeta>> CircleRepository::snapshot() {
    return detail::guarded([&] {
        Query q(m_stmts, "SELECT fetched_at, source, skipped FROM snapshot WHERE one = 1");
        std::optional<SnapshotMeta> out;
        if (q.step()) out = SnapshotMeta{q.instant(0), q.text(1), q.i32(2)};
        return out;
    });
}

}  // namespace lc::store
