#include "store_ports.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <lc/core/csv.hpp>
#include <lc/core/schedule.hpp>
#include <lc/feed/webhook.hpp>
#include <lc/fleet/exchange.hpp>
#include <lc/store/fleet_repository.hpp>
#include <lc/platform/files.hpp>
#include <lc/store/record_writer.hpp>

namespace lc::kiosk {

StorePorts::StorePorts(store::Database& db, const Config& config, const Clock& clock)
    : m_db(db), m_config(config), m_clock(clock), m_signups(db), m_checkins(db), m_roster(db),
      m_settings(db), m_outbox(db), m_circles(db), m_sync(db) {
    // A damaged store is found at start, not at the first signup: staff see it (staff page,
    // health file), and the app keeps serving what it can read.
    if (auto ok = db.quickCheck(); !ok) {
        m_integrityError = ok.error().describe();
        std::fprintf(stderr, "lc-kiosk: %s\n", m_integrityError.c_str());
    }
}

Result<void> StorePorts::reload() {
    // Built aside and swapped in only when every read worked: a busy or damaged store never
    // replaces the circles on screen with nothing.
    auto all = m_circles.all();
    if (!all) return fail(all.error());
    auto meta = m_circles.snapshot();
    if (!meta) return fail(meta.error());
    const Instant fetched = *meta ? (*meta)->fetchedAt : Instant{};
    std::vector<CircleEntry> fresh;
    fresh.reserve(all->size());
    for (auto& c : *all) {
        CircleEntry e;
        if (auto ms = schedule::meetings(c)) e.meetings = std::move(*ms);
        if (auto end = schedule::lastMeetingEnd(c)) e.lastMeetingEnd = *end;
        auto pending = m_signups.localPending(c.id, fetched);
        if (!pending) return fail(pending.error());
        e.localPending = *pending;
        e.circle = std::move(c);
        fresh.push_back(std::move(e));
    }
    m_cache = std::move(fresh);
    m_fetchedAt = fetched;
    return {};
}

std::string StorePorts::glyphText() const {
    std::string out;
    for (const auto& e : m_cache) {
        out += e.circle.name + e.circle.courseTitle + e.circle.venue.name + e.circle.venue.address;
        for (const auto& f : e.circle.facilitators) out += f;
        if (e.circle.signupQuestion) out += *e.circle.signupQuestion;
    }
    return out;
}

health::SyncHealth StorePorts::syncHealth() const {
    health::SyncHealth h;
    if (auto st = m_sync.get(); st && st->lastAttempt) {
        h.lastSyncAttempt = st->lastAttempt;
        h.lastSyncOk = st->lastError.empty();
    }
    if (auto meta = m_circles.snapshot(); meta && *meta) h.feedFetchedAt = (*meta)->fetchedAt;
    auto number = [&](const char* key) -> long long {
        const auto v = get(key);
        return v ? std::strtoll(v->c_str(), nullptr, 10) : 0;
    };
    const Instant lockedUntil{std::chrono::seconds{number(store::kSettingPinLockedUntil)}};
    if (lockedUntil > m_clock.now()) h.pinLockedUntil = lockedUntil;
    h.pinLockouts = static_cast<int>(number(store::kSettingPinLockouts));
    h.integrityOk = m_integrityError.empty();
    return h;
}

std::vector<CircleEntry> StorePorts::circles() const { return m_cache; }

Result<void> StorePorts::commit(const Signup& s) {
    // The signup, its P2PU outbox row and (when configured) its webhook row, in one transaction.
    store::SignupRecord record{s, {}, {}};
    feed::addWebhookRow(record, m_config.webhook);
    auto w = store::writeSignup(m_db, record);
    if (!w) return fail(w.error());
    (void)reload();  // seats left changed; on a read error the last good circles stay
    return {};
}

Result<std::vector<Person>> StorePorts::people(std::int64_t circleId) const {
    // Both reads or an error: a busy store must not make expected people look absent.
    auto ss = m_signups.forCircle(circleId);
    if (!ss) return fail(ss.error());
    auto rs = m_roster.forCircle(circleId);
    if (!rs) return fail(rs.error());
    std::vector<Person> out;
    for (const auto& s : *ss) {
        if (!s.voided) out.push_back({s.name, s.id, ""});
    }
    for (const auto& r : *rs) out.push_back({r.name, "", r.id});
    return out;
}

Result<void> StorePorts::checkIn(const CheckIn& c) {
    store::CheckInRecord record{c, {}};
    feed::addWebhookRow(record, m_config.webhook);
    auto w = store::writeCheckIn(m_db, record);
    if (!w) return fail(w.error());
    return {};
}

std::optional<std::string> StorePorts::get(std::string_view key) const {
    auto v = m_settings.getSetting(std::string(key));
    if (!v) return std::nullopt;
    return *v;
}

Result<void> StorePorts::set(std::string_view key, std::string_view value) {
    return m_settings.setSetting(std::string(key), std::string(value));
}

Result<std::vector<CheckIn>> StorePorts::checkins(std::int64_t circleId) {
    return m_checkins.forCircle(circleId);
}

Result<std::vector<Signup>> StorePorts::signups(std::int64_t circleId) {
    return m_signups.forCircle(circleId);
}

Result<void> StorePorts::undoCheckin(const std::string& id) { return m_checkins.remove(id); }

Result<void> StorePorts::voidSignup(const std::string& id) {
    auto r = m_signups.voidSignup(id);
    if (r) (void)reload();
    return r;
}

Result<std::string> StorePorts::exportAttendance(const std::string& folder, Instant now) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        return fail(ErrorCode::Io, "[kiosk.export.1]", "the export folder is not there (is the USB stick in?)");
    }
    const auto secs = now.time_since_epoch().count();
    const std::string path = (fs::path(folder) / ("attendance-" + std::to_string(secs) + ".csv")).string();
    std::string text = csv::row({"circle_id", "circle", "meeting_date", "name", "checked_in_at"});
    for (const auto& e : m_cache) {
        auto list = m_checkins.forCircle(e.circle.id);
        if (!list) return fail(list.error());  // never a file silently missing a circle
        for (const auto& c : *list) {
            char date[16];
            std::snprintf(date, sizeof date, "%04d-%02u-%02u", static_cast<int>(c.meetingDate.year()),
                          static_cast<unsigned>(c.meetingDate.month()),
                          static_cast<unsigned>(c.meetingDate.day()));
            text += csv::row({std::to_string(e.circle.id), e.circle.name, date, c.personName,
                              formatInstantUtc(c.at)});
        }
    }
    // The same writer as lcctl's exports: mode 0600, a fresh temp file (never a planted one or a
    // symlink), renamed into place.
    if (auto w = platform::writePrivateFile(path, text); !w)
        return fail(ErrorCode::Io, "[kiosk.export.2]", "could not write the file: " + w.error().message);
    return path;
}

