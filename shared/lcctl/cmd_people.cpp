// Subcommands that record people: signup, checkin, import-roster.
#include <fstream>
#include <iostream>
#include <sstream>

#include <lc/core/csv.hpp>
#include <lc/core/names.hpp>
#include <lc/core/schedule.hpp>
#include <lc/core/text.hpp>
#include <lc/core/uuid.hpp>
#include <lc/core/validation.hpp>
#include <lc/feed/webhook.hpp>
#include <lc/store/checkin_repository.hpp>
#include <lc/store/record_writer.hpp>
#include <lc/store/roster_repository.hpp>
#include <lc/store/signup_repository.hpp>

#include "commands.hpp"
#include "fleet.hpp"

namespace lc::lcctl {
namespace {

void printFieldErrors(const std::vector<FieldError>& errors) {
    for (const auto& e : errors) std::cout << e.field << ": " << e.message << "\n";
}

// The meeting of `row` whose check-in window holds `now`.
std::optional<Meeting> meetingNow(const CircleRow& row, const Config& cfg, Instant now) {
    const auto before = std::chrono::minutes{cfg.kiosk.checkinBeforeMin};
    const auto after = std::chrono::minutes{cfg.kiosk.checkinAfterMin};
    for (const auto& m : row.summary.meetings)
        if (now >= m.start - before && now <= m.start + after) return m;
    return std::nullopt;
}

}  // namespace

int cmdSignup(Context& ctx, const Args& args) {
    SignupForm form;
    auto id = parseCircleId(args.get("--circle"));
    if (!id) return report(id.error());
    form.circleId = *id;
    form.name = args.get("--name");
    form.email = args.get("--email");
    form.mobile = args.get("--mobile");
    form.goals = args.get("--goals");
    form.support = args.get("--support");
    form.customAnswer = args.get("--answer");
    form.consent = args.has("--consent");
    form.communicationsOptIn = args.has("--opt-in");

    auto rows = ctx.circles();
    if (!rows) return report(rows.error());
    const CircleRow* row = nullptr;
    for (const auto& r : *rows)
        if (r.circle.id == form.circleId) row = &r;
    SignupContext sc;
    sc.circle = row ? &row->circle : nullptr;
    sc.state = row ? row->summary.state : SignupState::Open;
    sc.regionCode = row ? ctx.regionFor(row->circle) : ctx.config().country;
    sc.allowMobileOnly = ctx.config().signup.allowMobileOnly;
    const SignupValidation v = validateSignup(form, sc);
    if (!v.valid) {
        printFieldErrors(v.errors);
        return kFailed;
    }
    const SignupForm& f = v.valid->form;
    Signup s;
    s.circleId = f.circleId;
    s.name = f.name;
    s.email = f.email;
    s.mobile = f.mobile;
    s.goals = f.goals;
    s.support = f.support;
    s.customAnswer = f.customAnswer;
    s.consent = f.consent;
    s.consentVersion = ctx.config().signup.consentVersion;
    s.communicationsOptIn = f.communicationsOptIn;
    s.createdAt = s.updatedAt = ctx.now();
    s.sendUpstream = v.valid->sendUpstream;
    s.localOnlyReason = v.valid->localOnlyReason;
    s.source = "lcctl";
    auto db = ctx.db();
    if (!db) return report(db.error());
    if (row)
        if (auto full = claimSeatFor(ctx, **db, s, row->circle)) return *full;
    // The signup, its P2PU row and (when configured) its webhook row in one transaction.
    store::SignupRecord record{s, {}, {}};
    feed::addWebhookRow(record, ctx.config().webhook);
    auto written = store::writeSignup(**db, record);
    releaseSeatIfClaimed(ctx, s.id, written ? written->id : std::string());
    if (!written) return report(written.error());
    std::cout << written->id << "\n";
    if (!written->created) std::cerr << "lcctl: updated the earlier signup of this person\n";
    return kOk;
}

int cmdCheckin(Context& ctx, const Args& args) {
    auto id = parseCircleId(args.get("--circle"));
    if (!id) return report(id.error());
    const std::string name = text::trim(args.get("--name"));
    if (const std::string p = validation::nameProblem(name); !p.empty()) {
        std::cout << "name: " << p << "\n";
        return kFailed;
    }
    auto row = ctx.circle(*id);
    if (!row) return report(row.error());
    const auto meeting = meetingNow(*row, ctx.config(), ctx.now());
    if (!meeting) {
        std::cout << "circle: No meeting of this circle is open for check-in now.\n";
        return kFailed;
    }
    auto db = ctx.db();
    if (!db) return report(db.error());
    store::SignupRepository signups(**db);
    store::RosterRepository roster(**db);
    auto s = signups.forCircle(*id);
    auto r = roster.forCircle(*id);
    if (!s) return report(s.error());
    if (!r) return report(r.error());
    // Who is this? An exact (folded) name first; else one unique prefix match; else a walk-in.
    CheckIn c;
    c.circleId = *id;
    c.meetingDate = meeting->localDate;
    c.personName = name;
    c.at = ctx.now();
    const std::string query = names::fold(name);
    int prefixMatches = 0;
    for (const auto& x : *s) {
        if (x.voided) continue;
        const std::string folded = names::fold(x.name);
        if (folded == query) { c.signupId = x.id; c.personName = x.name; prefixMatches = -1; break; }
        if (names::matches(folded, query)) { ++prefixMatches; c.signupId = x.id; c.personName = x.name; }
    }
    if (prefixMatches >= 0) {
        for (const auto& x : *r) {
            const std::string folded = names::fold(x.name);
            if (folded == query) { c.signupId.clear(); c.rosterId = x.id; c.personName = x.name; prefixMatches = -1; break; }
            if (names::matches(folded, query)) { ++prefixMatches; c.signupId.clear(); c.rosterId = x.id; c.personName = x.name; }
        }
    }
    if (prefixMatches > 1) {
        std::cout << "name: " << prefixMatches << " people match; give the full name.\n";
        return kFailed;
    }
    if (prefixMatches == 0) { c.signupId.clear(); c.rosterId.clear(); c.personName = name; }
    store::CheckInRecord record{c, {}};
    feed::addWebhookRow(record, ctx.config().webhook);
    auto w = store::writeCheckIn(**db, record);
    if (!w) return report(w.error());
    std::cout << w->id << "\n";
    if (!w->created) std::cerr << "lcctl: already checked in to this meeting\n";
    return kOk;
}

int cmdImportRoster(Context& ctx, const Args& args) {
    auto id = parseCircleId(args.get("--circle"));
    if (!id) return report(id.error());
    if (args.positional.size() != 1)
        return report({ErrorCode::InvalidInput, "[lcctl.args.10]", "import-roster needs --circle ID FILE.csv"});
    const std::string path = args.positional[0];
    std::ifstream in(path, std::ios::binary);
    if (!in) return report({ErrorCode::Io, "[lcctl.roster.1]", "cannot read " + path});
    std::ostringstream buf;
    buf << in.rdbuf();
    auto table = csv::parse(buf.str());
    if (!table) return report({table.error().code, table.error().id, path + ": " + table.error().message});
    auto row = ctx.circle(*id);
    if (!row) return report(row.error());
    if (table->rows.empty()) return report({ErrorCode::InvalidInput, "[lcctl.roster.2]", path + ": empty file"});
    int nameCol = -1, emailCol = -1, mobileCol = -1;
    const auto& header = table->rows[0];
    for (std::size_t i = 0; i < header.size(); ++i) {
        std::string h = names::fold(text::trim(header[i]));
        if (h == "name") nameCol = int(i);
        else if (h == "email") emailCol = int(i);
        else if (h == "mobile") mobileCol = int(i);
    }
    if (nameCol < 0)
        return report({ErrorCode::InvalidInput, "[lcctl.roster.3]", path + ": the header row has no 'name' column"});
    std::vector<RosterEntry> entries;
    std::vector<std::string> problems;
    const std::string region = ctx.regionFor(row->circle);
    for (std::size_t r = 1; r < table->rows.size(); ++r) {
        const auto& cells = table->rows[r];
        const auto at = [&](int col) { return col >= 0 && col < int(cells.size()) ? text::trim(cells[col]) : std::string(); };
        const std::string where = "line " + std::to_string(table->lines[r]) + ": ";
        RosterEntry e;
        e.circleId = *id;
        e.name = at(nameCol);
        e.email = at(emailCol);
        e.importedAt = ctx.now();
        if (auto p = validation::nameProblem(e.name); !p.empty()) problems.push_back(where + "name: " + p);
        if (!e.email.empty() && !validation::isValidEmail(e.email)) problems.push_back(where + "email: Please enter a valid email address.");
        if (const std::string m = at(mobileCol); !m.empty()) {
            auto n = validation::normaliseMobile(m, region);
            if (n) e.mobile = *n;
            else problems.push_back(where + "mobile: Please enter a valid phone number.");
        }
        entries.push_back(std::move(e));
    }
    if (!problems.empty()) {
        for (const auto& p : problems) std::cout << p << "\n";
        std::cerr << "lcctl: nothing imported: fix the lines above and run again\n";
        return kFailed;
    }
    auto db = ctx.db();
    if (!db) return report(db.error());
    store::RosterRepository roster(**db);
    auto n = roster.replaceForCircle(*id, entries);
    if (!n) return report(n.error());
    std::cout << "imported " << *n << " names for circle " << *id << "\n";
    return kOk;
}

}  // namespace lc::lcctl
