// Subcommands over personal data: export, export-person, forget, purge.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include <lc/core/csv.hpp>
#include <lc/core/validation.hpp>
#include <lc/store/checkin_repository.hpp>
#include <lc/store/circle_repository.hpp>
#include <lc/store/outbox_repository.hpp>
#include <lc/store/privacy_repository.hpp>
#include <lc/store/signup_repository.hpp>

#include "commands.hpp"
#include "fleet.hpp"
#include "output.hpp"

namespace lc::lcctl {
namespace {

using nlohmann::json;

// After an erasure: the freed pages and the WAL's old page images leave the files. A process
// that holds the store open can keep the checkpoint from finishing: say so, never hide it.
void compactAfterErasure(store::Database& db) {
    auto done = db.compact();
    if (!done)
        std::cerr << "lcctl: warning: " << done.error().describe() << "\n";
    else if (!*done)
        std::cerr << "lcctl: warning: another process holds the store open, so erased data may stay "
                     "in its -wal file until that process stops; run the command again then\n";
}

// Backups that hold personal data (<db>.pre-vN.bak before a migration, <db>.pre-forget*) go
// once they are older than the retention period, like the data in the store. Returns how many.
int purgeBackups(const std::string& dbPath, Instant cutoff) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path db(dbPath);
    const std::string base = db.filename().string();
    int removed = 0;
    for (const auto& entry : fs::directory_iterator(db.has_parent_path() ? db.parent_path() : ".", ec)) {
        const std::string name = entry.path().filename().string();
        const bool backup = name.rfind(base + ".pre-", 0) == 0;
        if (!backup || !entry.is_regular_file(ec)) continue;
        const auto mtime = fs::last_write_time(entry.path(), ec);
        if (ec) continue;
        const auto sys = std::chrono::file_clock::to_sys(mtime);
        if (std::chrono::floor<std::chrono::seconds>(sys) < cutoff && fs::remove(entry.path(), ec)) ++removed;
    }
    return removed;
}

// The upstream delivery state of each signup: its latest p2pu outbox row's state.
Result<std::map<std::string, std::string>> upstreamStates(store::Database& db) {
    store::OutboxRepository outbox(db);
    std::map<std::string, std::string> states;
    for (const char* s : {store::kOutboxPending, store::kOutboxNeedsStaff, store::kOutboxRejected,
                          store::kOutboxDelivered}) {
        auto rows = outbox.listByState(s);
        if (!rows) return fail(rows.error());
        for (const auto& r : *rows)
            if (r.kind == store::kOutboxP2pu && !r.signupId.empty()) states[r.signupId] = r.state;
    }
    return states;
}

Result<store::PersonRef> personFrom(const Args& args, const Context& ctx) {
    store::PersonRef who;
    who.email = args.get("--email");
    const std::string mobile = args.get("--mobile");
    if (who.email.empty() == mobile.empty())
        return fail(ErrorCode::InvalidInput, "[lcctl.args.11]", "give one of --email E or --mobile M");
    if (!mobile.empty()) {
        auto m = validation::normaliseMobile(mobile, ctx.config().country);
        if (!m) return fail(ErrorCode::InvalidInput, "[lcctl.args.12]", "--mobile: not a valid phone number (use +country code)");
        who.mobile = *m;
    }
    return who;
}

std::string signupsCsv(const std::vector<Signup>& signups, const std::map<std::int64_t, std::string>& names,
                       const std::map<std::string, std::string>& upstream, std::optional<std::int64_t> only) {
    std::string out = csv::row({"signup_id", "circle_id", "circle", "name", "email", "mobile", "goals", "support",
                                "answer", "consent_version", "news_opt_in", "created_at", "updated_at",
                                "upstream", "source"});
    for (const auto& s : signups) {
        if (s.voided || (only && s.circleId != *only)) continue;
        std::string state = s.sendUpstream ? "pending" : "local only";
        if (auto it = upstream.find(s.id); s.sendUpstream && it != upstream.end()) state = it->second;
        const auto name = names.count(s.circleId) ? names.at(s.circleId) : std::string();
        out += csv::row({s.id, std::to_string(s.circleId), name, s.name, s.email, s.mobile, s.goals, s.support,
                         s.customAnswer, s.consentVersion, s.communicationsOptIn ? "yes" : "no",
                         formatInstantUtc(s.createdAt), formatInstantUtc(s.updatedAt), state, s.source});
    }
    return out;
}

}  // namespace

