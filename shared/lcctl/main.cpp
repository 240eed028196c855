// lcctl: the admin command line over the kiosk's store.
#include <iostream>

#include <lc/core/version.hpp>
#include <lc/feed/curl_transport.hpp>

#include "commands.hpp"

namespace {

using namespace lc::lcctl;

const char* const kHelp = R"(Usage: lcctl [--db FILE] [--config FILE] [--now ISO-8601] [--json] COMMAND [options]

Admin command line for Learning Circle Kiosk. Global options may stand before or after COMMAND.
  --db FILE        the store (default: /var/lib/learning-circles/lc.db when it exists, else the
                   demo's, under $XDG_STATE_HOME/learning-circles/)
  --config FILE    the library's config (default: /etc/learning-circles/config.json if present)
  --now ISO        a fixed instant instead of the clock, e.g. 2026-11-30T12:00:00Z
  --json           print data as JSON

Commands:
  sync [--feed URL|PATH|demo] [--if-due]   pull the feed, then push queued signups
  status                                    sync state, outbox, clock, running apps
  circles                                   every circle in the store
  meetings (--circle ID | --from DATE [--days N])
  signup --circle ID --name N [--email E] [--mobile M] --goals G --support S
         [--answer A] --consent [--opt-in]  sign someone up (same rules as the kiosk)
  checkin --circle ID --name N              check in to the meeting open now
  export signups|attendance [--circle ID] [--meeting DATE] --csv FILE
  import-roster --circle ID FILE.csv        a learner list with a 'name' column
  forget (--email E | --mobile M)           erase one person's data everywhere
  export-person (--email E | --mobile M)    print everything held about one person
  purge [--older-than DAYS]                 apply the retention period (default 90 days)
  outbox [--retry ID | --retry-all]         records waiting for staff or refused upstream; retry
  backup FILE                               a consistent copy of the store
  set-pin                                   set the kiosk's staff PIN (read from the terminal)
  fleet status                              every device of the fleet (config "fleet")
  fleet report --from DATE --to DATE --csv FILE   signups and attendance across the fleet

Exit status: 0 done, 1 refused or failed, 2 offline or partly done (sync), 64 bad arguments.
)";

const std::map<std::string, lc::lcctl::CommandSpec>& specs() {
    static const std::map<std::string, CommandSpec> kSpecs{
        {"sync", {{"--feed"}, {"--if-due"}, 0}},
        {"status", {{}, {}, 0}},
        {"circles", {{}, {}, 0}},
        {"meetings", {{"--circle", "--from", "--days"}, {}, 0}},
        {"signup", {{"--circle", "--name", "--email", "--mobile", "--goals", "--support", "--answer"}, {"--consent", "--opt-in"}, 0}},
        {"checkin", {{"--circle", "--name"}, {}, 0}},
        {"export", {{"--circle", "--meeting", "--csv"}, {}, 1}},
        {"import-roster", {{"--circle"}, {}, 1}},
        {"forget", {{"--email", "--mobile"}, {}, 0}},
        {"export-person", {{"--email", "--mobile"}, {}, 0}},
        {"purge", {{"--older-than"}, {}, 0}},
        {"backup", {{}, {}, 1}},
        {"outbox", {{"--retry"}, {"--retry-all"}, 0}},
        {"set-pin", {{}, {}, 0}},
        {"fleet", {{"--from", "--to", "--csv"}, {}, 1}},
    };
    return kSpecs;
}

int dispatch(Context& ctx, const Args& args) {
    using Handler = int (*)(Context&, const Args&);
    static const std::map<std::string, Handler> kHandlers{
        {"sync", cmdSync}, {"status", cmdStatus}, {"circles", cmdCircles}, {"meetings", cmdMeetings},
        {"signup", cmdSignup}, {"checkin", cmdCheckin}, {"export", cmdExport},
        {"import-roster", cmdImportRoster}, {"forget", cmdForget}, {"export-person", cmdExportPerson},
        {"purge", cmdPurge}, {"backup", cmdBackup}, {"outbox", cmdOutbox}, {"set-pin", cmdSetPin},
        {"fleet", cmdFleet}};
    return kHandlers.at(args.command)(ctx, args);
}

}  // namespace

int lc::lcctl::report(const lc::Error& e) {
    std::cerr << "lcctl: " << e.describe() << "\n";
    return e.code == lc::ErrorCode::InvalidInput && e.id.rfind("[lcctl.args", 0) == 0 ? kUsage : kFailed;
}

int main(int argc, char** argv) {
    auto args = parseArgs(argc, argv, specs());
    if (!args) return report(args.error());
    if (args->global.version) {
        std::cout << "lcctl (learning-circle-kiosk) " << lc::kVersion << "\n";
        return kOk;
    }
    if (args->global.help || args->command.empty()) {
        std::cout << kHelp;
        return args->global.help ? kOk : kUsage;
    }
    const lc::feed::CurlGlobal curl;  // once, before any thread
    auto ctx = Context::make(args->global);
    if (!ctx) return report(ctx.error());
    return dispatch(*ctx, *args);
}
