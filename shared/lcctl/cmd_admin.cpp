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

#include <lc/core/version.hpp>
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

}  // namespace

int cmdStatus(Context& ctx, const Args&) {
    auto db = ctx.db();
    if (!db) return report(db.error());
    auto sync = store::SyncStateRepository(**db).get();
    if (!sync) return report(sync.error());
    auto counts = store::OutboxRepository(**db).counts();
    if (!counts) return report(counts.error());
    store::CircleRepository circles(**db);
    auto all = circles.all();
    if (!all) return report(all.error());
    auto snap = circles.snapshot();
    if (!snap) return report(snap.error());
    const Instant now = ctx.now();
    const bool ok = sync->lastSuccess.has_value() && sync->lastError.empty();
    json out{{"version", kVersion},
             {"last_sync_ok", ok},
             {"last_attempt", instantOrNull(sync->lastAttempt)},
             {"last_success", instantOrNull(sync->lastSuccess)},
             {"last_error", sync->lastError.empty() ? json(nullptr) : json(sync->lastError)},
             {"feed_age_s", *snap ? json((now - (*snap)->fetchedAt).count()) : json(nullptr)},
             {"circles", all->size()},
             {"outbox_pending", counts->pending},
             {"outbox_rejected", counts->rejected},
             {"outbox_needs_staff", counts->needsStaff},
             {"clock_plausible", clockPlausible(now)},
             {"processes", processes(now)},
             {"fleet", fleetStatusJson(ctx, **db)}};
    const auto warnings = storeWarnings(ctx, **db);
    out["warnings"] = warningsJson(warnings);
    if (ctx.json()) {
        std::cout << out.dump(2) << "\n";
        return kOk;
    }
    std::cout << "learning-circle-kiosk " << kVersion << "\n"
              << "database:        " << ctx.dbPath() << "\n"
              << "circles:         " << all->size() << "\n"
              << "last sync:       " << (ok ? "ok" : "FAILED") << ", attempted "
              << (sync->lastAttempt ? formatInstantUtc(*sync->lastAttempt) : "never") << "\n";
    if (!sync->lastError.empty()) std::cout << "last error:      " << sync->lastError << "\n";
    if (*snap) std::cout << "feed age:        " << (now - (*snap)->fetchedAt).count() / 60 << " min\n";
    std::cout << "outbox:          " << counts->pending << " pending, " << counts->rejected << " rejected, "
              << counts->needsStaff << " waiting for staff\n"
              << "clock:           " << (clockPlausible(now) ? "plausible" : "NOT plausible") << "\n";
    printFleetStatus(out["fleet"]);
    for (const auto& p : out["processes"])
        std::cout << "running:         " << p.value("program", "?") << " (pid " << p.value("pid", 0) << ")\n";
    for (const auto& w : warnings) std::cout << "warning:         " << w.message << "\n";
    return kOk;
}

int cmdBackup(Context& ctx, const Args& args) {
    if (args.positional.size() != 1)
        return report({ErrorCode::InvalidInput, "[lcctl.args.16]", "backup needs a destination FILE"});
    auto db = ctx.db();
    if (!db) return report(db.error());
    if (auto r = (*db)->backupTo(args.positional[0]); !r) return report(r.error());
    std::cout << "backed up " << ctx.dbPath() << " to " << args.positional[0] << "\n";
    return kOk;
}

int cmdSetPin(Context& ctx, const Args&) {
    if (sodium_init() < 0) return report({ErrorCode::Internal, "[lcctl.pin.1]", "libsodium failed to start"});
    const std::string pin = readPin("New staff PIN (4 to 12 digits): ");
    const bool digits = pin.find_first_not_of("0123456789") == std::string::npos;
    if (!digits || pin.size() < 4 || pin.size() > 12)
        return report({ErrorCode::InvalidInput, "[lcctl.pin.2]", "the PIN must be 4 to 12 digits"});
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
