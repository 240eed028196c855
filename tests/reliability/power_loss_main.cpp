// power_loss: many power cuts during durable signups, each checked after "reboot".
//
//   power_loss --dir DIR [--runs N] [--seed S] [--signups K] [--template DB] [--control 1]
//
// Each run forks a writer that opens the store through the powercut VFS (a fresh file, or a copy
// of --template), upserts K signups and records each id once upsert has returned (the kiosk's
// "confirmed"), while the VFS cuts the power at a random write/truncate/sync/delete operation:
// every unsynced region is put back as it was at its last xSync and the writer ends at once. The
// parent then reopens the file with the real VFS and checks: integrity_check ok, every confirmed
// signup present and identical, and no signup without its outbox row (one transaction). The cut
// point is drawn uniformly over the operations that a calibration run (no cut) counted.
// Prints one summary line; exits 1 on any loss, corruption, torn write or crash.
// --control 1 runs the writer with synchronous=OFF, which must lose confirmed signups: proof that
// the shim drops what was not synced (it then exits 0 only when something was lost).
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <lc/store/database.hpp>
#include <lc/store/outbox_repository.hpp>
#include <lc/store/signup_repository.hpp>

#include "powercut_vfs.hpp"

namespace fs = std::filesystem;
using lc::reliability::PowercutState;

