#pragma once
// lcctl's command line: global options may stand before or after the subcommand (shared/README.md).

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <lc/core/result.hpp>

namespace lc::lcctl {

/// Options every subcommand understands.
struct GlobalOptions {
    std::string db;
    std::string config;
    std::string now;
    bool json = false;
    bool help = false;
    bool version = false;
};

/// A parsed command line.
struct Args {
    GlobalOptions global;
    std::string command;
    std::map<std::string, std::string> options;  ///< "--circle" → "3101"; flags map to ""
    std::vector<std::string> positional;          ///< after the command

    bool has(const std::string& name) const { return options.count(name) != 0; }
    std::string get(const std::string& name) const {
        auto it = options.find(name);
        return it == options.end() ? std::string{} : it->second;
    }
};

/// Which options a subcommand takes: those with a value and bare flags.
struct CommandSpec {
    std::set<std::string> valued;
    std::set<std::string> flags;
    int maxPositional = 0;
};

/// Parses argv. The subcommand's spec is looked up by name in `specs`; an unknown subcommand,
/// option or a missing value fails with a one-line reason ([lcctl.args.N]).
Result<Args> parseArgs(int argc, const char* const* argv,
                       const std::map<std::string, CommandSpec>& specs);

}  // namespace lc::lcctl
