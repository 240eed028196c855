// The JSON walk of the list feed (p2pu-api.md §1.2-1.3, quirks in §7). The only file of lc_feed's
// parser that sees nlohmann::json; scalar decoding lives in feed_values.cpp.

#include <lc/feed/feed_parser.hpp>

#include <cstdint>
#include <limits>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include <lc/core/text.hpp>

#include "feed_values.hpp"

namespace lc::feed {

namespace {

using nlohmann::json;
using detail::cleanText;
using detail::cleanUrl;

constexpr std::int64_t kMaxCount = 1'000'000;
constexpr std::int64_t kMaxWeeks = 520;
constexpr std::size_t kMaxUpstreamMessage = 300;

/// Reads typed fields of one JSON object and remembers the first thing wrong with it.
/// "Required" keys must be present with the right type; "optional" ones may be absent or null, but
/// when present must have the right type too.
class ItemReader {
public:
    ItemReader(const json& object, std::string prefix) : m_obj(object), m_prefix(std::move(prefix)) {}

    bool ok() const { return m_failure.empty(); }
    const std::string& failure() const { return m_failure; }

    const json* find(const char* key) const {
        const auto it = m_obj.find(key);
        return it == m_obj.end() ? nullptr : &*it;
    }

    const json* required(const char* key) {
        const json* v = find(key);
        if (!v || v->is_null()) fail(key, "is missing");
        return (v && !v->is_null()) ? v : nullptr;
    }

    const json* optional(const char* key) const {
        const json* v = find(key);
        return (v && !v->is_null()) ? v : nullptr;
    }

    std::string text(const char* key, std::size_t maxChars) {
        const json* v = required(key);
        return v ? stringOf(key, *v, maxChars) : std::string{};
    }

    std::string optText(const char* key, std::size_t maxChars) {
        const json* v = optional(key);
        return v ? stringOf(key, *v, maxChars) : std::string{};
    }

    std::int64_t integer(const char* key, std::int64_t lo, std::int64_t hi) {
        const json* v = required(key);
        return v ? integerOf(key, *v, lo, hi).value_or(0) : 0;
    }