namespace {

constexpr int kCutExit = 42;

struct Options {
    fs::path dir;
    int runs = 20;
    std::uint64_t seed = 1;
    int signups = 30;
    std::string templateDb;
    bool control = false;
};

// One run's set-up: where, from what, with which checkpoint interval, cut where.
struct Plan {
    std::uint64_t seed = 0;
    bool fromTemplate = false;
    int autoCheckpoint = 1000;
    std::uint64_t cutAt = 0;
    int signups = 0;
    bool control = false;
    fs::path db, confirmed, ops;
};

struct Totals {
    int runs = 0, cuts = 0, uncut = 0, confirmed = 0, lost = 0, corrupt = 0, torn = 0, crashes = 0;
};

lc::Signup makeSignup(std::uint64_t seed, int k) {
    lc::Signup s;
    s.circleId = 3103;
    s.name = "Power Cut " + std::to_string(k);
    s.email = "cut-" + std::to_string(seed) + "-" + std::to_string(k) + "@example.org";
    s.goals = "Survive a power cut, seed " + std::to_string(seed);
    s.support = "fsync";
    s.consent = true;
    s.consentVersion = "2026-11-01";
    s.createdAt = s.updatedAt = lc::Instant{std::chrono::seconds{1796040000 + k}};
    s.source = "powercut";
    return s;
}

void writeAll(int fd, const std::string& s) {
    if (::write(fd, s.data(), s.size()) != static_cast<ssize_t>(s.size())) std::_Exit(5);
}

// The writer, in the forked child: never returns.
[[noreturn]] void writer(const Plan& plan) {
    PowercutState st;
    st.cutAt = plan.cutAt;
    st.exitCode = kCutExit;
    lc::reliability::installPowercutVfs(st);
    const int out = ::open(plan.confirmed.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0600);
    if (out < 0) std::_Exit(5);
    {
        auto db = lc::store::Database::open(plan.db.string());
        if (!db) {
            std::cerr << "power_loss: open failed: " << db.error().describe() << "\n";
            std::_Exit(3);
        }
        const std::string pragma = "PRAGMA wal_autocheckpoint=" + std::to_string(plan.autoCheckpoint);
        sqlite3_exec(db->handle(), pragma.c_str(), nullptr, nullptr, nullptr);
        if (plan.control) sqlite3_exec(db->handle(), "PRAGMA synchronous=OFF", nullptr, nullptr, nullptr);
        lc::store::SignupRepository repo(*db);
        for (int k = 0; k < plan.signups; ++k) {
            auto w = repo.upsert(makeSignup(plan.seed, k));
            if (!w) {
                std::cerr << "power_loss: upsert failed: " << w.error().describe() << "\n";
                std::_Exit(4);
            }
            writeAll(out, std::to_string(k) + " " + w->id + "\n");
        }
    }  // closing the last connection checkpoints and deletes the -wal: cuts can land there too
    const int ops = ::open(plan.ops.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    writeAll(ops, std::to_string(st.ops) + "\n");
    std::_Exit(0);
}

void prepare(const Plan& plan, const Options& opt) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(plan.db.string() + suffix);
    fs::remove(plan.confirmed);
    if (!plan.fromTemplate) return;
    fs::copy_file(opt.templateDb, plan.db);
    if (fs::exists(opt.templateDb + "-wal")) fs::copy_file(opt.templateDb + "-wal", plan.db.string() + "-wal");
}

// Runs the writer in a child; returns its exit code (128+signal when it died of one).
int runWriter(const Plan& plan) {
    std::cout.flush();
    const pid_t pid = ::fork();
    if (pid < 0) std::_Exit(6);
    if (pid == 0) writer(plan);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::map<int, std::string> readConfirmed(const fs::path& p) {
    std::map<int, std::string> ids;
    std::ifstream in(p);
    int k = 0;
    std::string id;
    while (in >> k >> id) ids[k] = id;
    return ids;
}

// After the "reboot": the store as the apps would open it.
void verify(const Plan& plan, Totals& t) {
    const auto confirmed = readConfirmed(plan.confirmed);
    t.confirmed += int(confirmed.size());
    auto db = lc::store::Database::open(plan.db.string());
    if (!db) {
        std::cerr << "power_loss: seed " << plan.seed << ": reopen failed: " << db.error().describe() << "\n";
        ++t.corrupt;
        t.lost += int(confirmed.size());
        return;
    }
    if (auto ok = db->integrityCheck(); !ok) {
        std::cerr << "power_loss: seed " << plan.seed << ": " << ok.error().describe() << "\n";
        ++t.corrupt;
    }
    lc::store::SignupRepository repo(*db);
    for (const auto& [k, id] : confirmed) {
        auto s = repo.byId(id);
        const lc::Signup want = makeSignup(plan.seed, k);
        if (!s || !*s || (*s)->email != want.email || (*s)->name != want.name || (*s)->goals != want.goals) {
            std::cerr << "power_loss: seed " << plan.seed << ": confirmed signup " << k << " lost\n";
            ++t.lost;
        }
    }
    // Atomicity: every signup has the outbox row enqueued in its transaction.
    lc::store::OutboxRepository outbox(*db);
    auto pending = outbox.listByState(lc::store::kOutboxPending);
    auto all = repo.all();
    if (!pending || !all) {
        ++t.corrupt;
        return;
    }
    std::set<std::string> queued;
    for (const auto& r : *pending) queued.insert(r.signupId);
    for (const auto& s : *all)
        if (!queued.count(s.id)) ++t.torn;
}

std::uint64_t calibrate(Plan plan, const Options& opt) {
    plan.cutAt = 0;
    prepare(plan, opt);
    const int rc = runWriter(plan);
    std::ifstream in(plan.ops);
    std::uint64_t ops = 0;
    in >> ops;
    if (rc != 0 || ops == 0) {
        std::cerr << "power_loss: calibration run failed (exit " << rc << ")\n";
        std::exit(1);
    }
    return ops;
}

bool parse(int argc, char** argv, Options& o) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--dir") o.dir = v;
        else if (k == "--runs") o.runs = std::stoi(v);
        else if (k == "--seed") o.seed = std::stoull(v);
        else if (k == "--signups") o.signups = std::stoi(v);
        else if (k == "--template") o.templateDb = v;
        else if (k == "--control") o.control = v == "1";
        else return false;
    }
    return argc % 2 == 1 && !o.dir.empty();
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    if (!parse(argc, argv, opt)) {
        std::cerr << "usage: power_loss --dir DIR [--runs N] [--seed S] [--signups K] [--template DB]\n";
        return 64;
    }
    fs::create_directories(opt.dir);
    // Calibrate each shape of run once: fresh or from the template, default or tight checkpoints.
    std::map<std::pair<bool, int>, std::uint64_t> opsFor;
    Plan base;
    base.signups = opt.signups;
    base.control = opt.control;
    base.db = opt.dir / "power.db";
    base.confirmed = opt.dir / "confirmed.txt";
    base.ops = opt.dir / "ops.txt";
    for (bool tpl : {false, true}) {
        if (tpl && opt.templateDb.empty()) continue;
        for (int ckpt : {1000, 8}) {
            Plan p = base;
            p.fromTemplate = tpl;
            p.autoCheckpoint = ckpt;
            opsFor[{tpl, ckpt}] = calibrate(p, opt);
        }
    }
    Totals t;
    for (int i = 0; i < opt.runs; ++i) {
        Plan p = base;
        p.seed = opt.seed + std::uint64_t(i);
        std::mt19937_64 rng(p.seed);
        p.fromTemplate = !opt.templateDb.empty() && rng() % 4 != 0;
        p.autoCheckpoint = rng() % 2 ? 1000 : 8;
        p.cutAt = 1 + rng() % opsFor[{p.fromTemplate, p.autoCheckpoint}];
        prepare(p, opt);
        const int rc = runWriter(p);
        ++t.runs;
        if (rc == kCutExit) ++t.cuts;
        else if (rc == 0) ++t.uncut;
        else {
            std::cerr << "power_loss: seed " << p.seed << ": writer exit " << rc << "\n";
            ++t.crashes;
        }
        verify(p, t);
    }
    std::cout << "power loss: runs " << t.runs << ", power cuts " << t.cuts << ", uncut " << t.uncut
              << ", confirmed " << t.confirmed << ", lost " << t.lost << ", corrupt " << t.corrupt
              << ", torn " << t.torn << ", crashes " << t.crashes << (opt.control ? " (control: synchronous=OFF)" : "") << "\n";
    if (opt.control) return t.lost > 0 && t.crashes == 0 ? 0 : 1;
    return t.lost == 0 && t.corrupt == 0 && t.torn == 0 && t.crashes == 0 ? 0 : 1;
}
