#include "output.hpp"

#include <lc/platform/files.hpp>

#include "context.hpp"

namespace lc::lcctl {

Result<void> writePrivateFile(const std::string& path, const std::string& content) {
    return platform::writePrivateFile(path, content);
}

nlohmann::json personJson(const store::PersonExport& data) {
    using nlohmann::json;
    json out{{"signups", json::array()}, {"check_ins", json::array()},
             {"roster_entries", json::array()}, {"outbox", json::array()}};
    for (const auto& s : data.signups)
        out["signups"].push_back({{"id", s.id}, {"circle_id", s.circleId}, {"name", s.name},
                                  {"email", s.email}, {"mobile", s.mobile}, {"goals", s.goals},
                                  {"support", s.support}, {"answer", s.customAnswer},
                                  {"consent", s.consent}, {"consent_version", s.consentVersion},
                                  {"news_opt_in", s.communicationsOptIn},
                                  {"created_at", formatInstantUtc(s.createdAt)},
                                  {"updated_at", formatInstantUtc(s.updatedAt)},
                                  {"sent_to_p2pu", s.sendUpstream},
                                  {"local_only_reason", s.localOnlyReason}, {"source", s.source},
                                  {"voided", s.voided}});
    for (const auto& c : data.checkIns)
        out["check_ins"].push_back({{"id", c.id}, {"circle_id", c.circleId},
                                    {"meeting_date", isoDate(c.meetingDate)}, {"name", c.personName},
                                    {"at", formatInstantUtc(c.at)}});
    for (const auto& r : data.rosterEntries)
        out["roster_entries"].push_back({{"id", r.id}, {"circle_id", r.circleId}, {"name", r.name},
                                         {"email", r.email}, {"mobile", r.mobile},
                                         {"imported_at", formatInstantUtc(r.importedAt)}});
    for (const auto& o : data.outbox)
        out["outbox"].push_back({{"id", o.id}, {"kind", o.kind}, {"state", o.state},
                                 {"attempts", o.attempts}, {"body", o.body}});
    return out;
}

}  // namespace lc::lcctl
