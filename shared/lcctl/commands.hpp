#pragma once
// One function per lcctl subcommand; each returns the process exit status.

#include "args.hpp"
#include "context.hpp"

namespace lc::lcctl {

int cmdSync(Context& ctx, const Args& args);
int cmdStatus(Context& ctx, const Args& args);
int cmdCircles(Context& ctx, const Args& args);
int cmdMeetings(Context& ctx, const Args& args);
int cmdSignup(Context& ctx, const Args& args);
int cmdCheckin(Context& ctx, const Args& args);
int cmdExport(Context& ctx, const Args& args);
int cmdImportRoster(Context& ctx, const Args& args);
int cmdForget(Context& ctx, const Args& args);
int cmdExportPerson(Context& ctx, const Args& args);
int cmdPurge(Context& ctx, const Args& args);
int cmdBackup(Context& ctx, const Args& args);
int cmdOutbox(Context& ctx, const Args& args);
int cmdSetPin(Context& ctx, const Args& args);
int cmdFleet(Context& ctx, const Args& args);

/// Prints "lcctl: <error>" on stderr and returns kFailed (kUsage for bad input from the caller).
int report(const Error& e);

}  // namespace lc::lcctl