    std::optional<std::int64_t> integerOf(const char* key, const json& v, std::int64_t lo, std::int64_t hi) {
        std::optional<std::int64_t> n;
        if (v.is_number_unsigned()) {
            const auto u = v.get<std::uint64_t>();
            if (u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                n = static_cast<std::int64_t>(u);
        } else if (v.is_number_integer()) {
            n = v.get<std::int64_t>();
        } else {
            fail(key, "is not an integer");
            return std::nullopt;
        }
        if (!n || *n < lo || *n > hi) {
            fail(key, "is out of range (" + std::to_string(lo) + "-" + std::to_string(hi) + ")");
            return std::nullopt;
        }
        return n;
    }

    bool boolean(const char* key, bool isRequired) {
        const json* v = isRequired ? required(key) : optional(key);
        if (v && !v->is_boolean()) fail(key, "is not true or false");
        return v && v->is_boolean() && v->get<bool>();
    }

    Date date(const char* key) {
        const std::string s = text(key, 16);
        if (!ok()) return {};
        const auto d = detail::parseDate(s);
        if (!d) fail(key, "is not a date");
        return d.value_or(Date{});
    }

    std::optional<Date> optDate(const char* key) {
        const json* v = optional(key);
        if (!v) return std::nullopt;
        const auto d = detail::parseDate(stringOf(key, *v, 16));
        if (!d && ok()) fail(key, "is not a date");
        return d;
    }

    TimeOfDay time(const char* key) {
        const std::string s = text(key, 16);
        if (!ok()) return {};
        const auto t = detail::parseTimeOfDay(s);
        if (!t) fail(key, "is not a time (HH:MM:SS)");
        return t.value_or(TimeOfDay{});
    }

    void fail(const char* key, const std::string& what) { failWith("'" + m_prefix + key + "' " + what); }

    void failWith(const std::string& reason) {
        if (m_failure.empty()) m_failure = reason;
    }

private:
    std::string stringOf(const char* key, const json& v, std::size_t maxChars) {
        if (!v.is_string()) {
            fail(key, "is not a string");
            return {};
        }
        return cleanText(v.get_ref<const std::string&>(), maxChars);
    }

    const json& m_obj;
    std::string m_prefix;
    std::string m_failure;
};

/// A latitude or longitude: upstream sends a decimal string or null; a number is accepted too.
/// Anything malformed or out of range is "unknown", never fatal.
std::optional<double> coordinate(const ItemReader& r, const char* key, double maxAbs) {
    const json* v = r.optional(key);
    if (!v) return std::nullopt;
    if (v->is_string()) return detail::parseCoordinate(v->get_ref<const std::string&>(), maxAbs);
    if (v->is_number()) return detail::parseCoordinate(std::to_string(v->get<double>()), maxAbs);
    return std::nullopt;
}

void readCourse(ItemReader& item, Circle& c) {
    const json* course = item.required("course");
    if (!course) return;
    if (!course->is_object()) return item.fail("course", "is not an object");
    ItemReader r(*course, "course.");
    c.courseId = r.integer("id", 0, std::numeric_limits<std::int64_t>::max());
    c.courseTitle = r.text("title", FeedLimits::kCourseTitle);
    c.courseProvider = r.optText("provider", FeedLimits::kProvider);
    c.courseLink = cleanUrl(r.optText("link", FeedLimits::kUrl + 1));
    if (!r.ok()) item.failWith(r.failure());
}

void readFacilitators(ItemReader& r, Circle& c) {
    const json* list = r.optional("facilitators");
    if (!list) return;
    if (!list->is_array()) return r.fail("facilitators", "is not a list");
    for (const json& name : *list) {
        if (!name.is_string()) return r.fail("facilitators", "holds something that is not a string");
        if (c.facilitators.size() < FeedLimits::kFacilitators)
            c.facilitators.push_back(cleanText(name.get_ref<const std::string&>(), FeedLimits::kFacilitator));
    }
}

void readVenue(ItemReader& r, Circle& c) {
    Venue& v = c.venue;
    v.name = r.text("venue", FeedLimits::kVenue);
    v.address = r.optText("venue_address", FeedLimits::kAddress);
    v.city = r.text("city", FeedLimits::kPlace);
    v.region = r.optText("region", FeedLimits::kPlace);
    v.country = r.optText("country_en", FeedLimits::kPlace);
    const std::string local = r.optText("country", FeedLimits::kPlace);
    if (v.country.empty()) v.country = local;
    v.latitude = coordinate(r, "latitude", 90.0);
    v.longitude = coordinate(r, "longitude", 180.0);
    c.online = r.boolean("online", false);
}

void readSchedule(ItemReader& r, Circle& c) {
    c.startDate = r.date("start_date");
    c.lastMeetingDate = r.date("last_meeting_date");
    c.nextMeetingDate = r.optDate("next_meeting_date");
    c.weeks = static_cast<int>(r.integer("weeks", 1, kMaxWeeks));
    c.meetingTime = r.time("meeting_time");
    c.endTime = r.time("end_time");
    c.timeZoneAbbrev = r.optText("time_zone", FeedLimits::kShort);
    if (r.optional("start_datetime")) {
        const std::string dt = r.optText("start_datetime", 40);
        const auto offset = detail::parseUtcOffsetMinutes(dt);
        if (!offset && r.ok()) r.fail("start_datetime", "is not a date-time with a UTC offset");
        c.startOffsetMinutes = offset.value_or(0);
    }
    if (r.ok() && std::chrono::sys_days{c.lastMeetingDate} < std::chrono::sys_days{c.startDate})
        r.fail("last_meeting_date", "is before 'start_date'");
}

void readSignup(ItemReader& r, Circle& c) {
    c.url = cleanUrl(r.text("url", FeedLimits::kUrl + 1));
    c.signupCount = static_cast<int>(r.integer("signup_count", 0, kMaxCount));
    c.signupOpen = r.boolean("signup_open", true);
    // null, 0 and a missing key all mean "no limit" (older deployments send 0 or nothing).
    if (const json* limit = r.optional("signup_limit")) {
        const auto n = r.integerOf("signup_limit", *limit, std::numeric_limits<std::int64_t>::min(), kMaxCount);
        if (n && *n > 0) c.signupLimit = static_cast<int>(*n);
    }
    c.status = r.optText("status", FeedLimits::kShort);
    if (r.optional("image_url")) {
        std::string image = cleanUrl(r.optText("image_url", FeedLimits::kUrl + 1));
        if (!image.empty()) c.imageUrl = std::move(image);
    }
    std::string question = r.optText("signup_question", FeedLimits::kQuestion);
    if (!question.empty()) c.signupQuestion = std::move(question);
}

/// Fills `c` from one item; returns why the item is unusable, or "" when it is fine.
std::string readItem(const json& item, Circle& c) {
    if (!item.is_object()) return "is not an object";
    ItemReader r(item, "");
    c.id = r.integer("id", 1, std::numeric_limits<std::int64_t>::max());
    c.name = r.text("name", FeedLimits::kName);
    readCourse(r, c);
    readFacilitators(r, c);
    readVenue(r, c);
    c.language = r.optText("language", FeedLimits::kShort);
    readSchedule(r, c);
    readSignup(r, c);
    return r.failure();
}

void noteSkip(FeedPage& page, std::size_t index, std::int64_t id, const std::string& why) {
    ++page.skipped;
    if (page.skipReasons.size() >= kMaxSkipReasons) return;
    std::string reason = "item " + std::to_string(index + 1);
    if (id > 0) reason += " (id " + std::to_string(id) + ")";
    page.skipReasons.push_back(reason + ": " + why);
}

void readItems(const json& items, FeedPage& page) {
    std::unordered_set<std::int64_t> seen;
    page.circles.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        Circle c;
        const std::string why = readItem(items[i], c);
        if (!why.empty()) {
            noteSkip(page, i, c.id, why);
        } else if (!seen.insert(c.id).second) {
            // A search joined over facilitators can list a circle twice (p2pu-api.md §1.1).
            noteSkip(page, i, c.id, "duplicate id, the first one is kept");
        } else {
            page.circles.push_back(std::move(c));
        }
    }
}

/// Upstream's {"errors": {"limit": ["Not a valid integer"]}} as "limit: Not a valid integer".
void describeErrors(const json& j, std::string& out, int depth) {
    if (out.size() > kMaxUpstreamMessage || depth > 4) return;
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            if (it != j.begin()) out += "; ";
            out += it.key() + ": ";
            describeErrors(it.value(), out, depth + 1);
        }
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i) {
            if (i > 0) out += ", ";
            describeErrors(j[i], out, depth + 1);
        }
    } else {
        out += j.is_string() ? j.get_ref<const std::string&>() : j.dump();
    }
}

