// Operator subcommands: status, backup, set-pin.
#include <dirent.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <lc/core/pin_policy.hpp>
#include <lc/core/version.hpp>
#include <lc/feed/ingest.hpp>
#include <lc/store/circle_repository.hpp>
#include <lc/store/outbox_repository.hpp>
#include <lc/store/settings_repository.hpp>
#include <lc/store/sync_state_repository.hpp>

#include "commands.hpp"
#include "config_warnings.hpp"
#include "fleet.hpp"

namespace lc::lcctl {
namespace {

using nlohmann::json;

json instantOrNull(const std::optional<Instant>& t) {
    return t ? json(formatInstantUtc(*t)) : json(nullptr);
}

// The health files of running apps: /run/learning-circles/<program>.json ($LC_RUN_DIR in tests).
json processes(Instant now) {
    const char* env = std::getenv("LC_RUN_DIR");
    const std::string dir = env && *env ? env : "/run/learning-circles";
    json out = json::array();
    DIR* d = ::opendir(dir.c_str());
    if (!d) return out;
    while (const dirent* e = ::readdir(d)) {
        const std::string name = e->d_name;
        if (name.size() < 6 || name.substr(name.size() - 5) != ".json") continue;
        std::ifstream in(dir + "/" + name);
        std::stringstream buf;
        buf << in.rdbuf();
        const json h = json::parse(buf.str(), nullptr, false);
        if (!h.is_object() || !h.contains("pid") || !h["pid"].is_number_integer()) continue;
        const int pid = h["pid"].get<int>();
        if (pid <= 0 || (::kill(pid, 0) != 0 && errno != EPERM)) continue;  // stale file
        json p = h;
        if (h.contains("started_at") && h["started_at"].is_string())
            if (auto t = parseInstant(h["started_at"].get<std::string>()))
                p["uptime_s"] = std::max<long long>(0, (now - *t).count());
        out.push_back(p);
    }
    ::closedir(d);
    return out;
}

// Reads a PIN from the terminal without echo, or from stdin when it is not a terminal.
std::string readPin(const char* prompt) {
    const bool tty = ::isatty(STDIN_FILENO);
    termios old{};
    if (tty) {
        std::cerr << prompt;
        ::tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string pin;
    std::getline(std::cin, pin);
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::cerr << "\n";
    }
    return pin;
}

struct PinLock {
    std::optional<Instant> until;  ///< while a lockout runs
    int lockouts = 0;
};

// The kiosk's PIN lockout, from the settings it keeps them in.
PinLock readPinLock(store::Database& db, Instant now) {
    store::SettingsRepository settings(db);
    auto number = [&](const char* key) -> long long {
        auto v = settings.getSetting(key);
        if (!v || !*v) return 0;
        char* end = nullptr;
        const long long n = std::strtoll((*v)->c_str(), &end, 10);
        return (end && *end == '\0') ? n : 0;
    };
    PinLock lock;
    lock.lockouts = static_cast<int>(number(store::kSettingPinLockouts));
    const Instant until{std::chrono::seconds{number(store::kSettingPinLockedUntil)}};
    if (until > now) lock.until = until;
    return lock;
}

}  // namespace

namespace {

// The store's part of `status`. On a damaged store (quick_check fails) every value that cannot be
// read is null and integrity_ok is false with the reason, so status still answers.
Result<json> storeStatus(store::Database& db, Instant now) {
    auto integrity = db.quickCheck();
    json out{{"integrity_ok", integrity.has_value()},
             {"integrity_error", integrity ? json(nullptr) : json(integrity.error().describe())}};
    auto sync = store::SyncStateRepository(db).get();
    auto counts = store::OutboxRepository(db).counts();
    store::CircleRepository circles(db);
    auto all = circles.all();
    auto snap = circles.snapshot();
    auto skips = store::SettingsRepository(db).getSetting(feed::kSkipSummaryKey);
    for (const Error* e : {sync ? nullptr : &sync.error(), counts ? nullptr : &counts.error(),
                           all ? nullptr : &all.error(), snap ? nullptr : &snap.error(),
                           skips ? nullptr : &skips.error()})
        if (e && integrity) return fail(*e);
    const bool ok = sync && sync->lastSuccess.has_value() && sync->lastError.empty();
    out["last_sync_ok"] = ok;
    out["last_attempt"] = sync ? instantOrNull(sync->lastAttempt) : json(nullptr);
    out["last_success"] = sync ? instantOrNull(sync->lastSuccess) : json(nullptr);
    out["last_error"] = sync && !sync->lastError.empty() ? json(sync->lastError) : json(nullptr);
    out["feed_age_s"] = snap && *snap ? json((now - (*snap)->fetchedAt).count()) : json(nullptr);
    out["circles"] = all ? json(all->size()) : json(nullptr);
    out["skip_summary"] = skips && *skips && !(*skips)->empty() ? json(**skips) : json(nullptr);
    out["outbox_pending"] = counts ? json(counts->pending) : json(nullptr);
    out["outbox_rejected"] = counts ? json(counts->rejected) : json(nullptr);
    out["outbox_needs_staff"] = counts ? json(counts->needsStaff) : json(nullptr);
    const PinLock pinLock = readPinLock(db, now);
    out["pin_locked_until"] = pinLock.until ? json(formatInstantUtc(*pinLock.until)) : json(nullptr);
    out["pin_lockouts"] = pinLock.lockouts;
    return out;
}

std::string orText(const json& v, const std::string& none) {
    if (v.is_null()) return none;
    return v.is_string() ? v.get<std::string>() : v.dump();
}

void printStatus(const json& s, const std::string& dbPath) {
    std::cout << "learning-circle-kiosk " << kVersion << "\n"
              << "database:        " << dbPath << "\n";
    if (!s["config_warning"].is_null()) std::cout << "WARNING:         " << orText(s["config_warning"], "") << "\n";
    if (!s["integrity_ok"].get<bool>())
        std::cout << "INTEGRITY:       FAILED: " << orText(s["integrity_error"], "?")
                  << " (restore the last good backup: see README, Backups)\n";
    std::cout << "circles:         " << orText(s["circles"], "?") << "\n"
              << "last sync:       " << (s["last_sync_ok"].get<bool>() ? "ok" : "FAILED") << ", attempted "
              << orText(s["last_attempt"], "never") << "\n";
    if (!s["last_error"].is_null()) std::cout << "last error:      " << orText(s["last_error"], "") << "\n";
    if (!s["skip_summary"].is_null()) std::cout << "feed skips:      " << orText(s["skip_summary"], "") << "\n";
    if (!s["feed_age_s"].is_null()) std::cout << "feed age:        " << s["feed_age_s"].get<long long>() / 60 << " min\n";
    std::cout << "outbox:          " << orText(s["outbox_pending"], "?") << " pending, "
              << orText(s["outbox_rejected"], "?") << " rejected, " << orText(s["outbox_needs_staff"], "?")
              << " waiting for staff\n"
              << "clock:           " << (s["clock_plausible"].get<bool>() ? "plausible" : "NOT plausible") << "\n";
    if (!s["pin_locked_until"].is_null())
        std::cout << "staff PIN:       LOCKED until " << orText(s["pin_locked_until"], "") << " (lockout "
                  << s["pin_lockouts"].get<int>() << " in a row; each doubles, up to 24 h)\n";
    for (const auto& p : s["processes"])
        std::cout << "running:         " << p.value("program", "?") << " (pid " << p.value("pid", 0) << ")\n";
}

}  // namespace

int cmdStatus(Context& ctx, const Args&) {
    auto db = ctx.db();
    if (!db) return report(db.error());
    const Instant now = ctx.now();
    auto out = storeStatus(**db, now);
    if (!out) return report(out.error());
    (*out)["version"] = kVersion;
    (*out)["config_warning"] = ctx.config().exposureWarning.empty() ? json(nullptr) : json(ctx.config().exposureWarning);
    (*out)["clock_plausible"] = clockPlausible(now);
    (*out)["processes"] = processes(now);
    (*out)["fleet"] = fleetStatusJson(ctx, **db);
    const auto warnings = storeWarnings(ctx, **db);
    (*out)["warnings"] = warningsJson(warnings);
    if (ctx.json()) {
        std::cout << out->dump(2) << "\n";
    } else {
        printStatus(*out, ctx.dbPath());
        printFleetStatus((*out)["fleet"]);
        for (const auto& w : warnings) std::cout << "warning:         " << w.message << "\n";
    }
    return (*out)["integrity_ok"].get<bool>() ? kOk : kFailed;
}

int cmdBackup(Context& ctx, const Args& args) {
    if (args.positional.size() != 1)
        return report({ErrorCode::InvalidInput, "[lcctl.args.16]", "backup needs a destination FILE"});
    auto db = ctx.db();
    if (!db) return report(db.error());
    // A damaged store is not copied over a good backup: restore an older backup instead.
    if (auto ok = (*db)->quickCheck(); !ok) return report(ok.error());
    if (auto r = (*db)->backupTo(args.positional[0]); !r) return report(r.error());
    std::cout << "backed up " << ctx.dbPath() << " to " << args.positional[0] << "\n";
    return kOk;
}

int cmdSetPin(Context& ctx, const Args&) {
    if (sodium_init() < 0) return report({ErrorCode::Internal, "[lcctl.pin.1]", "libsodium failed to start"});
    const std::string pin = readPin("New staff PIN (6 to 12 digits, not a pattern): ");
    if (const std::string problem = pin::pinProblem(pin); !problem.empty())
        return report({ErrorCode::InvalidInput, "[lcctl.pin.2]", problem});
    if (::isatty(STDIN_FILENO) && readPin("Again: ") != pin)
        return report({ErrorCode::InvalidInput, "[lcctl.pin.3]", "the two PINs differ"});
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return report({ErrorCode::Internal, "[lcctl.pin.4]", "out of memory hashing the PIN"});
    auto db = ctx.db();
    if (!db) return report(db.error());
    if (auto r = store::SettingsRepository(**db).setSetting(store::kSettingPinHash, hash); !r)
        return report(r.error());
    std::cout << "staff PIN set\n";
    return kOk;
}

}  // namespace lc::lcctl
