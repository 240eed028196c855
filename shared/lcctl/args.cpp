#include "args.hpp"

namespace lc::lcctl {
namespace {

Unexpected usage(const std::string& id, const std::string& message) {
    return fail(ErrorCode::InvalidInput, "[lcctl.args." + id + "]", message);
}

// Consumes a global option at argv[i]; returns true when it was one.
Result<bool> takeGlobal(int argc, const char* const* argv, int& i, GlobalOptions& g) {
    const std::string a = argv[i];
    std::string* target = nullptr;
    if (a == "--db") target = &g.db;
    else if (a == "--config") target = &g.config;
    else if (a == "--now") target = &g.now;
    else if (a == "--json") return (g.json = true);
    else if (a == "--help" || a == "-h") return (g.help = true);
    else if (a == "--version") return (g.version = true);
    if (!target) return false;
    if (i + 1 >= argc) return usage("1", a + " needs a value");
    *target = argv[++i];
    return true;
}

}  // namespace

Result<Args> parseArgs(int argc, const char* const* argv,
                       const std::map<std::string, CommandSpec>& specs) {
    Args args;
    const CommandSpec* spec = nullptr;
    for (int i = 1; i < argc; ++i) {
        auto global = takeGlobal(argc, argv, i, args.global);
        if (!global) return fail(global.error());
        if (*global) continue;
        const std::string a = argv[i];
        if (args.command.empty()) {
            if (a.rfind("--", 0) == 0) return usage("2", "unknown option " + a + " (see lcctl --help)");
            auto it = specs.find(a);
            if (it == specs.end()) return usage("3", "unknown command '" + a + "' (see lcctl --help)");
            args.command = a;
            spec = &it->second;
            continue;
        }
        if (a.rfind("--", 0) == 0) {
            if (spec->flags.count(a)) {
                args.options[a] = "";
            } else if (spec->valued.count(a)) {
                if (i + 1 >= argc) return usage("1", a + " needs a value");
                args.options[a] = argv[++i];
            } else {
                return usage("4", "unknown option " + a + " for " + args.command +
                                      " (see lcctl " + args.command + " --help)");
            }
            continue;
        }
        if (static_cast<int>(args.positional.size()) >= spec->maxPositional)
            return usage("5", "unexpected argument '" + a + "' for " + args.command);
        args.positional.push_back(a);
    }
    return args;
}

}  // namespace lc::lcctl
