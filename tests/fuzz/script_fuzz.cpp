// libFuzzer target: the `--script` parser of the apps (lc::script::parse).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <lc/core/script.hpp>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view source(reinterpret_cast<const char*>(data), size);
    auto steps = lc::script::parse(source);
    if (!steps) {
        lc::fuzz::check(steps.error().id.rfind("[script.parse.", 0) == 0, "error id");
        lc::fuzz::check(lc::text::isValidUtf8(steps.error().message), "message is UTF-8");
        return 0;
    }
    std::size_t lastLine = 0;
    for (const auto& s : *steps) {
        lc::fuzz::check(s.line > lastLine, "lines increase");
        lastLine = s.line;
        lc::fuzz::check(lc::text::isValidUtf8(s.text), "argument is UTF-8");
        if (s.command == lc::script::Command::Advance) lc::fuzz::check(s.amount.count() > 0, "advance > 0");
        (void)lc::script::commandName(s.command);
    }
    return 0;
}