int cmdExport(Context& ctx, const Args& args) {
    if (args.positional.size() != 1 || (args.positional[0] != "signups" && args.positional[0] != "attendance"))
        return report({ErrorCode::InvalidInput, "[lcctl.args.13]", "export needs 'signups' or 'attendance'"});
    if (!args.has("--csv")) return report({ErrorCode::InvalidInput, "[lcctl.args.14]", "export needs --csv FILE"});
    std::optional<std::int64_t> only;
    if (args.has("--circle")) {
        auto id = parseCircleId(args.get("--circle"));
        if (!id) return report(id.error());
        only = *id;
    }
    auto db = ctx.db();
    if (!db) return report(db.error());
    store::CircleRepository circles(**db);
    auto all = circles.all();
    if (!all) return report(all.error());
    std::map<std::int64_t, std::string> names;
    for (const auto& c : *all) names[c.id] = c.name;
    std::string out;
    if (args.positional[0] == "signups") {
        auto signups = store::SignupRepository(**db).all();
        if (!signups) return report(signups.error());
        auto upstream = upstreamStates(**db);
        if (!upstream) return report(upstream.error());
        out = signupsCsv(*signups, names, *upstream, only);
    } else {
        std::optional<Date> meeting;
        if (args.has("--meeting")) {
            auto d = parseDate(args.get("--meeting"));
            if (!d) return report(d.error());
            meeting = *d;
        }
        store::CheckInRepository checkins(**db);
        out = csv::row({"circle_id", "circle", "meeting_date", "name", "checked_in_at", "from"});
        for (const auto& c : *all) {
            if (only && c.id != *only) continue;
            auto rows = checkins.forCircle(c.id);
            if (!rows) return report(rows.error());
            for (const auto& r : *rows) {
                if (meeting && r.meetingDate != *meeting) continue;
                const char* from = !r.signupId.empty() ? "signup" : !r.rosterId.empty() ? "roster" : "walk-in";
                out += csv::row({std::to_string(c.id), c.name, isoDate(r.meetingDate), r.personName,
                                 formatInstantUtc(r.at), from});
            }
        }
    }
    if (auto w = writePrivateFile(args.get("--csv"), out); !w) return report(w.error());
    return kOk;
}

int cmdExportPerson(Context& ctx, const Args& args) {
    auto who = personFrom(args, ctx);
    if (!who) return report(who.error());
    auto db = ctx.db();
    if (!db) return report(db.error());
    auto data = store::PrivacyRepository(**db).exportPerson(*who);
    if (!data) return report(data.error());
    std::cout << personJson(*data).dump(2) << "\n";
    return kOk;
}

int cmdForget(Context& ctx, const Args& args) {
    auto who = personFrom(args, ctx);
    if (!who) return report(who.error());
    auto db = ctx.db();
    if (!db) return report(db.error());
    auto n = store::PrivacyRepository(**db).forget(*who);
    if (!n) return report(n.error());
    compactAfterErasure(**db);
    if (ctx.json()) {
        std::cout << json{{"signups", n->signups}, {"check_ins", n->checkIns},
                          {"roster_entries", n->rosterEntries}, {"outbox", n->outbox}}.dump() << "\n";
    } else {
        std::cout << "erased " << n->signups << " signups, " << n->checkIns << " check-ins, "
                  << n->rosterEntries << " roster entries, " << n->outbox << " outbox records\n";
    }
    forgetInFleet(ctx, who->email, who->mobile);
    return worseExit(kOk, exchangeNow(ctx));
}

int cmdPurge(Context& ctx, const Args& args) {
    int days = ctx.config().signup.retentionDays;
    if (args.has("--older-than")) {
        days = std::atoi(args.get("--older-than").c_str());
        if (days < 1 || days > 3650)
            return report({ErrorCode::InvalidInput, "[lcctl.args.15]", "--older-than takes 1 to 3650 days"});
    }
    auto rows = ctx.circles();
    if (!rows) return report(rows.error());
    std::map<std::int64_t, Instant> ends;
    for (const auto& r : *rows) ends[r.circle.id] = r.summary.lastEnd;
    auto db = ctx.db();
    if (!db) return report(db.error());
    auto n = store::PrivacyRepository(**db).purge(ctx.now(), days, [&](std::int64_t id) -> std::optional<Instant> {
        auto it = ends.find(id);
        return it == ends.end() ? std::nullopt : std::optional<Instant>(it->second);
    });
    if (!n) return report(n.error());
    compactAfterErasure(**db);
    const int backups = purgeBackups(ctx.dbPath(), ctx.now() - std::chrono::days{days});
    if (ctx.json()) {
        std::cout << json{{"signups", n->signups}, {"check_ins", n->checkIns}, {"roster_entries", n->rosterEntries},
                          {"outbox", n->outbox}, {"outbox_undelivered", n->outboxUndelivered},
                          {"backups", backups}}.dump() << "\n";
    } else {
        std::cout << "purged data of circles ended more than " << days << " days ago: " << n->signups
                  << " signups, " << n->checkIns << " check-ins, " << n->rosterEntries << " roster entries, "
                  << n->outbox << " outbox records (" << n->outboxUndelivered << " never delivered), "
                  << backups << " old backups\n";
    }
    return worseExit(kOk, exchangeNow(ctx));
}

}  // namespace lc::lcctl
