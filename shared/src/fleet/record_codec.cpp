#include "record_codec.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

namespace lc::fleet::detail {
namespace {

using nlohmann::json;

std::int64_t secs(Instant t) { return t.time_since_epoch().count(); }
Instant instant(const json& j, const char* key) {
    return Instant{std::chrono::seconds{j.at(key).get<std::int64_t>()}};
}

Date parseIsoDate(const std::string& s) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (std::sscanf(s.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3)
        throw std::invalid_argument("meeting_date");
    const Date date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!date.ok()) throw std::invalid_argument("meeting_date");
    return date;
}

RecordRow encodeSignup(const store::FleetSignup& f, RecordRow row) {
    const Signup& s = f.signup;
    row.circleId = s.circleId;
    row.person = personOf(s.email, s.mobile);
    row.holdsSeat = !s.voided && !f.rejected;
    if (f.deliveredAt) row.deliveredAt = secs(*f.deliveredAt);
    json j{{"name", s.name}, {"email", s.email}, {"mobile", s.mobile}, {"goals", s.goals},
           {"support", s.support}, {"custom_answer", s.customAnswer}, {"consent", s.consent},
           {"consent_version", s.consentVersion}, {"opt_in", s.communicationsOptIn},
           {"created_at", secs(s.createdAt)}, {"updated_at", secs(s.updatedAt)},
           {"send_upstream", s.sendUpstream}, {"local_only_reason", s.localOnlyReason},
           {"source", s.source}, {"voided", s.voided}, {"rejected", f.rejected}};
    j["delivered_at"] = row.deliveredAt ? json(*row.deliveredAt) : json(nullptr);
    row.body = j.dump();
    return row;
}

store::FleetSignup decodeSignup(const json& j, std::int64_t circleId, const std::string& id) {
    store::FleetSignup f;
    Signup& s = f.signup;
    s.id = id;
    s.circleId = circleId;
    s.name = j.at("name").get<std::string>();
    s.email = j.at("email").get<std::string>();
    s.mobile = j.at("mobile").get<std::string>();
    s.goals = j.at("goals").get<std::string>();
    s.support = j.at("support").get<std::string>();
    s.customAnswer = j.at("custom_answer").get<std::string>();
    s.consent = j.at("consent").get<bool>();
    s.consentVersion = j.at("consent_version").get<std::string>();
    s.communicationsOptIn = j.at("opt_in").get<bool>();
    s.createdAt = instant(j, "created_at");
    s.updatedAt = instant(j, "updated_at");
    s.sendUpstream = j.at("send_upstream").get<bool>();
    s.localOnlyReason = j.at("local_only_reason").get<std::string>();
    s.source = j.at("source").get<std::string>();
    s.voided = j.at("voided").get<bool>();
    f.rejected = j.at("rejected").get<bool>();
    if (!j.at("delivered_at").is_null()) f.deliveredAt = instant(j, "delivered_at");
    return f;
}

}  // namespace

std::string isoDate(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()),
                  unsigned(d.day()));
    return buf;
}

std::string personOf(const std::string& email, const std::string& mobile) {
    std::string key = email.empty() ? mobile : email;
    for (char& c : key)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return key;
}

RecordRow encode(const store::FleetRecord& r) {
    RecordRow row;
    row.id = r.id();
    row.kind = r.kind();
    row.rev = r.rev;
    if (const auto* s = std::get_if<store::FleetSignup>(&r.record)) return encodeSignup(*s, row);
    if (const auto* c = std::get_if<CheckIn>(&r.record)) {
        row.circleId = c->circleId;
        row.meetingDate = isoDate(c->meetingDate);
        row.body = json{{"meeting_date", *row.meetingDate}, {"person_name", c->personName},
                        {"signup_id", c->signupId}, {"roster_id", c->rosterId},
                        {"at", secs(c->at)}}
                       .dump();
        return row;
    }
    const auto& e = std::get<RosterEntry>(r.record);
    row.circleId = e.circleId;
    row.person = personOf(e.email, e.mobile);
    row.body = json{{"name", e.name}, {"email", e.email}, {"mobile", e.mobile},
                    {"imported_at", secs(e.importedAt)}}
                   .dump();
    return row;
}

std::optional<store::FleetRecord> decode(const std::string& kind, const std::string& body,
                                         const std::string& id, const std::string& rev) {
    const json j = json::parse(body, nullptr, false);
    if (!j.is_object() || !j.contains("circle_id")) return std::nullopt;
    try {
        const auto circleId = j.at("circle_id").get<std::int64_t>();
        if (kind == "signup") return store::FleetRecord{decodeSignup(j, circleId, id), rev};
        if (kind == "checkin") {
            CheckIn c{id, circleId, parseIsoDate(j.at("meeting_date").get<std::string>()),
                      j.at("person_name").get<std::string>(), j.at("signup_id").get<std::string>(),
                      j.at("roster_id").get<std::string>(), instant(j, "at")};
            return store::FleetRecord{c, rev};
        }
        if (kind == "roster") {
            RosterEntry e{id, circleId, j.at("name").get<std::string>(),
                          j.at("email").get<std::string>(), j.at("mobile").get<std::string>(),
                          instant(j, "imported_at")};
            return store::FleetRecord{e, rev};
        }
    } catch (const std::exception&) {  // a wrong type or a missing field: not ours to apply
    }
    return std::nullopt;
}

std::string encodeBatch(const std::vector<RecordRow>& rows) {
    json arr = json::array();
    int n = 0;
    for (const auto& r : rows) {
        json body = json::parse(r.body);
        body["circle_id"] = r.circleId;
        arr.push_back({{"id", r.id}, {"kind", r.kind}, {"circle_id", r.circleId},
                       {"person", r.person ? json(*r.person) : json(nullptr)},
                       {"body", std::move(body)}, {"rev", r.rev}, {"holds_seat", r.holdsSeat},
                       {"delivered_at", r.deliveredAt ? json(*r.deliveredAt) : json(nullptr)},
                       {"meeting_date", r.meetingDate ? json(*r.meetingDate) : json(nullptr)},
                       {"n", ++n}});
    }
    return arr.dump();
}

}  // namespace lc::fleet::detail