Result<SyncStatus> StorePorts::syncStatus() {
    SyncStatus s;
    s.integrityError = m_integrityError;
    auto st = m_sync.get();
    if (!st) return fail(st.error());
    s.lastSuccess = st->lastSuccess;
    s.lastAttempt = st->lastAttempt;
    s.lastError = st->lastError;
    auto c = m_outbox.counts();
    if (!c) return fail(c.error());
    s.pending = c->pending;
    s.rejected = c->rejected;
    s.needsStaff = c->needsStaff;
    for (const char* state : {store::kOutboxRejected, store::kOutboxNeedsStaff}) {
        auto rows = m_outbox.listByState(state);
        if (!rows) return fail(rows.error());
        for (const auto& r : *rows) {
            std::string who;
            if (!r.signupId.empty()) {
                auto sg = m_signups.byId(r.signupId);
                if (!sg) return fail(sg.error());
                if (*sg) who = (*sg)->name;
            }
            s.issues.push_back({r.id, r.state, who, r.errorsJson.empty() ? r.lastError : r.errorsJson});
        }
    }
    if (m_config.fleet.enabled()) {
        auto fleet = store::FleetRepository(m_db).state();
        if (!fleet) return fail(fleet.error());
        for (const auto& o : fleet::parseOversold(fleet->oversold)) {
            std::string name;
            for (const auto& e : m_cache)
                if (e.circle.id == o.circleId) name = e.circle.name;
            s.oversold.push_back({o.circleId, name, o.over});
        }
    }
    return s;
}

Result<void> StorePorts::retry(const std::string& outboxId) {
    return m_outbox.retry(outboxId, m_clock.now());
}

void StorePorts::syncNow() {
    if (m_syncRequest) m_syncRequest();
}

}  // namespace lc::kiosk
