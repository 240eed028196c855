#include "output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include "context.hpp"

namespace lc::lcctl {

Result<void> writePrivateFile(const std::string& path, const std::string& content) {
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return fail(ErrorCode::Io, "[lcctl.write.1]", "cannot write " + path + ": " + std::strerror(errno));
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int err = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            return fail(ErrorCode::Io, "[lcctl.write.2]", "cannot write " + path + ": " + std::strerror(err));
        }
        done += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced || std::rename(tmp.c_str(), path.c_str()) != 0) {
        ::unlink(tmp.c_str());
        return fail(ErrorCode::Io, "[lcctl.write.3]", "cannot write " + path + ": " + std::strerror(errno));
    }
    return {};
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