std::string upstreamErrors(const json& doc) {
    std::string out;
    if (const auto it = doc.find("errors"); it != doc.end()) describeErrors(*it, out, 0);
    out = cleanText(out, kMaxUpstreamMessage);
    return out.empty() ? "no details given" : out;
}

/// Why a body that failed to parse is not JSON, from its first bytes; quotes no more than 16
/// printable ASCII characters so that a portal page's content does not end up in logs.
std::string notJsonHint(std::string_view body) {
    const std::size_t start = body.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return "the body is empty";
    const std::string_view head = body.substr(start, 64);
    if (head[0] == '<') return "it looks like HTML (a captive portal or an error page?)";
    if (head[0] == '{' || head[0] == '[') return "it looks like truncated or malformed JSON";
    const std::size_t paren = head.find('(');
    if (paren != std::string_view::npos && paren > 0 &&
        head.substr(0, paren).find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$.") ==
            std::string_view::npos)
        return "it looks like JSONP (drop the callback parameter)";
    std::string shown;
    for (const char ch : head.substr(0, 16)) shown += (ch >= 0x20 && ch < 0x7f) ? ch : '?';
    return "it starts with '" + shown + "'";
}

Result<std::optional<int>> pagingField(const json& doc, const char* key) {
    const auto it = doc.find(key);
    if (it == doc.end() || it->is_null()) return std::optional<int>{};
    if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() > kMaxCount * 1000)
        return fail(ErrorCode::Parse, "[feed.parse.7]",
                    std::string("the feed's '") + key + "' is not a non-negative integer");
    return std::optional<int>{static_cast<int>(it->get<std::int64_t>())};
}

Result<FeedPage> readEnvelope(const json& doc) {
    if (!doc.is_object())
        return fail(ErrorCode::Parse, "[feed.parse.3]",
                    std::string("the feed is not a JSON object (it is ") + doc.type_name() + ")");
    if (const auto st = doc.find("status"); st != doc.end() && st->is_string() && *st == "error")
        return fail(ErrorCode::Upstream, "[feed.parse.4]", "the server answered with an error: " + upstreamErrors(doc));
    const auto items = doc.find("items");
    if (items == doc.end() || !items->is_array())
        return fail(ErrorCode::Parse, "[feed.parse.5]", "the feed has no 'items' list");
    const auto count = doc.find("count");
    if (count == doc.end() || !count->is_number_integer() || count->get<std::int64_t>() < 0 ||
        count->get<std::int64_t>() > std::numeric_limits<int>::max())
        return fail(ErrorCode::Parse, "[feed.parse.6]", "the feed's 'count' is missing or not a non-negative integer");
    FeedPage page;
    page.count = static_cast<int>(count->get<std::int64_t>());
    auto offset = pagingField(doc, "offset");
    if (!offset) return fail(offset.error());
    auto limit = pagingField(doc, "limit");
    if (!limit) return fail(limit.error());
    page.offset = *offset;
    page.limit = *limit;
    readItems(*items, page);
    return page;
}

}  // namespace

Result<FeedPage> parseFeedPage(std::string_view body) {
    if (body.size() > kMaxFeedBytes)
        return fail(ErrorCode::Parse, "[feed.parse.1]",
                    "the feed is " + std::to_string(body.size() / (1024 * 1024)) + " MB, more than the " +
                        std::to_string(kMaxFeedBytes / (1024 * 1024)) + " MB allowed");
    json doc = json::parse(body, nullptr, false);
    // nlohmann refuses invalid UTF-8 and raw NULs inside strings; one bad byte should cost a
    // character, not the feed.
    if (doc.is_discarded() && (!text::isValidUtf8(body) || body.find('\0') != std::string_view::npos))
        doc = json::parse(text::repairUtf8(body), nullptr, false);
    if (doc.is_discarded())
        return fail(ErrorCode::Parse, "[feed.parse.2]", "the feed is not JSON: " + notJsonHint(body));
    return readEnvelope(doc);
}

}  // namespace lc::feed
